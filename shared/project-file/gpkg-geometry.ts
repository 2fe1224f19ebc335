import { LimitExceededError, limitExceeded, type LimitExceeded } from '../limits';

/**
 * GeoPackage binary geometry (OGC 12-128r18 §2.1.3): a "GP" header with flags, srs_id and an
 * optional envelope, followed by ISO WKB. We write little-endian, envelope type 1
 * ([minx, maxx, miny, maxy]); we read anything a conforming writer may produce (either byte
 * order, envelope types 0–4, ISO and EWKB-style Z/M type codes) because foreign files come
 * from GDAL, QGIS, ArcGIS and others.
 */

/** [x, y] or [x, y, z] in the geometry's SRS (degrees for EPSG:4326). M values are dropped on read. */
export type Coord = number[];

/** The geometry shapes the codec handles: GeoJSON-shaped, so the model can use them directly. */
export type GpkgGeometry =
  | { type: 'Point'; coordinates: Coord }
  | { type: 'LineString'; coordinates: Coord[] }
  | { type: 'Polygon'; coordinates: Coord[][] }
  | { type: 'MultiPoint'; coordinates: Coord[] }
  | { type: 'MultiLineString'; coordinates: Coord[][] }
  | { type: 'MultiPolygon'; coordinates: Coord[][][] }
  | { type: 'GeometryCollection'; geometries: GpkgGeometry[] };

/** A decoded blob: `geometry` is null for an empty geometry (header flag or empty WKB). */
export interface DecodedGpkgGeometry {
  srsId: number;
  geometry: GpkgGeometry | null;
}

/** `limit` is set when the geometry has more vertices than the caller allows (decoding stopped before reading them). */
export type DecodeResult = ({ ok: true } & DecodedGpkgGeometry) | { ok: false; detail: string; limit?: LimitExceeded };

export interface DecodeOptions {
  /** The most vertices the geometry may have; counted from the WKB counts before any is read. */
  maxVertices?: number;
}

const WKB_CODES: Record<GpkgGeometry['type'], number> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
};

/** Number of envelope doubles for each envelope-contents indicator (0–4; 5–7 are invalid). */
const ENVELOPE_DOUBLES = [0, 4, 6, 6, 8];

// ---------------------------------------------------------------- encoding

class ByteWriter {
  private buffer = new ArrayBuffer(256);
  private view = new DataView(this.buffer);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.byteLength) return;
    let size = this.buffer.byteLength * 2;
    while (size < this.length + extra) size *= 2;
    const next = new ArrayBuffer(size);
    new Uint8Array(next).set(new Uint8Array(this.buffer, 0, this.length));
    this.buffer = next;
    this.view = new DataView(next);
  }
  u8(v: number): void {
    this.ensure(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
  }
  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }
  i32(v: number): void {
    this.ensure(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }
  f64(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }
  bytes(): Uint8Array {
    return new Uint8Array(this.buffer.slice(0, this.length));
  }
}

function* allCoords(g: GpkgGeometry): Generator<Coord> {
  switch (g.type) {
    case 'Point':
      yield g.coordinates;
      return;
    case 'LineString':
    case 'MultiPoint':
      yield* g.coordinates;
      return;
    case 'Polygon':
    case 'MultiLineString':
      for (const part of g.coordinates) yield* part;
      return;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const ring of poly) yield* ring;
      return;
    case 'GeometryCollection':
      for (const child of g.geometries) yield* allCoords(child);
  }
}

/** [minx, maxx, miny, maxy] (GeoPackage envelope order), or null when there are no coordinates. */
export function geometryEnvelope(g: GpkgGeometry): [number, number, number, number] | null {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const c of allCoords(g)) {
    if (Number.isNaN(c[0]) || Number.isNaN(c[1])) continue;
    minX = Math.min(minX, c[0]);
    maxX = Math.max(maxX, c[0]);
    minY = Math.min(minY, c[1]);
    maxY = Math.max(maxY, c[1]);
  }
  return minX <= maxX ? [minX, maxX, minY, maxY] : null;
}

/**
 * True when every position carries a third value: WKB has one dimension per geometry, so such
 * geometries are written XYZ; inventing z = 0 for 2-D positions would change the data.
 */
export function geometryHasZ(g: GpkgGeometry): boolean {
  let any = false;
  for (const c of allCoords(g)) {
    if (c.length < 3) return false;
    any = true;
  }
  return any;
}

function writeWkb(w: ByteWriter, g: GpkgGeometry, z: boolean): void {
  w.u8(1); // little-endian
  w.u32(WKB_CODES[g.type] + (z ? 1000 : 0));
  const point = (c: Coord) => {
    w.f64(c[0]);
    w.f64(c[1]);
    if (z) w.f64(c[2]);
  };
  const points = (cs: Coord[]) => {
    w.u32(cs.length);
    cs.forEach(point);
  };
  switch (g.type) {
    case 'Point':
      point(g.coordinates);
      return;
    case 'LineString':
      points(g.coordinates);
      return;
    case 'Polygon':
      w.u32(g.coordinates.length);
      g.coordinates.forEach(points);
      return;
    case 'MultiPoint':
      w.u32(g.coordinates.length);
      for (const c of g.coordinates) writeWkb(w, { type: 'Point', coordinates: c }, z);
      return;
    case 'MultiLineString':
      w.u32(g.coordinates.length);
      for (const c of g.coordinates) writeWkb(w, { type: 'LineString', coordinates: c }, z);
      return;
    case 'MultiPolygon':
      w.u32(g.coordinates.length);
      for (const c of g.coordinates) writeWkb(w, { type: 'Polygon', coordinates: c }, z);
      return;
    case 'GeometryCollection':
      w.u32(g.geometries.length);
      for (const c of g.geometries) writeWkb(w, c, z);
  }
}

/** Encodes a geometry as a GeoPackage blob: little-endian, envelope type 1 (empty flag when no coordinates). */
export function encodeGpkgGeometry(g: GpkgGeometry, srsId = 4326): Uint8Array {
  const w = new ByteWriter();
  const envelope = geometryEnvelope(g);
  const empty = envelope === null;
  w.u8(0x47); // 'G'
  w.u8(0x50); // 'P'
  w.u8(0); // version 1 of the binary format is stored as 0
  w.u8(1 | ((empty ? 0 : 1) << 1) | ((empty ? 1 : 0) << 4));
  w.i32(srsId);
  if (envelope) envelope.forEach((v) => w.f64(v));
  if (empty && g.type === 'Point') {
    // An empty point has no count to set to zero: WKB convention is NaN coordinates.
    writeWkb(w, { type: 'Point', coordinates: [NaN, NaN] }, false);
  } else {
    writeWkb(w, g, geometryHasZ(g));
  }
  return w.bytes();
}

// ---------------------------------------------------------------- decoding

class WkbReader {
  private readonly view: DataView;
  offset: number;
  /** Vertices read or announced so far, checked against `maxVertices` before a point list is read. */
  private vertices = 0;
  constructor(
    view: DataView,
    offset: number,
    private readonly maxVertices = Infinity,
  ) {
    this.view = view;
    this.offset = offset;
  }
  /** Counts `n` more vertices; past the maximum, stops decoding before they are allocated. */
  addVertices(n: number): void {
    this.vertices += n;
    if (this.vertices > this.maxVertices) throw new LimitExceededError(limitExceeded('vertices-per-feature', this.maxVertices, this.vertices));
  }
  private need(n: number): void {
    if (this.offset + n > this.view.byteLength) throw new Error(`WKB ends early at byte ${this.offset}`);
  }
  u8(): number {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }
  u32(le: boolean): number {
    this.need(4);
    const v = this.view.getUint32(this.offset, le);
    this.offset += 4;
    return v;
  }
  f64(le: boolean): number {
    this.need(8);
    const v = this.view.getFloat64(this.offset, le);
    this.offset += 8;
    return v;
  }
  count(le: boolean, minBytesEach: number): number {
    const n = this.u32(le);
    // A corrupt count would otherwise make us allocate billions of entries before failing.
    if (n * minBytesEach > this.view.byteLength - this.offset) throw new Error(`implausible element count ${n}`);
    return n;
  }
  /** One position; M, when present, is read and dropped. */
  position(le: boolean, z: boolean, m: boolean): Coord {
    const c = [this.f64(le), this.f64(le)];
    if (z) c.push(this.f64(le));
    if (m) this.f64(le);
    return c;
  }
  /** A counted list of positions, checked against `maxVertices` on the count before any is read. */
  positions(le: boolean, z: boolean, m: boolean): Coord[] {
    const width = 2 + (z ? 1 : 0) + (m ? 1 : 0);
    const n = this.count(le, width * 8);
    this.addVertices(n);
    // count() has made sure the n positions are all in the blob: read them without a check each.
    const view = this.view;
    let at = this.offset;
    const out: Coord[] = [];
    for (let i = 0; i < n; i++) {
      const c = [view.getFloat64(at, le), view.getFloat64(at + 8, le)];
      if (z) c.push(view.getFloat64(at + 16, le));
      at += width * 8;
      out.push(c);
    }
    this.offset = at;
    return out;
  }
}

const TYPE_BY_CODE: Record<number, GpkgGeometry['type']> = {
  1: 'Point',
  2: 'LineString',
  3: 'Polygon',
  4: 'MultiPoint',
  5: 'MultiLineString',
  6: 'MultiPolygon',
  7: 'GeometryCollection',
};

function readWkb(r: WkbReader, depth: number): GpkgGeometry {
  if (depth > 32) throw new Error('geometry nested too deeply');
  const order = r.u8();
  if (order > 1) throw new Error(`bad WKB byte order ${order}`);
  const le = order === 1;
  const raw = r.u32(le);
  // EWKB (PostGIS) flags in the high bits, ISO dimensions as thousands.
  let z = (raw & 0x80000000) !== 0;
  let m = (raw & 0x40000000) !== 0;
  let code = raw & 0x0fffffff;
  const dims = Math.floor(code / 1000);
  code %= 1000;
  if (dims === 1 || dims === 3) z = true;
  if (dims === 2 || dims === 3) m = true;
  const type = TYPE_BY_CODE[code];
  if (!type || dims > 3) throw new Error(`unsupported WKB geometry type ${raw}`);
  const children = <T extends GpkgGeometry['type']>(want: T): Extract<GpkgGeometry, { type: T }>[] => {
    const n = r.count(le, 5);
    const out: Extract<GpkgGeometry, { type: T }>[] = [];
    for (let i = 0; i < n; i++) {
      const child = readWkb(r, depth + 1);
      if (child.type !== want) throw new Error(`${type} contains a ${child.type}`);
      out.push(child as Extract<GpkgGeometry, { type: T }>);
    }
    return out;
  };
  switch (type) {
    case 'Point':
      r.addVertices(1);
      return { type, coordinates: r.position(le, z, m) };
    case 'LineString':
      return { type, coordinates: r.positions(le, z, m) };
    case 'Polygon': {
      const n = r.count(le, 4);
      const rings: Coord[][] = [];
      for (let i = 0; i < n; i++) rings.push(r.positions(le, z, m));
      return { type, coordinates: rings };
    }
    case 'MultiPoint':
      return { type, coordinates: children('Point').map((p) => p.coordinates) };
    case 'MultiLineString':
      return { type, coordinates: children('LineString').map((p) => p.coordinates) };
    case 'MultiPolygon':
      return { type, coordinates: children('Polygon').map((p) => p.coordinates) };
    case 'GeometryCollection': {
      const n = r.count(le, 5);
      const geometries: GpkgGeometry[] = [];
      for (let i = 0; i < n; i++) geometries.push(readWkb(r, depth + 1));
      return { type, geometries };
    }
  }
}

/** Points in a list of rings or lines; a loop, not reduce's closures: asked of every feature read. */
function pointsIn(paths: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (let i = 0; i < paths.length; i++) n += paths[i].length;
  return n;
}

/** The number of positions of a decoded geometry (what `maxVertices` counts). */
export function countVertices(g: GpkgGeometry): number {
  switch (g.type) {
    case 'Point':
      return 1;
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates.length;
    case 'Polygon':
    case 'MultiLineString':
      return pointsIn(g.coordinates);
    case 'MultiPolygon': {
      let n = 0;
      for (let i = 0; i < g.coordinates.length; i++) n += pointsIn(g.coordinates[i]);
      return n;
    }
    case 'GeometryCollection':
      return g.geometries.reduce((n, child) => n + countVertices(child), 0);
  }
}

function isEmptyGeometry(g: GpkgGeometry): boolean {
  if (g.type === 'Point') return g.coordinates.some((v) => Number.isNaN(v));
  if (g.type === 'GeometryCollection') return g.geometries.every(isEmptyGeometry);
  return g.coordinates.length === 0;
}

/**
 * Decodes a GeoPackage geometry blob. Never throws: bad bytes give `{ ok: false, detail }`, a
 * geometry with more than `maxVertices` vertices `{ ok: false, detail, limit }`.
 */
export function decodeGpkgGeometry(blob: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  try {
    if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) return { ok: false, detail: 'missing "GP" magic' };
    if (blob[2] !== 0) return { ok: false, detail: `unsupported GeoPackage binary version ${blob[2]}` };
    const flags = blob[3];
    if (flags & 0x20) return { ok: false, detail: 'extended (non-standard) GeoPackage geometry type' };
    const le = (flags & 1) === 1;
    const envelopeType = (flags >> 1) & 7;
    if (envelopeType > 4) return { ok: false, detail: `invalid envelope type ${envelopeType}` };
    const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
    const srsId = view.getInt32(4, le);
    const wkbStart = 8 + ENVELOPE_DOUBLES[envelopeType] * 8;
    if (wkbStart >= blob.length) {
      if (flags & 0x10) return { ok: true, srsId, geometry: null };
      return { ok: false, detail: 'geometry blob ends before its WKB' };
    }
    const geometry = readWkb(new WkbReader(view, wkbStart, options.maxVertices), 0);
    const empty = (flags & 0x10) !== 0 || isEmptyGeometry(geometry);
    return { ok: true, srsId, geometry: empty ? null : geometry };
  } catch (error) {
    if (error instanceof LimitExceededError) return { ok: false, detail: error.message, limit: error.exceeded };
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
