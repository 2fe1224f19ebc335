import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { analyzeEco } from '../../../shared/eco';
import { rooftopPvFromRun, rooftopPvOf } from '../../../shared/eco/pv';
import { writeProject } from '../../../shared/project-file';
import { CONTEXT, memoryIo } from '../cli/helpers';
import { park } from './eco-park';

// The park of ./eco-park.ts: demand 41 750.126 MWh/year (eco-park.test.ts), flat over 8 760 h
// = 4 765.9961 kW (41 750 125.698 kWh ÷ 8 760 h).

/** The eco park with one flat 60 m × 60 m factory roof on the aluminium plot, for the solar model. */
function parkWithRoof() {
  const doc = park();
  const ring = [[106.0005, 21.1005], [106.0011, 21.1005], [106.0011, 21.10105], [106.0005, 21.10105], [106.0005, 21.1005]];
  doc.scenarios[0].features.push({ id: 'roof', kind: 'building', heightM: 12, roofType: 'flat', geometry: { type: 'Polygon', coordinates: [ring] } });
  return doc;
}

describe('rooftop PV in the eco balances', () => {
  it('a solar run’s hourly output, with the project’s export cap, is used hour by hour', () => {
    const doc = park();
    doc.settings.solar = { exportCapFraction: 0.1 };
    // Two weather rows of 4 380 h each: 5 000 kW, then nothing; 1 000 kWp, so the cap is 100 kW.
    const pv = rooftopPvFromRun({ annualKwh: 21_900_000, totalKwp: 1000 }, [5000, 0], [4380, 4380], doc.settings);
    expect(pv.exportCapFraction).toBe(0.1);
    const e = analyzeEco(doc, { pv }).electricity;
    // On site: 4 765.9961 kW × 4 380 h = 20 875.063 MWh (half the demand); exported 100 kW × 4 380 h = 438 MWh;
    // curtailed (5 000 − 4 765.9961 − 100) × 4 380 = 586.937 MWh; grid 41 750.126 − 20 875.063 = 20 875.063 MWh.
    expect(e.rooftopPvMwhPerYear).toBe(21_900);
    expect(e.selfConsumedMwhPerYear).toBeCloseTo(20875.063, 3);
    expect(e.exportedMwhPerYear).toBeCloseTo(438, 9);
    expect(e.curtailedMwhPerYear).toBeCloseTo(586.937, 3);
    expect(e.gridMwhPerYear).toBeCloseTo(20875.063, 3);
    expect(e.pvShareOfDemand).toBeCloseTo(0.5, 12);
  });

  it('ecopark report puts in its eco chapter the PV that ecopark eco counts', async () => {
    const doc = parkWithRoof();
    const pv = rooftopPvOf(doc);
    expect(pv.totalKwp).toBeGreaterThan(0);
    // PV used on site recomputed here by its definition, independently of shared/solar/economics:
    // Σ min(PV, flat demand) × hours of the row.
    const flatKw = 41_750_125.698 / 8760;
    let selfKwh = 0;
    for (let i = 0; i < pv.hourlyAcKw.length; i++) selfKwh += Math.min(pv.hourlyAcKw[i], flatKw) * pv.weight[i];
    const SQL = await initSqlJs();
    const { io, out, store } = memoryIo({ 'park.gpkg': writeProject(SQL, doc) });
    expect(await run(['eco', 'park.gpkg', '--json'], io, CONTEXT)).toBe(0);
    const totals = JSON.parse(out.join('\n')).totals;
    expect(totals.selfConsumedMwhPerYear).toBeCloseTo(selfKwh / 1000, 1);
    expect(totals.rooftopPvMwhPerYear).toBeCloseTo(pv.annualKwh / 1000, 1);
    expect(await run(['report', 'park.gpkg', '-o', '/out/r.csv'], io, CONTEXT)).toBe(0);
    const csv = new TextDecoder().decode(store.get('/out/r.csv')!);
    // The eco balance rows read "label,value,MWh/year" (the solar chapter's own PV row reads "label,value unit").
    const value = (label: string) => Number(new RegExp(`^${label.replace(/[()]/g, '\\$&')},([^,]*),MWh/year\\r?$`, 'm').exec(csv)?.[1]);
    expect(value('Rooftop PV production')).toBeCloseTo(pv.annualKwh / 1000, 1);
    expect(value('PV used on site (hourly)')).toBeCloseTo(selfKwh / 1000, 1);
  }, 60_000);
});
