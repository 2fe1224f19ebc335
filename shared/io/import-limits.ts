import type { Geometry } from 'geojson';
import { checkLimit, DEFAULT_LIMITS, LimitExceededError, limitExceeded, type Limits } from '../limits';

/**
 * The per-file limits every importer enforces (GeoJSON, KML/KMZ, DXF, Shapefile, foreign
 * GeoPackage): features per file, vertices per feature and per file, attributes per feature and
 * attribute length, and JSON nesting depth. Counting happens while a reader reads, so a hostile
 * file stops at the limit instead of after it has cost a minute and gigabytes. Every check
 * throws a LimitExceededError, which the reader's `catchLimits` turns into a refusal.
 */
export class ImportBudget {
  private features = 0;
  private fileVertices = 0;
  private featureVertices = 0;
  private featureWhere: string | undefined;

  constructor(readonly limits: Limits = DEFAULT_LIMITS) {}

  /** Starts counting one more feature; `where` names it in a refusal (e.g. "feature 12"). */
  feature(where?: string): void {
    this.features += 1;
    checkLimit(this.limits, 'features-per-file', this.features);
    this.featureVertices = 0;
    this.featureWhere = where;
  }

  /** Counts `count` vertices of the current feature (call as they are read). */
  vertices(count = 1): void {
    this.featureVertices += count;
    this.fileVertices += count;
    checkLimit(this.limits, 'vertices-per-feature', this.featureVertices, this.featureWhere);
    checkLimit(this.limits, 'vertices-per-file', this.fileVertices);
  }

  /** Counts the vertices of an already-built geometry of the current feature, without recursion. */
  geometry(g: Geometry | null | undefined): void {
    if (g) this.vertices(countPositions(g));
  }

  /** Attributes of the current feature: how many, and how long each text value is. */
  attributes(properties: Record<string, unknown> | null | undefined): void {
    if (!properties) return;
    const names = Object.keys(properties);
    checkLimit(this.limits, 'attributes-per-feature', names.length, this.featureWhere);
    for (const name of names) this.attributeText(properties[name]);
  }

  /** One attribute value (text or nested JSON, measured by its characters). */
  attributeText(value: unknown): void {
    const length = typeof value === 'string' ? value.length : typeof value === 'object' && value !== null ? boundedJsonLength(value, this.limits['attribute-chars']) : 0;
    checkLimit(this.limits, 'attribute-chars', length, this.featureWhere);
  }
}

/** Positions of a geometry (any nesting of coordinate arrays, GeometryCollections included), counted with an explicit stack. */
export function countPositions(g: Geometry): number {
  let count = 0;
  const stack: unknown[] = [g];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      if (typeof item[0] === 'number') count += 1;
      else for (const x of item) stack.push(x);
    } else if (typeof item === 'object' && item !== null) {
      const o = item as { coordinates?: unknown; geometries?: unknown };
      if (o.coordinates !== undefined) stack.push(o.coordinates);
      if (Array.isArray(o.geometries)) for (const x of o.geometries) stack.push(x);
    }
  }
  return count;
}

/**
 * Length of a value written as JSON, stopping as soon as it passes `max` (so a huge nested
 * value costs no more than the limit); strings count their characters, every other leaf a few.
 */
function boundedJsonLength(value: unknown, max: number): number {
  let length = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && length <= max) {
    const item = stack.pop();
    if (typeof item === 'string') length += item.length + 2;
    else if (Array.isArray(item)) {
      length += 2 + item.length;
      for (const x of item) stack.push(x);
    } else if (typeof item === 'object' && item !== null) {
      for (const [k, v] of Object.entries(item)) {
        length += k.length + 4;
        stack.push(v);
      }
      length += 2;
    } else length += String(item).length;
  }
  return length;
}

/**
 * Refuses JSON text nested deeper than the limit before it is parsed: JSON.parse itself copes,
 * but every walk of the result after it (reprojection, validation, copying) would recurse. One
 * linear scan; brackets inside strings do not count.
 */
export function checkJsonDepth(text: string, limits: Limits = DEFAULT_LIMITS): void {
  const max = limits['nesting-depth'];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) throw new LimitExceededError(limitExceeded('nesting-depth', max, depth));
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
}

/** Nesting depth of an already-parsed value, measured with an explicit stack; throws past the limit. */
export function checkValueDepth(value: unknown, limits: Limits = DEFAULT_LIMITS): void {
  const max = limits['nesting-depth'];
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > max) throw new LimitExceededError(limitExceeded('nesting-depth', max, depth + 1));
    for (const x of Array.isArray(item) ? item : Object.values(item)) stack.push([x, depth + 1]);
  }
}
