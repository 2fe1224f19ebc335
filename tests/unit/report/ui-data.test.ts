import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParkDocument, Scenario } from '../../../shared/model';
import { chosenScenarioIds, useCompareStore } from '../../../renderer/src/panels/compare/compare-store';
import { CompareView } from '../../../renderer/src/panels/compare/ComparePanel';
import { translate } from '../../../renderer/src/i18n/strings';
import { CompareMap } from '../../../renderer/src/panels/compare/CompareMap';
import { useSolarStore } from '../../../renderer/src/panels/solar/solar-store';
import { comparisonFor, reportFileName, reportModelFor, solarFor } from '../../../renderer/src/report/report-data';
import { loadSample, PARK_NAME } from './helpers';

let sample: ParkDocument;
let doc: ParkDocument;

beforeAll(async () => {
  sample = await loadSample();
  const a = sample.scenarios[0];
  const b: Scenario = { id: 'scn-b', name: 'B', features: a.features.filter((f) => !(f.kind === 'landuse' && f.landUse === 'green')) };
  doc = { ...sample, scenarios: [a, b] };
}, 60_000);

describe('report data for the UI', () => {
  it('names the file without diacritics', () => {
    expect(reportFileName(sample, 'pdf')).toBe('khu-cong-nghiep-sinh-thai-yen-phong-demo-phuong-an-a-report.pdf');
  });

  it('uses the Solar panel result only when it belongs to this revision and scenario', () => {
    const quick = solarFor(doc, doc.activeScenarioId, 7);
    // Without a panel result: computed with the project's settings, neighbour shading included.
    expect(quick.origin).toBe('computed');
    expect(quick.solar!.shadingSunPositions).toBeGreaterThan(0);
    const fake = { ...quick.solar!, totalKwp: 1234 };
    useSolarStore.getState().set({ status: 'done', result: fake, resultRevision: 7 });
    expect(solarFor(doc, doc.activeScenarioId, 7)).toEqual({ solar: fake, origin: 'ui-latest' });
    expect(solarFor(doc, doc.activeScenarioId, 8).origin).toBe('computed');
    expect(solarFor(doc, 'scn-b', 7).origin).toBe('computed');
    useSolarStore.getState().set({ status: 'idle', result: null, resultRevision: -1 });
  });

  it('adds the comparison when two or more scenarios are chosen', () => {
    const alone = reportModelFor(doc, 1, 'en', [doc.activeScenarioId], 'test');
    expect(alone.comparison).toBeUndefined();
    expect(alone.meta.parkName).toBe(PARK_NAME);
    expect(alone.methods.find((m) => m.label === 'Solar result')!.value).toMatch(/with the project’s solar settings/);
    const both = reportModelFor(doc, 1, 'vi', chosenScenarioIds(['scn-b', doc.activeScenarioId], doc.scenarios.map((s) => s.id)), 'test');
    expect(both.comparison!.scenarios.map((s) => s.name)).toEqual(['Phương án A', 'B']);
  });

  it('keeps at most four chosen scenarios', () => {
    const store = useCompareStore.getState();
    store.setSelected([]);
    for (const id of ['a', 'b', 'c', 'd', 'e']) useCompareStore.getState().toggle(id);
    expect(useCompareStore.getState().selected).toEqual(['a', 'b', 'c', 'd']);
    useCompareStore.getState().toggle('b');
    expect(useCompareStore.getState().selected).toEqual(['a', 'c', 'd']);
    expect(chosenScenarioIds(['d', 'a', 'gone'], ['a', 'b', 'd'])).toEqual(['a', 'd']);
    store.setSelected([]);
  });
});

describe('Compare panel', () => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
  const noop = () => undefined;

  it('explains how to add scenarios when the project has one', () => {
    const html = renderToStaticMarkup(createElement(CompareView, { doc: sample, ids: [], model: null, lang: 'en', t, onToggle: noop }));
    expect(html).toContain('data-testid="compare-one-scenario"');
    expect(html).toContain('Add another');
  });

  it('asks for two scenarios, then shows the indicators with differences highlighted, the rule grid and a map per scenario', () => {
    const one = renderToStaticMarkup(createElement(CompareView, { doc, ids: [doc.scenarios[0].id], model: null, lang: 'en', t, onToggle: noop }));
    expect(one).toContain('Choose at least two scenarios.');
    const ids = doc.scenarios.map((s) => s.id);
    const html = renderToStaticMarkup(createElement(CompareView, { doc, ids, model: comparisonFor(doc, ids, 1, 'en'), lang: 'en', t, onToggle: noop }));
    expect(html).toContain('data-testid="compare-kpis"');
    expect(html).toContain('data-testid="compare-rules"');
    expect(html).toContain('compare-diff');
    expect(html).toContain('compare-status-fail');
    expect(html.match(/<svg class="compare-map"/g)).toHaveLength(2);
    expect(html.match(/type="checkbox" checked=""/g)).toHaveLength(2);
  });

  it('draws the map primitives as SVG in a north-up metre viewBox', () => {
    const figure = { minX: 0, minY: 0, maxX: 100, maxY: 50, primitives: [{ type: 'polygon' as const, rings: [[[0, 0], [10, 0], [10, 10]] as [number, number][]], fill: '#ff0000', stroke: '#000000', strokeWidthPt: 0.3 }], legend: [], lonTicks: [], latTicks: [], scaleBarM: 20, scaleBarLabel: '20 m', title: 'T' };
    const html = renderToStaticMarkup(createElement(CompareMap, { figure }));
    expect(html).toContain('viewBox="0 0 100.0 50.0"');
    // y is flipped: north (y = 10) is 40 m from the top of a 50 m tall view.
    expect(html).toContain('d="M0.0,50.0L10.0,50.0L10.0,40.0Z"');
    expect(html).toContain('20 m');
  });
});
