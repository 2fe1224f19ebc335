/**
 * Typical days from a month's mean daily global irradiation that keep the month's mix of clear
 * and overcast days (docs/solar-model.md §2.1). All formulas from Duffie & Beckman, *Solar
 * Engineering of Thermal Processes* (D&B, 4th ed., 2013), and the papers they cite:
 *
 * 1. K̄T = H̄ / H0 on Klein's average day (D&B eq. 1.10.3, table 1.6.1).
 * 2. Daily clearness distribution of Bendt, Collares-Pereira & Rabl (1981) with KT,min = 0.05 and
 *    KT,max of Hollands & Huget (1983) (D&B eqs. 2.9.4–2.9.5); γ solved so the mean is K̄T.
 *    N typical days: the mean KT of each of N equal-probability slices of that distribution.
 * 3. The month's diffuse fraction from the monthly-average correlation of Erbs, Klein & Duffie
 *    (1982) (D&B eq. 2.12.1), shared among the days in proportion to each day's H·(Erbs daily
 *    correlation, D&B eq. 2.11.1), no day above its global.
 * 4. Hours: Collares-Pereira & Rabl (1979) r_t for global, Liu & Jordan (1960) r_d for diffuse
 *    (D&B eqs. 2.13.2, 2.13.1) at the hour's midpoint, normalised to the day; no beam with the sun
 *    below 2°, never a negative beam (the day's diffuse is kept by rescaling the other hours).
 *
 * Geometry here is D&B's (Spencer 1971 declination and equation of time), independent of the
 * SPA used by the simulation: the hourly split needs only the hour angle.
 */

const RAD = Math.PI / 180;

/** Constants of the method, each with its source (D&B = Duffie & Beckman, 4th ed., 2013). */
export const MONTHLY_SYNTHESIS = {
  /** Typical days per month: the days' mean Erbs-daily diffuse fraction is within 0.012 of 400 days' (tests). */
  daysPerMonth: 5,
  /** Lowest daily clearness index of the distribution (Bendt et al. 1981; D&B eq. 2.9.4). */
  ktMin: 0.05,
  /** Below this sun elevation an hour carries no beam (as the Erbs split and shading clamp). */
  minBeamElevationDeg: 2,
  /** Solar constant, W/m² (D&B §1.2). */
  solarConstantWm2: 1367,
} as const;

/** Day of year (1–365) of day `day` of month `month` (0–11), non-leap year. */
export function dayOfYearOf(month: number, day: number): number {
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let n = day;
  for (let m = 0; m < month; m++) n += days[m];
  return n;
}

/** Spencer (1971) declination, radians, and equation of time, minutes (D&B eqs. 1.6.1b, 1.5.3). */
export function spencerSun(dayOfYear: number): { declinationRad: number; equationOfTimeMin: number } {
  const b = (2 * Math.PI * (dayOfYear - 1)) / 365;
  const declinationRad =
    0.006918 - 0.399912 * Math.cos(b) + 0.070257 * Math.sin(b) - 0.006758 * Math.cos(2 * b) + 0.000907 * Math.sin(2 * b) - 0.002697 * Math.cos(3 * b) + 0.00148 * Math.sin(3 * b);
  const equationOfTimeMin = 229.2 * (0.000075 + 0.001868 * Math.cos(b) - 0.032077 * Math.sin(b) - 0.014615 * Math.cos(2 * b) - 0.04089 * Math.sin(2 * b));
  return { declinationRad, equationOfTimeMin };
}

/** Sunset hour angle ωs, radians (D&B eq. 1.6.10); 0 in polar night, π in polar day. */
export function sunsetHourAngleRad(latRad: number, declinationRad: number): number {
  return Math.acos(Math.max(-1, Math.min(1, -Math.tan(latRad) * Math.tan(declinationRad))));
}

/** Extraterrestrial daily irradiation on the horizontal, Wh/m² (D&B eq. 1.10.3). */
export function extraterrestrialDailyWhM2(latRad: number, declinationRad: number, wsRad: number, dayOfYear: number): number {
  const g0n = MONTHLY_SYNTHESIS.solarConstantWm2 * (1 + 0.033 * Math.cos((2 * Math.PI * dayOfYear) / 365));
  return (24 / Math.PI) * g0n * (Math.cos(latRad) * Math.cos(declinationRad) * Math.sin(wsRad) + wsRad * Math.sin(latRad) * Math.sin(declinationRad));
}

/** Hollands & Huget (1983) highest daily clearness index for a monthly mean (D&B eq. 2.9.5). */
export function ktMaxFor(ktMean: number): number {
  return 0.6313 + 0.267 * ktMean - 11.9 * (ktMean - 0.75) ** 8;
}

/**
 * exp(γ(k − ref)) with ref the end of the range the density leans to, so that nothing
 * overflows for large |γ|.
 */
function bendt(gamma: number, ktMax: number) {
  const ktMin = MONTHLY_SYNTHESIS.ktMin;
  const ref = gamma > 0 ? ktMax : ktMin;
  const e = (k: number) => Math.exp(gamma * (k - ref));
  /** Mean of the distribution restricted to [a, b]. */
  const mean = (a: number, b: number) => {
    if (Math.abs(gamma) < 1e-9) return (a + b) / 2;
    const [ea, eb] = [e(a), e(b)];
    return ((b - 1 / gamma) * eb - (a - 1 / gamma) * ea) / (eb - ea);
  };
  /** KT at cumulative probability p (inverse of D&B eq. 2.9.4). */
  const quantile = (p: number) => {
    if (Math.abs(gamma) < 1e-9) return ktMin + p * (ktMax - ktMin);
    const [ea, eb] = [e(ktMin), e(ktMax)];
    return ref + Math.log(ea + p * (eb - ea)) / gamma;
  };
  return { mean, quantile };
}

/**
 * Daily clearness indices of `n` typical days for a monthly mean K̄T: the Bendt et al. (1981)
 * distribution's mean over each of n equal-probability slices. Their mean is K̄T (to 1e-12);
 * a K̄T outside the distribution's range gives n days of K̄T.
 */
export function typicalDayClearness(ktMean: number, n: number): { kts: number[]; ktMax: number; gamma: number } {
  const ktMin = MONTHLY_SYNTHESIS.ktMin;
  const ktMax = ktMaxFor(ktMean);
  if (!(ktMean > ktMin + 1e-6 && ktMean < ktMax - 1e-6)) return { kts: new Array<number>(n).fill(ktMean), ktMax, gamma: NaN };
  // The mean rises monotonically with γ: 64 halvings of [-300, 300] reach 3e-17.
  let [lo, hi] = [-300, 300];
  for (let i = 0; i < 64; i++) {
    const mid = (lo + hi) / 2;
    if (bendt(mid, ktMax).mean(ktMin, ktMax) < ktMean) lo = mid;
    else hi = mid;
  }
  const gamma = (lo + hi) / 2;
  const d = bendt(gamma, ktMax);
  const edges = Array.from({ length: n + 1 }, (_, j) => (j === 0 ? ktMin : j === n ? ktMax : d.quantile(j / n)));
  return { kts: edges.slice(1).map((b, j) => d.mean(edges[j], b)), ktMax, gamma };
}

/** Erbs et al. (1982) daily diffuse fraction Hd/H from the day's KT and ωs (D&B eq. 2.11.1). */
export function erbsDailyDiffuseFraction(kt: number, wsRad: number): number {
  const f = wsRad <= 81.4 * RAD
    ? kt < 0.715 ? 1 - 0.2727 * kt + 2.4495 * kt ** 2 - 11.9514 * kt ** 3 + 9.3879 * kt ** 4 : 0.143
    : kt < 0.722 ? 1 + 0.2832 * kt - 2.5557 * kt ** 2 + 0.8448 * kt ** 3 : 0.175;
  return Math.min(1, f);
}

/**
 * Erbs et al. (1982) monthly-average diffuse fraction H̄d/H̄ (D&B eq. 2.12.1), fitted for
 * 0.3 ≤ K̄T ≤ 0.8; the polynomial is used as it is slightly outside (bounded to [0, 1]).
 */
export function erbsMonthlyDiffuseFraction(ktMean: number, wsRad: number): number {
  const k = ktMean;
  const f = wsRad <= 81.4 * RAD ? 1.391 - 3.56 * k + 4.189 * k ** 2 - 2.137 * k ** 3 : 1.311 - 3.022 * k + 3.427 * k ** 2 - 1.821 * k ** 3;
  return Math.max(0, Math.min(1, f));
}

/**
 * Scales `shape` so that it sums to `total` without any entry above its `cap`: capped entries
 * are fixed at the cap and the rest rescaled until none exceeds (each pass fixes at least one).
 */
function shareWithCaps(shape: readonly number[], cap: readonly number[], total: number, fixedAtCap: boolean[]): number[] {
  const out = new Array<number>(shape.length).fill(0);
  for (let pass = 0; pass <= shape.length; pass++) {
    let budget = total;
    let free = 0;
    for (let i = 0; i < shape.length; i++) {
      if (fixedAtCap[i]) budget -= cap[i];
      else free += shape[i];
    }
    const scale = free > 0 ? Math.max(0, budget) / free : 0;
    let over = false;
    for (let i = 0; i < shape.length; i++) {
      out[i] = fixedAtCap[i] ? cap[i] : shape[i] * scale;
      if (!fixedAtCap[i] && out[i] > cap[i]) [fixedAtCap[i], over] = [true, true];
    }
    if (!over) break;
  }
  return out;
}

/** One typical day: daily sums (Wh/m²) and hourly values (W/m², hour h = [h, h+1) local). */
export interface TypicalDay {
  kt: number;
  ghiWhM2: number;
  dhiWhM2: number;
  ghiWm2: number[];
  dhiWm2: number[];
}

/** A month's typical days and the figures a reader checks them with. */
export interface TypicalMonth {
  /** Monthly mean daily clearness index H̄/H0 on Klein's day. */
  ktMean: number;
  sunsetHourAngleDeg: number;
  /** H̄d/H̄ used: Erbs monthly-average correlation (equal to the days' diffuse ÷ global). */
  diffuseFraction: number;
  /** For comparison: the Erbs daily correlation averaged over the typical days, unscaled. */
  diffuseFractionErbsDailyOverDays: number;
  days: TypicalDay[];
}

/**
 * The typical days of one month at a place. `ghiKWhM2Day` is the monthly mean daily global
 * horizontal irradiation; every day's hours sum to its daily values and the days' mean global is
 * exactly `ghiKWhM2Day` (to rounding).
 */
export function typicalMonth(input: {
  latDeg: number;
  lonDeg: number;
  utcOffsetH: number;
  dayOfYear: number;
  ghiKWhM2Day: number;
  daysPerMonth?: number;
}): TypicalMonth {
  const { latDeg, lonDeg, utcOffsetH, dayOfYear, ghiKWhM2Day } = input;
  const n = input.daysPerMonth ?? MONTHLY_SYNTHESIS.daysPerMonth;
  const lat = latDeg * RAD;
  const { declinationRad: decl, equationOfTimeMin } = spencerSun(dayOfYear);
  const ws = sunsetHourAngleRad(lat, decl);
  const h0 = extraterrestrialDailyWhM2(lat, decl, ws, dayOfYear);
  const hMean = Math.max(0, ghiKWhM2Day) * 1000;
  const ktMean = h0 > 0 ? hMean / h0 : 0;
  const { kts } = typicalDayClearness(ktMean, n);
  // Rescale so the days reproduce the monthly mean exactly, whatever the quadrature's rounding.
  const ktSum = kts.reduce((a, b) => a + b, 0);
  const scale = ktSum > 0 ? (n * ktMean) / ktSum : 0;
  const dayKt = kts.map((k) => k * scale);
  const dayH = dayKt.map((k) => k * h0);
  const dailyFd = dayKt.map((k) => erbsDailyDiffuseFraction(k, ws));
  const monthlyFd = erbsMonthlyDiffuseFraction(ktMean, ws);
  const dayHd = shareWithCaps(dayH.map((h, j) => h * dailyFd[j]), dayH, monthlyFd * hMean * n, dayH.map(() => false));

  // Hourly ratios at each hour's midpoint (local standard time → apparent solar time).
  const a = 0.409 + 0.5016 * Math.sin(ws - Math.PI / 3);
  const b = 0.6609 - 0.4767 * Math.sin(ws - Math.PI / 3);
  const den = Math.sin(ws) - ws * Math.cos(ws);
  const rt: number[] = [];
  const rd: number[] = [];
  const noBeam: boolean[] = [];
  const sinMinEl = Math.sin(MONTHLY_SYNTHESIS.minBeamElevationDeg * RAD);
  for (let h = 0; h < 24; h++) {
    const solarH = h + 0.5 + (4 * (lonDeg - 15 * utcOffsetH) + equationOfTimeMin) / 60;
    const w = 15 * (solarH - 12) * RAD;
    const d = den > 0 ? Math.max(0, ((Math.PI / 24) * (Math.cos(w) - Math.cos(ws))) / den) : 0;
    rd.push(d);
    rt.push(Math.max(0, (a + b * Math.cos(w)) * d));
    noBeam.push(Math.cos(lat) * Math.cos(decl) * Math.cos(w) + Math.sin(lat) * Math.sin(decl) < sinMinEl);
  }
  const rtSum = rt.reduce((x, y) => x + y, 0);
  const days = dayH.map((hWh, j): TypicalDay => {
    const ghi = rt.map((r) => (rtSum > 0 ? (hWh * r) / rtSum : 0));
    // Diffuse follows r_d; hours without beam take all their global as diffuse.
    const dhi = shareWithCaps(rd, ghi, dayHd[j], [...noBeam]);
    return { kt: dayKt[j], ghiWhM2: hWh, dhiWhM2: dayHd[j], ghiWm2: ghi, dhiWm2: dhi };
  });
  return {
    ktMean,
    sunsetHourAngleDeg: ws / RAD,
    diffuseFraction: hMean > 0 ? dayHd.reduce((x, y) => x + y, 0) / (n * hMean) : 0,
    diffuseFractionErbsDailyOverDays: hMean > 0 ? dayH.reduce((x, h, j) => x + h * dailyFd[j], 0) / (n * hMean) : 0,
    days,
  };
}

/** Monthly sky figures of any hourly weather (after decomposition): what the Solar panel shows. */
export interface MonthlySky {
  /** Mean daily global horizontal irradiation per month, kWh/m²/day (January first). */
  ghiKWhM2Day: number[];
  /** Diffuse ÷ global horizontal irradiation per month (0–1; 0 for a month without sun). */
  diffuseShare: number[];
  /** Mean daily global horizontal irradiation over the year, kWh/m²/day. */
  yearlyGhiKWhM2Day: number;
  /** Diffuse ÷ global over the year. */
  yearlyDiffuseShare: number;
}

/** Weighted monthly sums of hourly rows (W/m² for one hour = Wh/m²). */
export function monthlySky(rows: { month: ArrayLike<number>; weight: ArrayLike<number>; ghiWm2: ArrayLike<number>; dhiWm2: ArrayLike<number> }): MonthlySky {
  const g = new Array<number>(12).fill(0);
  const d = new Array<number>(12).fill(0);
  const hours = new Array<number>(12).fill(0);
  for (let i = 0; i < rows.month.length; i++) {
    const m = rows.month[i];
    const w = rows.weight[i];
    hours[m] += w;
    g[m] += rows.ghiWm2[i] * w;
    d[m] += Math.min(rows.dhiWm2[i], rows.ghiWm2[i]) * w;
  }
  const gYear = g.reduce((a, b) => a + b, 0);
  const hYear = hours.reduce((a, b) => a + b, 0);
  return {
    ghiKWhM2Day: g.map((x, m) => (hours[m] > 0 ? x / 1000 / (hours[m] / 24) : 0)),
    diffuseShare: g.map((x, m) => (x > 0 ? d[m] / x : 0)),
    yearlyGhiKWhM2Day: hYear > 0 ? gYear / 1000 / (hYear / 24) : 0,
    yearlyDiffuseShare: gYear > 0 ? d.reduce((a, b) => a + b, 0) / gYear : 0,
  };
}
