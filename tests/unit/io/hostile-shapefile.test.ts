import { describe, expect, it } from 'vitest';
import { readDbf, writeDbf } from '../../../shared/io/dbf';
import { importShapefileZip } from '../../../shared/io/shapefile';
import { buildShp, buildZip, deflated, littleEndian, pointContent, polyContent, WGS84_PRJ } from './hostile-archive-inputs';

/**
 * Issue 11, findings 1 and 5: every count and length of a .shp and a .dbf is checked before it
 * is used; a bad record is refused naming the record and its byte offset, never an "internal
 * error" (a RangeError from the DataView) or a loop. The looping cases run in a child process
 * in hostile-archives.test.ts; these end by themselves even on the old reader.
 */

const zipOf = (shp: Uint8Array, dbf?: Uint8Array): Uint8Array =>
  buildZip([deflated('park.shp', shp), deflated('park.prj', WGS84_PRJ), ...(dbf ? [deflated('park.dbf', dbf)] : [])]);

/** The refusal's detail; fails the test when the import does not return the expected refusal. */
function refusal(bytes: Uint8Array, reason = 'invalid_shapefile'): string {
  const result = importShapefileZip(bytes);
  expect(result).toMatchObject({ ok: false, reason });
  if (result.ok) return '';
  // The damaged part and the parser's own words, which the refusal sentence carries verbatim.
  return result.refusal.code === 'shp_damaged' ? `${result.refusal.file}: ${result.refusal.technical}` : result.detail;
}

// Records start at byte 100 after the header; each is 8 header bytes plus its content.
const SECOND_RECORD_AT = 100 + 8 + 20;

describe('Shapefile records are checked against the record and the file', () => {
  it('refuses a content length that runs past the end of the file', () => {
    const shp = buildShp([{ content: pointContent(1, 2) }, { content: pointContent(3, 4), contentWords: 1000 }]);
    expect(refusal(zipOf(shp))).toBe(`park.shp: record 2 at byte ${SECOND_RECORD_AT}: its content length of 2000 bytes is not between 4 and the 20 bytes left in the file`);
  });

  it('refuses point counts that do not fit in the record', () => {
    const multipoint = littleEndian([{ int: 8 }, ...[0, 0, 1, 1].map((double) => ({ double })), { int: 1_000_000 }, { double: 1 }, { double: 2 }]);
    expect(refusal(zipOf(buildShp([{ content: multipoint }])))).toBe('park.shp: record 1 at byte 100: 1000000 points in a multipoint record of 56 bytes');
    const polygon = polyContent(5, [0], [[0, 0], [1, 0], [1, 1], [0, 0]], { numPoints: 2_000_000_000 });
    expect(refusal(zipOf(buildShp([{ content: polygon }])))).toBe('park.shp: record 1 at byte 100: 1 parts and 2000000000 points do not fit in a record of 112 bytes');
    const negative = polyContent(3, [0], [[0, 0], [1, 1]], { numParts: -1 });
    expect(refusal(zipOf(buildShp([{ content: negative }])))).toContain('record 1 at byte 100: -1 parts and 2 points do not fit');
  });

  it('refuses part indexes outside the record’s points or out of order', () => {
    const ring: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 0]];
    expect(refusal(zipOf(buildShp([{ content: polyContent(5, [0, 9], ring) }])))).toBe('park.shp: record 1 at byte 100: part 2 starts at point 9, outside 0–4');
    expect(refusal(zipOf(buildShp([{ content: polyContent(5, [-3], ring) }])))).toContain('part 1 starts at point -3');
  });

  it('refuses a point record too short for its coordinates', () => {
    expect(refusal(zipOf(buildShp([{ content: littleEndian([{ int: 1 }, { double: 5 }]) }])))).toBe('park.shp: record 1 at byte 100: a point needs 20 bytes, the record has 12');
  });

  it('refuses a header file length past the end of the file', () => {
    const shp = buildShp([{ content: pointContent(1, 2) }], 5000);
    expect(refusal(zipOf(shp))).toBe(`park.shp: the header gives a file length of 10000 bytes, but the file has ${shp.length}`);
  });

  it('refuses a MultiPatch (type 31) instead of reading it as a point', () => {
    expect(refusal(zipOf(buildShp([{ content: littleEndian([{ int: 31 }, { double: 5 }, { double: 6 }]) }])))).toContain('shape type 31 is not supported');
  });

  it('still reads good records, and a file with trailing bytes after the declared end', () => {
    const ring: [number, number][] = [[106, 21], [106, 21.01], [106.01, 21.01], [106, 21]];
    const shp = buildShp([{ content: pointContent(106.1, 21.1) }, { content: polyContent(5, [0], ring) }]);
    const result = importShapefileZip(zipOf(new Uint8Array([...shp, 0, 0, 0])));
    expect(result.ok && result.layers[0].features.map((f) => f.geometry.type)).toEqual(['Point', 'Polygon']);
  });
});

describe('DBF headers are checked against the bytes', () => {
  const table = (): Uint8Array => writeDbf([{ name: 'NAME', type: 'C', length: 8, decimals: 0 }], [['well'], ['pond']]);
  const patched = (patch: (view: DataView) => void): Uint8Array => {
    const bytes = table();
    patch(new DataView(bytes.buffer));
    return bytes;
  };

  it('refuses a header length outside the file and record counts the file cannot hold', () => {
    expect(readDbf(patched((v) => v.setUint16(8, 20, true)))).toEqual({ ok: false, detail: `the header length of 20 bytes is not between 33 and the file's ${table().length}` });
    expect(readDbf(patched((v) => v.setUint16(8, 60_000, true)))).toMatchObject({ ok: false });
    expect(readDbf(patched((v) => v.setUint32(4, 1_000_000, true)))).toEqual({ ok: false, detail: 'the header announces 1000000 records of 9 bytes, more than the file\'s 19 bytes of records' });
  });

  it('refuses a record length shorter than its fields', () => {
    expect(readDbf(patched((v) => v.setUint16(10, 4, true)))).toEqual({ ok: false, detail: 'the record length of 4 bytes is shorter than the 9 bytes its field needs' });
  });

  it('reads the table it wrote', () => {
    expect(readDbf(table())).toMatchObject({ ok: true, rows: [{ NAME: 'well' }, { NAME: 'pond' }] });
  });
});
