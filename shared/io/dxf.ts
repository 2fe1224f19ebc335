import type { Feature, Geometry, Position } from 'geojson';
import { guessCrsFromCoordinates, parseCrsCode, withTransformation } from './crs/crs';
import type { VnTransformationChoice } from './crs/vn2000-transformations';
import { DEFAULT_LIMITS, type Limits } from '../limits';
import { catchLimits, geometryToWgs84, importFailure, makeLayer, rawBbox, transformationCodes, type ImportResult } from './imported-layer';
import type { ImportNote } from './import-notes';
import { ImportBudget } from './import-limits';
import { decodeText } from './text-codec';

/**
 * ASCII DXF reader (AutoCAD DXF Reference): LWPOLYLINE, POLYLINE/VERTEX, LINE, POINT and
 * INSERT (a block's insertion point) in the ENTITIES section, one layer per DXF layer. Closed
 * polylines become polygons, open ones lines. DXF has no coordinate system: the caller names
 * it, or lon/lat ranges are recognised; metres without a CRS stop with 'crs_required'.
 */

export interface DxfImportOptions {
  crs?: string;
  /** VN-2000 → WGS 84 transformation ('auto', the default, = PROJ's choice at each point). */
  transformation?: VnTransformationChoice;
  province?: string;
  /** Fail with 'no_closed_polylines' when the drawing has no closed polyline (the user asked for plots). */
  requirePolygons?: boolean;
  /** Input limits in force (defaults, or raised by the user). */
  limits?: Limits;
  /** The file's name, for the notes. */
  fileName?: string;
}

type Pair = [number, string];

interface Entity {
  type: string;
  pairs: Pair[];
}

/** Entity types read; anything else is counted and skipped without keeping its data. */
const READ_ENTITIES = new Set(['LWPOLYLINE', 'POLYLINE', 'VERTEX', 'SEQEND', 'LINE', 'POINT', 'INSERT']);
/** Group codes of the values that become attributes (layer, handle, block name). */
const ATTRIBUTE_CODES = new Set([8, 5, 2]);

type ReadEntities = { ok: true; entities: Entity[]; skipped: Map<string, number> } | { ok: false; reason: 'not_dxf' | 'no_entities' };

/**
 * The ENTITIES section in one pass over the lines (group code and value on alternate lines),
 * nothing copied per entity. Vertices (codes 10 and 11) are counted against the budget as they
 * are read, a POLYLINE's VERTEX entities as one feature, so a hostile drawing stops at the limit.
 */
function readEntities(text: string, budget: ImportBudget): ReadEntities {
  let pos = 0;
  const nextLine = (): string | undefined => {
    if (pos > text.length) return undefined;
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    pos = end + 1;
    return line;
  };
  const entities: Entity[] = [];
  const skipped = new Map<string, number>();
  let section: 'before' | 'header' | 'entities' | 'after' = 'before';
  let current: Entity | undefined;
  let pairs = 0;
  for (let codeLine = nextLine(), value = nextLine(); codeLine !== undefined && value !== undefined; codeLine = nextLine(), value = nextLine()) {
    const codeText = codeLine.trim();
    const code = Number(codeText);
    if (codeText === '' || !Number.isInteger(code)) return { ok: false, reason: 'not_dxf' };
    pairs += 1;
    const v = value.trimEnd();
    if (section === 'before' || section === 'header') {
      if (code === 0 && v.trim() === 'SECTION') section = 'header';
      else if (section === 'header' && code === 2) section = v.trim() === 'ENTITIES' ? 'entities' : 'before';
      else section = 'before';
      continue;
    }
    if (section === 'after') continue;
    if (code === 0) {
      const type = v.trim();
      if (type === 'ENDSEC') {
        section = 'after';
        continue;
      }
      const continuesPolyline = current?.type === 'POLYLINE' || current?.type === 'VERTEX';
      if (!READ_ENTITIES.has(type)) {
        skipped.set(type, (skipped.get(type) ?? 0) + 1);
        current = undefined;
        continue;
      }
      if (type !== 'SEQEND' && !(type === 'VERTEX' && continuesPolyline)) budget.feature(`entity ${entities.length + 1} (${type})`);
      current = { type, pairs: [] };
      entities.push(current);
      continue;
    }
    if (!current) continue;
    if (code === 10 || code === 11) budget.vertices();
    if (ATTRIBUTE_CODES.has(code)) budget.attributeText(v);
    current.pairs.push([code, v]);
  }
  if (pairs === 0) return { ok: false, reason: 'not_dxf' };
  if (section === 'before' || section === 'header') return { ok: false, reason: 'no_entities' };
  return { ok: true, entities, skipped };
}

/** R2000-and-older DXF writes non-ASCII as \U+XXXX. */
const unescapeDxf = (s: string): string => s.replace(/\\U\+([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const num = (e: Entity, code: number): number | undefined => {
  const p = e.pairs.find(([c]) => c === code);
  return p ? Number(p[1]) : undefined;
};
const str = (e: Entity, code: number): string | undefined => e.pairs.find(([c]) => c === code)?.[1];

function closeRing(ring: Position[]): Position[] {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a[0] === b[0] && a[1] === b[1] ? ring : [...ring, a];
}

function polylineGeometry(points: Position[], closed: boolean): Geometry | undefined {
  if (points.length < 2) return undefined;
  const first = points[0];
  const last = points[points.length - 1];
  const closes = closed || (points.length >= 4 && first[0] === last[0] && first[1] === last[1]);
  if (closes) {
    const ring = closeRing(points);
    if (ring.length >= 4) return { type: 'Polygon', coordinates: [ring] };
  }
  return { type: 'LineString', coordinates: points };
}

export function importDxf(bytes: Uint8Array, options: DxfImportOptions = {}): ImportResult {
  return catchLimits(() => readDxf(bytes, options));
}

function readDxf(bytes: Uint8Array, options: DxfImportOptions): ImportResult {
  const decoded = decodeText(bytes, 'utf-8', 'windows-1258');
  const read = readEntities(decoded.text, new ImportBudget(options.limits ?? DEFAULT_LIMITS));
  if (!read.ok && read.reason === 'not_dxf') return importFailure({ code: 'dxf_not_ascii' });
  if (!read.ok) return importFailure({ code: 'dxf_no_entities' });
  const { entities } = read;
  const notes: ImportNote[] = decoded.usedFallback ? [{ code: 'encoding_fallback', file: options.fileName ?? 'DXF', encoding: decoded.label }] : [];
  const raw: { layer: string; geometry: Geometry; props: Record<string, unknown> }[] = [];
  const ignored = read.skipped;
  let bulges = 0;
  let incomplete = 0;
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    const layer = unescapeDxf(str(e, 8) ?? '0');
    const base: Record<string, unknown> = { layer, entity: e.type };
    const handle = str(e, 5);
    if (handle) base.handle = handle;
    let geometry: Geometry | undefined;
    if (e.type === 'LWPOLYLINE') {
      const xs = e.pairs.filter(([c]) => c === 10).map(([, v]) => Number(v));
      const ys = e.pairs.filter(([c]) => c === 20).map(([, v]) => Number(v));
      if (e.pairs.some(([c, v]) => c === 42 && Number(v) !== 0)) bulges += 1;
      geometry = polylineGeometry(xs.map((x, k) => [x, ys[k]]), ((num(e, 70) ?? 0) & 1) === 1);
    } else if (e.type === 'POLYLINE') {
      const flags = num(e, 70) ?? 0;
      const points: Position[] = [];
      while (i + 1 < entities.length && entities[i + 1].type === 'VERTEX') {
        const v = entities[++i];
        // Spline frame control points (flag 16) are not on the curve.
        if (((num(v, 70) ?? 0) & 16) === 0) points.push([num(v, 10) ?? NaN, num(v, 20) ?? NaN]);
        if (v.pairs.some(([c, val]) => c === 42 && Number(val) !== 0)) bulges += 1;
      }
      if (entities[i + 1]?.type === 'SEQEND') i += 1;
      if ((flags & (16 | 64)) !== 0) {
        ignored.set('POLYLINE mesh', (ignored.get('POLYLINE mesh') ?? 0) + 1);
        continue;
      }
      geometry = polylineGeometry(points, (flags & 1) === 1);
    } else if (e.type === 'LINE') {
      geometry = { type: 'LineString', coordinates: [[num(e, 10) ?? NaN, num(e, 20) ?? NaN], [num(e, 11) ?? NaN, num(e, 21) ?? NaN]] };
    } else if (e.type === 'POINT') {
      geometry = { type: 'Point', coordinates: [num(e, 10) ?? NaN, num(e, 20) ?? NaN] };
    } else if (e.type === 'INSERT') {
      base.block = unescapeDxf(str(e, 2) ?? '');
      const rotation = num(e, 50);
      if (rotation !== undefined && rotation !== 0) base.rotationDeg = rotation;
      geometry = { type: 'Point', coordinates: [num(e, 10) ?? NaN, num(e, 20) ?? NaN] };
    } else {
      ignored.set(e.type, (ignored.get(e.type) ?? 0) + 1);
      continue;
    }
    if (!geometry || hasNaN(geometry)) {
      incomplete += 1;
      notes.push(handle ? { code: 'dxf_incomplete_coordinates', layer, entity: e.type, handle } : { code: 'dxf_incomplete_coordinates', layer, entity: e.type });
      continue;
    }
    raw.push({ layer, geometry, props: base });
  }
  if (bulges > 0) notes.push({ code: 'dxf_arcs_straightened', count: bulges });
  if (ignored.size > 0) notes.push({ code: 'dxf_ignored_entities', entities: [...ignored].map(([type, count]) => ({ type, count })) });
  // A refusal keeps the notes: they are what explains it (unsupported entities, incomplete coordinates).
  if (raw.length === 0) {
    return { ...importFailure({ code: 'dxf_nothing_importable', incomplete, ignored: [...ignored].map(([type, count]) => ({ type, count })) }), notes };
  }
  if (options.requirePolygons && !raw.some((r) => r.geometry.type === 'Polygon')) {
    const found = [...countBy(raw.map((r) => (r.geometry.type === 'LineString' && r.props.entity !== 'LINE' ? 'open polyline' : (r.props.entity as string))))].map(([type, count]) => ({ type, count }));
    return { ...importFailure({ code: 'dxf_no_closed_polylines', found }), notes };
  }
  let crs = options.crs !== undefined ? parseCrsCode(options.crs) : undefined;
  if (options.crs !== undefined && !crs) return importFailure({ code: 'unknown_crs', crs: options.crs });
  const box = rawBbox(raw.map((r) => r.geometry));
  const guess = guessCrsFromCoordinates(box, options.province);
  if (!crs) {
    if (guess === 'EPSG:4326') crs = parseCrsCode(guess);
    else return importFailure(guess ? { code: 'dxf_crs_required', box, guess } : { code: 'dxf_crs_required', box }, guess);
  }
  if (!crs) return importFailure({ code: 'dxf_crs_required', box });
  // The user's transformation choice wins over a .prj TOWGS84; neither means PROJ's automatic pick.
  const crsOf = withTransformation(crs, options.transformation);
  // Features are pushed onto their layer's list in place: copying the list per entity made one big layer quadratic.
  const byLayer = new Map<string, Feature<Geometry, Record<string, unknown>>[]>();
  for (const r of raw) {
    let features = byLayer.get(r.layer);
    if (!features) byLayer.set(r.layer, (features = []));
    features.push({ type: 'Feature', properties: r.props, geometry: geometryToWgs84(r.geometry, crsOf) });
  }
  const layers = [...byLayer].map(([name, features]) => makeLayer(name, features));
  const transformations = transformationCodes(crsOf, layers.flatMap((l) => l.features.map((f) => f.geometry)));
  return { ok: true, layers, notes, crs: crs.code, transformations };
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** A missing group code leaves NaN or undefined, an overflowing one Infinity (geometries here are points, lines or one-ring polygons). */
function hasNaN(g: Geometry): boolean {
  const positions = g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.type === 'Polygon' ? g.coordinates.flat() : [];
  return positions.some((p) => p.length < 2 || !p.every(Number.isFinite));
}
