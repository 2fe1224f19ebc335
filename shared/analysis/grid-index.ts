import type { BBox } from './planar';

const CELL_KEY_STRIDE = 1e6;

/**
 * A uniform grid over lon/lat boxes, for "which features are near this one" in O(cells).
 * Insert and remove are O(cells touched), so an edit updates the index without a rebuild.
 */
export class GridIndex<T> {
  private readonly cells = new Map<number, Set<T>>();
  private readonly boxes = new Map<T, BBox>();

  /** `cellDeg`: cell size in degrees (0.002° ≈ 220 m, a few plots per cell). */
  constructor(private readonly cellDeg = 0.002) {}

  get size(): number {
    return this.boxes.size;
  }

  /**
   * The cells a box touches, as numbers (no string per cell: queries run for every feature).
   * Cell columns and rows are below 2e5 in magnitude for any lon/lat and a cell of 0.001° or
   * more, so x·1e6 + y names each cell once and stays an exact integer.
   */
  private keys(box: BBox): number[] {
    const keys: number[] = [];
    const x0 = Math.floor(box[0] / this.cellDeg), x1 = Math.floor(box[2] / this.cellDeg);
    const y0 = Math.floor(box[1] / this.cellDeg), y1 = Math.floor(box[3] / this.cellDeg);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) keys.push(x * CELL_KEY_STRIDE + y);
    return keys;
  }

  insert(item: T, box: BBox): void {
    this.boxes.set(item, box);
    for (const key of this.keys(box)) {
      let cell = this.cells.get(key);
      if (!cell) this.cells.set(key, (cell = new Set()));
      cell.add(item);
    }
  }

  remove(item: T): void {
    const box = this.boxes.get(item);
    if (!box) return;
    this.boxes.delete(item);
    for (const key of this.keys(box)) {
      const cell = this.cells.get(key);
      cell?.delete(item);
      if (cell && cell.size === 0) this.cells.delete(key);
    }
  }

  /** Items whose boxes touch `box` (closed boxes: shared edges count). */
  query(box: BBox): T[] {
    const found = new Set<T>();
    for (const key of this.keys(box)) {
      const cell = this.cells.get(key);
      if (!cell) continue;
      for (const item of cell) {
        const b = this.boxes.get(item)!;
        if (b[0] <= box[2] && box[0] <= b[2] && b[1] <= box[3] && box[1] <= b[3]) found.add(item);
      }
    }
    return [...found];
  }
}
