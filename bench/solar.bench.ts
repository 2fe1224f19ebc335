import { generateLargePark } from './large-park';
import { bboxOf, createContext, layoutRoof, roofSkyView, simulateRoof, solarInputFromDocument, solarSettingsSchema, summarizePark } from '../shared/solar';
import { makeEpw } from '../tests/unit/solar/helpers';
import { parseEpw } from '../shared/solar/weather-import';
import type { Figure } from './measure';

/** Median wall time (ms) of a few runs; the solar runs are long enough that 5 repeats suffice. */
function median(run: () => void, repeats = 5): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

/**
 * Rooftop solar on the generated large park (~3,400 buildings): 1,000 roofs simulated with
 * every building of the park as a potential shading neighbour. Measured on the pure shared/solar
 * functions in Node (the worker runs the same functions, in chunks of 50 roofs); the whole
 * pipeline is timed: document → local frame, sun table, layout, shading (beam, and the sky hidden
 * by neighbours: a horizon profile per sample point), hourly PV, totals. The sky-view part alone
 * is timed too (`horizonSkyView`: profiles and view factors of the 1,000 roofs).
 */
export async function solarFigures(): Promise<Figure[]> {
  const doc = generateLargePark();
  const run = (shading: boolean, weather = null as ReturnType<typeof parseEpw> | null) => () => {
    const settings = solarSettingsSchema.parse({ shading });
    const input = solarInputFromDocument(doc, settings, weather && weather.ok ? weather.weather : null);
    const ctx = createContext(input);
    summarizePark(ctx, input.roofs.slice(0, 1000).map((r) => simulateRoof(ctx, r)));
  };
  const probe = createContext(solarInputFromDocument(doc, solarSettingsSchema.parse({})));
  const epw = parseEpw(makeEpw(21.05, 106.05, 7));
  const roofs = doc.scenarios[0].features.filter((f) => f.kind === 'building').length;
  const skyInput = probe.input;
  const skyRoofs = skyInput.roofs.slice(0, 1000).map((r) => {
    const layout = layoutRoof(r.parts, r.roofType, skyInput.latDeg, skyInput.settings, r.planarToGeodesic);
    const radius = Math.max(0, probe.maxObstacleHeightM - r.heightM) / Math.tan((2 * Math.PI) / 180);
    const near = probe.index.near(bboxOf(layout.samplePoints), radius, r.heightM).filter((o) => o.id !== r.id);
    return { r, layout, near };
  });
  return [
    { name: 'solar.largePark.buildings', value: roofs, unit: 'count' },
    { name: 'solar.shadingSunPositions', value: probe.sunPositionCount, unit: 'count' },
    { name: 'solar.1000roofs.withShading', value: median(run(true)), unit: 'ms' },
    { name: 'solar.1000roofs.withoutShading', value: median(run(false)), unit: 'ms' },
    { name: 'solar.1000roofs.horizonSkyView', value: median(() => skyRoofs.forEach(({ r, layout, near }) => roofSkyView(layout.samplePoints, r.heightM, near, layout.planes))), unit: 'ms' },
    { name: 'solar.1000roofs.withShading.hourlyEpw8760h', value: median(run(true, epw), 3), unit: 'ms' },
    { name: 'solar.allRoofs.withShading', value: median(() => {
      const input = solarInputFromDocument(doc, solarSettingsSchema.parse({}));
      const ctx = createContext(input);
      summarizePark(ctx, input.roofs.map((r) => simulateRoof(ctx, r)));
    }, 3), unit: 'ms' },
  ];
}
