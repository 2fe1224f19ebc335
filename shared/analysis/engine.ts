import type { BuildingFeature, LandUseFeature, ParkFeature, RoadFeature } from '../model/feature';
import type { AreaGeometry } from '../model/geometry-schema';
import type { ParkDocument } from '../model/document';
import { LAND_USE_CODES, type LandUseCode } from '../model/land-use';
import { wwtpDistances, wwtpTypeOf } from './distances';
import { evaluateRules } from './evaluate';
import { minStripWidthM, nearBoundary, StripMeter, stripSkeleton, STRIP_STEP_M } from './isolation-strip';
import { areaM2, bbox, interiorPoint, lengthM, unionOf } from './measure';
import { pointInArea } from './planar';
import { plotIndicators } from './plots';
import { activeRules, DEFAULT_STOREY_HEIGHT_M, readRuleSettings } from './rule-sets';
import { SpatialState } from './spatial-state';
import type { AnalysisResult, LandUseRow, PlotIndicators, StripSample } from './types';

/** Options of one analysis run. */
export interface AnalyzeOptions {
  /** Rule set ids to apply (default: the project's choice, else every shipped set). */
  ruleSets?: readonly string[];
  /** Date the rules are evaluated on, ISO yyyy-mm-dd (default: today, UTC). */
  date?: string;
}

/** A reusable analysis with caches; `analyze` costs work proportional to what changed. */
export interface AnalysisEngine {
  analyze(doc: ParkDocument, scenarioId?: string, options?: AnalyzeOptions): AnalysisResult;
  /** Number of features added or removed at the last `analyze` (for tests and the bench). */
  readonly lastChangeCount: number;
}

/** Building uses counted as administration for the isolation-strip rule. */
const ADMIN_BUILDING_USES = new Set(['office', 'administration', 'admin', 'services']);

interface ScenarioCache {
  boundaryKey: readonly ParkFeature[];
  state: SpatialState;
  strip?: { key: readonly LandUseFeature[]; samples: StripSample[] };
  meter?: StripMeter;
  unions: Map<string, { members: LandUseFeature[]; areaM2: number }>;
  /** Plot indicators by plot object, valid for `storeyHeightM`; recomputed when the plot is touched. */
  plots: Map<LandUseFeature, PlotIndicators>;
  storeyHeightM: number;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function boundaryGeometry(boundaries: readonly ParkFeature[]): AreaGeometry | null {
  const geometries = boundaries.map((b) => b.geometry as AreaGeometry);
  if (geometries.length <= 1) return geometries[0] ?? null;
  return unionOf(geometries);
}

export function createAnalysisEngine(): AnalysisEngine {
  const caches = new Map<string, ScenarioCache>();
  let lastChangeCount = 0;

  function analyze(doc: ParkDocument, scenarioId = doc.activeScenarioId, options: AnalyzeOptions = {}): AnalysisResult {
    const scenario = doc.scenarios.find((s) => s.id === scenarioId);
    if (!scenario) throw new Error(`no scenario ${scenarioId}`);
    const features = scenario.features;
    const boundaries = features.filter((f) => f.kind === 'boundary');
    let cache = caches.get(scenarioId);
    if (!cache || !sameList(cache.boundaryKey, boundaries)) {
      // A new boundary changes every clip: start this scenario afresh.
      cache = { boundaryKey: boundaries, state: new SpatialState(boundaryGeometry(boundaries)), unions: new Map(), plots: new Map(), storeyHeightM: NaN };
      caches.set(scenarioId, cache);
    }
    const { state } = cache;
    lastChangeCount = state.sync(features);
    // Scenarios deleted from the document (or another document opened) free their caches.
    for (const id of caches.keys()) if (!doc.scenarios.some((s) => s.id === id)) caches.delete(id);
    const settings = readRuleSettings(doc);
    const storeyHeightM = settings.settings.storeyHeightM ?? DEFAULT_STOREY_HEIGHT_M;
    const rules = activeRules(settings.settings, options.ruleSets);
    const parkAreaM2 = state.boundary ? areaM2(state.boundary) : 0;

    const landUses = features.filter((f): f is LandUseFeature => f.kind === 'landuse');
    const rows = new Map<LandUseCode, LandUseRow>();
    const subtypeAreas = new Map<LandUseCode, Map<string, number>>();
    let insideSum = 0;
    let outside = 0;
    for (const f of landUses) {
      const c = state.clipped.get(f)!;
      insideSum += c.insideM2;
      outside += c.fullM2 - c.insideM2;
      if (c.insideM2 <= 0) continue;
      let row = rows.get(f.landUse);
      if (!row) rows.set(f.landUse, (row = { landUse: f.landUse, areaM2: 0, percent: 0, featureIds: [], subtypes: [] }));
      row.areaM2 += c.insideM2;
      row.featureIds.push(f.id);
      const sub = f.subtype ?? '';
      if (!subtypeAreas.has(f.landUse)) subtypeAreas.set(f.landUse, new Map());
      const m = subtypeAreas.get(f.landUse)!;
      m.set(sub, (m.get(sub) ?? 0) + c.insideM2);
    }
    const pct = (a: number) => (parkAreaM2 > 0 ? (100 * a) / parkAreaM2 : 0);
    const landUse = LAND_USE_CODES.flatMap((code) => {
      const row = rows.get(code);
      if (!row) return [];
      row.percent = pct(row.areaM2);
      row.subtypes = [...subtypeAreas.get(code)!].sort(([a], [b]) => (a < b ? -1 : 1)).map(([subtype, a]) => ({ subtype, areaM2: a, percent: pct(a) }));
      return [row];
    });

    const { overlapAreaM2, overlapFeatureIds } = overlapOf(state, cache);
    const unassignedAreaM2 = Math.max(0, parkAreaM2 - (insideSum - overlapAreaM2));

    const industrial = landUses.filter((f) => f.landUse === 'industrial');
    if (cache.storeyHeightM !== storeyHeightM) cache.plots.clear();
    cache.storeyHeightM = storeyHeightM;
    const plotCache = new Map<LandUseFeature, PlotIndicators>();
    const plots = industrial.map((p) => {
      let indicators = state.touchedPlots.has(p) ? undefined : cache.plots.get(p);
      indicators ??= plotIndicators(p, state, storeyHeightM);
      plotCache.set(p, indicators);
      return indicators;
    });
    state.touchedPlots.clear();
    cache.plots = plotCache;
    const plotAreas = plots.map((p) => p.areaM2);

    let greenAll = 0;
    let greenInPlotsM2 = 0;
    const greens = landUses.filter((f) => f.landUse === 'green');
    for (const g of greens) {
      greenAll += state.clipped.get(g)!.insideM2;
      for (const [other, shared] of state.overlaps.get(g) ?? []) if (other.landUse === 'industrial') greenInPlotsM2 += shared;
    }
    const greenLandM2 = greenAll - greenInPlotsM2;
    const industrialM2 = rows.get('industrial')?.areaM2 ?? 0;

    let samples: StripSample[] = [];
    if (state.boundary) {
      // Only polygons near the boundary can change the strip: an edit inside the park keeps it,
      // and an edit near it re-measures only the samples within reach of what changed.
      const boundaryBox = bbox(state.boundary);
      const near = (f: LandUseFeature) => nearBoundary(state.clipped.get(f)!.box, boundaryBox);
      const nearGreens = greens.filter(near);
      const traffic = landUses.filter((f) => f.landUse === 'traffic' && near(f));
      const key = [...nearGreens, ...traffic];
      cache.meter ??= new StripMeter(stripSkeleton(state.boundary));
      if (!cache.strip || !sameList(cache.strip.key, key)) {
        const previous = new Set(cache.strip?.key ?? []);
        const current = new Set(key);
        const changed = cache.strip
          ? [...key.filter((f) => !previous.has(f)), ...(cache.strip.key.filter((f) => !current.has(f)))].map((f) => bbox(f.geometry))
          : undefined;
        cache.strip = { key, samples: cache.meter.measure(nearGreens.map((g) => g.geometry), traffic.map((t) => t.geometry), changed) };
      }
      samples = cache.strip.samples;
    }
    const buffers = greens.filter((g) => g.subtype === 'buffer');
    const adminInIsolationStrip = adminInStrip(landUses, features, buffers, state);

    const distanceCodes = new Set(rules.flatMap((r) => (r.metric === 'wwtp.distanceToLandUseM' ? (r.landUses ?? []) : [])));
    const wwtp = landUses.flatMap((f) => {
      const type = wwtpTypeOf(f);
      return type ? [wwtpDistances(f, type, state.boundary, landUses, distanceCodes)] : [];
    });

    const roads = features.filter((f): f is RoadFeature => f.kind === 'road');
    const roadLengthM = roads.reduce((s, r) => s + lengthM(r.geometry), 0);
    const roadAreaM2 = roads.reduce((s, r) => s + lengthM(r.geometry) * r.widthM, 0);

    const measured: Omit<AnalysisResult, 'rules'> = {
      scenarioId,
      boundaryIds: boundaries.map((b) => b.id),
      parkAreaM2,
      landUse,
      unassignedAreaM2,
      overlapAreaM2,
      outsideBoundaryAreaM2: outside,
      overlapFeatureIds,
      plotStats: {
        count: plots.length,
        meanAreaM2: plots.length > 0 ? plotAreas.reduce((a, b) => a + b, 0) / plots.length : 0,
        minAreaM2: plots.length > 0 ? Math.min(...plotAreas) : 0,
        maxAreaM2: plots.length > 0 ? Math.max(...plotAreas) : 0,
      },
      green: {
        greenLandM2,
        greenSpaceRatio: parkAreaM2 > 0 ? greenLandM2 / parkAreaM2 : 0,
        greenInPlotsM2,
        totalGreenM2: greenAll,
        totalGreenRatio: parkAreaM2 > 0 ? greenAll / parkAreaM2 : 0,
        greenPerIndustrialHaM2: industrialM2 > 0 ? greenAll / (industrialM2 / 10000) : null,
        isolationMinWidthM: minStripWidthM(samples),
        isolationSamples: samples,
        isolationStepM: STRIP_STEP_M,
      },
      plots,
      wwtp,
      adminInIsolationStrip,
      infrastructure: {
        roadLengthM,
        roadAreaM2,
        roadAreaShare: parkAreaM2 > 0 ? roadAreaM2 / parkAreaM2 : 0,
        trafficLandM2: rows.get('traffic')?.areaM2 ?? 0,
      },
      storeyHeightM,
      ...(settings.ok ? {} : { settingsIssue: { reason: settings.reason, detail: settings.detail } }),
    };
    const date = options.date ?? new Date().toISOString().slice(0, 10);
    return { ...measured, rules: evaluateRules(measured, rules, date) };
  }

  return {
    analyze,
    get lastChangeCount() {
      return lastChangeCount;
    },
  };
}

/**
 * Overlap = Σ land-use areas − area of their union, inside the boundary. Only groups of polygons
 * linked by a positive-area intersection contribute; each group's union is cached by its members.
 */
function overlapOf(state: SpatialState, cache: ScenarioCache): { overlapAreaM2: number; overlapFeatureIds: string[] } {
  const seen = new Set<LandUseFeature>();
  const used = new Set<string>();
  let overlapAreaM2 = 0;
  const ids: string[] = [];
  for (const start of state.overlaps.keys()) {
    if (seen.has(start) || (state.overlaps.get(start)?.size ?? 0) === 0) continue;
    const group: LandUseFeature[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const f = stack.pop()!;
      group.push(f);
      for (const other of state.overlaps.get(f)!.keys()) {
        if (seen.has(other)) continue;
        seen.add(other);
        stack.push(other);
      }
    }
    group.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const key = group.map((f) => f.id).join('|');
    used.add(key);
    let u = cache.unions.get(key);
    if (!u || !sameList(u.members, group)) {
      let unionM2: number;
      if (!hasTriangle(group, state)) {
        // No three polygons overlap each other pairwise, so no area is covered three times:
        // inclusion–exclusion stops at the pairs, already measured (a corridor crossing a row of
        // plots, green drawn inside a plot).
        let pairs = 0;
        for (const f of group) for (const [other, shared] of state.overlaps.get(f)!) if (f.id < other.id) pairs += shared;
        unionM2 = group.reduce((sum, f) => sum + state.clipped.get(f)!.insideM2, 0) - pairs;
      } else {
        const union = unionOf(group.map((f) => state.clipped.get(f)!.geometry!));
        unionM2 = union ? areaM2(union) : 0;
      }
      cache.unions.set(key, (u = { members: group, areaM2: unionM2 }));
    }
    const sum = group.reduce((s, f) => s + state.clipped.get(f)!.insideM2, 0);
    overlapAreaM2 += Math.max(0, sum - u.areaM2);
    ids.push(...group.map((f) => f.id));
  }
  for (const key of cache.unions.keys()) if (!used.has(key)) cache.unions.delete(key);
  return { overlapAreaM2, overlapFeatureIds: ids.sort() };
}

/** Whether some three polygons of the group overlap pairwise (then an area may be covered thrice). */
function hasTriangle(group: LandUseFeature[], state: SpatialState): boolean {
  for (const f of group) {
    const around = [...state.overlaps.get(f)!.keys()];
    for (let i = 0; i < around.length; i++) {
      const links = state.overlaps.get(around[i])!;
      for (let j = i + 1; j < around.length; j++) if (links.has(around[j])) return true;
    }
  }
  return false;
}

function adminInStrip(landUses: LandUseFeature[], features: readonly ParkFeature[], buffers: LandUseFeature[], state: SpatialState): string[] {
  if (buffers.length === 0) return [];
  const ids = new Set<string>();
  for (const f of landUses) {
    if (f.landUse !== 'admin_services') continue;
    for (const other of state.overlaps.get(f)?.keys() ?? []) if (buffers.includes(other)) ids.add(f.id);
  }
  for (const f of features) {
    if (f.kind !== 'building') continue;
    const use = (f as BuildingFeature).props?.use;
    if (typeof use !== 'string' || !ADMIN_BUILDING_USES.has(use)) continue;
    const p = interiorPoint(f.geometry);
    if (buffers.some((b) => pointInArea(p, b.geometry))) ids.add(f.id);
  }
  return [...ids].sort();
}

/** The analysis of one scenario, from scratch (pure: no cache survives the call). */
export function analyzeScenario(doc: ParkDocument, scenarioId?: string, options?: AnalyzeOptions): AnalysisResult {
  return createAnalysisEngine().analyze(doc, scenarioId, options);
}
