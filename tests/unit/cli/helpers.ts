import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import initSqlJs from 'sql.js';
import { expect } from 'vitest';
import type { CliIo } from '../../../cli/io';
import { scenarioProblems } from '../../../shared/analysis';
import type { ParkDocument } from '../../../shared/model';
import { readProject } from '../../../shared/project-file';

/**
 * An in-memory CliIo: files in a Map, output captured line by line. Paths are normalised
 * ('./a.gpkg' is 'a.gpkg'); a file's identity is its normalised path (no links in memory; the
 * real writer and links are tested on disk in output-safety.test.ts).
 */
export function memoryIo(files: Record<string, Uint8Array> = {}) {
  const store = new Map(Object.entries(files).map(([path, bytes]) => [posix.normalize(path), bytes]));
  const inodes = new Map<string, bigint>();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    readFile: async (path) => {
      const bytes = store.get(posix.normalize(path));
      if (!bytes) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return bytes;
    },
    writeFile: async (path, bytes, options = {}) => {
      if (path.startsWith('/missing-folder/')) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      const key = posix.normalize(path);
      const previous = store.get(key);
      if (options.backup && previous) store.set(`${key}.bak`, previous);
      store.set(key, bytes);
    },
    identify: async (path) => {
      const key = posix.normalize(path);
      if (!store.has(key)) return null;
      if (!inodes.has(key)) inodes.set(key, BigInt(inodes.size + 1));
      return { dev: 1n, ino: inodes.get(key)! };
    },
  };
  return { io, out, err, store };
}

export const CONTEXT = { version: '9.9.9-test', now: () => '2026-02-01T00:00:00.000Z' };

export const SAMPLE = 'data/samples/bac-ninh-demo.gpkg';

/** The bundled sample project as the project reader reads it (not through the CLI). */
export async function readSampleDocument(): Promise<ParkDocument> {
  const read = readProject(await initSqlJs(), new Uint8Array(readFileSync(SAMPLE)));
  if (!read.ok) throw new Error(read.detail);
  return read.document;
}

/** Names of the two features of the bundled sample (data/samples/bac-ninh-demo.gpkg) whose geometry is invalid. */
export const SAMPLE_STRIP = 'Dải cây xanh cách ly 15 m';
export const SAMPLE_ROAD_N2 = 'Đường trục ngang N2';

/**
 * The geometry-problem block the CLI writes on stderr for a scenario of the bundled sample (a
 * warning: the command still succeeds). The shared validator, not the CLI, is asked first which
 * problems the scenario has: exactly two, the isolation strip crossing itself and road N2 outside
 * the boundary. The lines are then spelled out here word for word, with the validator's positions.
 */
export function sampleProblemBlock(doc: ParkDocument, lang: 'en' | 'vi', scenarioName = 'Phương án A'): string[] {
  const scenario = doc.scenarios.find((s) => s.name === scenarioName);
  if (!scenario) throw new Error(`no scenario ${scenarioName}`);
  const problems = scenarioProblems(scenario.features);
  const nameOf = (id: string) => scenario.features.find((f) => f.id === id)?.name;
  expect(problems.map((p) => [nameOf(p.featureId), p.reason])).toEqual([
    [SAMPLE_STRIP, 'self_intersection'],
    [SAMPLE_ROAD_N2, 'outside_boundary'],
  ]);
  const [strip, road] = problems.map((p) => p.at as [number, number]);
  const deg = (v: number) => (lang === 'en' ? v.toFixed(6) : v.toFixed(6).replace('.', ','));
  const near = ([lon, lat]: [number, number]) => (lang === 'en' ? `near ${deg(lat)}° N, ${deg(lon)}° E` : `gần ${deg(lat)}° B, ${deg(lon)}° Đ`);
  return lang === 'en'
    ? [
        `ecopark: warning: scenario "${scenarioName}" has 2 geometry problems (the map shows the same):`,
        `  Land-use polygon “${SAMPLE_STRIP}”: the outline crosses itself ${near(strip)}.`,
        `  Road “${SAMPLE_ROAD_N2}”: it lies outside the park boundary ${near(road)}.`,
      ]
    : [
        `ecopark: cảnh báo: phương án "${scenarioName}" có 2 lỗi hình học (bản đồ cũng hiển thị các lỗi này):`,
        `  Vùng sử dụng đất “${SAMPLE_STRIP}”: đường bao tự cắt nhau ${near(strip)}.`,
        `  Đường “${SAMPLE_ROAD_N2}”: nằm (một phần) ngoài ranh giới khu ${near(road)}.`,
      ];
}
