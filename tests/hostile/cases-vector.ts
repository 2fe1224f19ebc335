/** Hostile GeoJSON, KML, KMZ, zipped Shapefile and DXF cases, all read through `importFile`. */
import { unzipSync, zipSync } from 'fflate';
import type { HostileCase } from './corpus-types';
import { concat, flipBytes, nested, patched, storedEntry, truncateAt, utf8, writeZip, zeroBombEntry, eocdOffset } from './bytes';

export interface VectorSeeds {
  geojson: Uint8Array;
  kml: Uint8Array;
  kmz: Uint8Array;
  shpZip: Uint8Array;
  dxf: Uint8Array;
}

const BINARY_FORMATS = new Set(['kmz', 'shp', 'gpkg', 'pmtiles', 'mbtiles', 'png', 'tif']);

/** Cases every format gets: empty, truncated at several points, seeded byte flips, wrong magic. */
export function genericCases(format: string, reader: HostileCase['reader'], fileName: string, seed: Uint8Array, flipFrom = 0): HostileCase[] {
  const c = (what: string, bytes: Uint8Array, mustRefuse = false): HostileCase => ({ name: `${format}/${what}`, format, reader, fileName, bytes, mustRefuse });
  return [
    c('empty', new Uint8Array(0), true),
    c('one-byte', seed.slice(0, 1), true),
    c('truncated-10pc', truncateAt(seed, 0.1)),
    c('truncated-50pc', truncateAt(seed, 0.5)),
    c('truncated-last-byte', truncateAt(seed, 1)),
    c('flips-seed-1', flipBytes(seed, 1, 8, flipFrom)),
    c('flips-seed-2', flipBytes(seed, 2, 64, flipFrom)),
    c('flips-seed-3', flipBytes(seed, 3, 512, flipFrom)),
    c('random-bytes', flipBytes(new Uint8Array(4096), 4, 4096), true),
    // Text formats may shrug off a garbage prefix; a binary one must not.
    c('wrong-magic', patched(seed, (_, out) => out.set(utf8('%PDF-1.7\n'), 0)), BINARY_FORMATS.has(format)),
  ];
}

const feature = (geometry: string, properties = '{}') => `{"type":"Feature","properties":${properties},"geometry":${geometry}}`;
const collection = (...features: string[]) => collectionOf(features);
const collectionOf = (features: string[]) => utf8(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
const SQUARE = '{"type":"Polygon","coordinates":[[[106,21],[106.01,21],[106.01,21.01],[106,21.01],[106,21]]]}';

/** A closed ring of `n` vertices around (106, 21), as GeoJSON text (built as one string, not an array of strings). */
function ringText(n: number): string {
  const parts = new Array<string>(n + 1);
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    parts[i] = `[${(106 + 0.01 * Math.cos(a)).toFixed(6)},${(21 + 0.01 * Math.sin(a)).toFixed(6)}]`;
  }
  parts[n] = parts[0];
  return `[${parts.join(',')}]`;
}

export function geojsonCases(seed: Uint8Array): HostileCase[] {
  const c = (what: string, bytes: Uint8Array, mustRefuse = false): HostileCase => ({ name: `geojson/${what}`, format: 'geojson', reader: 'import', fileName: 'input.geojson', bytes, mustRefuse });
  const bigName = 'x'.repeat(10 * 1024 * 1024);
  return [
    ...genericCases('geojson', 'import', 'input.geojson', seed),
    c('whitespace-only', utf8(' \n\t '.repeat(1000)), true),
    c('bom-only', new Uint8Array([0xef, 0xbb, 0xbf]), true),
    c('deep-arrays-100k', utf8(nested('[', ']', 100_000)), true),
    c('deep-objects-100k', utf8(nested('{"a":', '}', 100_000, '1')), true),
    c('deep-properties-100k', collection(feature(SQUARE, nested('{"a":', '}', 100_000, '1')))),
    c('deep-geometry-collection-100k', collection(feature(nested('{"type":"GeometryCollection","geometries":[', ']}', 100_000, SQUARE)))),
    c('deep-coordinates-100k', collection(feature(`{"type":"Polygon","coordinates":${nested('[', ']', 100_000, '106,21')}}`))),
    c('huge-numbers', collection(feature('{"type":"Polygon","coordinates":[[[1e400,21],[-1e400,21],[106,1e308],[106,21]]]}'))),
    c('nan-infinity-literals', utf8(`{"type":"FeatureCollection","features":[${feature('{"type":"Point","coordinates":[NaN,Infinity]}')}]}`), true),
    c('coordinates-as-strings', collection(feature('{"type":"Point","coordinates":["106","21"]}'))),
    c('coordinates-null-object', collection(feature('{"type":"Polygon","coordinates":{"0":[1,2]}}'), feature('{"type":"LineString","coordinates":null}'))),
    c('features-not-array', utf8('{"type":"FeatureCollection","features":{"length":1e9}}'), true),
    c('features-null', utf8('{"type":"FeatureCollection","features":null}'), true),
    c('unknown-type', utf8('{"type":"Topology","objects":{}}'), true),
    c('proto-keys', collection(feature(SQUARE, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"name":"p"}'))),
    c('duplicate-keys', utf8(`{"type":"FeatureCollection","type":"Topology","features":[${feature(SQUARE, '{"name":"a","name":"b"}')}],"features":[]}`)),
    c('vertices-1.1M-one-polygon', collection(feature(`{"type":"Polygon","coordinates":[${ringText(1_100_000)}]}`))),
    c('attribute-10MiB', collection(feature(SQUARE, `{"name":"${bigName}"}`))),
    c('attribute-count-5000', collection(feature(SQUARE, JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`a${i}`, i])))))),
    c('features-200k-null-geometry', collectionOf(new Array<string>(200_000).fill(feature('null')))),
    c('invalid-utf8', concat(utf8('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"'), new Uint8Array([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), utf8('"},"geometry":null}]}'))),
    c('lone-surrogate-escape', collection(feature(SQUARE, '{"name":"\\ud800\\udc00\\ud800"}'))),
    c('utf16le-bom', concat(new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from(new TextDecoder().decode(collection(feature(SQUARE))), 'utf16le')))),
    c('ring-of-two-points', collection(feature('{"type":"Polygon","coordinates":[[[106,21],[106,21]]]}'), feature('{"type":"Polygon","coordinates":[[]]}'), feature('{"type":"MultiPolygon","coordinates":[[[]]]}'))),
  ];
}

const KML_HEAD = '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>';
const KML_TAIL = '</Document></kml>';
const placemark = (inner: string, name = 'p') => `<Placemark><name>${name}</name>${inner}</Placemark>`;
const KML_SQUARE = '<Polygon><outerBoundaryIs><LinearRing><coordinates>106,21 106.01,21 106.01,21.01 106,21.01 106,21</coordinates></LinearRing></outerBoundaryIs></Polygon>';
const kml = (body: string) => utf8(KML_HEAD + body + KML_TAIL);

export function kmlCases(seed: Uint8Array): HostileCase[] {
  const c = (what: string, bytes: Uint8Array, mustRefuse = false): HostileCase => ({ name: `kml/${what}`, format: 'kml', reader: 'import', fileName: 'input.kml', bytes, mustRefuse });
  const laughs = ['<!ENTITY a0 "ha">', ...Array.from({ length: 10 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`)].join('');
  return [
    ...genericCases('kml', 'import', 'input.kml', seed),
    c('deep-folders-100k', kml(nested('<Folder>', '</Folder>', 100_000, placemark(KML_SQUARE)))),
    c('deep-unknown-elements-100k', kml(nested('<x>', '</x>', 100_000))),
    c('char-ref-out-of-range', kml(placemark(KML_SQUARE, 'a&#99999999;b&#x110000;c&#0;d'))),
    c('char-ref-huge-digits', kml(placemark(KML_SQUARE, `&#${'9'.repeat(5000)};`))),
    c('billion-laughs', utf8(`<?xml version="1.0"?><!DOCTYPE kml [${laughs}]><kml><Document>${placemark(KML_SQUARE, '&a10;')}</Document></kml>`)),
    c('external-entity', utf8(`<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml><Document>${placemark(KML_SQUARE, '&x;')}</Document></kml>`)),
    c('unclosed-everything', utf8(`${KML_HEAD}<Placemark><name>p<Polygon><outerBoundaryIs><LinearRing><coordinates>106,21 106.01,21`)),
    c('unclosed-cdata-comment', kml(`<Placemark><name><![CDATA[x</name></Placemark><!-- never closed`)),
    c('coordinates-nan-infinity', kml(placemark('<Point><coordinates>NaN,Infinity</coordinates></Point>') + placemark('<LineString><coordinates>1e400,-1e400 ,,, 5</coordinates></LineString>'))),
    c('coordinates-1.1M', kml(placemark(`<LineString><coordinates>${Array.from({ length: 1_100_000 }, (_, i) => `106.${i},21`).join(' ')}</coordinates></LineString>`))),
    c('name-10MiB', kml(placemark(KML_SQUARE, 'n'.repeat(10 * 1024 * 1024)))),
    c('attributes-100k-on-element', utf8(`${KML_HEAD}<Placemark ${Array.from({ length: 100_000 }, (_, i) => `a${i}="v"`).join(' ')}>${KML_SQUARE}</Placemark>${KML_TAIL}`)),
    c('proto-extended-data', kml(placemark(`<ExtendedData><Data name="__proto__"><value>x</value></Data><Data name="constructor"><value>y</value></Data></ExtendedData>${KML_SQUARE}`))),
    c('invalid-utf8', concat(utf8(`${KML_HEAD}<Placemark><name>`), new Uint8Array([0xff, 0xfe, 0xc0, 0xaf]), utf8(`</name>${KML_SQUARE}</Placemark>${KML_TAIL}`))),
    c('declared-utf16-but-utf8', utf8(`<?xml version="1.0" encoding="UTF-16"?><kml><Document>${placemark(KML_SQUARE)}</Document></kml>`)),
  ];
}

export function kmzCases(seed: Uint8Array): HostileCase[] {
  const c = (what: string, bytes: Uint8Array, mustRefuse = false): HostileCase => ({ name: `kmz/${what}`, format: 'kmz', reader: 'import', fileName: 'input.kmz', bytes, mustRefuse });
  const docKml = storedEntry('doc.kml', kml(placemark(KML_SQUARE)));
  return [
    ...genericCases('kmz', 'import', 'input.kmz', seed),
    // The issue's bomb: unused entries inflating to gigabytes beside a small doc.kml.
    c('bomb-unused-entries-8x300MiB', writeZip([docKml, ...Array.from({ length: 8 }, (_, i) => zeroBombEntry(`files/image${i}.png`, 300))])),
    c('bomb-doc-kml-300MiB', writeZip([zeroBombEntry('doc.kml', 300)]), true),
    c('bomb-doc-kml-lying-size', writeZip([{ ...zeroBombEntry('doc.kml', 300), uncompressedSize: 100 }]), true),
    c('declared-size-4GiB', writeZip([{ ...docKml, uncompressedSize: 0xffffffff }])),
    c('no-kml-inside', writeZip([storedEntry('readme.txt', utf8('hello'))]), true),
    c('entries-70k', writeZip(Array.from({ length: 70_000 }, (_, i) => storedEntry(`${i}`, new Uint8Array(0))))),
    c('central-directory-offset-past-end', patched(writeZip([docKml]), (v, out) => v.setUint32(eocdOffset(out) + 16, 0xfffffff0, true)), true),
    c('central-directory-size-past-end', patched(writeZip([docKml]), (v, out) => v.setUint32(eocdOffset(out) + 12, 0x7fffffff, true)), true),
    c('entry-count-65535-but-one', patched(writeZip([docKml]), (v, out) => { v.setUint16(eocdOffset(out) + 8, 0xffff, true); v.setUint16(eocdOffset(out) + 10, 0xffff, true); }), true),
    c('local-header-offset-past-end', patched(writeZip([docKml]), (v, out) => v.setUint32(eocdOffset(out) - 46 - 7 + 42, 0x7ffffff0, true)), true),
    c('compressed-size-past-end', patched(writeZip([docKml]), (v, out) => v.setUint32(eocdOffset(out) - 46 - 7 + 20, 0x7ffffff0, true)), true),
    c('unknown-compression-method', writeZip([{ ...docKml, method: 12 }]), true),
    c('zip-slip-names', writeZip([{ ...docKml, name: '../../../../tmp/doc.kml' }, storedEntry('/etc/passwd.kml', kml(''))])),
    c('nested-zip', writeZip([storedEntry('inner.kmz', seed)]), true),
    c('truncated-inside-entry', concat(writeZip([docKml]).slice(0, 40))),
  ];
}

/** The .shp of the seed zip and its siblings, to patch one and zip them again. */
function shapefileParts(seedZip: Uint8Array): { files: Record<string, Uint8Array>; shpName: string } {
  const files = unzipSync(seedZip);
  const shpName = Object.keys(files).find((n) => n.endsWith('.shp') && n.includes('land'))! ?? Object.keys(files).find((n) => n.endsWith('.shp'))!;
  return { files, shpName };
}

export function shapefileCases(seed: Uint8Array): HostileCase[] {
  const c = (what: string, bytes: Uint8Array, mustRefuse = false): HostileCase => ({ name: `shp/${what}`, format: 'shp', reader: 'import', fileName: 'input.shp.zip', bytes, mustRefuse });
  const { files, shpName } = shapefileParts(seed);
  const base = shpName.slice(0, -4);
  /** The seed zip with one member patched (big-endian file header, little-endian record content). */
  const withPatch = (ext: string, patch: (v: DataView, out: Uint8Array) => void) => zipSync({ ...files, [base + ext]: patched(files[base + ext], patch) });
  const withFile = (ext: string, bytes: Uint8Array | null) => {
    const next = { ...files };
    if (bytes) next[base + ext] = bytes;
    else delete next[base + ext];
    return zipSync(next);
  };
  // First record: header at 100 (number, content length in 16-bit words, big-endian); content at 108.
  return [
    ...genericCases('shp', 'import', 'input.shp.zip', seed),
    c('record-length-minus-4', withPatch('.shp', (v) => v.setInt32(104, -4)), true),
    c('record-length-zero', withPatch('.shp', (v) => v.setInt32(104, 0))),
    c('record-length-past-end', withPatch('.shp', (v) => v.setInt32(104, 0x3fffffff))),
    c('file-length-past-end', withPatch('.shp', (v) => v.setInt32(24, 0x7fffffff))),
    c('file-length-negative', withPatch('.shp', (v) => v.setInt32(24, -1))),
    c('num-parts-huge', withPatch('.shp', (v) => v.setInt32(144, 0x7fffffff, true))),
    c('num-points-huge', withPatch('.shp', (v) => v.setInt32(148, 0x7fffffff, true))),
    c('num-parts-negative', withPatch('.shp', (v) => v.setInt32(144, -5, true))),
    c('part-offset-past-points', withPatch('.shp', (v) => v.setInt32(152, 0x7ffffff0, true))),
    c('shape-type-unknown', withPatch('.shp', (v) => { v.setInt32(32, 99, true); v.setInt32(108, 99, true); })),
    c('coordinates-nan', withPatch('.shp', (v, out) => { for (let at = 160; at + 8 <= Math.min(out.length, 260); at += 8) v.setFloat64(at, NaN, true); })),
    c('shx-offsets-past-end', withPatch('.shx', (v, out) => { for (let at = 100; at + 8 <= out.length; at += 8) v.setInt32(at, 0x7ffffff0); })),
    c('dbf-record-count-huge', withPatch('.dbf', (v) => v.setUint32(4, 0xfffffff0, true))),
    c('dbf-header-length-zero', withPatch('.dbf', (v) => v.setUint16(8, 0, true))),
    c('dbf-header-length-past-end', withPatch('.dbf', (v) => v.setUint16(8, 0xffff, true))),
    c('dbf-record-length-zero', withPatch('.dbf', (v) => v.setUint16(10, 0, true))),
    c('dbf-field-length-255', withPatch('.dbf', (_, out) => { out[32 + 16] = 255; })),
    c('prj-garbage', withFile('.prj', utf8(nested('PROJCS["x",', ']', 50_000)))),
    c('cpg-unknown-codepage', withFile('.cpg', utf8('IBM-99999999'))),
    c('cpg-1MiB', withFile('.cpg', utf8('8'.repeat(1024 * 1024)))),
    c('no-dbf-no-shx', zipSync({ [shpName]: files[shpName] })),
    c('only-dbf', zipSync({ [`${base}.dbf`]: files[`${base}.dbf`] }), true),
    c('bomb-unused-entries-8x300MiB', writeZip([...Object.entries(files).map(([n, d]) => storedEntry(n, d)), ...Array.from({ length: 8 }, (_, i) => zeroBombEntry(`extra/${i}.bin`, 300))])),
    c('bomb-shp-300MiB', writeZip([...Object.entries(files).filter(([n]) => !n.endsWith('.shp')).map(([n, d]) => storedEntry(n, d)), zeroBombEntry(shpName, 300)]), true),
  ];
}

export function dxfCases(seed: Uint8Array): HostileCase[] {
  const c = (what: string, text: string | Uint8Array, mustRefuse = false): HostileCase => ({ name: `dxf/${what}`, format: 'dxf', reader: 'import', fileName: 'input.dxf', bytes: typeof text === 'string' ? utf8(text) : text, mustRefuse });
  const entities = (body: string) => `0\nSECTION\n2\nENTITIES\n${body}0\nENDSEC\n0\nEOF\n`;
  const square = (layer: string, x: number) => `0\nLWPOLYLINE\n8\n${layer}\n90\n4\n70\n1\n10\n${x}\n20\n0\n10\n${x + 10}\n20\n0\n10\n${x + 10}\n20\n10\n10\n${x}\n20\n10\n`;
  return [
    ...genericCases('dxf', 'import', 'input.dxf', seed),
    c('binary-dxf-sentinel', concat(utf8('AutoCAD Binary DXF\r\n\x1a\0'), new Uint8Array(1000)), true),
    c('odd-pair-count', entities(square('PLOTS', 0)).replace(/EOF\n$/, 'EOF\n999\n')),
    c('group-code-not-a-number', entities(square('PLOTS', 0).replace('90\n', 'ninety\n'))),
    c('vertex-count-huge', entities(square('PLOTS', 0).replace('90\n4\n', '90\n2147483647\n'))),
    c('vertex-count-negative', entities(square('PLOTS', 0).replace('90\n4\n', '90\n-4\n'))),
    c('coordinates-nan-1e400', entities(square('PLOTS', 0).replace('10\n0\n', '10\nNaN\n').replace('20\n10\n', '20\n1e400\n'))),
    // The issue's quadratic case: one layer, 50,000 closed polylines (a survey of ~1,000 ha).
    c('entities-50k-one-layer', entities(Array.from({ length: 50_000 }, (_, i) => square('SURVEY', i * 20)).join(''))),
    c('layers-100k', entities(Array.from({ length: 100_000 }, (_, i) => square(`L${i}`, i * 20)).join(''))),
    c('vertices-1.1M-one-polyline', entities(`0\nLWPOLYLINE\n8\nBIG\n90\n1100000\n70\n1\n${Array.from({ length: 1_100_000 }, (_, i) => `10\n${i % 1000}\n20\n${Math.floor(i / 1000)}\n`).join('')}`)),
    c('polyline-vertex-without-end', entities('0\nPOLYLINE\n8\nA\n66\n1\n70\n1\n' + '0\nVERTEX\n8\nA\n10\n1\n20\n2\n'.repeat(10_000))),
    c('layer-name-10MiB', entities(square('L'.repeat(10 * 1024 * 1024), 0))),
    c('layer-name-proto', entities(square('__proto__', 0) + square('constructor', 30) + square('hasOwnProperty', 60))),
    c('codepage-unknown', `0\nSECTION\n2\nHEADER\n9\n$DWGCODEPAGE\n3\nANSI_99999\n0\nENDSEC\n${entities(square('A', 0))}`),
    c('cr-only-line-ends', entities(square('A', 0)).replace(/\n/g, '\r')),
    c('no-entities-section', '0\nSECTION\n2\nHEADER\n0\nENDSEC\n0\nEOF\n', true),
    c('unterminated-section', `0\nSECTION\n2\nENTITIES\n${square('A', 0)}`),
    c('invalid-utf8-layer', concat(utf8('0\nSECTION\n2\nENTITIES\n0\nLWPOLYLINE\n8\n'), new Uint8Array([0xff, 0xc0, 0x80]), utf8(square('A', 0).slice('0\nLWPOLYLINE\n8\nA'.length) + '0\nENDSEC\n0\nEOF\n'))),
  ];
}
