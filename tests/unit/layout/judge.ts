import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParkFeature } from '../../../shared/model/feature';

/**
 * The independent judge of generated layouts: GDAL's SQLite dialect with SpatiaLite (GEOS for
 * the booleans, PROJ for the projection), reading the layout as GeoJSON. Nothing here uses the
 * generator's geometry code. Areas and distances are in UTM zone 48N (EPSG:32648, scale factor
 * 0.9996–1.0002 over Viet Nam's 102–108° E: areas within 0.05 % of the geodesic ones).
 */
export interface Judgement {
  parkM2: number;
  /** Sum of land-use areas minus the area of their union. */
  overlapM2: number;
  /** Land-use area inside the boundary (union). */
  assignedM2: number;
  plotCount: number;
  plotMinM2: number;
  plotMaxM2: number;
  /** Largest distance from an industrial plot to the traffic land, m. */
  worstPlotToRoadM: number;
  /** Subtypes (else land uses) of the features GEOS finds invalid (ST_IsValid). */
  invalid: string[];
  /** Industrial plots by band (props.plotBand 'sme', else 'standard'): count, area range, total area and mean distance to the main gate, m. */
  bands: Record<string, { n: number; minM2: number; maxM2: number; totalM2: number; meanToGateM: number }>;
}

function query(file: string, layer: string, sql: string): Record<string, number> {
  const out = execFileSync('ogrinfo', ['-q', '-ro', file, '-dialect', 'SQLite', '-sql', sql.replaceAll('$L', `"${layer}"`)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const values: Record<string, number> = {};
  for (const m of out.matchAll(/^\s+(\w+) \((?:Real|Integer|Integer64)\) = (\S+)$/gm)) values[m[1]] = Number(m[2]);
  return values;
}

export function judgeLayout(features: readonly ParkFeature[]): Judgement {
  const dir = mkdtempSync(join(tmpdir(), 'layout-judge-'));
  try {
    const file = join(dir, 'layout.geojson');
    const layer = 'layout';
    const fc = {
      type: 'FeatureCollection',
      features: features.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          kind: f.kind,
          landUse: f.kind === 'landuse' ? f.landUse : null,
          subtype: f.kind === 'landuse' ? (f.subtype ?? null) : null,
          band: f.kind === 'landuse' && f.landUse === 'industrial' ? (f.props?.plotBand === 'sme' ? 'sme' : 'standard') : null,
          name: f.name ?? null,
        },
      })),
    };
    writeFileSync(file, JSON.stringify(fc));
    // $L stands for the layer in these queries.
    // Geometry is repaired before the booleans (GEOS refuses invalid input); invalid features are listed apart.
    const utm = (g: string) => `ST_Transform(${g === 'geometry' ? 'ST_MakeValid(geometry)' : g.replaceAll('(geometry)', '(ST_MakeValid(geometry))')}, 32648)`;
    const park = query(file, layer, `SELECT ST_Area(${utm('ST_Union(geometry)')}) AS park FROM $L WHERE kind = 'boundary'`).park;
    const areas = query(file, layer, `SELECT SUM(ST_Area(${utm('geometry')})) AS total, ST_Area(${utm('ST_Union(geometry)')}) AS merged FROM $L WHERE kind = 'landuse'`);
    const assigned = query(
      file,
      layer,
      `SELECT ST_Area(${utm("ST_Intersection((SELECT ST_Union(geometry) FROM $L WHERE kind = 'landuse'), (SELECT ST_Union(geometry) FROM $L WHERE kind = 'boundary'))")}) AS assigned`,
    ).assigned;
    const plots = query(
      file,
      layer,
      `SELECT COUNT(*) AS n, MIN(ST_Area(${utm('geometry')})) AS amin, MAX(ST_Area(${utm('geometry')})) AS amax,
         MAX(ST_Distance(${utm('geometry')}, (SELECT ${utm('ST_Union(geometry)')} FROM $L WHERE landUse = 'traffic'))) AS worst
       FROM $L WHERE landUse = 'industrial'`,
    );
    const invalid = execFileSync('ogrinfo', ['-q', '-ro', file, '-dialect', 'SQLite', '-sql', `SELECT COALESCE(subtype, landUse) AS what FROM "${layer}" WHERE kind = 'landuse' AND ST_IsValid(geometry) = 0`], { encoding: 'utf8' })
      .split('\n')
      .flatMap((line) => /^\s+what \(String\) = (.+)$/.exec(line)?.[1] ?? []);
    const bands: Judgement['bands'] = {};
    for (const band of ['standard', 'sme']) {
      const b = query(
        file,
        layer,
        `SELECT COUNT(*) AS n, MIN(ST_Area(${utm('geometry')})) AS amin, MAX(ST_Area(${utm('geometry')})) AS amax, SUM(ST_Area(${utm('geometry')})) AS total,
           AVG(ST_Distance(${utm('geometry')}, (SELECT ST_Transform(geometry, 32648) FROM $L WHERE name = 'Main entrance'))) AS gate
         FROM $L WHERE band = '${band}'`,
      );
      bands[band] = { n: b.n, minM2: b.amin, maxM2: b.amax, totalM2: b.total, meanToGateM: b.gate };
    }
    return { bands, invalid, parkM2: park, overlapM2: areas.total - areas.merged, assignedM2: assigned, plotCount: plots.n, plotMinM2: plots.amin, plotMaxM2: plots.amax, worstPlotToRoadM: plots.worst };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The outer rings of the SME plots as GDAL reads them, in UTM zone 48N metres (ogr2ogr
 * reprojects; nothing of the generator's geometry code is used).
 */
export function smePlotRingsUtm(features: readonly ParkFeature[]): [number, number][][] {
  const dir = mkdtempSync(join(tmpdir(), 'layout-sme-'));
  try {
    const file = join(dir, 'plots.geojson');
    const plots = features.filter((f) => f.kind === 'landuse' && f.props?.plotBand === 'sme');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: plots.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: {} })) }));
    const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:32648', '/vsistdout/', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const read = JSON.parse(out) as { features: { geometry: { type: string; coordinates: unknown } }[] };
    return read.features.flatMap((f) => {
      const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as [number, number][][][];
      return polygons.map((rings) => rings[0]);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Area of the union of the geometries, by SpatiaLite (GEOS) in UTM zone 48N, m². */
export function unionAreaUtmM2(geometries: readonly object[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'layout-union-'));
  try {
    const file = join(dir, 'areas.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: geometries.map((geometry) => ({ type: 'Feature', geometry, properties: {} })) }));
    return query(file, 'areas', 'SELECT ST_Area(ST_Transform(ST_Union(ST_MakeValid(geometry)), 32648)) AS area FROM $L').area;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** ogrinfo's summary of a file (GDAL must open it): layer names with their feature counts. */
export function ogrLayers(file: string): Record<string, number> {
  const out = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const layers: Record<string, number> = {};
  let current = '';
  for (const line of out.split('\n')) {
    const name = /^Layer name: (.+)$/.exec(line);
    if (name) current = name[1];
    const count = /^Feature Count: (\d+)$/.exec(line);
    if (count && current) layers[current] = Number(count[1]);
  }
  return layers;
}
