import type { ParkDocument, Scenario } from './document';
import type { DocumentCommand } from './document-command';
import { newId } from './ids';

/**
 * Scenario operations (issue 6): each checks the request against the document and returns the
 * command that performs it (one undo step, DESIGN.md §2) or a reason it cannot, never touching
 * the document. Feature ids are unique within a scenario, so a duplicated scenario keeps them:
 * the same plot can be followed from one alternative to the next.
 */

export const SCENARIO_FAILURES = ['not_found', 'empty_name', 'duplicate_name', 'last_scenario'] as const;
export type ScenarioFailure = (typeof SCENARIO_FAILURES)[number];
/** `scenarioId`: the scenario active once the command is applied. */
export type ScenarioResult = { ok: true; command: DocumentCommand; scenarioId: string } | { ok: false; reason: ScenarioFailure };

/** English default labels; the UI passes its translation (`options.label`). */
export const SCENARIO_LABELS = {
  create: 'New scenario',
  duplicate: 'Duplicate scenario',
  rename: 'Rename scenario',
  delete: 'Delete scenario',
  switch: 'Switch scenario',
} as const;

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
export function createScenario(doc: ParkDocument, name: string, options: { empty?: boolean; id?: string; label?: string } = {}): ScenarioResult {
  const problem = checkName(doc, name);
  if (problem) return { ok: false, reason: problem };
  const active = doc.scenarios.find((s) => s.id === doc.activeScenarioId);
  const scenario: Scenario = {
    id: options.id ?? newId(),
    name: name.trim(),
    features: options.empty || !active ? [] : active.features.filter((f) => f.kind === 'boundary'),
  };
  return insertAndActivate(scenario, doc.scenarios.length, options.label ?? SCENARIO_LABELS.create);
}

/** A full copy of a scenario under a new name, placed after it and made active. */
export function duplicateScenario(doc: ParkDocument, scenarioId: string, name: string, options: { id?: string; label?: string } = {}): ScenarioResult {
  const index = doc.scenarios.findIndex((s) => s.id === scenarioId);
  if (index < 0) return { ok: false, reason: 'not_found' };
  const problem = checkName(doc, name);
  if (problem) return { ok: false, reason: problem };
  const copy: Scenario = { ...doc.scenarios[index], id: options.id ?? newId(), name: name.trim() };
  return insertAndActivate(copy, index + 1, options.label ?? SCENARIO_LABELS.duplicate);
}

function insertAndActivate(scenario: Scenario, index: number, label: string): ScenarioResult {
  const command: DocumentCommand = {
    type: 'batch',
    label,
    commands: [
      { type: 'scenario.insert', label, scenario, index },
      { type: 'scenario.activate', label, scenarioId: scenario.id },
    ],
  };
  return { ok: true, command, scenarioId: scenario.id };
}

export function renameScenario(doc: ParkDocument, scenarioId: string, name: string, options: { label?: string } = {}): ScenarioResult {
  if (!doc.scenarios.some((s) => s.id === scenarioId)) return { ok: false, reason: 'not_found' };
  const problem = checkName(doc, name, scenarioId);
  if (problem) return { ok: false, reason: problem };
  const command: DocumentCommand = { type: 'scenario.rename', label: options.label ?? SCENARIO_LABELS.rename, scenarioId, name: name.trim() };
  return { ok: true, command, scenarioId: doc.activeScenarioId };
}

/** Deletes a scenario; the last one cannot go. Deleting the active one activates its neighbour (the next, else the previous). */
export function deleteScenario(doc: ParkDocument, scenarioId: string, options: { label?: string } = {}): ScenarioResult {
  const index = doc.scenarios.findIndex((s) => s.id === scenarioId);
  if (index < 0) return { ok: false, reason: 'not_found' };
  if (doc.scenarios.length === 1) return { ok: false, reason: 'last_scenario' };
  const label = options.label ?? SCENARIO_LABELS.delete;
  const commands: DocumentCommand[] = [];
  let activeScenarioId = doc.activeScenarioId;
  if (activeScenarioId === scenarioId) {
    activeScenarioId = doc.scenarios[index + 1 < doc.scenarios.length ? index + 1 : index - 1].id;
    commands.push({ type: 'scenario.activate', label, scenarioId: activeScenarioId });
  }
  commands.push({ type: 'scenario.remove', label, scenarioId });
  return { ok: true, command: { type: 'batch', label, commands }, scenarioId: activeScenarioId };
}

/** Switches the active scenario (saved in the file, so an undoable step). */
export function activateScenario(doc: ParkDocument, scenarioId: string, options: { label?: string } = {}): ScenarioResult {
  if (!doc.scenarios.some((s) => s.id === scenarioId)) return { ok: false, reason: 'not_found' };
  return { ok: true, command: { type: 'scenario.activate', label: options.label ?? SCENARIO_LABELS.switch, scenarioId }, scenarioId };
}
