import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import geodesicLib from 'geographiclib-geodesic';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSampleDocument } from '../../../scripts/generate-sample';
import { documentToGeoJson } from '../../../shared/io/geojson';
import type { AreaGeometry, LandUseFeature, ParkDocument, ParkFeature } from '../../../shared/model';
import { readProject, writeProject } from '../../../shared/project-file';

const GPKG = 'data/samples/bac-ninh-demo.gpkg';
const GEOJSON = 'data/samples/bac-ninh-demo.geojson';
const geod = geodesicLib.Geodesic.WGS84;

/** Geodesic area (m²) and perimeter (m) of an area geometry with GeographicLib's PolygonArea. */
function geodesicArea(g: AreaGeometry): { areaM2: number; perimeterM: number } {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let areaM2 = 0;
  let perimeterM = 0;
  for (const poly of polys) {
    poly.forEach((ring, i) => {
      const p = geod.Polygon(false);
      for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat, lon);
      const r = p.Compute(false, true);
      areaM2 += (i === 0 ? 1 : -1) * Math.abs(r.area ?? 0);
      perimeterM += r.perimeter;
    });
  }
  return { areaM2, perimeterM };
}

const asTurf = (g: AreaGeometry) => turf.feature(g);

let doc: ParkDocument;
let features: ParkFeature[];
let landUse: LandUseFeature[];

beforeAll(async () => {
  const read = readProject(await initSqlJs(), new Uint8Array(readFileSync(GPKG)));
  if (!read.ok) throw new Error(`${read.reason}: ${read.detail}`);
  doc = read.document;
  features = doc.scenarios[0].features;
  landUse = features.filter((f): f is LandUseFeature => f.kind === 'landuse');
});

describe('sample park data/samples/bac-ninh-demo', () => {
  it('is a Bắc Ninh project with the scenario "Phương án A"', () => {
    expect(doc.project.province).toBe('Bắc Ninh');
    expect(doc.project.formerProvince).toBe('Bắc Ninh');
    expect(doc.scenarios.map((s) => s.name)).toEqual(['Phương án A']);
    expect(doc.project.location).toEqual({ lon: 106, lat: 21.1 });
  });

  it('has one boundary of 250–400 ha (geodesic)', () => {
    const boundaries = features.filter((f) => f.kind === 'boundary');
    expect(boundaries).toHaveLength(1);
    const ha = geodesicArea(boundaries[0].geometry as AreaGeometry).areaM2 / 1e4;
    expect(ha).toBeGreaterThan(250);
    expect(ha).toBeLessThan(400);
    // Not a rectangle: a realistic limit has many vertices.
    const ring = (boundaries[0].geometry as { coordinates: number[][][] }).coordinates[0];
    expect(ring.length).toBeGreaterThan(8);
  });

  it('has ≥ 30 industrial plots of 0.8–12 ha with codes, names and plot indicators', () => {
    const plots = landUse.filter((f) => f.landUse === 'industrial');
    expect(plots.length).toBeGreaterThanOrEqual(30);
    for (const p of plots) {
      expect(p.code).toMatch(/^CN-\d\d$/);
      expect(p.name).toBeTruthy();
      expect(p).toMatchObject({ maxDensity: 0.7, minGreenRatio: 0.2 });
      expect(p.maxFloors).toBeGreaterThan(0);
      expect(p.maxFar).toBeGreaterThan(0);
      const ha = geodesicArea(p.geometry).areaM2 / 1e4;
      expect(ha).toBeGreaterThanOrEqual(0.8);
      expect(ha).toBeLessThanOrEqual(12);
    }
    expect(new Set(plots.map((p) => p.code)).size).toBe(plots.length);
  });

  it('has ≥ 60 buildings, each inside a plot, with heights and roof types', () => {
    const buildings = features.filter((f) => f.kind === 'building');
    expect(buildings.length).toBeGreaterThanOrEqual(60);
    const plots = landUse.filter((f) => ['industrial', 'technical', 'admin_services'].includes(f.landUse));
    for (const b of buildings) {
      if (b.kind !== 'building') continue;
      const host = plots.filter((p) => turf.booleanWithin(asTurf(b.geometry), asTurf(p.geometry)));
      expect(host, b.code).toHaveLength(1);
      expect(b.heightM).toBeGreaterThanOrEqual(6);
      expect(b.roofType).toMatch(/^(flat|pitched|sawtooth)$/);
    }
    expect(buildings.some((b) => b.kind === 'building' && (b.heightM ?? 0) >= 40)).toBe(true);
  });

  it('tiles the park with land uses: no overlaps above 1 m², remainder under 0.5 %', () => {
    const boxes = landUse.map((f) => turf.bbox(asTurf(f.geometry)));
    let worstM2 = 0;
    for (let i = 0; i < landUse.length; i++) {
      for (let j = i + 1; j < landUse.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1]) continue;
        const x = turf.intersect(turf.featureCollection([asTurf(landUse[i].geometry), asTurf(landUse[j].geometry)]));
        if (x) worstM2 = Math.max(worstM2, geodesicArea(x.geometry as AreaGeometry).areaM2);
      }
    }
    expect(worstM2).toBeLessThan(1);
    const boundary = features.find((f) => f.kind === 'boundary');
    const total = geodesicArea(boundary?.geometry as AreaGeometry).areaM2;
    const covered = landUse.reduce((s, f) => s + geodesicArea(f.geometry).areaM2, 0);
    expect(Math.abs(total - covered) / total).toBeLessThan(0.005);
  });

  it('has a green isolation strip 10–20 m wide along the boundary', () => {
    const strips = landUse.filter((f) => f.landUse === 'green' && f.subtype === 'buffer');
    expect(strips).toHaveLength(1);
    const boundary = features.find((f) => f.kind === 'boundary');
    const { perimeterM } = geodesicArea(boundary?.geometry as AreaGeometry);
    // Mean width = strip area ÷ park perimeter (gates cut a little out of it).
    const meanWidthM = geodesicArea(strips[0].geometry).areaM2 / perimeterM;
    expect(meanWidthM).toBeGreaterThan(10);
    expect(meanWidthM).toBeLessThan(20);
  });

  it('has the shared infrastructure of an eco-industrial park', () => {
    const has = (code: string, subtype?: string) => landUse.some((f) => f.landUse === code && (!subtype || f.subtype === subtype));
    expect(has('water', 'retention')).toBe(true);
    expect(has('technical', 'substation')).toBe(true);
    expect(has('technical', 'water_supply')).toBe(true);
    expect(has('admin_services')).toBe(true);
    expect(has('green', 'park')).toBe(true);
    const wwtp = landUse.find((f) => f.subtype === 'wwtp');
    expect(wwtp?.props?.capacityM3PerDay).toBeGreaterThan(0);
    const facilities = new Set(features.flatMap((f) => (f.kind === 'point' ? [f.facilityType] : [])));
    for (const t of ['gate', 'substation', 'wwtp_outlet', 'fire_station']) expect(facilities.has(t)).toBe(true);
  });

  it('has a road hierarchy: a 40 m boulevard and 20–30 m internal roads, with traffic areas', () => {
    const roads = features.filter((f) => f.kind === 'road');
    const widths = roads.map((r) => (r.kind === 'road' ? r.widthM : 0));
    expect(widths).toContain(40);
    expect(widths.filter((w) => w >= 20 && w <= 30).length).toBeGreaterThanOrEqual(4);
    const trafficAreas = landUse.filter((f) => f.landUse === 'traffic' && f.subtype === 'road');
    expect(trafficAreas).toHaveLength(roads.length);
  });

  it('is what the generator builds now, and the generator is deterministic', async () => {
    const first = buildSampleDocument().document;
    const second = buildSampleDocument().document;
    expect(second).toEqual(first);
    expect(first).toEqual(doc);
    const SQL = await initSqlJs();
    const bytes = writeProject(SQL, first);
    // Identical bytes for identical input; the shipped file is compared as a document above,
    // so a change of the writer's byte layout alone does not fail this test.
    expect(Buffer.from(writeProject(SQL, second)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('ships a GeoJSON export equal to the project file', () => {
    const shipped = JSON.parse(readFileSync(GEOJSON, 'utf8')) as unknown;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(documentToGeoJson(doc))));
  });
});
