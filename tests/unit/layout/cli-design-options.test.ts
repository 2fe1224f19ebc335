import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { readProject } from '../../../shared/project-file';
import { CONTEXT, memoryIo } from '../cli/helpers';
import { measureDesign, median } from './design-judge';
import { rectangleProject } from './sites';

/** `ecopark layout`'s design options (--main-road, --internal-road, --block-depth, --strip, --green-min). */

describe('ecopark layout design options', () => {
  it('lays out with 24 m internal roads, a 30 m strip and 25 % green (measured by GDAL)', { timeout: 600_000 }, async () => {
    const { io, err, store } = memoryIo({ 'in.gpkg': await rectangleProject() });
    const code = await run(['layout', 'in.gpkg', '-o', 'out.gpkg', '--variants', '1', '--internal-road', '24', '--strip', '30', '--green-min', '25%', '--main-road', '36', '--block-depth', '300'], io, CONTEXT);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const written = readProject(await initSqlJs(), store.get('out.gpkg')!);
    if (!written.ok) throw new Error('output not readable');
    const active = written.document.scenarios.find((s) => s.id === written.document.activeScenarioId)!;
    const measured = measureDesign(active.features);
    // 24 m × UTM scale 0.99975 = 23.994 m (design-parameters.test.ts); the strip 30·1.01 + 0.1 = 30.4 m, inset on the sphere: up to 0.5 % more.
    expect(Math.abs(median(measured.internalWidthsM) - 24)).toBeLessThan(0.02);
    expect(measured.stripWidthM).toBeGreaterThanOrEqual(30);
    expect(measured.stripWidthM).toBeLessThan(30.4 * 1.005);
    expect(measured.greenShare).toBeGreaterThanOrEqual(0.25);
  });

  it('refuses values out of range with exit 2, in English and Vietnamese', async () => {
    const cases: [string, string, RegExp, RegExp][] = [
      // A road narrower than two 3.5 m lanes.
      ['--main-road', '6', /--main-road takes metres from 7 to 80, not "6"/, /--main-road nhận số mét từ 7 đến 80, không phải "6"/],
      ['--internal-road', '-5', /--internal-road takes metres from 7 to 80/, /--internal-road nhận số mét từ 7 đến 80/],
      ['--block-depth', 'deep', /--block-depth takes metres from 60 to 1,000, not "deep"/, /--block-depth nhận số mét từ 60 đến 1\.000, không phải "deep"/],
      ['--strip', '250', /--strip takes metres from 10 to 200, not "250"/, /--strip nhận số mét từ 10 đến 200/],
      ['--strip', '5', /--strip takes metres from 10 to 200, not "5"/, /--strip nhận số mét từ 10 đến 200/],
      ['--green-min', '60', /--green-min takes a percentage of the park area from 0 to 50, not "60"/, /--green-min nhận phần trăm diện tích khu từ 0 đến 50/],
    ];
    for (const [option, value, en, vi] of cases) {
      for (const [lang, message] of [['en', en], ['vi', vi]] as const) {
        const { io, err, store } = memoryIo({ 'in.gpkg': new Uint8Array([1]) });
        expect(await run(['--lang', lang, 'layout', 'in.gpkg', '-o', 'x.gpkg', option, value], io, CONTEXT)).toBe(2);
        expect(err.join('\n')).toMatch(message);
        expect(store.has('x.gpkg')).toBe(false);
      }
    }
  });
});
