/**
 * PVWatts v5 DC, inverter and AC model (docs/solar-model.md §4). Powers in kW, irradiance W/m².
 */

/** Faiman (2008) module temperature, °C: T = Ta + G / (U0 + U1·ws). */
export function faimanModuleTempC(poaWm2: number, ambientC: number, windMs: number, u0 = 25, u1 = 6.84): number {
  return ambientC + poaWm2 / (u0 + u1 * windMs);
}

/** PVWatts DC power, kW: P = (G/1000)·Pdc0·(1 + γ(Tcell − 25)). */
export function pvwattsDcKw(effectivePoaWm2: number, cellTempC: number, pdc0Kw: number, gammaPerC: number): number {
  return (effectivePoaWm2 / 1000) * pdc0Kw * (1 + gammaPerC * (cellTempC - 25));
}

/** PVWatts v5 reference inverter efficiency η_ref (Dobos 2014, NREL/TP-6A20-62641, inverter model). */
export const PVWATTS_ETA_REF = 0.9637;

/**
 * PVWatts v5 inverter (Dobos 2014, NREL/TP-6A20-62641; pvlib `inverter.pvwatts`): AC kW out
 * of an inverter rated `pac0Kw` AC for `dcInKw` DC in. Its DC rating is Pdc0 = Pac0/η_nom,
 * ζ = P_dc/Pdc0 and η = η_nom/η_ref·(−0.0162ζ − 0.0059/ζ + 0.9858), so η = η_nom at full load
 * and at ζ = 0.364, up to 0.26 % above it in between, and below it at lower loads (relative
 * −0.25 % at ζ = 0.3, −4 % at 0.1, −10 % at 0.05); the output is clipped at Pac0 and is zero
 * below ζ ≈ 0.006, where the curve turns negative. η is capped at 1,
 * which differs from pvlib only for η_nom above 0.9973 (PVWatts accepts at most 0.995).
 */
export function pvwattsInverterAcKw(dcInKw: number, pac0Kw: number, etaNominal: number, etaRef: number = PVWATTS_ETA_REF): number {
  if (!(dcInKw > 0) || !(pac0Kw > 0)) return 0;
  const zeta = dcInKw / (pac0Kw / etaNominal);
  const eta = Math.min(1, (etaNominal / etaRef) * (-0.0162 * zeta - 0.0059 / zeta + 0.9858));
  return Math.max(0, Math.min(pac0Kw, eta * dcInKw));
}

/**
 * AC power of a system, kW: the array's DC power after the PVWatts system losses, through the
 * PVWatts v5 inverter of nominal efficiency `inverterEfficiency`, rated Pac0 = Pdc0 / (DC/AC).
 */
export function systemAcKw(dcKw: number, pdc0Kw: number, lossFraction: number, inverterEfficiency: number, dcAcRatio: number): number {
  return pvwattsInverterAcKw(dcKw * (1 - lossFraction), pdc0Kw / dcAcRatio, inverterEfficiency);
}
