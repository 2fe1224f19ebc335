import type { AreaGeometry, Position } from '../model/geometry-schema';
import { ringsOf } from './boolean';
import { pointInRings, type XY } from './planar-faces';

// Even-odd point in polygon for the analysis and the problem check, in lon/lat degrees: the
// same answer as pointInRings over every ring, through latitude bands for a big polygon (the
// park boundary, an isolation strip), which every feature of a layout asks about.

// Every ring of every part, listed once per geometry (features are immutable, DESIGN.md §2):
// pointInArea runs for every vertex of every neighbour.
const ringLists = new WeakMap<AreaGeometry, XY[][]>();

/** Even-odd point in polygon over every ring of every part (holes included). */
export function pointInArea(p: Position, geometry: AreaGeometry): boolean {
  let rings = ringLists.get(geometry);
  if (!rings) ringLists.set(geometry, (rings = ringsOf(geometry) as XY[][]));
  const bands = bandsOf(geometry, rings);
  return bands ? pointInBands(p, bands) : pointInRings(p as XY, rings);
}

/** From this many edges a polygon's point tests go through latitude bands (bandsOf). */
const MIN_BANDED_EDGES = 64;

/**
 * A big polygon's edges sorted into latitude bands. The even-odd test counts the edges that
 * cross the point's parallel, and every such edge spans the point's latitude, so it is in the
 * point's band: testing that band's edges, with pointInRings's arithmetic on each, gives
 * pointInRings's answer. An isolation strip drawn along the boundary has hundreds of vertices
 * and is tested at every metre inward from every boundary sample (isolation-strip.ts).
 */
interface Bands {
  y0: number;
  y1: number;
  height: number;
  /** Per band, its edges as xi, yi, xj, yj (pointInRings's vertex i and the one before it, j). */
  edges: Float64Array[];
}

const bandLists = new WeakMap<AreaGeometry, Bands | null>();

function bandsOf(geometry: AreaGeometry, rings: XY[][]): Bands | null {
  const known = bandLists.get(geometry);
  if (known !== undefined) return known;
  let count = 0;
  let minY = Infinity;
  let maxY = -Infinity;
  // Indexed loops in this file: a big polygon's bands are built for the first of many point
  // tests, mostly as unoptimised code, where each step of a for…of allocates.
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    count += ring.length;
    for (let i = 0; i < ring.length; i++) {
      const y = ring[i][1];
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  let bands: Bands | null = null;
  const n = Math.min(4096, Math.ceil(count / 4));
  const height = (maxY - minY) / n;
  if (count >= MIN_BANDED_EDGES && Number.isFinite(height) && height > 0 && bandEntries(rings, minY, height, n) <= MAX_BAND_ENTRIES_PER_EDGE * count) {
    const lists: number[][] = Array.from({ length: n }, () => []);
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r];
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const xi = ring[i][0], yi = ring[i][1];
        const xj = ring[j][0], yj = ring[j][1];
        const last = bandAt(Math.max(yi, yj), minY, height, n);
        for (let b = bandAt(Math.min(yi, yj), minY, height, n); b <= last; b++) lists[b].push(xi, yi, xj, yj);
      }
    }
    bands = { y0: minY, y1: maxY, height, edges: lists.map((l) => Float64Array.from(l)) };
  }
  bandLists.set(geometry, bands);
  return bands;
}

/**
 * Bands an edge may sit in, on average: edges that each span most of the polygon's height (a
 * hostile zigzag) would fill every band, memory growing as edges × bands; such a polygon keeps
 * the plain test.
 */
const MAX_BAND_ENTRIES_PER_EDGE = 16;

/** How many band entries the edges of `rings` would take. */
function bandEntries(rings: XY[][], y0: number, height: number, n: number): number {
  let entries = 0;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const yi = ring[i][1];
      const yj = ring[j][1];
      entries += bandAt(Math.max(yi, yj), y0, height, n) - bandAt(Math.min(yi, yj), y0, height, n) + 1;
    }
  }
  return entries;
}

/** The band of latitude y; the same monotone rounding for edges and points, so an edge spanning y is in y's band. */
function bandAt(y: number, y0: number, height: number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.floor((y - y0) / height)));
}

function pointInBands(p: Position, bands: Bands): boolean {
  const px = p[0];
  const py = p[1];
  // Beyond the polygon's latitudes no edge crosses the point's parallel.
  if (!(py >= bands.y0 && py < bands.y1)) return false;
  const e = bands.edges[bandAt(py, bands.y0, bands.height, bands.edges.length)];
  let inside = false;
  for (let k = 0; k < e.length; k += 4) {
    const xi = e[k], yi = e[k + 1], xj = e[k + 2], yj = e[k + 3];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
