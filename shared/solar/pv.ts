/**
 * PVWatts-style DC and AC model (docs/solar-model.md §4). Powers in kW, irradiance W/m².
 */

/** Faiman (2008) module temperature, °C: T = Ta + G / (U0 + U1·ws). */
export function faimanModuleTempC(poaWm2: number, ambientC: number, windMs: number, u0 = 25, u1 = 6.84): number {
  return ambientC + poaWm2 / (u0 + u1 * windMs);
}

/** PVWatts DC power, kW: P = (G/1000)·Pdc0·(1 + γ(Tcell − 25)). */
export function pvwattsDcKw(effectivePoaWm2: number, cellTempC: number, pdc0Kw: number, gammaPerC: number): number {
  return (effectivePoaWm2 / 1000) * pdc0Kw * (1 + gammaPerC * (cellTempC - 25));
}

/**
 * AC power, kW: DC after system losses through an inverter of constant efficiency, clipped at
 * the inverter rating Pac0 = Pdc0 / (DC/AC ratio).
 */
export function acKw(dcKw: number, pdc0Kw: number, lossFraction: number, inverterEfficiency: number, dcAcRatio: number): number {
  if (dcKw <= 0) return 0;
  return Math.min(dcKw * (1 - lossFraction) * inverterEfficiency, pdc0Kw / dcAcRatio);
}
