import { importKmz } from '../../../shared/io/kmz';
import { importShapefileZip } from '../../../shared/io/shapefile';
import type { ImportResult } from '../../../shared/io/imported-layer';
import { writeDbf } from '../../../shared/io/dbf';
import { buildShp, buildZip, deflated, MiB, pointContent, SMALL_KML, WGS84_PRJ, zeroDeflate } from './hostile-archive-inputs';

/**
 * Runs one hostile import in its own process, so a reader that loops or inflates without
 * bound can be killed by the test (a synchronous loop cannot be interrupted in-process), and
 * prints the time the import took and the process's peak memory as JSON.
 */

/** Each case builds its input (not timed) and gives the import to time. */
export const HOSTILE_ARCHIVE_CASES = {
  /** A KMZ whose unused entry inflates to 1.5 GiB (declared honestly) next to a small doc.kml. */
  'kmz-unused-bomb': () => {
    const kmz = buildZip([deflated('doc.kml', SMALL_KML), { name: 'files/photo.jpg', data: zeroDeflate(1536), method: 8, declaredSize: 1536 * MiB }]);
    return { bytes: kmz, run: () => importKmz(kmz, 'bomb.kmz') };
  },
  /** A KMZ whose doc.kml declares 1,000 bytes but inflates to 320 MiB, past the 256 MiB entry limit. */
  'kmz-lying-doc-bomb': () => {
    const kmz = buildZip([{ name: 'doc.kml', data: zeroDeflate(320), method: 8, declaredSize: 1000 }]);
    return { bytes: kmz, run: () => importKmz(kmz, 'bomb.kmz') };
  },
  /** A zipped Shapefile with a 1.5 GiB .shx (which the reader does not need) and a 1.5 GiB readme next to a good layer. */
  'shp-unused-bomb': () => {
    const bomb = zeroDeflate(1536);
    const zip = buildZip([
      deflated('wells.shp', buildShp([{ content: pointContent(106.1, 21.1) }])),
      deflated('wells.prj', WGS84_PRJ),
      { name: 'wells.shx', data: bomb, method: 8, declaredSize: 1536 * MiB },
      { name: 'readme.txt', data: bomb, method: 8, declaredSize: 1536 * MiB },
    ]);
    return { bytes: zip, run: () => importShapefileZip(zip) };
  },
  /** A .dbf announcing 4 billion records of 0 bytes each: one field, so each would re-read the same bytes. */
  'dbf-zero-record-length': () => {
    const dbf = writeDbf([{ name: 'NAME', type: 'C', length: 8, decimals: 0 }], [['well']]);
    const view = new DataView(dbf.buffer);
    view.setUint32(4, 0xffffffff, true);
    view.setUint16(10, 0, true);
    const zip = buildZip([deflated('wells.shp', buildShp([{ content: pointContent(106.1, 21.1) }])), deflated('wells.prj', WGS84_PRJ), deflated('wells.dbf', dbf)]);
    return { bytes: zip, run: () => importShapefileZip(zip) };
  },
  /** The looping Shapefile of the issue: a record whose content length is −4 words (−8 bytes). */
  'shp-negative-length': () => {
    const shp = buildShp([{ content: new Uint8Array(4), contentWords: -4 }]);
    const zip = buildZip([deflated('loop.shp', shp), deflated('loop.prj', WGS84_PRJ)]);
    return { bytes: zip, run: () => importShapefileZip(zip) };
  },
} satisfies Record<string, () => { bytes: Uint8Array; run: () => ImportResult }>;

export type HostileArchiveCase = keyof typeof HOSTILE_ARCHIVE_CASES;

export interface ChildReport {
  ms: number;
  maxRssMiB: number;
  inputBytes: number;
  result: { ok: boolean; reason?: string; detail?: string; limit?: string; layers?: number };
}

const name = process.argv[2] as HostileArchiveCase | undefined;
if (name !== undefined && name in HOSTILE_ARCHIVE_CASES) {
  const input = HOSTILE_ARCHIVE_CASES[name]();
  const started = performance.now();
  const result = input.run();
  const report: ChildReport = {
    ms: performance.now() - started,
    inputBytes: input.bytes.length,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    result: result.ok ? { ok: true, layers: result.layers.length } : { ok: false, reason: result.reason, detail: result.detail, limit: result.limit?.limit },
  };
  process.stdout.write(JSON.stringify(report));
}
