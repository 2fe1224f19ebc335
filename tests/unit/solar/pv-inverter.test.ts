import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PVWATTS_ETA_REF, pvwattsInverterAcKw, systemAcKw } from '../../../shared/solar/pv';

/** Rows: [Pac0 kW, η_nom, DC in kW, AC out kW] from pvlib.inverter.pvwatts. */
const reference = JSON.parse(readFileSync('tests/unit/solar/inverter-reference.json', 'utf8')) as { rows: [number, number, number, number][] };

describe('PVWatts v5 inverter (part-load efficiency curve)', () => {
  // inverter-reference.json: pvlib's inverter.pvwatts (pvlib-python 6382338, run with Debian's
  // python3-numpy/pandas), Pac0 of 1, 8.33 and 250 kW, η_nom 0.90–0.995, load from −10 % to
  // 150 % of the DC rating, across the zero cut-off (ζ ≈ 0.006), the efficiency peak and clipping.
  // Regenerate from the repository root with
  //   PYTHONPATH=/tmp /usr/bin/python3 tests/unit/solar/make-inverter-reference.py > tests/unit/solar/inverter-reference.json
  // after extracting pvlib/inverter.py to /tmp (the exact git command is at the top of the script).
  it('matches pvlib within 1e-6 relative at every reference point', () => {
    expect(reference.rows.length).toBeGreaterThan(200);
    let maxRel = 0;
    for (const [pac0, etaNom, dc, ac] of reference.rows) {
      const mine = pvwattsInverterAcKw(dc, pac0, etaNom);
      if (ac === 0) expect(mine).toBe(0);
      else maxRel = Math.max(maxRel, Math.abs(mine / ac - 1));
    }
    expect(maxRel).toBeLessThan(1e-6);
  });

  it('is η_nom at full load, clips at Pac0 and gives nothing below ζ ≈ 0.006', () => {
    // Hand check: at ζ = 1 the bracket is −0.0162 − 0.0059 + 0.9858 = 0.9637 = η_ref.
    const pac0 = 100;
    const pdc0 = pac0 / 0.96;
    expect(pvwattsInverterAcKw(pdc0, pac0, 0.96) / pdc0).toBeCloseTo(0.96, 12);
    expect(pvwattsInverterAcKw(1.2 * pdc0, pac0, 0.96)).toBe(pac0);
    expect(pvwattsInverterAcKw(0.005 * pdc0, pac0, 0.96)).toBe(0);
    expect(pvwattsInverterAcKw(0, pac0, 0.96)).toBe(0);
    expect(pvwattsInverterAcKw(-3, pac0, 0.96)).toBe(0);
    expect(PVWATTS_ETA_REF).toBe(0.9637);
  });

  it('peaks near 60 % load at η_nom·0.96625/0.9637, equals η_nom at 36.4 % and falls to 0.864 at 5 % load', () => {
    // d/dζ of the bracket vanishes at ζ = √(0.0059/0.0162) = 0.6035; bracket there
    // 0.9858 − 2√(0.0059·0.0162) = 0.96625. At ζ = 0.05: 0.9858 − 0.00081 − 0.118 = 0.86699.
    const pdc0 = 100 / 0.96;
    const eta = (zeta: number) => pvwattsInverterAcKw(zeta * pdc0, 100, 0.96) / (zeta * pdc0);
    expect(eta(Math.sqrt(0.0059 / 0.0162))).toBeCloseTo((0.96 * (0.9858 - 2 * Math.sqrt(0.0059 * 0.0162))) / 0.9637, 12);
    expect(eta(0.05)).toBeCloseTo((0.96 * 0.86699) / 0.9637, 12);
    // η = η_nom where 0.0162ζ² − 0.0221ζ + 0.0059 = 0: ζ = 1 and ζ = 0.0059 / 0.0162 = 0.36420.
    expect(eta(0.0059 / 0.0162)).toBeCloseTo(0.96, 12);
  });

  it('caps the efficiency at 1 for an ideal inverter (η_nom = 1), where pvlib would exceed it', () => {
    const eff = pvwattsInverterAcKw(60, 100, 1) / 60;
    expect(eff).toBe(1);
  });

  it('system AC: losses on the DC side, inverter rated Pdc0 / (DC/AC)', () => {
    // 10 kWp, 14.08 % losses, DC/AC 1.2 → Pac0 8.333 kW, inverter DC rating 8.681 kW.
    const dcIn = 7.408 * (1 - 0.1408);
    const zeta = dcIn / (10 / 1.2 / 0.96);
    const eta = (0.96 / 0.9637) * (-0.0162 * zeta - 0.0059 / zeta + 0.9858);
    expect(systemAcKw(7.408, 10, 0.1408, 0.96, 1.2)).toBeCloseTo(dcIn * eta, 12); // 6.1243 kW
    expect(systemAcKw(12, 10, 0, 0.96, 1.2)).toBe(10 / 1.2);
    expect(systemAcKw(-1, 10, 0, 0.96, 1.2)).toBe(0);
  });
});
