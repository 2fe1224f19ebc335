import { loadavg } from 'node:os';
import { defaultLayoutParameters } from '../shared/layout/parameters';
import { generateVariants } from '../shared/layout/variants';
import { createEmptyDocument, type ParkDocument } from '../shared/model';
import { CONCAVE_500HA_SCALE, concaveSite } from '../tests/unit/layout/sites';
import { layoutInWorkerFigures } from './layout-page';
import type { Figure } from './measure';

/** The benchmark park: the concave outline of tests/unit/layout/sites.ts grown to 500 ha. */
export function concave500haDocument(): ParkDocument {
  const base = createEmptyDocument('Bench park', { now: '2026-01-01T00:00:00.000Z', location: { lon: 106.07, lat: 21.18 } });
  return { ...base, scenarios: [{ ...base.scenarios[0], features: concaveSite(CONCAVE_500HA_SCALE) }] };
}

/**
 * Issue 15: four layout variants of a 500 ha concave site, each a full layout plus its analysis,
 * as `ecopark layout --variants 4` does — in Node (one run after a warm-up: a run takes
 * seconds; the figure is the wall time a user waits), then in the app's Web Worker in Chromium
 * from "Generate" to the four cards shown, with the main thread's longest task meanwhile
 * (layout-page.ts). Wall times: the machine's load average is printed with them.
 */
export async function layoutFigures(): Promise<Figure[]> {
  const doc = concave500haDocument();
  const p = defaultLayoutParameters();
  generateVariants(doc, doc.activeScenarioId, p, 1, { ruleDate: '2026-06-01' });
  const start = performance.now();
  const result = generateVariants(doc, doc.activeScenarioId, p, 4, { ruleDate: '2026-06-01' });
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`layout failed: ${result.reason}`);
  const best = result.variants[0].figures;
  return [
    { name: 'layout.machineLoadAverage1min', value: loadavg()[0], unit: 'count' },
    { name: 'layout.concave-500ha.node.4-variants', value: ms, unit: 'ms' },
    // Variants whose geometry the clipper could not build are left out (reason geometry_failed).
    { name: 'layout.concave-500ha.variants-made', value: result.variants.length, unit: 'count' },
    { name: 'layout.concave-500ha.best.plots', value: best.plotCount, unit: 'count' },
    { name: 'layout.concave-500ha.best.saleable', value: best.saleableShare * 100, unit: '%' },
    { name: 'layout.concave-500ha.best.rules-failed', value: best.rulesFailed, unit: 'count' },
    ...(await layoutInWorkerFigures(doc, result.variants.length)),
  ];
}
