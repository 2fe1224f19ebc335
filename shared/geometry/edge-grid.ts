import type { AreaGeometry, Position } from '../model/geometry-schema';

/** One edge of an area geometry: ring[i] → ring[i + 1] of ring `r` (0 the outer) of a part. */
export interface EdgeRef {
  ring: Position[];
  r: number;
  i: number;
  /** Its place among the geometry's edges, part by part, ring by ring, in ring order (planar.ts's order). */
  index: number;
}

/** Below this many edges a plain list is searched: the grid would not pay for itself. */
const MIN_GRID_EDGES = 48;
/**
 * Edges go into every cell their box, widened by this (degrees, ~10 cm), touches: a search
 * within up to this distance of a point finds all its candidates in the point's cell.
 */
const GRID_MARGIN_DEG = 1e-6;

interface EdgeGrid {
  /** Every edge, by `index`. */
  all: EdgeRef[];
  x0: number;
  y0: number;
  cell: number;
  nx: number;
  ny: number;
  /** Per cell, its edges; null: too few edges for a grid. */
  cells: EdgeRef[][] | null;
  /** Per edge, the last box query that returned it (box queries return each edge once). */
  seen: Uint32Array;
  query: number;
}

/**
 * Cells an edge may lie in, on average: edges that each cross most of the polygon (a hostile
 * zigzag of long edges) would fill every cell, memory growing as edges × cells; such a polygon
 * keeps the plain list (every search gets every edge: slower, never wrong).
 */
const MAX_CELLS_PER_EDGE = 16;

/** The first and last cell (along one axis from `origin`) an edge from a to b, widened by GRID_MARGIN_DEG, touches. */
function cellSpan(a: number, b: number, origin: number, cell: number): [number, number] {
  return [Math.floor((Math.min(a, b) - GRID_MARGIN_DEG - origin) / cell), Math.floor((Math.max(a, b) + GRID_MARGIN_DEG - origin) / cell)];
}

/** How many cell entries the edges would take, counted before any is made (stops once past the cap). */
function cellEntries(all: EdgeRef[], x0: number, y0: number, cell: number): number {
  const cap = MAX_CELLS_PER_EDGE * all.length;
  let entries = 0;
  for (let n = 0; n < all.length && entries <= cap; n++) {
    const a = all[n].ring[all[n].i];
    const b = all[n].ring[all[n].i + 1];
    const [cx0, cx1] = cellSpan(a[0], b[0], x0, cell);
    const [cy0, cy1] = cellSpan(a[1], b[1], y0, cell);
    entries += (cx1 - cx0 + 1) * (cy1 - cy0 + 1);
  }
  return entries;
}

// Features are immutable (DESIGN.md §2): a geometry's grid is built once.
const grids = new WeakMap<AreaGeometry, EdgeGrid>();

function gridOf(geometry: AreaGeometry): EdgeGrid {
  let grid = grids.get(geometry);
  if (grid) return grid;
  const all: EdgeRef[] = [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  // Indexed loops: built for every geometry a check meets, mostly as unoptimised code, where a
  // for…of or forEach allocates.
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (let q = 0; q < parts.length; q++) {
    const rings = parts[q];
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r];
      for (let i = 0; i < ring.length - 1; i++) all.push({ ring, r, i, index: all.length });
      for (let i = 0; i < ring.length; i++) {
        const x = ring[i][0], y = ring[i][1];
        minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
      }
    }
  }
  const x0 = minX - GRID_MARGIN_DEG;
  const y0 = minY - GRID_MARGIN_DEG;
  const cell = Math.max(maxX - minX, maxY - minY, GRID_MARGIN_DEG) / Math.ceil(Math.sqrt(all.length));
  grid = { all, x0, y0, cell, nx: 0, ny: 0, cells: null, seen: new Uint32Array(0), query: 0 };
  if (all.length >= MIN_GRID_EDGES && Number.isFinite(cell) && cell > 0 && cellEntries(all, x0, y0, cell) <= MAX_CELLS_PER_EDGE * all.length) {
    grid.nx = Math.floor((maxX + GRID_MARGIN_DEG - x0) / cell) + 1;
    grid.ny = Math.floor((maxY + GRID_MARGIN_DEG - y0) / cell) + 1;
    const cells: EdgeRef[][] = Array.from({ length: grid.nx * grid.ny }, () => []);
    for (let n = 0; n < all.length; n++) {
      const e = all[n];
      const a = e.ring[e.i];
      const b = e.ring[e.i + 1];
      const [cx0, cx1] = cellSpan(a[0], b[0], x0, cell);
      const [cy0, cy1] = cellSpan(a[1], b[1], y0, cell);
      for (let cy = Math.max(0, cy0); cy <= Math.min(grid.ny - 1, cy1); cy++) {
        for (let cx = Math.max(0, cx0); cx <= Math.min(grid.nx - 1, cx1); cx++) cells[cy * grid.nx + cx].push(e);
      }
    }
    grid.cells = cells;
    grid.seen = new Uint32Array(all.length);
  }
  grids.set(geometry, grid);
  return grid;
}

/**
 * The edges of `geometry` whose box, widened by `eps` degrees, may hold p: every one of them,
 * possibly with others (callers still test each edge's box). A big polygon answers from the
 * grid cell of p instead of the whole ring, for searches repeated at every vertex of a
 * neighbour. Order is not the rings' order.
 */
export function edgesNear(p: Position, geometry: AreaGeometry, eps: number): readonly EdgeRef[] {
  const grid = gridOf(geometry);
  if (!grid.cells || eps > GRID_MARGIN_DEG) return grid.all;
  const cx = Math.floor((p[0] - grid.x0) / grid.cell);
  const cy = Math.floor((p[1] - grid.y0) / grid.cell);
  if (cx < 0 || cy < 0 || cx >= grid.nx || cy >= grid.ny) return [];
  return grid.cells[cy * grid.nx + cx];
}

/**
 * Every edge of `geometry` whose box, widened by `margin` degrees, meets the box [x0, y0, x1,
 * y1], possibly with others (callers still test each edge), each once. A feature asks this of
 * the park boundary: with the grid it costs the boundary's edges near the feature, not all of
 * them (a drawn or imported boundary has hundreds, and every feature of a layout asks).
 */
export function edgesInBox(geometry: AreaGeometry, x0: number, y0: number, x1: number, y1: number, margin: number): readonly EdgeRef[] {
  const grid = gridOf(geometry);
  // No grid, or a box that is not a box (NaN from a hostile caller): every edge, never too few.
  if (!grid.cells || Number.isNaN(x0 + y0 + x1 + y1 + margin)) return grid.all;
  const found: EdgeRef[] = [];
  // An edge is in every cell its own box touches, so the cells of the widened box hold it.
  const cx0 = Math.max(0, Math.floor((x0 - margin - grid.x0) / grid.cell));
  const cx1 = Math.min(grid.nx - 1, Math.floor((x1 + margin - grid.x0) / grid.cell));
  const cy0 = Math.max(0, Math.floor((y0 - margin - grid.y0) / grid.cell));
  const cy1 = Math.min(grid.ny - 1, Math.floor((y1 + margin - grid.y0) / grid.cell));
  // A stamp per query rather than a set: an edge crossing several cells is returned once.
  if (++grid.query === 0xffffffff) {
    grid.seen.fill(0);
    grid.query = 1;
  }
  const stamp = grid.query;
  for (let cy = cy0; cy <= cy1; cy++) {
    for (let cx = cx0; cx <= cx1; cx++) {
      const list = grid.cells[cy * grid.nx + cx];
      for (let k = 0; k < list.length; k++) {
        const e = list[k];
        if (grid.seen[e.index] === stamp) continue;
        grid.seen[e.index] = stamp;
        found.push(e);
      }
    }
  }
  return found;
}

