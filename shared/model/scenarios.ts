import type { ParkDocument, Scenario } from './document';
import { newId } from './ids';

/**
 * Scenario operations (issue 6): each returns a new document or a reason it cannot, never
 * mutating its input. Feature ids are unique within a scenario, so a duplicated scenario keeps
 * them: the same plot can be followed from one alternative to the next.
 */

export const SCENARIO_FAILURES = ['not_found', 'empty_name', 'duplicate_name', 'last_scenario'] as const;
export type ScenarioFailure = (typeof SCENARIO_FAILURES)[number];
export type ScenarioResult = { ok: true; document: ParkDocument; scenarioId: string } | { ok: false; reason: ScenarioFailure };

function checkName(doc: ParkDocument, name: string, exceptId?: string): ScenarioFailure | null {
  const trimmed = name.trim();
  if (!trimmed) return 'empty_name';
  if (doc.scenarios.some((s) => s.id !== exceptId && s.name.trim().toLowerCase() === trimmed.toLowerCase())) return 'duplicate_name';
  return null;
}

/** The first free name of the form "base", "base 2", "base 3"… */
export function uniqueScenarioName(doc: ParkDocument, base: string): string {
  const taken = new Set(doc.scenarios.map((s) => s.name.trim().toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

/**
 * A new scenario, made active. It starts with the active scenario's boundary (alternatives of
 * one park share its limit) unless `empty`.
 */
export function createScenario(doc: ParkDocument, name: string, options: { empty?: boolean; id?: string } = {}): ScenarioResult {
  const problem = checkName(doc, name);
  if (problem) return { ok: false, reason: problem };
  const active = doc.scenarios.find((s) => s.id === doc.activeScenarioId);
  const scenario: Scenario = {
    id: options.id ?? newId(),
    name: name.trim(),
    features: options.empty || !active ? [] : active.features.filter((f) => f.kind === 'boundary'),
  };
  return { ok: true, document: { ...doc, scenarios: [...doc.scenarios, scenario], activeScenarioId: scenario.id }, scenarioId: scenario.id };
}

/** A full copy of a scenario under a new name, placed after it and made active. */
export function duplicateScenario(doc: ParkDocument, scenarioId: string, name: string, options: { id?: string } = {}): ScenarioResult {
  const index = doc.scenarios.findIndex((s) => s.id === scenarioId);
  if (index < 0) return { ok: false, reason: 'not_found' };
  const problem = checkName(doc, name);
  if (problem) return { ok: false, reason: problem };
  const source = doc.scenarios[index];
  const copy: Scenario = { ...source, id: options.id ?? newId(), name: name.trim() };
  const scenarios = [...doc.scenarios.slice(0, index + 1), copy, ...doc.scenarios.slice(index + 1)];
  return { ok: true, document: { ...doc, scenarios, activeScenarioId: copy.id }, scenarioId: copy.id };
}

export function renameScenario(doc: ParkDocument, scenarioId: string, name: string): ScenarioResult {
  if (!doc.scenarios.some((s) => s.id === scenarioId)) return { ok: false, reason: 'not_found' };
  const problem = checkName(doc, name, scenarioId);
  if (problem) return { ok: false, reason: problem };
  const scenarios = doc.scenarios.map((s) => (s.id === scenarioId ? { ...s, name: name.trim() } : s));
  return { ok: true, document: { ...doc, scenarios }, scenarioId };
}

/** Deletes a scenario; the last one cannot go. Deleting the active one activates its neighbour. */
export function deleteScenario(doc: ParkDocument, scenarioId: string): ScenarioResult {
  const index = doc.scenarios.findIndex((s) => s.id === scenarioId);
  if (index < 0) return { ok: false, reason: 'not_found' };
  if (doc.scenarios.length === 1) return { ok: false, reason: 'last_scenario' };
  const scenarios = doc.scenarios.filter((s) => s.id !== scenarioId);
  const activeScenarioId = doc.activeScenarioId === scenarioId ? scenarios[Math.min(index, scenarios.length - 1)].id : doc.activeScenarioId;
  return { ok: true, document: { ...doc, scenarios, activeScenarioId }, scenarioId: activeScenarioId };
}
