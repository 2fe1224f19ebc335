import type { BBox } from './planar';

const CELL_KEY_STRIDE = 1e6;
/**
 * A box touching more cells than this (a feature tens of kilometres across, or one with a
 * non-finite coordinate from hostile input) is not spread over the grid, where it would cost
 * memory and time in proportion to its area: it is kept in a short list every query checks.
 */
const MAX_CELLS_PER_BOX = 4096;

/**
 * A uniform grid over lon/lat boxes, for "which features are near this one" in O(cells).
 * Insert and remove are O(cells touched), so an edit updates the index without a rebuild.
 */
export class GridIndex<T> {
  private readonly cells = new Map<number, Set<T>>();
  private readonly boxes = new Map<T, BBox>();
  /** Items whose boxes are too large (or not finite) for the grid: see MAX_CELLS_PER_BOX. */
  private readonly oversized = new Set<T>();

  /** `cellDeg`: cell size in degrees (0.002° ≈ 220 m, a few plots per cell). */
  constructor(private readonly cellDeg = 0.002) {}

  get size(): number {
    return this.boxes.size;
  }

  /**
   * The cells a box touches, as numbers (no string per cell: queries run for every feature).
   * Cell columns and rows are below 2e5 in magnitude for any lon/lat and a cell of 0.001° or
   * more, so x·1e6 + y names each cell once and stays an exact integer. Null when the box
   * touches more than MAX_CELLS_PER_BOX cells or is not finite (the loop would not end).
   */
  private keys(box: BBox): number[] | null {
    const x0 = Math.floor(box[0] / this.cellDeg), x1 = Math.floor(box[2] / this.cellDeg);
    const y0 = Math.floor(box[1] / this.cellDeg), y1 = Math.floor(box[3] / this.cellDeg);
    const cells = (x1 - x0 + 1) * (y1 - y0 + 1);
    if (!Number.isFinite(cells) || cells > MAX_CELLS_PER_BOX) return null;
    const keys: number[] = [];
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) keys.push(x * CELL_KEY_STRIDE + y);
    return keys;
  }

  insert(item: T, box: BBox): void {
    this.boxes.set(item, box);
    const keys = this.keys(box);
    if (!keys) {
      this.oversized.add(item);
      return;
    }
    for (const key of keys) {
      let cell = this.cells.get(key);
      if (!cell) this.cells.set(key, (cell = new Set()));
      cell.add(item);
    }
  }

  remove(item: T): void {
    const box = this.boxes.get(item);
    if (!box) return;
    this.boxes.delete(item);
    if (this.oversized.delete(item)) return;
    for (const key of this.keys(box) ?? []) {
      const cell = this.cells.get(key);
      cell?.delete(item);
      if (cell && cell.size === 0) this.cells.delete(key);
    }
  }

  /** Items whose boxes touch `box` (closed boxes: shared edges count). */
  query(box: BBox): T[] {
    const found = new Set<T>();
    const keys = this.keys(box);
    if (keys) {
      for (let k = 0; k < keys.length; k++) {
        const cell = this.cells.get(keys[k]);
        if (cell) for (const item of cell) if (this.touches(item, box)) found.add(item);
      }
    } else {
      // A query box too large for the grid: every item is a candidate.
      for (const item of this.boxes.keys()) if (this.touches(item, box)) found.add(item);
    }
    for (const item of this.oversized) if (this.touches(item, box)) found.add(item);
    return [...found];
  }

  private touches(item: T, box: BBox): boolean {
    const b = this.boxes.get(item)!;
    return b[0] <= box[2] && box[0] <= b[2] && b[1] <= box[3] && box[1] <= b[3];
  }
}
