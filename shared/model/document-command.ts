import type { Id } from './ids';
import type { ParkDocument, Scenario } from './document';
import { applyCommand, type EditCommand } from './command';

/**
 * Every change of a document as data (DESIGN.md §2): features, scenarios, the active scenario
 * and settings (rule overrides, solar assumptions, overlays all live in `settings`). Applying
 * one returns the new document and the command that undoes it exactly — the undone document
 * saves to the same bytes, so key, scenario and feature order are restored too. The history
 * keeps only these inverses, never snapshots.
 */
export type DocumentCommand =
  | FeaturesCommand
  | ScenarioInsertCommand
  | ScenarioRemoveCommand
  | ScenarioRenameCommand
  | ScenarioActivateCommand
  | SettingsSetCommand
  | SettingsRemoveCommand
  | BatchCommand;

/** A feature edit (put/delete in one named scenario). */
export type FeaturesCommand = EditCommand & { type: 'features' };

/** Inserts a whole scenario at `index` (0..scenarios.length); its id must be new. */
export interface ScenarioInsertCommand {
  type: 'scenario.insert';
  label: string;
  scenario: Scenario;
  index: number;
}

/** Removes a scenario; never the active one (activate another first, in the same batch). */
export interface ScenarioRemoveCommand {
  type: 'scenario.remove';
  label: string;
  scenarioId: Id;
}

export interface ScenarioRenameCommand {
  type: 'scenario.rename';
  label: string;
  scenarioId: Id;
  name: string;
}

/**
 * Makes a scenario the active one. Part of the history because the active scenario is saved
 * in the file, and because feature commands name their scenario: undoing back through the
 * switches means an undone edit always happens in the scenario on screen.
 */
export interface ScenarioActivateCommand {
  type: 'scenario.activate';
  label: string;
  scenarioId: Id;
}

/**
 * Sets one settings key (JSON value). An existing key keeps its place; a new one goes at
 * `position` among the keys (set by inverses, so undoing a removal puts it back where it was,
 * since key order is the saved order) or last.
 */
export interface SettingsSetCommand {
  type: 'settings.set';
  label: string;
  key: string;
  value: unknown;
  position?: number;
}

/** Removes one settings key (the inverse of setting a key that was absent). */
export interface SettingsRemoveCommand {
  type: 'settings.remove';
  label: string;
  key: string;
}

/** Several commands as one undo step, applied in order (undone in reverse order). */
export interface BatchCommand {
  type: 'batch';
  label: string;
  commands: DocumentCommand[];
}

export interface AppliedDocumentCommand {
  document: ParkDocument;
  inverse: DocumentCommand;
}

/**
 * Pure and deterministic: the input document is never mutated and unchanged parts are shared.
 * Throws on a command that does not fit the document (unknown scenario, removing the active
 * one…) — a programmer error, since commands are built from the document they apply to.
 */
export function applyDocumentCommand(doc: ParkDocument, command: DocumentCommand): AppliedDocumentCommand {
  switch (command.type) {
    case 'features': {
      const result = applyCommand(doc, command);
      return { document: result.document, inverse: { type: 'features', ...result.inverse } };
    }
    case 'scenario.insert':
      return insertScenario(doc, command);
    case 'scenario.remove':
      return removeScenario(doc, command);
    case 'scenario.rename': {
      const index = scenarioIndex(doc, command.scenarioId);
      const scenarios = doc.scenarios.slice();
      scenarios[index] = { ...scenarios[index], name: command.name };
      const inverse: ScenarioRenameCommand = { ...command, name: doc.scenarios[index].name };
      return { document: { ...doc, scenarios }, inverse };
    }
    case 'scenario.activate':
      scenarioIndex(doc, command.scenarioId);
      return { document: { ...doc, activeScenarioId: command.scenarioId }, inverse: { ...command, scenarioId: doc.activeScenarioId } };
    case 'settings.set':
      return setSetting(doc, command);
    case 'settings.remove': {
      const keys = Object.keys(doc.settings);
      const position = keys.indexOf(command.key);
      if (position < 0) throw new Error(`no setting ${command.key}`);
      const settings = Object.fromEntries(Object.entries(doc.settings).filter(([key]) => key !== command.key));
      const inverse: SettingsSetCommand = { type: 'settings.set', label: command.label, key: command.key, value: doc.settings[command.key], position };
      return { document: { ...doc, settings }, inverse };
    }
    case 'batch': {
      let document = doc;
      const inverses: DocumentCommand[] = [];
      for (const part of command.commands) {
        const result = applyDocumentCommand(document, part);
        document = result.document;
        inverses.push(result.inverse);
      }
      return { document, inverse: { type: 'batch', label: command.label, commands: inverses.reverse() } };
    }
  }
}

function scenarioIndex(doc: ParkDocument, scenarioId: Id): number {
  const index = doc.scenarios.findIndex((s) => s.id === scenarioId);
  if (index < 0) throw new Error(`no scenario ${scenarioId}`);
  return index;
}

function insertScenario(doc: ParkDocument, command: ScenarioInsertCommand): AppliedDocumentCommand {
  if (doc.scenarios.some((s) => s.id === command.scenario.id)) throw new Error(`scenario ${command.scenario.id} exists`);
  if (!Number.isInteger(command.index) || command.index < 0 || command.index > doc.scenarios.length) throw new Error(`scenario index ${command.index} out of range`);
  const scenarios = doc.scenarios.slice();
  scenarios.splice(command.index, 0, command.scenario);
  return { document: { ...doc, scenarios }, inverse: { type: 'scenario.remove', label: command.label, scenarioId: command.scenario.id } };
}

function removeScenario(doc: ParkDocument, command: ScenarioRemoveCommand): AppliedDocumentCommand {
  const index = scenarioIndex(doc, command.scenarioId);
  // The document always has an active scenario: the caller activates another one first.
  if (doc.activeScenarioId === command.scenarioId) throw new Error('cannot remove the active scenario');
  const scenarios = doc.scenarios.filter((_, i) => i !== index);
  return { document: { ...doc, scenarios }, inverse: { type: 'scenario.insert', label: command.label, scenario: doc.scenarios[index], index } };
}

function setSetting(doc: ParkDocument, command: SettingsSetCommand): AppliedDocumentCommand {
  const { key, value, label } = command;
  if (Object.hasOwn(doc.settings, key)) {
    // Spreading keeps an existing key in its place.
    const inverse: SettingsSetCommand = { type: 'settings.set', label, key, value: doc.settings[key] };
    return { document: { ...doc, settings: { ...doc.settings, [key]: value } }, inverse };
  }
  const entries = Object.entries(doc.settings);
  const position = command.position === undefined ? entries.length : Math.max(0, Math.min(entries.length, command.position));
  entries.splice(position, 0, [key, value]);
  return { document: { ...doc, settings: Object.fromEntries(entries) }, inverse: { type: 'settings.remove', label, key } };
}
