import { describe, expect, it } from 'vitest';
import { analyzeEco, cbamSectorFor, type RooftopPv } from '../../../shared/eco';
import { A_HA, GRID, park } from './eco-park';

// The park, its areas and distances: ./eco-park.ts (geographiclib reference values there).
// Sector figures per ha from data/eco/sector-intensities.json; grid factor 0.6592 t/MWh (2023).

describe('issue 16: the eco park of aluminium, fertiliser, brewery, furniture and garments', () => {
  const r = analyzeEco(park());
  const plot = (id: string) => r.plots.find((p) => p.id === id)!;

  it('flags the aluminium and fertiliser plots for CBAM, and only them', () => {
    expect(r.plots.filter((p) => p.carbon.cbam).map((p) => [p.id, p.carbon.cbam?.sectorId])).toEqual([
      ['al', 'aluminium'],
      ['fert', 'fertilisers'],
    ]);
    // Aluminium: direct emissions only (Annex II): 842 t/ha × 4.601467 ha = 3 874.44 t; × 75 EUR = 290 582.67 EUR.
    expect(plot('al').carbon.cbam?.embeddedT).toBeCloseTo(3874.436, 2);
    expect(plot('al').carbon.cbam?.costEur).toBeCloseTo(290582.67, 1);
    // Fertiliser: direct 187 × A = 860.474 t plus indirect 800 MWh/ha × A × 0.6592 = 2 426.630 t = 3 287.104 t; × 75 = 246 532.82 EUR.
    expect(plot('fert').carbon.cbam?.embeddedT).toBeCloseTo(3287.104, 2);
    expect(plot('fert').carbon.cbam?.costEur).toBeCloseTo(246532.82, 1);
  });

  it('proposes by-product and heat exchanges with quantities and distances', () => {
    const list = r.symbiosis.map((e) => [e.fromPlotId, e.toPlotId, e.resource, e.status]);
    expect(list).toEqual([
      ['al', 'beer', 'waste-heat-high', 'candidate'],
      ['al', 'fert', 'waste-heat-high', 'candidate'],
      ['beer', 'fert', 'spent-grain', 'candidate'],
      ['wood', 'beer', 'wood-residue', 'candidate'],
    ]);
    const heat = r.symbiosis[0];
    // 830 MWh/ha × A = 3 819.218 MWh; the brewery's medium heat (2 783 × A) is larger, so no cap.
    expect(heat.quantity).toBeCloseTo(3819.218, 2);
    expect(heat.unit).toBe('MWh');
    expect(heat.distanceM).toBeCloseTo(311.7009, 2);
    // Displaced gas boiler: 0.224 t/MWh × 3 819.218 = 855.505 t CO₂.
    expect(heat.co2SavedT).toBeCloseTo(855.505, 2);
    // Spent grain 2 000 t/ha × A = 9 202.935 t, brewery → fertiliser one plot apart.
    expect(r.symbiosis[2].quantity).toBeCloseTo(9202.935, 2);
    expect(r.symbiosis[2].distanceM).toBeCloseTo(311.7009, 2);
    // Wood residue 240 t/ha × A = 1 104.352 t, furniture → brewery two plots apart.
    expect(r.symbiosis[3].quantity).toBeCloseTo(1104.352, 2);
    expect(r.symbiosis[3].distanceM).toBeCloseTo(623.4018, 2);
  });

  it('scope 2 is grid electricity × the grid factor', () => {
    // Electricity: garments 600, furniture 500, aluminium 5 000, fertiliser 800 MWh/ha × A = 6 900 × A
    // = 31 750.126 MWh, plus the brewery's measured 10 000 MWh = 41 750.126 MWh/year.
    expect(r.electricity.demandMwhPerYear).toBeCloseTo(41750.126, 2);
    expect(plot('beer').electricityMwhPerYear).toBe(10_000);
    expect(r.carbon.gridEmissionFactorTPerMwh).toBe(GRID);
    expect(r.carbon.gridEmissionFactorYear).toBe(2023);
    // 41 750.126 × 0.6592 = 27 521.683 t.
    expect(r.carbon.scope2T).toBeCloseTo(27521.683, 2);
    expect(r.carbon.scope2T).toBeCloseTo(r.electricity.gridMwhPerYear * GRID, 9);
    expect(plot('sew').carbon.scope2T).toBeCloseTo(600 * A_HA * GRID, 6);
    expect(r.carbon.avoidedByPvT).toBe(0);
  });

  it('rooftop PV lowers grid electricity hour by hour and counts as avoided', () => {
    // 1 000 kW for 12 of every 24 hours of a year = 4 380 MWh, always below the flat demand
    // (41 750.126 MWh / 8 760 h = 4 766 kW), so all of it is used on site.
    const hourlyAcKw = Array.from({ length: 8760 }, (_, h) => (h % 24 >= 6 && h % 24 < 18 ? 1000 : 0));
    const pv: RooftopPv = { annualKwh: 4_380_000, totalKwp: 1500, hourlyAcKw, weight: new Array(8760).fill(1), exportCapFraction: 0.2 };
    const withPv = analyzeEco(park(), { pv });
    expect(withPv.electricity.selfConsumedMwhPerYear).toBeCloseTo(4380, 6);
    // (41 750.126 − 4 380) × 0.6592 = 24 634.387 t; avoided 4 380 × 0.6592 = 2 887.296 t.
    expect(withPv.carbon.scope2T).toBeCloseTo(24634.387, 2);
    expect(withPv.carbon.avoidedByPvT).toBeCloseTo(2887.296, 6);
    // Renewable share 4 380 ÷ 41 750.126 = 0.104910; without the solar model it is unknown, not 0.
    expect(withPv.metrics['eco.renewableShare']).toBeCloseTo(0.10491, 5);
    expect(r.metrics['eco.renewableShare']).toBeNull();
  });

  it('wastewater above the WWTP capacity fails the Decree 35 criterion', () => {
    // Water m³/ha/day × wastewater share: garments 20 × 0.8, brewery 137 × 0.77, furniture 5 × 0.8,
    // aluminium 15 × 0.8, fertiliser 10 × 0.8 = 145.49 × A = 669.468 m³/day; 500 ÷ 669.468 = 0.74686.
    expect(r.water.wastewaterM3PerDay).toBeCloseTo(669.468, 2);
    const wwtp = r.criteria.find((c) => c.id === 'd35.wwtp-capacity')!;
    expect(wwtp.status).toBe('fail');
    expect(wwtp.value).toBeCloseTo(0.74686, 4);
    expect(wwtp.citation).toBe('Decree 35/2022/ND-CP, Art. 37(1)(b) (wastewater treatment service)');
  });

  it('every criterion carries a citation; checklist items wait for an answer', () => {
    expect(r.criteria.length).toBeGreaterThan(10);
    for (const c of r.criteria) expect(c.citation).toMatch(/(Decree|Circular|Framework).*, .+/);
    expect(r.criteria.find((c) => c.id === 'd35.compliance')?.status).toBe('open');
    expect(r.criteria.find((c) => c.id === 'd35.symbiosis-link')?.status).toBe('fail');
  });

  it('accepting exchanges and answering the checklist changes the scorecard', () => {
    const accepted = analyzeEco(
      park({
        exchanges: [{ fromPlotId: 'beer', toPlotId: 'fert', resource: 'spent-grain', status: 'accepted' }],
        checklist: { 'd35.compliance': { answer: 'yes', evidence: 'provincial inspection 2025' } },
      }),
    );
    const get = (id: string) => accepted.criteria.find((c) => c.id === id)!;
    expect(get('d35.symbiosis-link')).toMatchObject({ status: 'pass', value: 1 });
    // Two of the five tenants (brewery, fertiliser) take part: 0.4 ≥ 0.1.
    expect(get('d35.symbiosis-share')).toMatchObject({ status: 'pass', value: 0.4 });
    expect(get('d35.compliance')).toMatchObject({ status: 'pass', evidence: 'provincial inspection 2025' });
    // Solid waste: (25 + 2 200 + 300 + 180 + 50) t/ha × A = 12 677.043 t; 9 202.935 exchanged = 0.72595.
    expect(get('fw.waste-exchanged').value).toBeCloseTo(0.72595, 4);
  });
});

describe('VSIC schemes', () => {
  it('reads 3512 as transmission in VSIC 2018 and renewable generation (CBAM electricity) in VSIC 2025', () => {
    expect(cbamSectorFor('3512', 'VSIC2018')).toBeUndefined();
    expect(cbamSectorFor('3512', 'VSIC2025')?.id).toBe('electricity');
  });
});
