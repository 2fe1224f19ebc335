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
  const deleted = new Set<Id>();
  for (const id of command.delete) {
    const existing = byId.get(id);
    if (existing) {
      inversePut.push(existing);
      deleted.add(id);
    }
  }
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
  const features = scenario.features
    .filter((f) => !deleted.has(f.id))
    .map((f) => replaced.get(f.id) ?? f)
    .concat(added);
  const scenarios = doc.scenarios.slice();
  scenarios[scenarioIndex] = { ...scenario, features };
  return {
    document: { ...doc, scenarios },
    inverse: { label: command.label, scenarioId: command.scenarioId, put: inversePut, delete: inverseDelete },
  };
}
