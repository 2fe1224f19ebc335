import { beforeAll, describe, expect, it } from 'vitest';
import type { ParkDocument } from '../../../shared/model';
import { buildReportModel } from '../../../shared/report/build-model';
import { readSolarSettings, runSolar, solarInputFromDocument, type ParkSolarResult } from '../../../shared/solar';
import { loadSample } from './helpers';

let doc: ParkDocument;
let solar: ParkSolarResult;

beforeAll(async () => {
  doc = await loadSample();
  solar = runSolar(solarInputFromDocument(doc, { ...readSolarSettings(doc.settings), shading: false }, null));
}, 60_000);

describe('report methods: roof use and colour bands', () => {
  it('states the setback, paths, group size and obstruction in use, with their sources, and the fixed bands', () => {
    const en = buildReportModel(doc, doc.activeScenarioId, { lang: 'en', now: '2026-01-01T00:00:00Z', toolVersion: 't', solar });
    const roofUse = en.methods.find((m) => m.label === 'Roof use')!.value;
    expect(roofUse).toMatch(/^Clear strip of 1\.2 m .* no longer than 40 m .* paths 1\.5 m wide .* then 10 % /);
    expect(roofUse).toMatch(/International Fire Code §1204\.3 \(recalled\).*C07.*\(secondary\)/);
    expect(en.methods.find((m) => m.label === 'Roof colour bands')!.value).toBe(
      'Fixed bands of specific yield, the same for every park and scenario: < 900 (very low); 900 – 1,000 (low); 1,000 – 1,100 (fair); 1,100 – 1,200 (good); 1,200 – 1,300 (very good); ≥ 1,300 (excellent) kWh/kWp.',
    );
    const vi = buildReportModel(doc, doc.activeScenarioId, { lang: 'vi', now: '2026-01-01T00:00:00Z', toolVersion: 't', solar });
    expect(vi.methods.find((m) => m.label === 'Sử dụng mái')!.value).toMatch(/^Chừa 1,2 m .* lối đi rộng 1,5 m/);
    expect(vi.methods.find((m) => m.label === 'Khoảng màu của mái')!.value).toMatch(/900 – 1\.000 \(thấp\)/);
  });
});
