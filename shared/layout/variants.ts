import type { DocumentCommand } from '../model/document-command';
import type { ParkDocument, Scenario } from '../model/document';
import { uniqueScenarioName } from '../model/scenarios';
import { readSolarSettings } from '../solar/settings';
import { compareFigures, layoutFigures, type LayoutFigures } from './figures';
import { generateLayout, type Layout, type LayoutResult } from './generate';
import { candidateBearings, fold } from './orientation';
import type { LayoutParameters } from './parameters';
import { seededRandom } from './random';
import { readSite } from './site';

/** How one variant differs from the parameters: grid bearing and block size factors. */
export interface VariantSpec {
  bearingDeg: number;
  depthFactor: number;
  lengthFactor: number;
}

export interface Variant {
  spec: VariantSpec;
  layout: Layout;
  figures: LayoutFigures;
  /** 1 = best. */
  rank: number;
}

/** Most variants one request may ask for (each costs a full layout and analysis). */
export const MAX_VARIANTS = 12;

/** Block depth and length factors tried after the bearings: shallower and longer, deeper and shorter. */
const BLOCK_FACTORS: readonly [number, number][] = [
  [1, 1],
  [0.8, 1.25],
  [1.2, 0.8],
];

/**
 * The variant specs: each candidate bearing (the boundary's dominant directions, or the user's
 * bearing) with the default blocks, then the other block sizes on each bearing in turn.
 */
export function variantSpecs(bearings: readonly number[], count: number): VariantSpec[] {
  const specs: VariantSpec[] = [];
  for (const [depthFactor, lengthFactor] of BLOCK_FACTORS) {
    for (const bearingDeg of bearings) if (specs.length < count) specs.push({ bearingDeg, depthFactor, lengthFactor });
  }
  // Fewer bearings than variants asked: turn the grid by 45° for more.
  for (let i = 0; specs.length < count; i++) {
    const base = specs[i % specs.length];
    specs.push({ ...base, bearingDeg: fold(base.bearingDeg + 45) });
  }
  return specs;
}

export type VariantsResult = { ok: true; variants: Variant[] } | Extract<LayoutResult, { ok: false }>;

export interface VariantsOptions {
  ruleDate?: string;
  /** Called after each variant is laid out (made or failed): `done` of `total`, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Several layouts of one scenario, ranked (figures.ts). Deterministic: the seed and the variant
 * number give each layout's randomness and ids.
 */
export function generateVariants(doc: ParkDocument, scenarioId: string, p: LayoutParameters, count: number, options: VariantsOptions = {}): VariantsResult {
  const scenario = doc.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  const n = Math.max(1, Math.min(MAX_VARIANTS, Math.floor(count)));
  const site = readSite(scenario.features, p.entrances);
  if (!site.ok) return site;
  const bearings = p.bearingDeg !== undefined ? [p.bearingDeg] : candidateBearings(site.site.boundaryPlane);
  const solar = readSolarSettings(doc.settings);
  const latDeg = doc.project.location.lat;
  const made: Omit<Variant, 'rank'>[] = [];
  let failure: VariantsResult | null = null;
  const specs = variantSpecs(bearings, n);
  specs.forEach((spec, index) => {
    const params = { ...p, bearingDeg: spec.bearingDeg, blockDepthM: p.blockDepthM * spec.depthFactor, blockLengthM: p.blockLengthM * spec.lengthFactor };
    const result = generateLayout(scenario.features, params, { variant: index, ruleDate: options.ruleDate, settings: doc.settings });
    if (result.ok) made.push({ spec, layout: result.layout, figures: layoutFigures(result.layout, latDeg, solar) });
    else failure ??= result;
    options.onProgress?.(index + 1, specs.length);
  });
  if (made.length === 0) return failure ?? { ok: false, reason: 'no_room' };
  const ranked = made.map((v, i) => ({ v, i })).sort((a, b) => compareFigures(a.v.figures, b.v.figures) || a.i - b.i);
  return { ok: true, variants: ranked.map(({ v }, i) => ({ ...v, rank: i + 1 })) };
}

/** Scenario ids and names the command gave each variant, in rank order. */
export interface LayoutCommand {
  command: DocumentCommand;
  scenarios: { scenarioId: string; name: string; variant: Variant }[];
}

/**
 * One undoable step that adds every variant as a new scenario (after the existing ones, in rank
 * order) and makes the best one active. Names are "<base> <rank>" made unique in the document;
 * scenario ids come from the seed, so the same request gives the same document.
 */
export function layoutVariantsCommand(doc: ParkDocument, variants: readonly Variant[], options: { seed: number; baseName?: string; label?: string }): LayoutCommand {
  const label = options.label ?? 'Lay out park';
  const random = seededRandom(options.seed * 7919 + 17);
  const taken = new Set(doc.scenarios.map((s) => s.id));
  let working = doc;
  const commands: DocumentCommand[] = [];
  const scenarios: LayoutCommand['scenarios'] = [];
  for (const variant of variants) {
    let scenarioId = random.id();
    while (taken.has(scenarioId)) scenarioId = random.id();
    taken.add(scenarioId);
    const name = uniqueScenarioName(working, `${options.baseName ?? 'Layout'} ${variant.rank}`);
    const scenario: Scenario = { id: scenarioId, name, features: variant.layout.features };
    commands.push({ type: 'scenario.insert', label, scenario, index: working.scenarios.length });
    // Names are checked against the scenarios inserted so far too.
    working = { ...working, scenarios: [...working.scenarios, scenario] };
    scenarios.push({ scenarioId, name, variant });
  }
  if (scenarios.length > 0) commands.push({ type: 'scenario.activate', label, scenarioId: scenarios[0].scenarioId });
  return { command: { type: 'batch', label, commands }, scenarios };
}
