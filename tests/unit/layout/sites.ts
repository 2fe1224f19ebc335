import initSqlJs from 'sql.js';
import { createLocalFrame, localToLonLat } from '../../../shared/geometry/local-frame';
import { createEmptyDocument, type ParkDocument } from '../../../shared/model';
import { writeProject } from '../../../shared/project-file';
import type { LandUseFeature, ParkFeature } from '../../../shared/model/feature';
import type { Position } from '../../../shared/model/geometry-schema';

/**
 * Real-shaped test sites built in metres around Bac Ninh (21.18° N) and converted to lon/lat
 * with the geodesic local frame: an L-shape, a concave outline, a site crossed by a canal, a
 * rotated rectangle, from 50 ha to 1,000 ha.
 */
const ORIGIN = createLocalFrame(106.07, 21.18);

type XY = [number, number];

function rotate(points: XY[], deg: number): XY[] {
  const r = (deg * Math.PI) / 180;
  return points.map(([x, y]) => [x * Math.cos(r) + y * Math.sin(r), -x * Math.sin(r) + y * Math.cos(r)]);
}

/**
 * A closed lon/lat ring through the points, with a vertex every 500 m at most along each side, as
 * a surveyed boundary has: the analysis samples the isolation strip on straight lines of a
 * geodesic frame, which leave a long lon/lat chord by more than its 1 cm start-in (2 cm on a
 * 1.6 km east–west edge at 21° N; reported to the analysis owners).
 */
function ring(points: XY[], rotationDeg = 0): Position[] {
  const turned = rotate(points, rotationDeg);
  const dense: XY[] = [];
  turned.forEach((a, i) => {
    const b = turned[(i + 1) % turned.length];
    const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 500));
    for (let k = 0; k < steps; k++) dense.push([a[0] + ((b[0] - a[0]) * k) / steps, a[1] + ((b[1] - a[1]) * k) / steps]);
  });
  const pts = dense.map(([x, y]) => localToLonLat(ORIGIN, x, y));
  return [...pts, pts[0]];
}

function boundary(points: XY[], rotationDeg = 0): ParkFeature {
  return { id: 'boundary', kind: 'boundary', geometry: { type: 'Polygon', coordinates: [ring(points, rotationDeg)] } };
}

/** Rectangle of w × h m rotated by `deg` (clockwise): w·h/10,000 ha. */
export function rotatedRectangle(w: number, h: number, deg: number): ParkFeature[] {
  return [boundary([[0, 0], [w, 0], [w, h], [0, h]], deg)];
}

/** L-shape: a 2,000 × 1,000 m bar and a 1,000 × 1,000 m leg = 300 ha. */
export function lShape(): ParkFeature[] {
  return [boundary([[0, 0], [2000, 0], [2000, 1000], [1000, 1000], [1000, 2000], [0, 2000]], 8)];
}

/**
 * A concave outline with an oblique edge and a notch: 469 ha (shoelace of the outline in metres:
 * 4,692,500 m², `/usr/bin/python3 -c "from shapely.geometry import Polygon; print(Polygon([(0,0),
 * (2600,-150),(2900,900),(2000,1100),(1700,2100),(900,2300),(700,1300),(-200,1500)]).area)"`),
 * every length × `scale` (area × scale²).
 */
export function concaveSite(scale = 1): ParkFeature[] {
  const outline: XY[] = [[0, 0], [2600, -150], [2900, 900], [2000, 1100], [1700, 2100], [900, 2300], [700, 1300], [-200, 1500]];
  return [boundary(outline.map(([x, y]) => [x * scale, y * scale]), -12)];
}

/** The concave outline grown to 500 ha (lengths × √(5,000,000 / 4,692,500)): the benchmark site. */
export const CONCAVE_500HA_SCALE = Math.sqrt(5_000_000 / 4_692_500);

/** A 1,600 × 1,200 m site (192 ha) crossed by a 40 m canal running north–south, kept as water. */
export function canalSite(): ParkFeature[] {
  const canal: LandUseFeature = {
    id: 'canal',
    kind: 'landuse',
    landUse: 'water',
    subtype: 'canal',
    name: 'Canal',
    geometry: { type: 'Polygon', coordinates: [ring([[700, -50], [740, -50], [840, 1250], [800, 1250]])] },
  };
  return [boundary([[0, 0], [1600, 0], [1600, 1200], [0, 1200]]), canal];
}

/** Where the canal's centre line meets the south and north boundary (y = 0 and 1,200 m): x = 720 + 100·(y + 50)/1,300 + 20 → 723.85 and 816.15 m. */
export const CANAL_CROSSINGS: Position[] = [localToLonLat(ORIGIN, 723.85, 0), localToLonLat(ORIGIN, 816.15, 1200)];

/** A project file (.gpkg bytes) whose one scenario holds the 50 ha rotated rectangle (800 × 625 m at 30°), for the CLI tests. */
export async function rectangleProject(): Promise<Uint8Array> {
  const base = createEmptyDocument('Layout test', { now: '2026-01-01T00:00:00.000Z', location: { lon: 106.07, lat: 21.18 } });
  const doc: ParkDocument = { ...base, scenarios: [{ ...base.scenarios[0], features: rotatedRectangle(800, 625, 30) }] };
  return writeProject(await initSqlJs(), doc);
}
