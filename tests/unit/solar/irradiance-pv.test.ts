import { describe, expect, it } from 'vitest';
import { cosIncidence, decomposeErbs, erbsDiffuseFraction, iamAshrae, poaComponents } from '../../../shared/solar/irradiance';
import { faimanModuleTempC, pvwattsDcKw } from '../../../shared/solar/pv';
import { combinedLossFraction, DEFAULT_SOLAR_SETTINGS } from '../../../shared/solar/settings';

describe('Erbs decomposition (hand-computed)', () => {
  it('gives the published polynomial values', () => {
    // kt = 0.5: 0.9511 − 0.0802 + 4.388·0.25 − 16.638·0.125 + 12.336·0.0625 = 0.65915
    expect(erbsDiffuseFraction(0.5)).toBeCloseTo(0.65915, 5);
    expect(erbsDiffuseFraction(0.1)).toBeCloseTo(0.991, 6); // 1 − 0.09·0.1
    expect(erbsDiffuseFraction(0.9)).toBe(0.165);
  });
  it('splits GHI so that DHI + DNI·sin(el) = GHI', () => {
    // GHI 500 W/m² with G0h 1000 (kt 0.5), sun at 30°: DHI = 329.575, DNI = (500 − 329.575)/0.5 = 340.85
    const d = decomposeErbs(500, 1000, 30);
    expect(d.dhiWm2).toBeCloseTo(329.575, 3);
    expect(d.dniWm2).toBeCloseTo(340.85, 2);
  });
});

describe('transposition to the tilted plane (hand-computed)', () => {
  // Sun at 60° elevation due south, plane tilted 30° facing south: incidence 0°.
  const base = { dniWm2: 600, dhiWm2: 200, ghiWm2: 600 * Math.sin(Math.PI / 3) + 200, extraNormalWm2: 1367, elevationDeg: 60, sunAzimuthDeg: 180, tiltDeg: 30, surfaceAzimuthDeg: 180, albedo: 0.2 };
  it('Hay–Davies: beam 600, circumsolar DHI·Ai·Rb, isotropic DHI(1−Ai)(1+cos β)/2, ground GHI·ρ(1−cos β)/2', () => {
    const c = poaComponents({ ...base, model: 'hay-davies' });
    // Ai = 600/1367 = 0.438917; Rb = 1/cos 30° = 1.154701; (1 + cos 30°)/2 = 0.933013; (1 − cos 30°)/2 = 0.066987
    expect(c.cosIncidence).toBeCloseTo(1, 9);
    expect(c.beamWm2).toBeCloseTo(600, 6);
    expect(c.circumsolarWm2).toBeCloseTo(200 * 0.438917 * 1.154701, 2); // 101.364
    expect(c.skyIsoWm2).toBeCloseTo(200 * (1 - 0.438917) * 0.933013, 2); // 104.698
    expect(c.groundWm2).toBeCloseTo(719.615 * 0.2 * 0.066987, 2); // 9.641
  });
  it('isotropic: all sky diffuse as DHI(1 + cos β)/2', () => {
    const c = poaComponents({ ...base, model: 'isotropic' });
    expect(c.circumsolarWm2).toBe(0);
    expect(c.skyIsoWm2).toBeCloseTo(186.603, 2);
  });
  it('incidence on a vertical east wall is 0° for a sun on the eastern horizon', () => {
    expect(cosIncidence(90, 90, 0, 90)).toBeCloseTo(1, 9);
    expect(cosIncidence(0, 180, 30, 123)).toBeCloseTo(0.5, 9); // horizontal plane: cos θ = sin(elevation)
  });
  it('ASHRAE IAM: 1 at normal incidence, 0.95 at 60°', () => {
    expect(iamAshrae(1)).toBe(1);
    expect(iamAshrae(0.5)).toBeCloseTo(0.95, 9); // 1 − 0.05·(2 − 1)
  });
});

describe('PV model (hand-computed)', () => {
  it('Faiman module temperature', () => {
    expect(faimanModuleTempC(1000, 30, 1)).toBeCloseTo(30 + 1000 / 31.84, 9); // 61.407 °C
  });
  it('PVWatts DC power with the temperature coefficient', () => {
    // 800 W/m², 45 °C, 10 kWp, −0.37 %/°C: 8 · (1 − 0.0037·20) = 7.408 kW
    expect(pvwattsDcKw(800, 45, 10, -0.0037)).toBeCloseTo(7.408, 9);
  });
  it('PVWatts default losses combine to 14.08 %', () => {
    // 1 − 0.98·0.97·0.98·0.98·0.995·0.985·0.99·0.97 = 0.140757 (pvlib pvwatts_losses docs: 14.08 %)
    expect(combinedLossFraction(DEFAULT_SOLAR_SETTINGS.losses)).toBeCloseTo(0.140757, 5);
  });
});
