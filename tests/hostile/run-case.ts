/**
 * Child process of the hostile corpus: runs cases one after the other through the public entry
 * point each front end uses, and reports each on file descriptor 3 as one JSON line, written
 * synchronously so the parent knows which case was running even if the next one never returns.
 *
 *   node --expose-gc --max-old-space-size=N --import tsx tests/hostile/run-case.ts MANIFEST.json 4,7,9
 *
 * Lines: {"start": index} before a case, then a CaseReport when it is done.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import type { CaseReport, ReaderId } from './corpus-types';
import { importFile } from '../../shared/io/exchange';
import { describeImportNote } from '../../shared/io/import-notes';
import { readProject } from '../../shared/project-file';
import { parseWeatherFile } from '../../shared/solar/weather-import';
import { openTileArchive, type TileFileAccess } from '../../shared/tile-archive';
import * as overlay from '../../shared/overlay';
import { DEFAULT_LIMITS, describeLimitExceeded } from '../../shared/limits';
import { nodeIo, type CliIo } from '../../cli/io';
import { run } from '../../cli/run';

/** One case as the parent hands it over: the file is already on disk in `dir`. */
export interface ManifestCase {
  index: number;
  name: string;
  reader: ReaderId;
  fileName: string;
  dir: string;
  argv?: string[];
  tiles?: [number, number, number][];
}

type Outcome = Pick<CaseReport, 'outcome' | 'messages'>;
const SQL = await initSqlJs();
const report = (line: object) => writeFileSync(3, `${JSON.stringify(line)}\n`);
const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Peak resident memory since the last reset, from /proc (Linux); the process peak elsewhere. */
function peakRssBytes(): number {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (kib) return Number(kib[1]) * 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Resets the kernel's peak-RSS mark to the current RSS (Linux ≥ 4.0), so each case has its own peak. */
function resetPeakRss(): void {
  (globalThis as { gc?: () => void }).gc?.();
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux: the peak is then the process's so far, an upper bound
  }
}

const refusedOr = (result: { ok: boolean; detail?: string; warnings?: string[] }): Outcome =>
  result.ok ? { outcome: 'ok', messages: (result.warnings ?? []).slice(0, 20) } : { outcome: 'refused', messages: [String(result.detail)] };

async function readTiles(c: ManifestCase, bytes: Uint8Array): Promise<Outcome> {
  const access: TileFileAccess = {
    name: c.fileName,
    size: bytes.length,
    read: async (offset, length) => bytes.slice(offset, offset + length),
    readAll: async () => bytes,
  };
  const opened = await openTileArchive(access, async () => SQL);
  if (!opened.ok) return { outcome: 'refused', messages: [opened.detail] };
  try {
    // A tile the archive cannot give is refused to MapLibre with a message, not returned.
    for (const [z, x, y] of c.tiles ?? []) {
      // Every case's archive holds its tiles: null means the reader withheld one (a bounded refusal).
      if ((await opened.archive.getTile(z, x, y)) === null) return { outcome: 'refused', messages: [`Tile ${z}/${x}/${y} was not served.`] };
    }
    return { outcome: 'ok', messages: [] };
  } catch (error) {
    return { outcome: 'refused', messages: [error instanceof Error ? error.message : String(error)] };
  } finally {
    opened.archive.close();
  }
}

/**
 * Overlay images as the renderer reads them (renderer/src/overlay/read-overlay-file.ts): the
 * declared size from the header against the pixel limit before anything decodes, then for GeoTIFF
 * the geotiff library as the renderer calls it (PNG and JPEG are decoded by the browser, whose
 * output is bounded by the checked size).
 */
async function readOverlay(c: ManifestCase, bytes: Uint8Array): Promise<Outcome> {
  const header = overlay.readImageHeader(bytes);
  // The renderer words this as its 'decode' refusal.
  if (!header) return { outcome: 'refused', messages: ['The image cannot be decoded.'] };
  const exceeded = overlay.checkImagePixels(header, DEFAULT_LIMITS, c.fileName);
  if (exceeded) return { outcome: 'refused', messages: [describeLimitExceeded(exceeded, 'en')] };
  if (!/\.tiff?$/i.test(c.fileName)) return { outcome: 'ok', messages: [] };
  const { fromArrayBuffer } = await import('geotiff');
  try {
    const tiff = await fromArrayBuffer(bytes.slice().buffer);
    const image = await tiff.getImage();
    const factor = Math.min(1, 4096 / Math.max(image.getWidth(), image.getHeight()));
    await image.readRasters({ width: Math.max(1, Math.round(image.getWidth() * factor)), height: Math.max(1, Math.round(image.getHeight() * factor)), resampleMethod: 'nearest' });
    return { outcome: 'ok', messages: [] };
  } catch {
    // The renderer turns any decoding failure into its 'decode' refusal, worded by the UI.
    return { outcome: 'refused', messages: ['The image cannot be decoded.'] };
  }
}

async function runCli(c: ManifestCase): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { ...nodeIo, stdout: (line) => out.push(line), stderr: (line) => err.push(line) };
  const argv = (c.argv ?? []).map((a) => a.replaceAll('{in}', join(c.dir, c.fileName)).replaceAll('{dir}', c.dir));
  const code = await run(argv, io, { version: '0.0.0-hostile', now: () => '2026-01-01T00:00:00.000Z', env: { LANG: 'en_US.UTF-8' } });
  return code === 0 ? { outcome: 'ok', messages: err.slice(0, 20) } : { outcome: 'refused', messages: err.length > 0 ? err.slice(0, 20) : [`exit code ${code} without a message`] };
}

async function runOne(c: ManifestCase, bytes: Uint8Array): Promise<Outcome> {
  switch (c.reader) {
    case 'import': {
      // DXF has no CRS of its own: name one (metres, VN-2000) so the whole reader runs, as after the user's choice.
      const imported = importFile(bytes, c.fileName, { SQL, crs: /\.dxf$/i.test(c.fileName) ? 'VN2000:105.5' : undefined });
      return refusedOr(imported.ok ? { ok: true, warnings: imported.notes.map((n) => describeImportNote(n, 'en')) } : imported);
    }
    case 'project':
      return refusedOr(readProject(SQL, bytes, { fileName: c.fileName }));
    case 'weather':
      return refusedOr(parseWeatherFile(new TextDecoder().decode(bytes), c.fileName));
    case 'tiles':
      return readTiles(c, bytes);
    case 'overlay':
      return readOverlay(c, bytes);
    case 'cli':
      return runCli(c);
  }
}

const [manifestPath, indexList] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ManifestCase[];
for (const index of indexList.split(',').map(Number)) {
  const c = manifest[index];
  const bytes = new Uint8Array(readFileSync(join(c.dir, c.fileName)));
  const before = hash(bytes);
  resetPeakRss();
  report({ start: index });
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let outcome: Outcome;
  try {
    outcome = await runOne(c, bytes);
  } catch (error) {
    outcome = { outcome: 'threw', messages: [errorText(error)] };
  }
  const cpu = process.cpuUsage(cpuStart);
  const result: CaseReport = {
    index,
    elapsedMs: Math.round(performance.now() - started),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssBytes: peakRssBytes(),
    ...outcome,
    messages: outcome.messages.map((m) => (m.length > 4000 ? `${m.slice(0, 4000)}… (${m.length} characters)` : m)),
    inputMutated: hash(bytes) !== before,
  };
  report(result);
}
