import { RULE_SETS } from '../analysis/rule-sets';
import type { Position } from '../model/geometry-schema';

/**
 * Design parameters of the park layout generator (docs/layout.md). Thresholds that the rule
 * sets publish (green, traffic and technical shares, the isolation strip, plot density and green)
 * are read from data/rules so the generator aims at exactly what the analysis checks; the design
 * values the rules do not fix (road widths, block sizes) carry their source in DESIGN_DEFAULTS.
 */
export interface LayoutParameters {
  /** Plot area range, m²: every generated industrial plot lies within it. */
  plotMinM2: number;
  plotMaxM2: number;
  /** Preferred plot area, m² (between min and max). */
  plotTargetM2: number;
  /**
   * Share (0–1) of the plot rows, by area, cut into small plots for SMEs instead: the rows
   * nearest the entrance, in the SME range below. 0: none.
   */
  smeShare: number;
  /** SME plot area range, m². */
  smeMinM2: number;
  smeMaxM2: number;
  /** Full corridor width of the main axis from the entrance, m. */
  mainRoadWidthM: number;
  /** Full corridor width of internal roads and of the loop road inside the strip, m. */
  internalRoadWidthM: number;
  /** Depth of a double-loaded block between two internal roads (two plot depths), m. */
  blockDepthM: number;
  /** Length of a block between two cross roads, m. */
  blockLengthM: number;
  /** Grid bearing, degrees clockwise from north; undefined: from the boundary's longest edges. */
  bearingDeg?: number;
  /**
   * Entrances [lon, lat] on or near the boundary, picked by the user: the main axis starts at the
   * first, the others get an access road to the loop. None: the main entrance is where a kept
   * road crosses the boundary, else the middle of the longest edge.
   */
  entrances?: Position[];
  /**
   * Predominant wind, the bearing it blows FROM (degrees clockwise from north): the WWTP goes to
   * the downwind side. Undefined (no wind data): the WWTP goes far from the entrance.
   */
  windFromDeg?: number;
  /** Green isolation strip along the boundary, m. */
  isolationStripM: number;
  /** Minimum shares of the park area (0–1) the layout aims at. */
  greenShareMin: number;
  trafficShareMin: number;
  technicalShareMin: number;
  /** Green + traffic + technical share target (0–1), from the eco-park rule set. */
  infrastructureShareMin: number;
  /** Planned limits written on every plot (maxDensity, minGreenRatio), 0–1. */
  plotMaxDensity: number;
  plotMinGreenRatio: number;
  /** Wastewater generated per hectare of industrial land, m³/day (sizes the WWTP and its safety distance). */
  wastewaterM3PerHaDay: number;
  /** The WWTP is enclosed with odour treatment (the smaller distances of the table). */
  wwtpEnclosed: boolean;
  /** Seed of every random choice (grid phase, ids): same seed, same layout. */
  seed: number;
}

/** Design values the rule sets do not fix, each with where it comes from (../shared/reference/layout-methods.md §3). */
export const DESIGN_DEFAULTS = {
  plotMinM2: { value: 10_000, source: 'Issue 15 brief: plots of 1–5 ha' },
  plotMaxM2: { value: 50_000, source: 'Issue 15 brief: plots of 1–5 ha' },
  smeMinM2: { value: 3_000, source: 'Issue 15 brief: some plots of 0.3–1 ha for SMEs' },
  smeMaxM2: { value: 10_000, source: 'Issue 15 brief: some plots of 0.3–1 ha for SMEs' },
  mainRoadWidthM: { value: 32, source: 'Main roads 30–42 m: Tan Do IP road No.1 (42 m), VHIP (44 m); brief 30–40 m (secondary)' },
  internalRoadWidthM: { value: 20, source: 'Internal roads 16–20 m: VHIP rules (16, 17.5, 20 m); brief 15–24 m (secondary)' },
  blockDepthM: { value: 320, source: '1–5 ha plots 120–300 m deep → double-loaded block 200–400 m (developer guidance, secondary)' },
  blockLengthM: { value: 560, source: 'Frontage 60–150 m per plot, three to five plots between cross roads (derived)' },
  wastewaterM3PerHaDay: {
    value: 20,
    source: 'Industrial water demand of the order of 20 m³/ha/day, wastewater taken equal (unverified; edit per project)',
  },
} as const;

/** The design parameters a user edits in the panel and on the command line (`ecopark layout --main-road` …). */
export const DESIGN_FIELDS = ['mainRoadWidthM', 'internalRoadWidthM', 'blockDepthM', 'isolationStripM', 'greenShareMin'] as const;
// trafficShareMin is not offered: the generator's roads follow the widths and block sizes, and no
// step of it aims at a traffic share (zoning.ts tops up green only), so the field would do nothing.
export type DesignField = (typeof DESIGN_FIELDS)[number];

/**
 * What a user may ask for each design parameter (metres; shares as 0–1). Narrower than
 * checkParameters, which only refuses what the generator cannot run: these refuse what no
 * industrial park would be built with.
 * - Roads at least 7 m: two 3.5 m lanes, the narrowest two-way carriageway a truck can use
 *   (TCVN 4054 lane width); at most 80 m, wider than any park boulevard we know (VHIP 44 m).
 * - Block depth 60–1,000 m: two plot depths of at least 30 m (a 0.3 ha SME plot with 100 m
 *   frontage) up to two 500 m deep plots (beyond the 5 ha plots the park sells).
 * - Isolation strip 10–200 m: below 10 m the rule qcvn.park.isolation-strip-min fails by
 *   construction; 200 m is already a third of the short side of a 50 ha square site.
 * - Green target 0–50 %: a target above half the park leaves no saleable land worth laying out.
 */
export const DESIGN_BOUNDS: Record<DesignField, { min: number; max: number }> = {
  mainRoadWidthM: { min: 7, max: 80 },
  internalRoadWidthM: { min: 7, max: 80 },
  blockDepthM: { min: 60, max: 1000 },
  isolationStripM: { min: 10, max: 200 },
  greenShareMin: { min: 0, max: 0.5 },
};

/** True when `value` is a design value a user may ask for `field` (DESIGN_BOUNDS). */
export function designValueInBounds(field: DesignField, value: number): boolean {
  const { min, max } = DESIGN_BOUNDS[field];
  return Number.isFinite(value) && value >= min && value <= max;
}

/** Threshold of a shipped rule by id (a programmer error when the rule data lacks it). */
function ruleThreshold(ruleId: string): number {
  for (const set of RULE_SETS) {
    const rule = set.rules.find((r) => r.id === ruleId);
    if (rule && typeof rule.threshold === 'number') return rule.threshold;
  }
  throw new Error(`rule ${ruleId} has no threshold`);
}

/** A plot area range with its target half way (what plotCount needs). */
export interface PlotRange {
  plotMinM2: number;
  plotMaxM2: number;
  plotTargetM2: number;
}

/** The range of a plot of the SME band, or of the standard band. */
export function plotRange(p: LayoutParameters, sme: boolean): PlotRange {
  return sme ? { plotMinM2: p.smeMinM2, plotMaxM2: p.smeMaxM2, plotTargetM2: (p.smeMinM2 + p.smeMaxM2) / 2 } : p;
}

/** The defaults: rule thresholds from data/rules, design values from DESIGN_DEFAULTS. */
export function defaultLayoutParameters(): LayoutParameters {
  const min = DESIGN_DEFAULTS.plotMinM2.value;
  const max = DESIGN_DEFAULTS.plotMaxM2.value;
  return {
    plotMinM2: min,
    plotMaxM2: max,
    plotTargetM2: Math.round((min + max) / 2),
    smeShare: 0,
    smeMinM2: DESIGN_DEFAULTS.smeMinM2.value,
    smeMaxM2: DESIGN_DEFAULTS.smeMaxM2.value,
    mainRoadWidthM: DESIGN_DEFAULTS.mainRoadWidthM.value,
    internalRoadWidthM: DESIGN_DEFAULTS.internalRoadWidthM.value,
    blockDepthM: DESIGN_DEFAULTS.blockDepthM.value,
    blockLengthM: DESIGN_DEFAULTS.blockLengthM.value,
    isolationStripM: ruleThreshold('qcvn.park.isolation-strip-min'),
    greenShareMin: ruleThreshold('qcvn.park.green-min'),
    trafficShareMin: ruleThreshold('qcvn.park.traffic-min'),
    technicalShareMin: ruleThreshold('qcvn.park.technical-min'),
    infrastructureShareMin: ruleThreshold('eip.park.infrastructure-share'),
    plotMaxDensity: ruleThreshold('qcvn.plot.density-max'),
    plotMinGreenRatio: ruleThreshold('qcvn.plot.green-min'),
    wastewaterM3PerHaDay: DESIGN_DEFAULTS.wastewaterM3PerHaDay.value,
    wwtpEnclosed: false,
    seed: 1,
  };
}

/** Most entrances one layout takes (each is an access road through the strip). */
export const MAX_ENTRANCES = 8;

export const PARAMETER_REASONS = ['plot_range', 'sme', 'road_width', 'block_size', 'strip_width', 'share', 'bearing', 'entrance', 'seed'] as const;
export type ParameterReason = (typeof PARAMETER_REASONS)[number];

/** Checks user parameters; returns the first problem as data. */
export function checkParameters(p: LayoutParameters): { ok: true } | { ok: false; reason: ParameterReason } {
  const finitePositive = (...xs: number[]) => xs.every((x) => Number.isFinite(x) && x > 0);
  if (!finitePositive(p.plotMinM2, p.plotMaxM2, p.plotTargetM2) || p.plotMinM2 > p.plotMaxM2 || p.plotTargetM2 < p.plotMinM2 || p.plotTargetM2 > p.plotMaxM2) {
    return { ok: false, reason: 'plot_range' };
  }
  // A plot larger than 1,000 ha or smaller than 100 m² is not a park plot; it would only cost time.
  if (p.plotMinM2 < 100 || p.plotMaxM2 > 1e7) return { ok: false, reason: 'plot_range' };
  if (!(Number.isFinite(p.smeShare) && p.smeShare >= 0 && p.smeShare <= 1)) return { ok: false, reason: 'sme' };
  if (p.smeShare > 0 && (!finitePositive(p.smeMinM2, p.smeMaxM2) || p.smeMinM2 < 100 || p.smeMinM2 > p.smeMaxM2 || p.smeMaxM2 > 1e7)) return { ok: false, reason: 'sme' };
  if (!finitePositive(p.mainRoadWidthM, p.internalRoadWidthM) || p.mainRoadWidthM > 200 || p.internalRoadWidthM > 200) return { ok: false, reason: 'road_width' };
  if (!finitePositive(p.blockDepthM, p.blockLengthM) || p.blockDepthM < 20 || p.blockLengthM < 20 || p.blockDepthM > 5000 || p.blockLengthM > 5000) {
    return { ok: false, reason: 'block_size' };
  }
  if (!(Number.isFinite(p.isolationStripM) && p.isolationStripM >= 0 && p.isolationStripM <= 500)) return { ok: false, reason: 'strip_width' };
  const shares = [p.greenShareMin, p.trafficShareMin, p.technicalShareMin, p.infrastructureShareMin, p.plotMaxDensity, p.plotMinGreenRatio];
  if (!shares.every((s) => Number.isFinite(s) && s >= 0 && s <= 1) || !(p.wastewaterM3PerHaDay >= 0)) return { ok: false, reason: 'share' };
  if (p.bearingDeg !== undefined && !Number.isFinite(p.bearingDeg)) return { ok: false, reason: 'bearing' };
  if (p.windFromDeg !== undefined && !Number.isFinite(p.windFromDeg)) return { ok: false, reason: 'bearing' };
  const entrances = p.entrances ?? [];
  const lonLat = (q: Position) => q.length >= 2 && Math.abs(q[0]) <= 180 && Math.abs(q[1]) <= 90;
  if (entrances.length > MAX_ENTRANCES || !entrances.every(lonLat)) return { ok: false, reason: 'entrance' };
  if (!Number.isSafeInteger(p.seed)) return { ok: false, reason: 'seed' };
  return { ok: true };
}

/**
 * How far inside the boundary the strip's inner edge is drawn, m: a little wider than asked.
 * The inset is computed on the sphere (Turf's buffer, plane.ts), up to 0.5 % off the ellipsoid
 * at Vietnamese latitudes, and the analysis measures the width to the centimetre, so a strip of
 * exactly 10 m would read 9.99 m at some samples: 1 % plus 10 cm covers both.
 */
export function stripOffsetM(widthM: number): number {
  return widthM * 1.01 + 0.1;
}
