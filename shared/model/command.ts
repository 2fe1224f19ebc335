import type { Id } from './ids';
import type { ParkFeature } from './feature';
import type { ParkDocument } from './document';

/**
 * An edit as data (DESIGN.md §2): put (insert or replace by id) and delete features of one
 * scenario. Applying a command returns the new document and the command that undoes it.
 */
export interface EditCommand {
  label: string;
  scenarioId: Id;
  put: ParkFeature[];
  delete: Id[];
  /**
   * Where inserted features go: after the feature with this id (null: first). Set by inverses
   * so that undoing a delete puts features back in their drawing order; absent: appended.
   */
  insertAfter?: Record<Id, Id | null>;
}

export interface AppliedCommand {
  document: ParkDocument;
  inverse: EditCommand;
}

/** Pure: the document is not mutated. Unknown ids in `delete` are ignored (and not inverted). */
export function applyCommand(doc: ParkDocument, command: EditCommand): AppliedCommand {
  const scenarioIndex = doc.scenarios.findIndex((s) => s.id === command.scenarioId);
  if (scenarioIndex < 0) throw new Error(`no scenario ${command.scenarioId}`);
  const scenario = doc.scenarios[scenarioIndex];
  const byId = new Map(scenario.features.map((f) => [f.id, f]));

  const inversePut: ParkFeature[] = [];
  const inverseDelete: Id[] = [];
  const insertAfter: Record<Id, Id | null> = {};
  const deleted = new Set<Id>();
  for (const id of command.delete) if (byId.has(id)) deleted.add(id);
  // Deleted features come back, on undo, after the feature that preceded them.
  scenario.features.forEach((f, index) => {
    if (!deleted.has(f.id)) return;
    inversePut.push(f);
    insertAfter[f.id] = index > 0 ? scenario.features[index - 1].id : null;
  });
  const replaced = new Map<Id, ParkFeature>();
  const added: ParkFeature[] = [];
  for (const f of command.put) {
    const existing = byId.get(f.id);
    if (existing && !deleted.has(f.id)) {
      inversePut.push(existing);
      replaced.set(f.id, f);
    } else {
      inverseDelete.push(f.id);
      added.push(f);
    }
  }
  let features = scenario.features.filter((f) => !deleted.has(f.id)).map((f) => replaced.get(f.id) ?? f);
  features = insertFeatures(features, added, command.insertAfter);
  const scenarios = doc.scenarios.slice();
  scenarios[scenarioIndex] = { ...scenario, features };
  return {
    document: { ...doc, scenarios },
    inverse: { label: command.label, scenarioId: command.scenarioId, put: inversePut, delete: inverseDelete, insertAfter },
  };
}

/** Inserts features at their recorded places (in the given order), appending the rest. */
function insertFeatures(features: ParkFeature[], added: ParkFeature[], insertAfter: Record<Id, Id | null> | undefined): ParkFeature[] {
  if (added.length === 0) return features;
  if (!insertAfter) return features.concat(added);
  const result = features.slice();
  for (const f of added) {
    const after = insertAfter[f.id];
    if (after === undefined) {
      result.push(f);
      continue;
    }
    const index = after === null ? -1 : result.findIndex((g) => g.id === after);
    if (after !== null && index < 0) result.push(f);
    else result.splice(index + 1, 0, f);
  }
  return result;
}
