import { describe, expect, it } from 'vitest';
import { decodeGpkgGeometry, encodeGpkgGeometry, type GpkgGeometry } from '../../../shared/project-file';

/** Builds bytes from typed pieces, independently of the encoder under test. */
function bytes(parts: (['u8', number] | ['u32', number, boolean] | ['i32', number, boolean] | ['f64', number, boolean])[]): Uint8Array {
  const size = parts.reduce((n, p) => n + (p[0] === 'u8' ? 1 : p[0] === 'f64' ? 8 : 4), 0);
  const view = new DataView(new ArrayBuffer(size));
  let o = 0;
  for (const p of parts) {
    if (p[0] === 'u8') {
      view.setUint8(o, p[1]);
      o += 1;
    } else if (p[0] === 'u32') {
      view.setUint32(o, p[1], p[2]);
      o += 4;
    } else if (p[0] === 'i32') {
      view.setInt32(o, p[1], p[2]);
      o += 4;
    } else {
      view.setFloat64(o, p[1], p[2]);
      o += 8;
    }
  }
  return new Uint8Array(view.buffer);
}

const gpHeader = (flags: number, srs: number, le: boolean, envelope: number[]) =>
  bytes([['u8', 0x47], ['u8', 0x50], ['u8', 0], ['u8', flags], ['i32', srs, le], ...envelope.map((v) => ['f64', v, le] as ['f64', number, boolean])]);

const concat = (...arrays: Uint8Array[]) => {
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
};

describe('encodeGpkgGeometry', () => {
  it('writes a point byte by byte: GP, version 0, flags 0x03, srs 4326 LE, envelope [minx,maxx,miny,maxy], LE WKB', () => {
    const out = encodeGpkgGeometry({ type: 'Point', coordinates: [105.5, 21.25] });
    expect(out.length).toBe(8 + 32 + 21);
    expect(Array.from(out.slice(0, 8))).toEqual([0x47, 0x50, 0x00, 0x03, 0xe6, 0x10, 0x00, 0x00]);
    const view = new DataView(out.buffer, out.byteOffset);
    expect([8, 16, 24, 32].map((o) => view.getFloat64(o, true))).toEqual([105.5, 105.5, 21.25, 21.25]);
    expect(out[40]).toBe(1);
    expect(view.getUint32(41, true)).toBe(1);
    expect(view.getFloat64(45, true)).toBe(105.5);
    expect(view.getFloat64(53, true)).toBe(21.25);
  });

  it('writes a polygon with a hole as ring counts then points, with the envelope of the outer ring', () => {
    const outer = [[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]];
    const hole = [[1, 1], [1, 2], [2, 2], [1, 1]];
    const out = encodeGpkgGeometry({ type: 'Polygon', coordinates: [outer, hole] });
    const view = new DataView(out.buffer, out.byteOffset);
    expect([8, 16, 24, 32].map((o) => view.getFloat64(o, true))).toEqual([0, 4, 0, 3]);
    expect(view.getUint32(41, true)).toBe(3);
    expect(view.getUint32(45, true)).toBe(2);
    expect(view.getUint32(49, true)).toBe(5);
    expect(out.length).toBe(40 + 1 + 4 + 4 + 4 + 5 * 16 + 4 + 4 * 16);
  });

  it('round-trips every model geometry type', () => {
    const geometries: GpkgGeometry[] = [
      { type: 'Point', coordinates: [106.123456789012, 21.987654321098] },
      { type: 'LineString', coordinates: [[106, 21], [106.1, 21.1]] },
      { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.1], [0.3, 0.1], [0.3, 0.15], [0.2, 0.1]]] },
      { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3], [4, 2]]] },
      { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]] },
      { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }] },
      { type: 'LineString', coordinates: [[106, 21, 5], [106.1, 21.1, 7.5]] },
    ];
    for (const g of geometries) expect(decodeGpkgGeometry(encodeGpkgGeometry(g))).toEqual({ ok: true, srsId: 4326, geometry: g });
  });

  it('flags an empty geometry and writes no envelope', () => {
    const out = encodeGpkgGeometry({ type: 'MultiPolygon', coordinates: [] });
    expect(out[3]).toBe(0x11);
    expect(decodeGpkgGeometry(out)).toEqual({ ok: true, srsId: 4326, geometry: null });
  });
});

describe('decodeGpkgGeometry', () => {
  it('reads a big-endian header and WKB without envelope (type 0)', () => {
    const blob = concat(gpHeader(0x00, 4326, false, []), bytes([['u8', 0], ['u32', 1, false], ['f64', -1.5, false], ['f64', 2.25, false]]));
    expect(decodeGpkgGeometry(blob)).toEqual({ ok: true, srsId: 4326, geometry: { type: 'Point', coordinates: [-1.5, 2.25] } });
  });

  it('skips envelopes of types 2, 3 and 4 (6, 6 and 8 doubles)', () => {
    const wkb = bytes([['u8', 1], ['u32', 1, true], ['f64', 3, true], ['f64', 4, true]]);
    for (const [type, n] of [[2, 6], [3, 6], [4, 8]]) {
      const blob = concat(gpHeader(1 | (type << 1), 32648, true, Array(n).fill(9)), wkb);
      expect(decodeGpkgGeometry(blob)).toEqual({ ok: true, srsId: 32648, geometry: { type: 'Point', coordinates: [3, 4] } });
    }
  });

  it('reads ISO Z, ISO ZM (dropping M) and EWKB Z type codes', () => {
    const iso = bytes([['u8', 1], ['u32', 1001, true], ['f64', 1, true], ['f64', 2, true], ['f64', 3, true]]);
    const zm = bytes([['u8', 1], ['u32', 3001, true], ['f64', 1, true], ['f64', 2, true], ['f64', 3, true], ['f64', 99, true]]);
    const ewkb = bytes([['u8', 1], ['u32', 0x80000001, true], ['f64', 1, true], ['f64', 2, true], ['f64', 3, true]]);
    for (const wkb of [iso, zm, ewkb]) {
      const result = decodeGpkgGeometry(concat(gpHeader(0x01, 4326, true, []), wkb));
      expect(result).toEqual({ ok: true, srsId: 4326, geometry: { type: 'Point', coordinates: [1, 2, 3] } });
    }
  });

  it('reads a mixed-endian MultiPoint (each WKB part has its own byte order)', () => {
    const wkb = bytes([
      ['u8', 1], ['u32', 4, true], ['u32', 2, true],
      ['u8', 0], ['u32', 1, false], ['f64', 1, false], ['f64', 2, false],
      ['u8', 1], ['u32', 1, true], ['f64', 3, true], ['f64', 4, true],
    ]);
    expect(decodeGpkgGeometry(concat(gpHeader(0x01, 4326, true, []), wkb))).toEqual({
      ok: true,
      srsId: 4326,
      geometry: { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] },
    });
  });

  it('treats a NaN point as empty', () => {
    const wkb = bytes([['u8', 1], ['u32', 1, true], ['f64', NaN, true], ['f64', NaN, true]]);
    expect(decodeGpkgGeometry(concat(gpHeader(0x11, 4326, true, []), wkb))).toEqual({ ok: true, srsId: 4326, geometry: null });
  });

  it('refuses bad bytes with a reason instead of throwing', () => {
    const good = encodeGpkgGeometry({ type: 'LineString', coordinates: [[0, 0], [1, 1]] });
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /magic/],
      [new Uint8Array([0x58, 0x50, 0, 1, 0, 0, 0, 0, 1]), /magic/],
      [good.slice(0, good.length - 3), /implausible element count 2/],
      [concat(gpHeader(0x01, 4326, true, []), bytes([['u8', 1], ['u32', 1, true], ['f64', 1, true]])), /ends early/],
      [concat(gpHeader(0x01, 4326, true, []), bytes([['u8', 1], ['u32', 99, true]])), /unsupported WKB geometry type 99/],
      [concat(gpHeader(0x01 | (5 << 1), 4326, true, []), bytes([['u8', 1]])), /envelope type 5/],
      [concat(gpHeader(0x01, 4326, true, []), bytes([['u8', 1], ['u32', 2, true], ['u32', 0x7fffffff, true]])), /implausible/],
    ];
    for (const [blob, why] of cases) {
      const result = decodeGpkgGeometry(blob);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.detail).toMatch(why);
    }
  });
});
