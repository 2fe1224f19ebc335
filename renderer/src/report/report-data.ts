import { createAnalysisEngine, type AnalysisResult } from '../../../shared/analysis';
import type { ParkDocument } from '../../../shared/model';
// Module paths, not the shared/report index: the app's main bundle then holds no PDF library
// (pdf-lib and fontkit load with export-report.ts, on the first export).
import { buildReportModel, type SolarOrigin } from '../../../shared/report/build-model';
import { compareScenarios, MIN_COMPARED } from '../../../shared/report/compare';
import type { ComparisonModel, ReportLang, ReportModel } from '../../../shared/report/types';
import type { ParkSolarResult } from '../../../shared/solar';
import { scenarioSolar, scenarioSolarReady } from './scenario-solar';
import { solarRunnerStarted } from '../panels/solar/solar-runner';
import { useSolarStore } from '../panels/solar/solar-store';
import type { RooftopPv } from '../../../shared/eco/balances';
import { rooftopPvFromRun } from '../../../shared/eco/pv';

/**
 * One engine for every scenario the report and the Compare tab analyse: its caches are per
 * scenario, so an edit re-measures only what it touched (the analysis panels keep their own).
 */
const engine = createAnalysisEngine();
const today = () => new Date().toISOString().slice(0, 10);

export function analysisFor(doc: ParkDocument, scenarioId: string, date = today()): AnalysisResult {
  return engine.analyze(doc, scenarioId, { date });
}

/**
 * Solar for a scenario: the Solar panel's latest result when it belongs to this document
 * revision and scenario, else the scenario computed with the same settings, shading model and
 * weather (scenario-solar.ts) — null while that runs in its worker. With `waitForPanel`, the
 * active scenario is not computed twice while the panel's runner is working on it (Compare
 * re-renders when its result lands). The report's methods section says which.
 */
export function solarFor(doc: ParkDocument, scenarioId: string, revision: number, waitForPanel = false): { solar: ParkSolarResult | null; origin: SolarOrigin } {
  const s = useSolarStore.getState();
  if (scenarioId === doc.activeScenarioId) {
    if (s.result && s.status === 'done' && s.resultRevision === revision) return { solar: s.result, origin: 'ui-latest' };
    if (waitForPanel && solarRunnerStarted()) return { solar: null, origin: 'ui-latest' };
  }
  return { solar: scenarioSolar(doc, scenarioId, s.importedWeather), origin: 'computed' };
}

/**
 * Rooftop PV hour by hour for the eco figures: the Solar panel's run carries the hourly output
 * (the Eco panel counts the same); a scenario computed apart has only totals, so its PV is not
 * counted and the eco chapter says so.
 */
function ecoPvFor(doc: ParkDocument, scenarioId: string, revision: number): RooftopPv | null {
  const s = useSolarStore.getState();
  const current = scenarioId === doc.activeScenarioId && s.status === 'done' && s.resultRevision === revision;
  return current && s.result && s.hourly ? rooftopPvFromRun(s.result, s.hourly.acKw, s.hourly.weight, doc.settings) : null;
}

/** Resolves when every scenario the report needs has its solar result (an export waits for it). */
export function solarReadyFor(doc: ParkDocument, scenarioIds: readonly string[], revision: number): Promise<void> {
  const missing = [doc.activeScenarioId, ...scenarioIds].filter((id) => solarFor(doc, id, revision).solar === null);
  return scenarioSolarReady(doc, missing, useSolarStore.getState().importedWeather);
}

/** The comparison of 2–4 scenarios; `waitForPanel` as in solarFor (the live Compare tab). */
export function comparisonFor(doc: ParkDocument, ids: readonly string[], revision: number, lang: ReportLang, waitForPanel = false): ComparisonModel | null {
  if (ids.length < MIN_COMPARED) return null;
  const date = today();
  return compareScenarios(doc, ids, {
    lang,
    date,
    solar: Object.fromEntries(ids.map((id) => [id, solarFor(doc, id, revision, waitForPanel).solar])),
    analyses: Object.fromEntries(ids.map((id) => [id, analysisFor(doc, id, date)])),
    ecoPv: Object.fromEntries(ids.map((id) => [id, ecoPvFor(doc, id, revision)])),
  });
}

/** The report model of the active scenario, with the comparison when 2+ scenarios are chosen. */
export function reportModelFor(doc: ParkDocument, revision: number, lang: ReportLang, compareIds: readonly string[], toolVersion: string): ReportModel {
  const now = new Date().toISOString();
  const scenarioId = doc.activeScenarioId;
  const { solar, origin } = solarFor(doc, scenarioId, revision);
  const model = buildReportModel(doc, scenarioId, { lang, now, toolVersion, solar, solarOrigin: origin, analysis: analysisFor(doc, scenarioId, now.slice(0, 10)), ecoPv: ecoPvFor(doc, scenarioId, revision) });
  const comparison = comparisonFor(doc, compareIds, revision, lang);
  if (comparison) model.comparison = comparison;
  return model;
}

/** A file name without diacritics or separators (đ → d), so every file system and mailer accepts it. */
export function reportFileName(doc: ParkDocument, extension: 'pdf' | 'xlsx' | 'csv'): string {
  const scenario = doc.scenarios.find((s) => s.id === doc.activeScenarioId)?.name ?? '';
  const slug = `${doc.project.name} ${scenario}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80);
  return `${slug || 'park'}-report.${extension}`;
}
