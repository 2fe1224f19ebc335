/**
 * Builds the sample park (data/samples/bac-ninh-demo.*) from its human-readable description
 * (data/samples/bac-ninh-demo.description.json). Run with `npm run sample`.
 *
 * Layout is done in local metres (planar, in a geodesic east/north frame around the origin) and
 * converted vertex by vertex, so shared edges stay shared and land uses tile without overlaps.
 * Deterministic: ids derive from codes, timestamps come from the description.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { createLocalFrame, geodesicRingAreaM2, localToLonLat, type LocalFrame } from '../shared/geometry/local-frame';
import { clipSegmentToRing, insertTJunctions, insetRing, pointInRing, type XY } from '../shared/geometry/planar-ring';
import {
  FORMAT_VERSION,
  parkDocumentSchema,
  type AreaGeometry,
  type LandUseCode,
  type ParkDocument,
  type ParkFeature,
} from '../shared/model';
import type { SectorScheme } from '../shared/model/feature';
import { writeGeneratedFile } from './write-generated';
import { ECO_SETTINGS_KEY, type ExchangeStatus } from '../shared/eco/settings';

/** Shape of bac-ninh-demo.description.json; every length in metres, positions local [east, north]. */
export interface SampleDescription {
  project: {
    id: string; name: string; province: string; formerProvince?: string; author?: string;
    description?: string; createdAt: string; modifiedAt: string;
  };
  scenario: { name: string; description?: string };
  origin: { lon: number; lat: number };
  boundary: [number, number][];
  bufferWidthM: number;
  floorHeightM: number;
  setbackM: number;
  buildingGapM: number;
  industrialDefaults: { maxDensity: number; minGreenRatio: number; maxFloors: number; maxFar: number };
  roads: { code: string; name: string; widthM: number; from: [number, number]; to: [number, number]; clip: 'boundary' | 'inner' }[];
  parcels: {
    code: string; name: string; landUse?: LandUseCode; subtype?: string;
    window: [number, number, number, number];
    buildings?: string[];
    props?: Record<string, string | number | boolean>;
    /** The tenant of an industrial plot (issue 16): VSIC code (VSIC 2025 unless sectorScheme), name, staff. */
    sector?: string; sectorScheme?: SectorScheme; tenant?: string; employees?: number;
  }[];
  /** Symbiosis exchanges the sample's user has accepted, between parcels named by code. */
  ecoExchanges?: { from: string; to: string; resource: string; status: ExchangeStatus }[];
  points: { code: string; name: string; facilityType: string; at: [number, number] }[];
}

export const DESCRIPTION_PATH = fileURLToPath(new URL('../data/samples/bac-ninh-demo.description.json', import.meta.url));
export const GPKG_PATH = fileURLToPath(new URL('../data/samples/bac-ninh-demo.gpkg', import.meta.url));
export const GEOJSON_PATH = fileURLToPath(new URL('../data/samples/bac-ninh-demo.geojson', import.meta.url));

type Area = Feature<Polygon | MultiPolygon>;

const BUILDING_NAMES: Record<string, string> = {
  factory: 'Nhà xưởng',
  warehouse: 'Nhà kho',
  office: 'Nhà văn phòng',
  plant: 'Công trình kỹ thuật',
};

/** A stable UUID-shaped id from a name (SHA-1, version nibble 5), so regeneration is identical. */
export function stableId(name: string): string {
  const h = createHash('sha1').update(`ecopark-sample/${name}`).digest('hex');
  const v = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${v}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function readDescription(path = DESCRIPTION_PATH): SampleDescription {
  return JSON.parse(readFileSync(path, 'utf8')) as SampleDescription;
}

const closed = (ring: readonly XY[]): Position[] => [...ring.map((p) => [p[0], p[1]]), [ring[0][0], ring[0][1]]];
const polygonOf = (ring: readonly XY[]): Area => turf.polygon([closed(ring)]);
const rect = (x0: number, y0: number, x1: number, y1: number): Area =>
  polygonOf([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]);

function intersect(a: Area, b: Area): Area | null {
  return turf.intersect(turf.featureCollection([a, b])) as Area | null;
}
function difference(a: Area, ...rest: Area[]): Area | null {
  return rest.length === 0 ? a : (turf.difference(turf.featureCollection([a, ...rest])) as Area | null);
}
function planarAreaM2(a: Area | null): number {
  if (!a) return 0;
  const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
  let sum = 0;
  for (const poly of polys) {
    poly.forEach((ring, i) => {
      let s = 0;
      for (let k = 0; k + 1 < ring.length; k++) s += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
      sum += (i === 0 ? 1 : -1) * Math.abs(s / 2);
    });
  }
  return sum;
}

/** The corridor of a straight road: a rectangle `widthM` wide around the axis a→b. */
function corridor(a: XY, b: XY, widthM: number): Area {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const nx = (-(b[1] - a[1]) / len) * (widthM / 2);
  const ny = ((b[0] - a[0]) / len) * (widthM / 2);
  return polygonOf([[a[0] - nx, a[1] - ny], [b[0] - nx, b[1] - ny], [b[0] + nx, b[1] + ny], [a[0] + nx, a[1] + ny]]);
}

/** Rounds to 1e-9 degrees (0.1 mm): stable text without losing anything a planner measures. */
const round9 = (v: number): number => Math.round(v * 1e9) / 1e9;

function toLonLat(frame: LocalFrame, p: readonly number[]): [number, number] {
  const [lon, lat] = localToLonLat(frame, p[0], p[1]);
  return [round9(lon), round9(lat)];
}

function toAreaGeometry(frame: LocalFrame, a: Area): AreaGeometry {
  const conv = (rings: Position[][]) => rings.map((ring) => ring.map((p) => toLonLat(frame, p)));
  return a.geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: conv(a.geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: a.geometry.coordinates.map(conv) };
}

/** Converts the recorded areas in place, after adding every shared vertex to every ring. */
function nodeAndConvert(frame: LocalFrame, pending: { area: Area; geometry: AreaGeometry }[]): void {
  const rings: XY[][] = [];
  for (const { area } of pending) for (const poly of polygonsOf(area)) for (const ring of poly) rings.push(ring as unknown as XY[]);
  const noded = insertTJunctions(rings);
  let k = 0;
  for (const item of pending) {
    const polys = polygonsOf(item.area).map((poly) => poly.map(() => noded[k++].map((p) => toLonLat(frame, p))));
    Object.assign(item.geometry, polys.length === 1
      ? { type: 'Polygon', coordinates: polys[0] }
      : { type: 'MultiPolygon', coordinates: polys });
  }
}

const polygonsOf = (a: Area): Position[][][] => (a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates);

interface BuildingSpec { use: string; lengthM: number; depthM: number; heightM: number; floors?: number; roof: string }

function parseBuilding(spec: string, floorHeightM: number): BuildingSpec {
  const m = /^(\w+) (\d+)x(\d+) ([hf])(\d+) (flat|pitched|sawtooth|other)$/.exec(spec);
  if (!m) throw new Error(`bad building spec "${spec}"`);
  const value = Number(m[5]);
  return {
    use: m[1],
    lengthM: Number(m[2]),
    depthM: Number(m[3]),
    heightM: m[4] === 'h' ? value : value * floorHeightM,
    floors: m[4] === 'f' ? value : undefined,
    roof: m[6],
  };
}

/**
 * Packs footprints in a plot along its long axis, in order, as a row centred in the plot, each
 * at the first position (5 m steps, nearest the middle across) where the footprint plus the setback lies inside the plot.
 */
function placeBuildings(plot: Area, specs: BuildingSpec[], setbackM: number, gapM: number, code: string): Area[] {
  const [minX, minY, maxX, maxY] = turf.bbox(plot);
  const alongX = maxX - minX >= maxY - minY;
  const [a0, a1, c0, c1] = alongX ? [minX, maxX, minY, maxY] : [minY, maxY, minX, maxX];
  const outer = plot.geometry.type === 'Polygon' ? (plot.geometry.coordinates[0] as unknown as XY[]) : null;
  const placed: Area[] = [];
  // Centre the row along the plot so the yards on both ends come out similar.
  const rowM = specs.reduce((sum, s) => sum + s.lengthM, 0) + gapM * Math.max(0, specs.length - 1);
  let cursor = Math.max(a0 + setbackM, (a0 + a1) / 2 - rowM / 2);
  for (const s of specs) {
    let found: Area | null = null;
    const cMid = (c0 + c1) / 2;
    const crossSlack = (c1 - c0) / 2 - setbackM - s.depthM / 2;
    const crossOffsets = [0];
    for (let k = 5; k <= crossSlack; k += 5) crossOffsets.push(k, -k);
    for (let a = cursor; a + s.lengthM + setbackM <= a1 && !found; a += 5) {
      for (const off of crossOffsets) {
        const cc = cMid + off;
        const box = (m: number): [number, number, number, number] => (alongX
          ? [a - m, cc - s.depthM / 2 - m, a + s.lengthM + m, cc + s.depthM / 2 + m]
          : [cc - s.depthM / 2 - m, a - m, cc + s.depthM / 2 + m, a + s.lengthM + m]);
        const [x0, y0, x1, y1] = box(setbackM);
        const corners: XY[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
        if (outer && !corners.every((p) => pointInRing(p, outer))) continue;
        if (planarAreaM2(difference(rect(x0, y0, x1, y1), plot)) > 0.01) continue;
        found = rect(...box(0));
        cursor = a + s.lengthM + gapM;
        break;
      }
    }
    if (!found) throw new Error(`${code}: no room for ${s.use} ${s.lengthM}x${s.depthM}`);
    placed.push(found);
  }
  return placed;
}

/** Figures printed by the generator and checked by the tests. */
export interface SampleReport {
  boundaryAreaHa: number;
  areaHaByLandUse: Record<string, number>;
  unassignedAreaHa: number;
  counts: Record<string, number>;
  industrialPlots: number;
}

export function buildSampleDocument(desc: SampleDescription = readDescription()): { document: ParkDocument; report: SampleReport } {
  const frame = createLocalFrame(desc.origin.lon, desc.origin.lat);
  const boundaryRing = desc.boundary as XY[];
  const innerRing = insetRing(boundaryRing, desc.bufferWidthM);
  const boundary = polygonOf(boundaryRing);
  const inner = polygonOf(innerRing);
  const features: ParkFeature[] = [];
  // Areas are converted at the end, after noding (insertTJunctions), so shared edges match.
  const pending: { area: Area; geometry: AreaGeometry }[] = [];
  const geo = (a: Area): AreaGeometry => {
    const geometry: AreaGeometry = { type: 'Polygon', coordinates: [] };
    pending.push({ area: a, geometry });
    return geometry;
  };

  features.push({ id: stableId('boundary'), kind: 'boundary', name: desc.project.name, code: 'RG', geometry: geo(boundary) });

  // Roads: later roads give way to earlier ones at junctions, so traffic areas never overlap.
  const corridors: Area[] = [];
  const gateCorridors: Area[] = [];
  const roadFeatures: ParkFeature[] = [];
  for (const r of desc.roads) {
    const limit = r.clip === 'boundary' ? boundary : inner;
    const c = intersect(corridor(r.from, r.to, r.widthM), limit);
    if (!c) throw new Error(`road ${r.code} lies outside the park`);
    const own = difference(c, ...corridors);
    corridors.push(c);
    if (r.clip === 'boundary') gateCorridors.push(c);
    if (own) {
      features.push({
        id: stableId(`traffic/${r.code}`), kind: 'landuse', landUse: 'traffic', subtype: 'road',
        code: `GT-${r.code}`, name: r.name, geometry: geo(own), props: { roadWidthM: r.widthM },
      });
    }
    const pieces = clipSegmentToRing(r.from, r.to, r.clip === 'boundary' ? boundaryRing : innerRing);
    const lines = pieces.map(([a, b]) => [toLonLat(frame, a), toLonLat(frame, b)]);
    roadFeatures.push({
      id: stableId(`road/${r.code}`), kind: 'road', code: r.code, name: r.name, widthM: r.widthM,
      geometry: lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines },
    });
  }
  const buffer = difference(boundary, inner, ...gateCorridors);
  if (!buffer) throw new Error('no isolation strip');
  features.push({
    id: stableId('green/buffer'), kind: 'landuse', landUse: 'green', subtype: 'buffer', code: 'CX-CL',
    name: `Dải cây xanh cách ly ${desc.bufferWidthM} m`, geometry: geo(buffer), props: { widthM: desc.bufferWidthM },
  });

  const developable = difference(inner, ...corridors);
  if (!developable) throw new Error('roads cover the whole park');
  const buildingFeatures: ParkFeature[] = [];
  const windows = desc.parcels.map((p) => p.window);
  windows.forEach((w, i) => windows.slice(i + 1).forEach((v, k) => {
    const ox = Math.min(w[2], v[2]) - Math.max(w[0], v[0]);
    const oy = Math.min(w[3], v[3]) - Math.max(w[1], v[1]);
    if (ox > 0 && oy > 0) throw new Error(`parcels ${desc.parcels[i].code} and ${desc.parcels[i + 1 + k].code} overlap`);
  }));
  const parcelAreas: Area[] = [];
  for (const p of desc.parcels) {
    const area = intersect(rect(...p.window), developable);
    if (!area) throw new Error(`parcel ${p.code} is empty`);
    parcelAreas.push(area);
    const landUse = p.landUse ?? 'industrial';
    const indicators = landUse === 'industrial' ? desc.industrialDefaults : {};
    const tenant = { sector: p.sector, sectorScheme: p.sectorScheme, tenant: p.tenant, employees: p.employees };
    features.push({
      id: stableId(`parcel/${p.code}`), kind: 'landuse', landUse, subtype: p.subtype, code: p.code, name: p.name,
      ...indicators, ...Object.fromEntries(Object.entries(tenant).filter(([, v]) => v !== undefined)), geometry: geo(area), ...(p.props ? { props: p.props } : {}),
    });
    const specs = (p.buildings ?? []).map((s) => parseBuilding(s, desc.floorHeightM));
    placeBuildings(area, specs, desc.setbackM, desc.buildingGapM, p.code).forEach((b, i) => {
      const s = specs[i];
      buildingFeatures.push({
        id: stableId(`building/${p.code}/${i + 1}`), kind: 'building', code: `${p.code}-B${i + 1}`,
        name: `${BUILDING_NAMES[s.use] ?? s.use} ${p.code}-B${i + 1}`, heightM: s.heightM,
        ...(s.floors ? { floors: s.floors } : {}), roofType: s.roof as 'flat', geometry: toAreaGeometry(frame, b), props: { use: s.use },
      });
    });
  }
  nodeAndConvert(frame, pending);
  features.push(...roadFeatures, ...buildingFeatures);
  for (const pt of desc.points) {
    features.push({
      id: stableId(`point/${pt.code}`), kind: 'point', code: pt.code, name: pt.name, facilityType: pt.facilityType,
      geometry: { type: 'Point', coordinates: toLonLat(frame, pt.at) },
    });
  }

  const scenarioId = stableId('scenario/A');
  const document = parkDocumentSchema.parse({
    formatVersion: FORMAT_VERSION,
    project: {
      ...desc.project,
      id: stableId(`project/${desc.project.id}`),
      location: { lon: desc.origin.lon, lat: desc.origin.lat },
    },
    scenarios: [{ id: scenarioId, name: desc.scenario.name, description: desc.scenario.description, features }],
    activeScenarioId: scenarioId,
    settings: desc.ecoExchanges ? { [ECO_SETTINGS_KEY]: { exchanges: desc.ecoExchanges.map(ecoExchange) } } : {},
  });
  return { document, report: reportOf(document, planarAreaM2(difference(developable, ...parcelAreas)) / 1e4) };
}

/** A described exchange between parcel codes as the document stores it (between feature ids). */
function ecoExchange(e: NonNullable<SampleDescription['ecoExchanges']>[number]) {
  return { fromPlotId: stableId(`parcel/${e.from}`), toPlotId: stableId(`parcel/${e.to}`), resource: e.resource, status: e.status };
}

function areaHa(g: AreaGeometry): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let m2 = 0;
  for (const poly of polys) poly.forEach((ring, i) => { m2 += (i === 0 ? 1 : -1) * geodesicRingAreaM2(ring); });
  return m2 / 1e4;
}

function reportOf(doc: ParkDocument, unassignedAreaHa: number): SampleReport {
  const features = doc.scenarios[0].features;
  const counts: Record<string, number> = {};
  const areaHaByLandUse: Record<string, number> = {};
  let boundaryAreaHa = 0;
  let industrialPlots = 0;
  for (const f of features) {
    counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    if (f.kind === 'boundary') boundaryAreaHa = areaHa(f.geometry);
    if (f.kind === 'landuse') {
      areaHaByLandUse[f.landUse] = (areaHaByLandUse[f.landUse] ?? 0) + areaHa(f.geometry);
      if (f.landUse === 'industrial') industrialPlots++;
    }
  }
  return { boundaryAreaHa, areaHaByLandUse, unassignedAreaHa, counts, industrialPlots };
}

function printReport(r: SampleReport, files: string[]): void {
  console.log(`boundary: ${r.boundaryAreaHa.toFixed(2)} ha (geodesic, WGS84)`);
  for (const [code, ha] of Object.entries(r.areaHaByLandUse)) {
    console.log(`  ${code.padEnd(15)} ${ha.toFixed(2).padStart(8)} ha  ${((100 * ha) / r.boundaryAreaHa).toFixed(1).padStart(5)} %`);
  }
  console.log(`  ${'unassigned'.padEnd(15)} ${r.unassignedAreaHa.toFixed(3).padStart(8)} ha (planar)`);
  console.log(`industrial plots: ${r.industrialPlots}; features: ${Object.entries(r.counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const f of files) console.log(`wrote ${f}`);
}

async function main(): Promise<void> {
  const { document, report } = buildSampleDocument();
  const { default: initSqlJs } = await import('sql.js');
  const { writeProject } = await import('../shared/project-file/index');
  const { documentToGeoJson } = await import('../shared/io/geojson');
  const SQL = await initSqlJs();
  await writeGeneratedFile(GPKG_PATH, writeProject(SQL, document));
  const fc = documentToGeoJson(document);
  // One feature per line: readable diffs when the description changes.
  const { features, ...rest } = fc;
  const head = JSON.stringify(rest).slice(0, -1);
  await writeGeneratedFile(GEOJSON_PATH, `${head},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
  printReport(report, [GPKG_PATH, GEOJSON_PATH]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
