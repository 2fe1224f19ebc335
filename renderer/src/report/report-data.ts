import { createAnalysisEngine, type AnalysisResult } from '../../../shared/analysis';
import type { ParkDocument } from '../../../shared/model';
// Module paths, not the shared/report index: the app's main bundle then holds no PDF library
// (pdf-lib and fontkit load with export-report.ts, on the first export).
import { buildReportModel, type SolarOrigin } from '../../../shared/report/build-model';
import { compareScenarios, MIN_COMPARED } from '../../../shared/report/compare';
import type { ComparisonModel, ReportLang, ReportModel } from '../../../shared/report/types';
import { readSolarSettings, runSolar, solarInputFromDocument, type ParkSolarResult } from '../../../shared/solar';
import { useSolarStore } from '../panels/solar/solar-store';

/**
 * One engine for every scenario the report and the Compare tab analyse: its caches are per
 * scenario, so an edit re-measures only what it touched (the analysis panels keep their own).
 */
const engine = createAnalysisEngine();
const today = () => new Date().toISOString().slice(0, 10);

export function analysisFor(doc: ParkDocument, scenarioId: string, date = today()): AnalysisResult {
  return engine.analyze(doc, scenarioId, { date });
}

/** Unshaded results by document and scenario: without shading a park costs ~0.1 s on the main thread. */
const unshadedCache = new WeakMap<ParkDocument, Map<string, ParkSolarResult>>();

/**
 * Solar for a scenario: the Solar panel's latest result when it belongs to this document
 * revision and scenario (the worker runs the active one, with shading), else a quick run
 * without neighbour shading. The report's methods section says which.
 */
export function solarFor(doc: ParkDocument, scenarioId: string, revision: number): { solar: ParkSolarResult; origin: SolarOrigin } {
  const s = useSolarStore.getState();
  if (scenarioId === doc.activeScenarioId && s.result && s.status === 'done' && s.resultRevision === revision) return { solar: s.result, origin: 'ui-latest' };
  let byScenario = unshadedCache.get(doc);
  if (!byScenario) unshadedCache.set(doc, (byScenario = new Map()));
  let solar = byScenario.get(scenarioId);
  if (!solar) {
    const settings = { ...readSolarSettings(doc.settings), shading: false };
    solar = runSolar(solarInputFromDocument(doc, settings, s.importedWeather, scenarioId));
    byScenario.set(scenarioId, solar);
  }
  return { solar, origin: 'ui-unshaded' };
}

export function comparisonFor(doc: ParkDocument, ids: readonly string[], revision: number, lang: ReportLang): ComparisonModel | null {
  if (ids.length < MIN_COMPARED) return null;
  const date = today();
  return compareScenarios(doc, ids, {
    lang,
    date,
    solar: Object.fromEntries(ids.map((id) => [id, solarFor(doc, id, revision).solar])),
    analyses: Object.fromEntries(ids.map((id) => [id, analysisFor(doc, id, date)])),
  });
}

/** The report model of the active scenario, with the comparison when 2+ scenarios are chosen. */
export function reportModelFor(doc: ParkDocument, revision: number, lang: ReportLang, compareIds: readonly string[], toolVersion: string): ReportModel {
  const now = new Date().toISOString();
  const scenarioId = doc.activeScenarioId;
  const { solar, origin } = solarFor(doc, scenarioId, revision);
  const model = buildReportModel(doc, scenarioId, { lang, now, toolVersion, solar, solarOrigin: origin, analysis: analysisFor(doc, scenarioId, now.slice(0, 10)) });
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
