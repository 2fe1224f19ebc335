import type { LandUseFeature, ParkFeature, RoadFeature } from '../model/feature';
import type { AreaGeometry } from '../model/geometry-schema';
import type { ParkDocument } from '../model/document';
import { scenarioWwtpDistances } from './distances';
import { evaluateRules } from './evaluate';
import { greenRatios } from './green-ratios';
import { infrastructureOf, roadLand, type RoadLandCache } from './infrastructure';
import { adminInStrip, isolationSamples, type StripCache } from './isolation';
import { minStripWidthM, STRIP_STEP_M } from './isolation-strip';
import { landUseStructure } from './land-use-structure';
import { areaM2, unionOf } from './measure';
import { overlapOf, sameList, type UnionCache } from './overlap';
import { plotStats, scenarioPlots, type PlotCache } from './plots';
import { activeRules, DEFAULT_STOREY_HEIGHT_M, readRuleSettings } from './rule-sets';
import { SpatialState } from './spatial-state';
import type { AnalysisResult } from './types';

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

/** What one scenario keeps between runs; valid while its boundary features stay the same objects. */
interface ScenarioCache {
  boundaryKey: readonly ParkFeature[];
  state: SpatialState;
  unions: UnionCache;
  plots: PlotCache;
  strip: StripCache;
  roads: RoadLandCache;
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
      cache = {
        boundaryKey: boundaries,
        state: new SpatialState(boundaryGeometry(boundaries)),
        unions: new Map(),
        plots: { byPlot: new Map(), storeyHeightM: NaN },
        strip: {},
        roads: { byRoad: new Map() },
      };
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
    const roads = features.filter((f): f is RoadFeature => f.kind === 'road');
    const roadsAsLand = roadLand(roads, state, cache.roads);
    const structure = landUseStructure(landUses, state, parkAreaM2, roadsAsLand);
    const { overlapAreaM2, overlapFeatureIds } = overlapOf(state, cache.unions);
    const plots = scenarioPlots(landUses.filter((f) => f.landUse === 'industrial'), state, storeyHeightM, cache.plots);
    const greens = landUses.filter((f) => f.landUse === 'green');
    const samples = isolationSamples(state, landUses, roads, greens, cache.strip);
    const buffers = greens.filter((g) => g.subtype === 'buffer');

    const measured: Omit<AnalysisResult, 'rules'> = {
      scenarioId,
      boundaryIds: boundaries.map((b) => b.id),
      parkAreaM2,
      landUse: structure.rows,
      unassignedAreaM2: Math.max(0, parkAreaM2 - (structure.insideM2 - overlapAreaM2)),
      overlapAreaM2,
      outsideBoundaryAreaM2: structure.outsideM2,
      overlapFeatureIds,
      plotStats: plotStats(plots),
      green: {
        ...greenRatios(greens, state, parkAreaM2, structure.areaOf('industrial')),
        isolationMinWidthM: minStripWidthM(samples),
        isolationSamples: samples,
        isolationStepM: STRIP_STEP_M,
      },
      plots,
      wwtp: scenarioWwtpDistances(landUses, state.boundary, rules),
      adminInIsolationStrip: adminInStrip(landUses, features, buffers, state),
      infrastructure: infrastructureOf(features, parkAreaM2, roadsAsLand, structure.areaOf('traffic')),
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

/** The analysis of one scenario, from scratch (pure: no cache survives the call). */
export function analyzeScenario(doc: ParkDocument, scenarioId?: string, options?: AnalyzeOptions): AnalysisResult {
  return createAnalysisEngine().analyze(doc, scenarioId, options);
}
