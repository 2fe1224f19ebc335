import { describe, expect, it } from 'vitest';
import { createLocalFrame, localToLonLat } from '../../../shared/geometry/local-frame';
import { createEmptyDocument, type ParkDocument } from '../../../shared/model';
import { buildingHeightM, runSolar, solarInputFromDocument, weatherFor } from '../../../shared/solar/park';
import { DEFAULT_SOLAR_SETTINGS, readSolarSettings, solarSettingsSchema } from '../../../shared/solar/settings';

function docWith(buildings: { id: string; x: number; y: number; w: number; h: number; heightM?: number; floors?: number }[], trees: { id: string; x: number; y: number }[] = []): ParkDocument {
  const doc = createEmptyDocument('t', { location: { lon: 106.0, lat: 21.0 }, now: '2026-01-01T00:00:00Z' });
  const frame = createLocalFrame(106.0, 21.0);
  for (const b of buildings) {
    const ring = [[b.x, b.y], [b.x + b.w, b.y], [b.x + b.w, b.y + b.h], [b.x, b.y + b.h], [b.x, b.y]].map(([x, y]) => localToLonLat(frame, x, y));
    doc.scenarios[0].features.push({ id: b.id, kind: 'building', heightM: b.heightM, floors: b.floors, geometry: { type: 'Polygon', coordinates: [ring] } });
  }
  for (const t of trees) doc.scenarios[0].features.push({ id: t.id, kind: 'point', facilityType: 'tree', props: { heightM: 30, crownDiameterM: 10 }, geometry: { type: 'Point', coordinates: localToLonLat(frame, t.x, t.y) } });
  return doc;
}

describe('park inputs from the document', () => {
  it('heights: heightM, else floors × 4.5 m, else 8 m', () => {
    expect(buildingHeightM({ heightM: 12, floors: 5 })).toBe(12);
    expect(buildingHeightM({ floors: 3 })).toBe(13.5);
    expect(buildingHeightM({})).toBe(8);
  });
  it('takes buildings as roofs and obstacles, trees as obstacles, areas geodesic', () => {
    const input = solarInputFromDocument(docWith([{ id: 'a', x: 0, y: 0, w: 50, h: 20, heightM: 8 }], [{ id: 't1', x: 25, y: -8 }]), DEFAULT_SOLAR_SETTINGS);
    expect(input.roofs.map((r) => [r.id, r.heightM])).toEqual([['a', 8]]);
    expect(input.roofs[0].roofAreaM2).toBeCloseTo(1000, 0);
    expect(input.obstacles.map((o) => [o.id, o.heightM])).toEqual([['a', 8], ['t1', 30]]);
    // The tree's octagon: 10 m across, centred 8 m south of the roof.
    expect(input.obstacles[1].bbox[0]).toBeCloseTo(20, 1);
    expect(input.obstacles[1].bbox[2]).toBeCloseTo(30, 1);
  });
  it('a tall tree just south of a roof shades it', () => {
    const doc = docWith([{ id: 'a', x: 0, y: 0, w: 20, h: 20, heightM: 6 }], [{ id: 't1', x: 10, y: -6 }]);
    const r = runSolar(solarInputFromDocument(doc, DEFAULT_SOLAR_SETTINGS));
    expect(r.buildings[0].shadingNeighbourIds).toEqual(['t1']);
    expect(r.buildings[0].shadingLossPercent).toBeGreaterThan(0.5);
  });
  it('reads saved assumptions, fills defaults, and ignores an invalid block', () => {
    expect(readSolarSettings({ solar: { flatTiltDeg: 5 } }).flatTiltDeg).toBe(5);
    expect(readSolarSettings({ solar: { flatTiltDeg: 5 } }).losses.soiling).toBe(2);
    expect(readSolarSettings({ solar: { flatTiltDeg: 'steep' } })).toEqual(DEFAULT_SOLAR_SETTINGS);
    expect(readSolarSettings({})).toEqual(DEFAULT_SOLAR_SETTINGS);
  });
  it('names the weather source: nearest station with distance, or the chosen one', () => {
    const doc = docWith([]);
    expect(weatherFor(doc, DEFAULT_SOLAR_SETTINGS).source).toMatch(/^Hà Nội \(Láng\) — monthly climate, 5 typical days a month \(nearest station, \d+ km\)$/);
    expect(weatherFor(doc, solarSettingsSchema.parse({ stationId: 'ca-mau' })).source).toBe('Cà Mau — monthly climate, 5 typical days a month');
  });
});

describe('park totals (independent arithmetic on the per-roof results)', () => {
  const doc = docWith([
    { id: 'a', x: 0, y: 0, w: 40, h: 30, heightM: 8 },
    { id: 'b', x: 60, y: 0, w: 30, h: 30, heightM: 10 },
  ]);
  it('sums roofs, derives specific yield and CO₂ with the 2023 grid factor, all used on site without demand', () => {
    const r = runSolar(solarInputFromDocument(doc, DEFAULT_SOLAR_SETTINGS));
    const kwp = r.buildings[0].kwp + r.buildings[1].kwp;
    const kwh = r.buildings[0].annualKwh + r.buildings[1].annualKwh;
    expect(r.totalKwp).toBeCloseTo(kwp, 9);
    expect(r.annualKwh).toBeCloseTo(kwh, 6);
    expect(r.monthlyKwh.reduce((a, b) => a + b, 0)).toBeCloseTo(kwh, 3);
    expect(r.specificYieldKwhPerKwp).toBeCloseTo(kwh / kwp, 9);
    expect(r.co2AvoidedT).toBeCloseTo((kwh / 1000) * 0.6592, 6);
    for (const b of r.buildings) expect(b.kwhPerM2Roof).toBeCloseTo(b.annualKwh / b.roofAreaM2, 9);
    // Payback: capex / (kWh × tariff − 1 % O&M), with the defaults 14 M VND/kWp and 2,204 VND/kWh.
    const capex = kwp * 14_000_000;
    expect(r.economics.simplePaybackYears).toBeCloseTo(capex / (kwh * 2204 - 0.01 * capex), 6);
  });
  it('with a demand larger than the PV output at every hour, everything is self-consumed; share = PV/demand', () => {
    const big = solarSettingsSchema.parse({ parkDemandKwhPerYear: 100_000_000 });
    const r = runSolar(solarInputFromDocument(doc, big));
    expect(r.balance.selfConsumedKwh).toBeCloseTo(r.annualKwh, 3);
    expect(r.balance.exportedKwh).toBe(0);
    expect(r.balance.demandShare).toBeCloseTo(r.annualKwh / 1e8, 9);
  });
  it('with a tiny demand, export is capped at 20 % of kWp per hour and the rest curtailed', () => {
    const tiny = solarSettingsSchema.parse({ parkDemandKwhPerYear: 1 });
    const r = runSolar(solarInputFromDocument(doc, tiny));
    expect(r.balance.exportedKwh).toBeLessThanOrEqual(0.2 * r.totalKwp * 8760 + 1e-6);
    expect(r.balance.selfConsumedKwh + r.balance.exportedKwh + r.balance.curtailedKwh).toBeCloseTo(r.annualKwh, 3);
    expect(r.balance.curtailedKwh).toBeGreaterThan(0);
    expect(r.co2AvoidedT).toBeCloseTo(((r.balance.selfConsumedKwh + r.balance.exportedKwh) / 1000) * 0.6592, 6);
  });
});

describe('performance ratio (independent: a horizontal roof sees exactly GHI)', () => {
  it('PR = AC energy ÷ (kWp × annual GHI from the station table)', async () => {
    const { CLIMATE_STATIONS } = await import('../../../shared/solar/weather');
    const st = CLIMATE_STATIONS.find((s) => s.id === 'hanoi')!;
    const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const ghiKwhM2 = st.ghiKWhM2Day.reduce((a, v, m) => a + v * days[m], 0); // 1,338.2 kWh/m²
    const flat = solarSettingsSchema.parse({ flatTiltDeg: 0, transposition: 'isotropic', stationId: 'hanoi' });
    const r = runSolar(solarInputFromDocument(docWith([{ id: 'a', x: 0, y: 0, w: 40, h: 30, heightM: 8 }]), flat));
    const b = r.buildings[0];
    // Within 0.01 %: the beam at sun elevations below 2° is capped (docs/solar-model.md §3).
    expect(b.performanceRatio).toBeCloseTo(b.annualKwh / (b.kwp * ghiKwhM2), 3);
    expect(b.performanceRatio).toBeGreaterThan(0.7);
    expect(b.performanceRatio).toBeLessThan(0.86); // at most (1 − 14.08 %) × 96 % × (1 + small IAM/temperature effects)
  });
});
