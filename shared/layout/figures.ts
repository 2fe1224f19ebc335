import type { AnalysisResult } from '../analysis/types';
import { layoutRoof } from '../solar/roof-layout';
import { DEFAULT_SOLAR_SETTINGS, type SolarSettings } from '../solar/settings';
import type { Layout } from './generate';

/**
 * The figures variants are ranked by (docs/layout.md), from the analysis of each layout (the
 * same numbers the Analysis panel and `ecopark analyze` show) plus rooftop PV on typical
 * factories.
 */
export interface LayoutFigures {
  plotCount: number;
  /** Of which plots of the SME band. */
  smePlotCount: number;
  /** Industrial (saleable) land ÷ park area, 0–1. */
  saleableShare: number;
  /** Industrial land in regular plots (rectangularity ≥ 0.85, plot-shape.ts) ÷ park area, 0–1. */
  regularSaleableShare: number;
  greenShare: number;
  trafficShare: number;
  /** Road centre-line length, m, and per hectare of park, m/ha. */
  roadLengthM: number;
  roadLengthPerHaM: number;
  /** Rules failing (errors) and warning, and rules passing. */
  rulesFailed: number;
  rulesWarned: number;
  rulesPassed: number;
  /** Plot area spread: standard deviation ÷ mean (0 = all equal). */
  plotAreaSpread: number;
  plotsOutOfRange: number;
  /** Rooftop PV on typical factories, kWp. */
  pvKwp: number;
}

/** Footprint of a typical factory: a rectangle this many times as long as deep (assumption, docs/layout.md). */
export const FACTORY_ASPECT = 2;

/**
 * Rooftop PV of a park of typical factories: on every industrial plot a flat-roofed rectangular
 * factory covering the plot's planned maximum density (the plot rule), laid out with the
 * project's solar assumptions by solar/roof-layout.ts (setbacks, access paths, row spacing).
 */
export function typicalPvKwp(analysis: AnalysisResult, latDeg: number, settings: SolarSettings = DEFAULT_SOLAR_SETTINGS): number {
  let kwp = 0;
  for (const plot of analysis.plots) {
    const coverage = plot.limits.maxDensity;
    if (coverage === undefined || !(plot.areaM2 > 0)) continue;
    const footprintM2 = plot.areaM2 * coverage;
    const depth = Math.sqrt(footprintM2 / FACTORY_ASPECT);
    const length = depth * FACTORY_ASPECT;
    const outer: [number, number][] = [
      [0, 0],
      [length, 0],
      [length, depth],
      [0, depth],
    ];
    kwp += layoutRoof([{ outer, holes: [] }], 'flat', latDeg, settings).kwp;
  }
  return kwp;
}

export function layoutFigures(layout: Layout, latDeg: number, solar?: SolarSettings): LayoutFigures {
  const a = layout.analysis;
  const share = (code: string) => a.landUse.find((r) => r.landUse === code)?.percent ?? 0;
  const areas = layout.plotAreasM2;
  const mean = areas.length > 0 ? areas.reduce((s, x) => s + x, 0) / areas.length : 0;
  const sd = areas.length > 0 ? Math.sqrt(areas.reduce((s, x) => s + (x - mean) ** 2, 0) / areas.length) : 0;
  return {
    plotCount: layout.plotCount,
    smePlotCount: layout.smePlotCount,
    saleableShare: share('industrial') / 100,
    regularSaleableShare: a.parkAreaM2 > 0 ? layout.regularPlotAreaM2 / a.parkAreaM2 : 0,
    greenShare: a.green.greenSpaceRatio,
    trafficShare: share('traffic') / 100,
    roadLengthM: layout.roadLengthM,
    roadLengthPerHaM: a.parkAreaM2 > 0 ? layout.roadLengthM / (a.parkAreaM2 / 10_000) : 0,
    rulesFailed: a.rules.filter((r) => r.status === 'fail').length,
    rulesWarned: a.rules.filter((r) => r.status === 'warn').length,
    rulesPassed: a.rules.filter((r) => r.status === 'pass').length,
    plotAreaSpread: mean > 0 ? sd / mean : 0,
    plotsOutOfRange: layout.plotsOutOfRange,
    pvKwp: typicalPvKwp(a, latDeg, solar),
  };
}

/**
 * Ranking order (docs/layout.md): fewer failing rules, then fewer plots out of range, then more
 * saleable land in regular plots, then more saleable land, then less road per hectare (the cost
 * proxy). Hard rules first, as the commercial tools do; among compliant layouts the developer's
 * yield decides, counted in plots a factory fits: a grid diagonal to the boundary sells the same
 * land but in triangles along every edge, which a planner ranks below the grid aligned with it.
 */
export function compareFigures(a: LayoutFigures, b: LayoutFigures): number {
  return (
    a.rulesFailed - b.rulesFailed ||
    a.plotsOutOfRange - b.plotsOutOfRange ||
    a.rulesWarned - b.rulesWarned ||
    b.regularSaleableShare - a.regularSaleableShare ||
    b.saleableShare - a.saleableShare ||
    a.roadLengthPerHaM - b.roadLengthPerHaM
  );
}
