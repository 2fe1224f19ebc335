/**
 * The hostile-input corpus (issue 11): every format the app reads, broken in every way a file
 * from outside can be broken. Cases are made at test time from the sample park and small seeds
 * (bombs are built block by block, see bytes.ts); nothing here is committed as a big file.
 *
 *   npx tsx tests/hostile/make-corpus.ts OUT_DIR   writes every case into OUT_DIR (to try one by hand)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { readProject } from '../../shared/project-file';
import { exportDocument, type ExchangeFormat } from '../../shared/io/exchange';
import type { HostileCase } from './corpus-types';
import { dxfCases, geojsonCases, kmlCases, kmzCases, shapefileCases } from './cases-vector';
import { cliCases, projectCases } from './cases-project';
import { mbtilesCases, overlayCases, pmtilesCases, weatherCases } from './cases-media';

export type { HostileCase } from './corpus-types';

const SAMPLE_PROJECT = new URL('../../data/samples/bac-ninh-demo.gpkg', import.meta.url);

export async function makeCorpus(): Promise<HostileCase[]> {
  const SQL = await initSqlJs();
  const project = new Uint8Array(readFileSync(SAMPLE_PROJECT));
  const read = readProject(SQL, project);
  if (!read.ok) throw new Error(`the sample project does not open: ${read.detail}`);
  const seed = (format: ExchangeFormat) => {
    const out = exportDocument(read.document, format, { SQL });
    if (!out.ok) throw new Error(`the sample does not export as ${format}: ${out.detail}`);
    return out.bytes;
  };
  const projects = projectCases(SQL, project);
  const vector = [...geojsonCases(seed('geojson')), ...kmlCases(seed('kml')), ...kmzCases(seed('kmz')), ...shapefileCases(seed('shp')), ...dxfCases(seed('dxf'))];
  const byName = (name: string) => projects.find((c) => c.name === name)!.bytes;
  const cases = [
    ...vector,
    ...projects,
    ...weatherCases(),
    ...pmtilesCases(),
    ...mbtilesCases(SQL),
    ...overlayCases(),
    ...cliCases(project, byName('gpkg/name-10MiB'), byName('gpkg/vertices-1.5M-one-plot'), [...vector, ...projects]),
  ];
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`two cases are named ${c.name}`);
    names.add(c.name);
  }
  return cases;
}

/** A file-system-safe folder name for a case. */
export const caseFolderName = (index: number, c: HostileCase): string => `${String(index).padStart(3, '0')}-${c.name.replace(/[^a-z0-9.-]+/gi, '_')}`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: npx tsx tests/hostile/make-corpus.ts OUT_DIR');
    process.exit(2);
  }
  const cases = await makeCorpus();
  cases.forEach((c, i) => {
    const dir = join(out, caseFolderName(i, c));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, c.fileName), c.bytes);
    writeFileSync(join(dir, 'case.json'), JSON.stringify({ ...c, bytes: undefined, existing: c.existing?.map((e) => e.path) }, null, 1));
  });
  console.log(`${cases.length} cases written to ${out}`);
}
