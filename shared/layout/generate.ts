import { analyzeScenario } from '../analysis/engine';
import type { AnalysisResult } from '../analysis/types';
import { geodesicAreaM2, geodesicLengthM } from '../geometry/geodesic';
import type { LandUseFeature, ParkFeature, PointFeature, RoadFeature } from '../model/feature';
import { readFeatureCodeScheme, withFeatureCode, type FeatureCodeScheme } from '../model/feature-codes';
import type { ParkDocument, Scenario } from '../model/document';
import type { AreaGeometry } from '../model/geometry-schema';
import { candidateBearings } from './orientation';
import { checkParameters, plotRange, type LayoutParameters } from './parameters';
import { buildParcels, type Parcel } from './parcels';
import { cleanArea, lonLatOf, piecesOf, type PlanePolygons } from './plane';
import type { XY } from '../geometry/planar-ring';
import { signedArea2 } from '../geometry/ring';
import { rectangularity, REGULAR_PLOT_MIN_RECTANGULARITY } from './plot-shape';
import { seededRandom, type SeededRandom } from './random';
import { buildRoads, type RoadClass } from './roads';
import { readSite, type Site } from './site';
import type { LayoutRefusalReason } from './refusal-text';
import { zonePlots, type PlotUse } from './zoning';

/** One rule the layout does not meet: measured value against threshold, and by how much. */
export interface UnmetRule {
  ruleId: string;
  status: 'fail' | 'warn';
  value: number | null;
  threshold: number | null;
  unit: string;
  /** threshold − value on the failing side (positive), in the rule's unit; null when either is missing. */
  shortBy: number | null;
}

/** A generated layout: its features (boundary and kept features included) and what it achieves. */
export interface Layout {
  bearingDeg: number;
  features: ParkFeature[];
  plotCount: number;
  /** Industrial plots whose area lies outside the requested range (of their band). */
  plotsOutOfRange: number;
  /** Industrial plots of the SME band (props.plotBand = 'sme'). */
  smePlotCount: number;
  plotAreasM2: number[];
  /** Area of the industrial plots at least REGULAR_PLOT_MIN_RECTANGULARITY rectangular, m² (plot-shape.ts). */
  regularPlotAreaM2: number;
  roadLengthM: number;
  /** Rules the analysis finds failing or warning on this layout (never silently dropped). */
  unmet: UnmetRule[];
  analysis: AnalysisResult;
}

export type LayoutResult = { ok: true; layout: Layout } | { ok: false; reason: LayoutRefusalReason };

const ROAD_NAMES: Record<RoadClass, string> = { main: 'Main axis', access: 'Access road', loop: 'Loop road', cross: 'Cross road', internal: 'Internal road', lane: 'Service lane' };
const USE_OF: Record<Exclude<PlotUse, 'industrial'>, { landUse: LandUseFeature['landUse']; subtype: string; name: string }> = {
  admin: { landUse: 'admin_services', subtype: 'administration', name: 'Administration and services' },
  wwtp: { landUse: 'technical', subtype: 'wwtp', name: 'Wastewater treatment plant' },
  substation: { landUse: 'technical', subtype: 'substation', name: 'Substation' },
  water_supply: { landUse: 'technical', subtype: 'water_supply', name: 'Water supply' },
  green: { landUse: 'green', subtype: 'park', name: 'Central green' },
};

/**
 * Lays out one park on the scenario's boundary (docs/layout.md). Pure and deterministic: the
 * same features and parameters give the same layout, ids included. `bearingDeg` overrides the
 * parameters' bearing (variants), `variant` salts the seed.
 */
export function generateLayout(features: readonly ParkFeature[], p: LayoutParameters, options: LayoutOptions = {}): LayoutResult {
  try {
    return layOut(features, p, options);
  } catch {
    // The polygon clipper (polyclip-ts) still fails on some near-degenerate inputs; the caller
    // hears it as a reason (another bearing or block size usually works), never as a crash.
    return { ok: false, reason: 'geometry_failed' };
  }
}

interface LayoutOptions {
  variant?: number;
  ruleDate?: string;
  settings?: ParkDocument['settings'];
}

function layOut(features: readonly ParkFeature[], p: LayoutParameters, options: LayoutOptions): LayoutResult {
  const checked = checkParameters(p);
  if (!checked.ok) return checked;
  const read = readSite(features, p.entrances);
  if (!read.ok) return read;
  const site = read.site;
  const random = seededRandom(p.seed * 1000 + (options.variant ?? 0));
  const bearingDeg = p.bearingDeg ?? candidateBearings(site.boundaryPlane)[0];
  const network = buildRoads(site, p, bearingDeg, random);
  const parcels = buildParcels(site, network, p);
  if (parcels.plots.length === 0) return { ok: false, reason: 'no_room' };
  const laneLand = parcels.lanes.flatMap((lane) => lane.land);
  const trafficM2 = (network.traffic ? geodesicAreaM2(network.traffic) : 0) + laneLand.reduce((s, g) => s + geodesicAreaM2(g), 0);
  const leftoverM2 = parcels.leftovers.reduce((s, l) => s + l.areaM2, 0);
  const stripM2 = parcels.strip ? geodesicAreaM2(parcels.strip) : 0;
  const zoning = zonePlots(site, parcels.plots, { trafficM2, greenM2: stripM2 + leftoverM2 }, p);

  const out: ParkFeature[] = [...site.boundaryFeatures, ...site.kept];
  const landUse = (geometry: AreaGeometry, fields: Omit<LandUseFeature, 'id' | 'kind' | 'geometry'>): LandUseFeature => ({ id: random.id(), kind: 'landuse', geometry, ...fields });
  const strip = cleanArea(parcels.strip);
  const traffic = cleanArea(network.traffic);
  if (strip) out.push(landUse(strip, { landUse: 'green', subtype: 'buffer', name: 'Green isolation strip' }));
  if (traffic) out.push(landUse(traffic, { landUse: 'traffic', subtype: 'road', name: 'Roads' }));
  // The lanes' land is cut from the SME rows, so it meets the roads edge to edge: kept as features of its own.
  for (const land of laneLand) out.push(landUse(land, { landUse: 'traffic', subtype: 'road', name: 'Service lane' }));
  const roadFeatures: RoadFeature[] = [...network.roads, ...parcels.lanes.flatMap((lane) => lane.roads)].map((r) => ({ id: random.id(), kind: 'road', geometry: r.line, widthM: r.widthM, name: ROAD_NAMES[r.roadClass], props: { roadClass: r.roadClass } }));
  out.push(...roadFeatures);
  // One feature per piece: pieces may share an edge (two halves of a corner), which one
  // MultiPolygon must not have, and a union of slivers is where polyclip-ts is least robust.
  // Hairline slivers (under half a metre wide on average) between boolean results are left out:
  // they hold no land (a few m² per site, shown as unassigned) and are where rings cross themselves.
  const remnants = parcels.leftovers.filter((l) => meanWidthM(l.plane) >= 0.5).flatMap((l) => piecesOf(l.geometry));
  for (const piece of remnants) out.push(landUse(piece, { landUse: 'green', subtype: 'remnant', name: 'Green (remnant)' }));
  let plotNo = 0;
  let plotsOutOfRange = 0;
  let smePlotCount = 0;
  const plotAreasM2: number[] = [];
  let regularPlotAreaM2 = 0;
  parcels.plots.forEach((plot, i) => {
    const use = zoning.uses[i];
    if (use === 'industrial') {
      plotNo++;
      const range = plotRange(p, plot.sme === true);
      if (plot.areaM2 < range.plotMinM2 * (1 - 1e-6) || plot.areaM2 > range.plotMaxM2 * (1 + 1e-6)) plotsOutOfRange++;
      if (plot.sme) smePlotCount++;
      plotAreasM2.push(plot.areaM2);
      if (rectangularity(plot.plane) >= REGULAR_PLOT_MIN_RECTANGULARITY) regularPlotAreaM2 += plot.areaM2;
      // Named by its plan code only (withPlanCodes), as a drawn plot is.
      const band = plot.sme ? { props: { plotBand: 'sme' } } : {};
      out.push(landUse(plot.geometry, { landUse: 'industrial', maxDensity: p.plotMaxDensity, minGreenRatio: p.plotMinGreenRatio, ...band }));
      return;
    }
    const kind = USE_OF[use];
    const props = use === 'wwtp' ? { capacityM3PerDay: zoning.wwtpCapacityM3PerDay, ...(p.wwtpEnclosed ? { enclosedOdourControl: true } : {}) } : undefined;
    out.push(landUse(plot.geometry, { landUse: kind.landUse, subtype: kind.subtype, name: kind.name, ...(props ? { props } : {}) }));
  });
  out.push(...entranceGates(site, random));
  withPlanCodes(out, features, readFeatureCodeScheme(options.settings ?? {}));

  const analysis = analyzeOnly(out, options);
  return {
    ok: true,
    layout: {
      bearingDeg,
      features: out,
      plotCount: plotNo,
      plotsOutOfRange,
      smePlotCount,
      plotAreasM2,
      regularPlotAreaM2,
      roadLengthM: roadFeatures.reduce((s, r) => s + geodesicLengthM(r.geometry), 0),
      unmet: unmetRules(analysis),
      analysis,
    },
  };
}

/**
 * Gives every generated land-use feature the next plan code of its category ("CN-01", "CX-03"…,
 * model/feature-codes.ts) as drawing one does, numbered after the highest code among the
 * scenario's features (kept or replaced), so no code of the scenario is given again.
 */
function withPlanCodes(out: ParkFeature[], input: readonly ParkFeature[], scheme: FeatureCodeScheme): void {
  const kept = new Set(input);
  const taken: Pick<ParkFeature, 'code'>[] = [...input];
  out.forEach((f, i) => {
    if (kept.has(f)) return;
    const coded = withFeatureCode(f, taken, scheme);
    out[i] = coded;
    taken.push(coded);
  });
}

/** Twice the area over the perimeter of the outer rings: a polygon's mean width, m. */
function meanWidthM(polygons: PlanePolygons): number {
  let area = 0;
  let perimeter = 0;
  for (const rings of polygons) {
    const ring = rings[0];
    area += Math.abs(signedArea2(ring)) / 2;
    for (let i = 1; i < ring.length; i++) perimeter += Math.hypot(ring[i][0] - ring[i - 1][0], ring[i][1] - ring[i - 1][1]);
  }
  return perimeter > 0 ? (2 * area) / perimeter : 0;
}

/** A gate at every entrance: the main one first. */
function entranceGates(site: Site, random: SeededRandom): PointFeature[] {
  const gate = (at: XY, name: string): PointFeature => ({ id: random.id(), kind: 'point', geometry: { type: 'Point', coordinates: lonLatOf(site.plane, at) }, facilityType: 'gate', name });
  return [gate(site.entrance, 'Main entrance'), ...site.otherEntrances.map((e, i) => gate(e.entrance, `Entrance ${i + 2}`))];
}

/** The analysis of the features as a scenario of their own (the same code the app and `ecopark analyze` run). */
function analyzeOnly(features: ParkFeature[], options: { ruleDate?: string; settings?: ParkDocument['settings'] }): AnalysisResult {
  const scenario: Scenario = { id: 'layout', name: 'layout', features };
  const doc: ParkDocument = {
    formatVersion: 1,
    project: { id: 'layout', name: 'layout', province: '', location: { lon: 0, lat: 0 }, createdAt: '', modifiedAt: '' },
    scenarios: [scenario],
    activeScenarioId: scenario.id,
    settings: options.settings ?? {},
  };
  return analyzeScenario(doc, scenario.id, options.ruleDate ? { date: options.ruleDate } : {});
}

export function unmetRules(analysis: AnalysisResult): UnmetRule[] {
  return analysis.rules
    .filter((r) => r.status === 'fail' || r.status === 'warn')
    .map((r) => ({
      ruleId: r.id,
      status: r.status as 'fail' | 'warn',
      value: r.value,
      threshold: r.threshold,
      unit: r.unit,
      shortBy: r.value === null || r.threshold === null ? null : Math.abs(r.threshold - r.value),
    }));
}

export type { Parcel };
