import type { XY } from '../geometry/planar-ring';

/**
 * Neighbour shading (docs/solar-model.md §6). Obstacles are vertical prisms (buildings, tall
 * trees) standing on flat ground; a point of a roof at height h is in shadow when the ray from
 * it towards the sun passes through an obstacle taller than h, i.e. when the horizontal segment
 * from the point, of length (H − h)·cot(elevation) towards the sun, meets the obstacle's
 * footprint. This is exact for any footprint (also non-convex) and equals testing the point
 * against the swept shadow polygon.
 */
export interface Obstacle {
  id: string;
  /** Footprint outer ring, local metres, open. */
  ring: XY[];
  heightM: number;
  /** [minX, minY, maxX, maxY] of the ring. */
  bbox: [number, number, number, number];
}

/** Sun directions for shading: unit horizontal vector towards the sun and cot(elevation). */
export interface SunDirection {
  /** East and north components of the horizontal unit vector towards the sun. */
  dx: number;
  dy: number;
  /** cot(elevation); Infinity or NaN = sun below the horizon (no beam to shade). */
  cotEl: number;
}

export function bboxOf(ring: readonly XY[]): [number, number, number, number] {
  let [a, b, c, d] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) [a, b, c, d] = [Math.min(a, x), Math.min(b, y), Math.max(c, x), Math.max(d, y)];
  return [a, b, c, d];
}

/** A uniform grid over obstacle bounding boxes, for radius queries. */
export class ObstacleIndex {
  private readonly cells = new Map<string, number[]>();
  constructor(readonly obstacles: readonly Obstacle[], private readonly cellM = 100) {
    obstacles.forEach((o, i) => {
      for (let cx = Math.floor(o.bbox[0] / cellM); cx <= Math.floor(o.bbox[2] / cellM); cx++)
        for (let cy = Math.floor(o.bbox[1] / cellM); cy <= Math.floor(o.bbox[3] / cellM); cy++) {
          const key = `${cx},${cy}`;
          const list = this.cells.get(key);
          if (list) list.push(i);
          else this.cells.set(key, [i]);
        }
    });
  }

  /** Obstacles whose bbox comes within `radiusM` of `bbox`, taller than `minHeightM`. */
  near(bbox: readonly number[], radiusM: number, minHeightM: number): Obstacle[] {
    const seen = new Set<number>();
    const out: Obstacle[] = [];
    const c = this.cellM;
    for (let cx = Math.floor((bbox[0] - radiusM) / c); cx <= Math.floor((bbox[2] + radiusM) / c); cx++)
      for (let cy = Math.floor((bbox[1] - radiusM) / c); cy <= Math.floor((bbox[3] + radiusM) / c); cy++) {
        for (const i of this.cells.get(`${cx},${cy}`) ?? []) {
          if (seen.has(i)) continue;
          seen.add(i);
          const o = this.obstacles[i];
          if (o.heightM <= minHeightM) continue;
          const gapX = Math.max(0, o.bbox[0] - bbox[2], bbox[0] - o.bbox[2]);
          const gapY = Math.max(0, o.bbox[1] - bbox[3], bbox[1] - o.bbox[3]);
          if (Math.hypot(gapX, gapY) <= radiusM) out.push(o);
        }
      }
    return out;
  }
}

/** Whether segment p→q meets the ring (crosses an edge or lies inside it). */
function segmentHitsRing(px: number, py: number, qx: number, qy: number, ring: readonly XY[]): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    // Proper or touching crossing of p→q with edge j→i.
    const d1 = (qx - px) * (yi - py) - (qy - py) * (xi - px);
    const d2 = (qx - px) * (yj - py) - (qy - py) * (xj - px);
    if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0)) continue;
    const d3 = (xj - xi) * (py - yi) - (yj - yi) * (px - xi);
    const d4 = (xj - xi) * (qy - yi) - (yj - yi) * (qx - xi);
    if ((d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0)) continue;
    if (d1 === 0 && d2 === 0) continue; // collinear: counted by the neighbouring edges
    return true;
  }
  return inside;
}

/**
 * Shaded fraction (0–1) of a roof's sample points for each sun direction. `roofHeightM` is the
 * height of the roof plane; `neighbours` should already exclude the roof's own building.
 */
export function shadedFractions(
  points: readonly XY[],
  roofHeightM: number,
  neighbours: readonly Obstacle[],
  suns: readonly SunDirection[],
  /** Collects the ids of obstacles found shading a point (the first found for each point). */
  hitIds?: Set<string>,
): Float64Array {
  const out = new Float64Array(suns.length);
  if (points.length === 0 || neighbours.length === 0) return out;
  const pb = bboxOf(points);
  const shaded = new Uint8Array(points.length);
  for (let k = 0; k < suns.length; k++) {
    const { dx, dy, cotEl } = suns[k];
    if (!(cotEl >= 0) || !Number.isFinite(cotEl)) continue;
    shaded.fill(0);
    let count = 0;
    for (const o of neighbours) {
      const len = (o.heightM - roofHeightM) * cotEl;
      if (len <= 0) continue;
      const ox = dx * len;
      const oy = dy * len;
      // Bounding boxes of the points' sun-ward sweep and of the obstacle must meet.
      if (Math.min(pb[0], pb[0] + ox) > o.bbox[2] || Math.max(pb[2], pb[2] + ox) < o.bbox[0]) continue;
      if (Math.min(pb[1], pb[1] + oy) > o.bbox[3] || Math.max(pb[3], pb[3] + oy) < o.bbox[1]) continue;
      for (let i = 0; i < points.length; i++) {
        if (shaded[i]) continue;
        const [px, py] = points[i];
        const qx = px + ox;
        const qy = py + oy;
        if (Math.min(px, qx) > o.bbox[2] || Math.max(px, qx) < o.bbox[0] || Math.min(py, qy) > o.bbox[3] || Math.max(py, qy) < o.bbox[1]) continue;
        if (segmentHitsRing(px, py, qx, qy, o.ring)) {
          shaded[i] = 1;
          count++;
          hitIds?.add(o.id);
        }
      }
      if (count === points.length) break;
    }
    out[k] = count / points.length;
  }
  return out;
}
