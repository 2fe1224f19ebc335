import { defaultLayoutParameters } from '../shared/layout/parameters';
import { generateVariants } from '../shared/layout/variants';
import { createEmptyDocument, type ParkDocument } from '../shared/model';
import { concaveSite } from '../tests/unit/layout/sites';
import type { Figure } from './measure';

/**
 * Issue 15: four layout variants of a 469 ha concave site (tests/unit/layout/sites.ts), each a
 * full layout plus its analysis, as `ecopark layout --variants 4` does. One run after a warm-up
 * (a run takes seconds; the figure is the wall time a user waits).
 */
export async function layoutFigures(): Promise<Figure[]> {
  const base = createEmptyDocument('Bench park', { now: '2026-01-01T00:00:00.000Z', location: { lon: 106.07, lat: 21.18 } });
  const doc: ParkDocument = { ...base, scenarios: [{ ...base.scenarios[0], features: concaveSite() }] };
  const p = defaultLayoutParameters();
  generateVariants(doc, doc.activeScenarioId, p, 1, { ruleDate: '2026-06-01' });
  const start = performance.now();
  const result = generateVariants(doc, doc.activeScenarioId, p, 4, { ruleDate: '2026-06-01' });
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`layout failed: ${result.reason}`);
  const best = result.variants[0].figures;
  return [
    { name: 'layout.concave-469ha.4-variants', value: ms, unit: 'ms' },
    // Variants whose geometry the clipper could not build are left out (reason geometry_failed).
    { name: 'layout.concave-469ha.variants-made', value: result.variants.length, unit: 'count' },
    { name: 'layout.concave-469ha.best.plots', value: best.plotCount, unit: 'count' },
    { name: 'layout.concave-469ha.best.saleable', value: best.saleableShare * 100, unit: '%' },
    { name: 'layout.concave-469ha.best.rules-failed', value: best.rulesFailed, unit: 'count' },
  ];
}
