/**
 * Issue 11: the hostile-input corpus (tests/hostile/). Every case is read in a child process
 * under a watchdog (CPU, wall clock, memory) through the entry point its front end uses, and must
 * end bounded, with either success or a refusal a person can read, its input unchanged and no
 * partial output left. The summary line (corpus size, worst time, worst memory) is printed and
 * saved under the OS temp folder for the note.
 *
 * HOSTILE_PARALLEL sets the number of children (default 2: the CI machine has two cores).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../hostile/make-corpus';
import { DEFAULT_BOUNDS, runCorpus, saveSummary, summaryLine, type CorpusRun } from '../../hostile/run-corpus';

const cases = await makeCorpus();
let corpus: CorpusRun;

describe('hostile-input corpus', () => {
  beforeAll(async () => {
    corpus = await runCorpus({ cases, parallel: Number(process.env.HOSTILE_PARALLEL ?? 2), bounds: DEFAULT_BOUNDS });
    const path = saveSummary(corpus);
    console.log(`${summaryLine(corpus.summary)}\nsaved ${path}`);
  }, 900_000);

  it('covers every format the app reads with at least 150 cases', () => {
    const formats = new Set(cases.map((c) => c.format));
    for (const f of ['geojson', 'kml', 'kmz', 'shp', 'dxf', 'gpkg', 'epw', 'pvgis', 'pmtiles', 'mbtiles', 'png', 'jpg', 'tif', 'cli']) expect(formats).toContain(f);
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(corpus.results.every((r) => r.report !== null || r.killed !== undefined)).toBe(true);
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s: bounded, explained, input unchanged, nothing left behind', (_, index) => {
    const result = corpus.results[index];
    expect(result.failures, `${result.case.name}: ${result.report?.outcome ?? 'no report'}`).toEqual([]);
  });
});
