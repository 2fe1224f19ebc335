/**
 * Park-level energy balance and economics (docs/solar-model.md §7). Money in VND, energy kWh.
 */

/** Hourly balance of PV against a flat demand, with an export power cap. */
export interface EnergyBalance {
  /** PV energy used on site, kWh/year. */
  selfConsumedKwh: number;
  /** PV surplus sold to the grid within the cap, kWh/year. */
  exportedKwh: number;
  /** Surplus above the export cap (lost), kWh/year. */
  curtailedKwh: number;
  /** PV energy ÷ demand (0 when demand is unknown). */
  demandShare: number;
}

/**
 * Demand is spread evenly over the 8,760 hours of the year (an around-the-clock industrial
 * load: stated in the panel); export per hour ≤ cap × kWp (Decree 135/2024: 20 % of capacity).
 * `pvKw[i]` is the PV output of weather row i (kW = kWh per real hour), `weight[i]` the number
 * of real hours that row stands for.
 */
export function energyBalance(pvKw: ArrayLike<number>, weight: ArrayLike<number>, demandKwhPerYear: number, kwp: number, exportCapFraction: number): EnergyBalance {
  const demandKw = demandKwhPerYear / 8760;
  const capKw = exportCapFraction * kwp;
  let self = 0;
  let exported = 0;
  let curtailed = 0;
  let total = 0;
  for (let i = 0; i < pvKw.length; i++) {
    const pv = pvKw[i];
    const w = weight[i];
    total += pv * w;
    const used = Math.min(pv, demandKw);
    const surplus = pv - used;
    const ex = Math.min(surplus, capKw);
    self += used * w;
    exported += ex * w;
    curtailed += (surplus - ex) * w;
  }
  return { selfConsumedKwh: self, exportedKwh: exported, curtailedKwh: curtailed, demandShare: demandKwhPerYear > 0 ? total / demandKwhPerYear : 0 };
}

export interface EconomicsInput {
  kwp: number;
  capexVndPerKwp: number;
  /** Annual O&M as a fraction of capex. */
  omFractionOfCapex: number;
  /** First-year self-consumed and exported energy, kWh. */
  selfConsumedKwh: number;
  exportedKwh: number;
  tariffVndPerKwh: number;
  exportTariffVndPerKwh: number;
  discountRate: number;
  degradationPerYear: number;
  lifetimeYears: number;
}

export interface EconomicsResult {
  capexVnd: number;
  /** First-year savings (avoided purchases + export revenue) minus O&M, VND. */
  firstYearNetVnd: number;
  /** Capex ÷ first-year net saving, years (Infinity if it never pays back). */
  simplePaybackYears: number;
  /** Levelised cost: (capex + PV of O&M) ÷ PV of delivered energy, VND/kWh. */
  lcoeVndPerKwh: number;
  /** Net present value over the lifetime, VND. */
  npvVnd: number;
}

/** Year t (1-based) energy = year-1 energy × (1 − d)^(t−1); cash flows discounted at the end of each year. */
export function economics(e: EconomicsInput): EconomicsResult {
  const capex = e.kwp * e.capexVndPerKwp;
  const om = capex * e.omFractionOfCapex;
  const revenue1 = e.selfConsumedKwh * e.tariffVndPerKwh + e.exportedKwh * e.exportTariffVndPerKwh;
  const energy1 = e.selfConsumedKwh + e.exportedKwh;
  let pvCost = capex;
  let pvEnergy = 0;
  let npv = -capex;
  for (let t = 1; t <= e.lifetimeYears; t++) {
    const df = 1 / (1 + e.discountRate) ** t;
    const keep = (1 - e.degradationPerYear) ** (t - 1);
    pvCost += om * df;
    pvEnergy += energy1 * keep * df;
    npv += (revenue1 * keep - om) * df;
  }
  const net1 = revenue1 - om;
  return {
    capexVnd: capex,
    firstYearNetVnd: net1,
    simplePaybackYears: net1 > 0 ? capex / net1 : Infinity,
    lcoeVndPerKwh: pvEnergy > 0 ? pvCost / pvEnergy : Infinity,
    npvVnd: npv,
  };
}
