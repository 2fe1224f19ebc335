import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParkFeature } from '../../../shared/model/feature';

/** What the design parameters should change, measured by GDAL/SpatiaLite (GEOS, PROJ) in UTM zone 48N. */
export interface DesignMeasures {
  /** Per internal road: twice the least distance from points along it to the edge of the traffic land, m. */
  internalWidthsM: number[];
  /** Hausdorff distance between the isolation strip and the boundary's ring: the strip's width on a convex site, m. */
  stripWidthM: number;
  /** Green land over the boundary's area. */
  greenShare: number;
}

/** Numeric columns of every row ogrinfo prints for `sql`, in order. */
function rows(file: string, sql: string, column: string): number[] {
  const out = execFileSync('ogrinfo', ['-q', '-ro', file, '-dialect', 'SQLite', '-sql', sql.replaceAll('$L', '"design"')], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return [...out.matchAll(new RegExp(`^\\s+${column} \\((?:Real|Integer|Integer64)\\) = (\\S+)$`, 'gm'))].map((m) => Number(m[1]));
}

/**
 * Measures a generated layout without the generator's geometry code. From a point of a road's
 * centre line the traffic land's edge is at least half the corridor's width away, farther only
 * where another road joins: the least distance over points at every tenth of the road's length
 * is half its width.
 */
export function measureDesign(features: readonly ParkFeature[]): DesignMeasures {
  const dir = mkdtempSync(join(tmpdir(), 'layout-design-'));
  try {
    const file = join(dir, 'design.geojson');
    const properties = (f: ParkFeature) => ({
      kind: f.kind,
      landUse: f.kind === 'landuse' ? f.landUse : null,
      subtype: f.kind === 'landuse' ? (f.subtype ?? null) : null,
      roadClass: typeof f.props?.roadClass === 'string' ? f.props.roadClass : null,
    });
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: properties(f) })) }));
    const utmUnion = (where: string) => `(SELECT ST_Transform(ST_Union(ST_MakeValid(geometry)), 32648) FROM $L WHERE ${where})`;
    const internalWidthsM = rows(
      file,
      `WITH edge(e) AS (SELECT ST_Boundary(${utmUnion("landUse = 'traffic'")})),
            f(t) AS (VALUES (0.1), (0.2), (0.3), (0.4), (0.5), (0.6), (0.7), (0.8), (0.9))
       SELECT MIN(2 * ST_Distance(ST_Line_Interpolate_Point(ST_Transform(geometry, 32648), t), e)) AS w
       FROM $L, f, edge WHERE roadClass = 'internal' GROUP BY $L.ROWID`,
      'w',
    );
    const [stripWidthM] = rows(file, `SELECT ST_HausdorffDistance(${utmUnion("subtype = 'buffer'")}, ST_ExteriorRing(${utmUnion("kind = 'boundary'")})) AS s`, 's');
    const [greenShare] = rows(file, `SELECT ST_Area(${utmUnion("landUse = 'green'")}) / ST_Area(${utmUnion("kind = 'boundary'")}) AS g`, 'g');
    return { internalWidthsM, stripWidthM, greenShare };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The middle value (the upper one of an even count). */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
