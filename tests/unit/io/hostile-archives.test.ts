import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importKmz } from '../../../shared/io/kmz';
import { importShapefileZip } from '../../../shared/io/shapefile';
import type { ChildReport, HostileArchiveCase } from './hostile-archive-child';
import { buildShp, buildZip, concat, deflated, MiB, pointContent, SMALL_KML, WGS84_PRJ, zeroDeflate } from './hostile-archive-inputs';

// The limits of shared/limits.ts are not imported here, so this file also runs on the code before
// the fix (to show each case failed there); archive-limits.test.ts tests the limits themselves.

/**
 * Issue 11, findings 1 and 2: zip bombs in KMZ and zipped Shapefiles, and Shapefile records
 * that loop. The bombs are made here (zeroDeflate repeats one deflated MiB), never committed.
 */

const CHILD = fileURLToPath(new URL('./hostile-archive-child.ts', import.meta.url));
/** A bound no honest reader needs on these inputs; before the fix each case ran past it or grew without end. */
const CHILD_TIMEOUT_MS = 60_000;
/** Node with tsx loaded takes ~90 MiB; the largest bounded case holds one capped 256 MiB entry. */
const MAX_RSS_MIB = 768;

/** Runs one case in a child process (a loop cannot be interrupted in-process) with a V8 heap cap, so a runaway case dies instead of taking the machine. */
function runChild(name: HostileArchiveCase): ChildReport {
  const child = spawnSync(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', CHILD, name], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, killSignal: 'SIGKILL' });
  expect(child.signal, `${name} was killed after ${CHILD_TIMEOUT_MS} ms`).toBeNull();
  expect(child.status, child.stderr).toBe(0);
  const report = JSON.parse(child.stdout) as ChildReport;
  console.info(`${name}: ${report.inputBytes} bytes in, ${report.ms.toFixed(0)} ms, peak RSS ${report.maxRssMiB.toFixed(0)} MiB`);
  expect(report.maxRssMiB).toBeLessThan(MAX_RSS_MIB);
  return report;
}

describe('hostile archives in a child process: bounded time and memory', () => {
  it('a KMZ with a 1.5 GiB unused entry imports its doc.kml without inflating the bomb', { timeout: CHILD_TIMEOUT_MS + 10_000 }, () => {
    const report = runChild('kmz-unused-bomb');
    expect(report.result).toEqual({ ok: true, layers: 1 });
    // Nothing but the small doc.kml is inflated: far under a second even on a loaded machine.
    expect(report.ms).toBeLessThan(1000);
  });

  it('a zipped Shapefile with a 1.5 GiB .shx and readme imports without inflating them', { timeout: CHILD_TIMEOUT_MS + 10_000 }, () => {
    const report = runChild('shp-unused-bomb');
    expect(report.result).toEqual({ ok: true, layers: 1 });
    expect(report.ms).toBeLessThan(1000);
  });

  it('a doc.kml that declares 1,000 bytes and inflates to 320 MiB stops at the 256 MiB entry limit', { timeout: CHILD_TIMEOUT_MS + 10_000 }, () => {
    const report = runChild('kmz-lying-doc-bomb');
    expect(report.result).toMatchObject({ ok: false, reason: 'limit_exceeded', limit: 'archive-entry-inflated-bytes' });
    expect(report.result.detail).toContain('doc.kml');
  });

  it('the looping Shapefile (content length −4 words) is refused naming the record and its offset', { timeout: CHILD_TIMEOUT_MS + 10_000 }, () => {
    const report = runChild('shp-negative-length');
    expect(report.result).toMatchObject({ ok: false, reason: 'invalid_shapefile' });
    expect(report.result.detail).toBe('The file loop.shp is damaged or not in the expected format (record 1 at byte 100: its content length of -8 bytes is not between 4 and the 4 bytes left in the file).');
    expect(report.ms).toBeLessThan(1000);
  });

  it('a .dbf announcing 4 billion records of 0 bytes is refused before reading any', { timeout: CHILD_TIMEOUT_MS + 10_000 }, () => {
    const report = runChild('dbf-zero-record-length');
    expect(report.result).toMatchObject({ ok: false, reason: 'invalid_shapefile' });
    expect(report.result.detail).toContain('The file wells.dbf is damaged or not in the expected format (the record length of 0 bytes');
    expect(report.ms).toBeLessThan(1000);
  });
});

describe('zip entries are inflated on request', () => {
  it('an entry that declares more than the limit is refused from its header, before inflating', () => {
    const kmz = buildZip([{ name: 'doc.kml', data: zeroDeflate(300), method: 8, declaredSize: 300 * MiB }]);
    const result = importKmz(kmz, 'big.kmz');
    // The value is the declared size exactly: nothing was inflated to reach it.
    expect(result).toMatchObject({ ok: false, reason: 'limit_exceeded', limit: { limit: 'archive-entry-inflated-bytes', max: 256 * MiB, value: 300 * MiB, where: 'doc.kml' } });
  });

  it('lists the names of a good archive and reads each entry back', () => {
    expect(importKmz(buildZip([deflated('doc.kml', SMALL_KML), { name: 'files/', data: new Uint8Array(0), method: 0, declaredSize: 0 }]), 'good.kmz')).toMatchObject({ ok: true });
  });
});

describe('damaged archives are refused with a sentence, never an internal error', () => {
  const good = (): Uint8Array => buildZip([deflated('doc.kml', SMALL_KML)]);
  const refusal = (bytes: Uint8Array): string => {
    const result = importKmz(bytes, 'x.kmz');
    expect(result).toMatchObject({ ok: false, reason: 'broken_zip' });
    return result.ok ? '' : result.detail;
  };
  /** The archive with its end record's central-directory offset (bytes 16–19 of the last 22) replaced. */
  const withDirectoryAt = (offset: number): Uint8Array => {
    const bytes = good();
    new DataView(bytes.buffer).setUint32(bytes.length - 22 + 16, offset, true);
    return bytes;
  };

  it('refuses encrypted, zip64 and unsupported-method entries by name', () => {
    expect(refusal(buildZip([{ ...deflated('doc.kml', SMALL_KML), flags: 1 }]))).toContain('doc.kml is encrypted');
    expect(refusal(buildZip([{ ...deflated('doc.kml', SMALL_KML), method: 12 }]))).toContain('compression method 12');
    const bytes = good();
    const locator = new Uint8Array(20);
    new DataView(locator.buffer).setUint32(0, 0x07064b50, true);
    expect(refusal(concat([bytes.subarray(0, bytes.length - 22), locator, bytes.subarray(bytes.length - 22)]))).toContain('zip64');
  });

  it('refuses offsets and sizes that point outside the archive', () => {
    expect(refusal(withDirectoryAt(0xfffff000))).toContain('central directory');
    expect(refusal(buildZip([{ ...deflated('doc.kml', SMALL_KML), declaredSize: 5 }]))).toContain(`doc.kml declares 5 bytes but holds ${SMALL_KML.length}`);
    const cut = good();
    expect(refusal(cut.subarray(0, cut.length - 10))).toContain('no end of central directory record');
    const truncatedStream = buildZip([{ name: 'doc.kml', data: zeroDeflate(2).subarray(0, 100), method: 8, declaredSize: 2 * MiB }]);
    expect(refusal(truncatedStream)).toContain('doc.kml');
  });

  it('refuses a local header that is not where the directory says', () => {
    const zip = buildZip([deflated('wells.shp', buildShp([{ content: pointContent(1, 2) }])), deflated('wells.prj', WGS84_PRJ)]);
    // Move entry 1's local-header offset (byte 42 of its central header) past the end.
    const directoryAt = new DataView(zip.buffer).getUint32(zip.length - 22 + 16, true);
    new DataView(zip.buffer).setUint32(directoryAt + 42, zip.length + 100, true);
    const result = importShapefileZip(zip);
    expect(result).toMatchObject({ ok: false, reason: 'broken_zip' });
    if (!result.ok) expect(result.detail).toContain('wells.shp: no local header');
  });
});
