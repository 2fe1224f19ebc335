import type { Feature, Geometry, Position } from 'geojson';
import { guessCrsFromCoordinates, parseCrsCode } from './crs/crs';
import { geometryToWgs84, importFailure, makeLayer, rawBbox, type ImportResult } from './imported-layer';
import { decodeText } from './text-codec';

/**
 * ASCII DXF reader (AutoCAD DXF Reference): LWPOLYLINE, POLYLINE/VERTEX, LINE, POINT and
 * INSERT (a block's insertion point) in the ENTITIES section, one layer per DXF layer. Closed
 * polylines become polygons, open ones lines. DXF has no coordinate system: the caller names
 * it, or lon/lat ranges are recognised; metres without a CRS stop with 'crs_required'.
 */

export interface DxfImportOptions {
  crs?: string;
  province?: string;
  /** Fail with 'no_closed_polylines' when the drawing has no closed polyline (the user asked for plots). */
  requirePolygons?: boolean;
}

type Pair = [number, string];

function pairsOf(text: string): Pair[] | undefined {
  const lines = text.split(/\r?\n/);
  const pairs: Pair[] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const code = Number(lines[i].trim());
    if (!Number.isInteger(code)) return undefined;
    pairs.push([code, lines[i + 1].replace(/\s+$/, '')]);
  }
  return pairs;
}

/** R2000-and-older DXF writes non-ASCII as \U+XXXX. */
const unescapeDxf = (s: string): string => s.replace(/\\U\+([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

interface Entity {
  type: string;
  pairs: Pair[];
}

function entitiesOf(pairs: Pair[]): Entity[] | undefined {
  let start = -1;
  for (let i = 0; i + 1 < pairs.length; i++) {
    if (pairs[i][0] === 0 && pairs[i][1].trim() === 'SECTION' && pairs[i + 1][0] === 2 && pairs[i + 1][1].trim() === 'ENTITIES') {
      start = i + 2;
      break;
    }
  }
  if (start < 0) return undefined;
  const entities: Entity[] = [];
  for (let i = start; i < pairs.length; i++) {
    const [code, value] = pairs[i];
    if (code !== 0) {
      entities[entities.length - 1]?.pairs.push(pairs[i]);
      continue;
    }
    if (value.trim() === 'ENDSEC') break;
    entities.push({ type: value.trim(), pairs: [] });
  }
  return entities;
}

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
  const decoded = decodeText(bytes, 'utf-8', 'windows-1258');
  const pairs = pairsOf(decoded.text);
  if (!pairs || pairs.length === 0) return importFailure('invalid_dxf', 'the file is not an ASCII DXF (group codes and values on alternate lines); binary DXF and DWG are not supported: save as ASCII DXF');
  const entities = entitiesOf(pairs);
  if (!entities) return importFailure('invalid_dxf', 'the DXF has no ENTITIES section');
  const warnings: string[] = decoded.usedFallback ? ['the DXF is not UTF-8; read as windows-1258 (Vietnamese)'] : [];
  const raw: { layer: string; geometry: Geometry; props: Record<string, unknown> }[] = [];
  const ignored = new Map<string, number>();
  let bulges = 0;
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
      warnings.push(`${e.type} on layer ${layer}${handle ? ` (handle ${handle})` : ''} has incomplete coordinates; not imported`);
      continue;
    }
    raw.push({ layer, geometry, props: base });
  }
  if (bulges > 0) warnings.push(`${bulges} polylines have arc segments (bulges); arcs were read as straight segments`);
  if (ignored.size > 0) warnings.push(`ignored entities: ${[...ignored].map(([t, n]) => `${n} ${t}`).join(', ')}`);
  if (raw.length === 0) return importFailure('empty', 'the DXF has no polylines, lines, points or block inserts in its ENTITIES section');
  if (options.requirePolygons && !raw.some((r) => r.geometry.type === 'Polygon')) {
    return importFailure('no_closed_polylines', 'the DXF has no closed polylines, so no plots or areas can be made from it; close the outlines in CAD (PEDIT → Close) or import them as lines');
  }
  let crs = options.crs !== undefined ? parseCrsCode(options.crs) : undefined;
  if (options.crs !== undefined && !crs) return importFailure('unsupported_crs', `unknown coordinate system ${options.crs}`);
  const box = rawBbox(raw.map((r) => r.geometry));
  const guess = guessCrsFromCoordinates(box, options.province);
  if (!crs) {
    if (guess === 'EPSG:4326') crs = parseCrsCode(guess);
    else return importFailure('crs_required', `a DXF has no coordinate system and these coordinates are in metres (x ${Math.round(box[0])}…${Math.round(box[2])}, y ${Math.round(box[1])}…${Math.round(box[3])}); choose it${guess ? `, e.g. ${guess}` : ''}`, guess);
  }
  if (!crs) return importFailure('crs_required', 'choose the coordinate system of the drawing');
  const crsOf = crs;
  const byLayer = new Map<string, Feature<Geometry, Record<string, unknown>>[]>();
  for (const r of raw) byLayer.set(r.layer, [...(byLayer.get(r.layer) ?? []), { type: 'Feature', properties: r.props, geometry: geometryToWgs84(r.geometry, crsOf) }]);
  const layers = [...byLayer].map(([name, features]) => makeLayer(name, features));
  return { ok: true, layers, warnings, crs: crs.code };
}

/** A missing group code leaves NaN, which JSON writes as null. */
function hasNaN(g: Geometry): boolean {
  return JSON.stringify(g).includes('null');
}
