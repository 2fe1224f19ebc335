import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import {
  activateScenario,
  applyDocumentCommand,
  createEmptyDocument,
  createScenario,
  deleteScenario,
  duplicateScenario,
  renameScenario,
  type DocumentCommand,
  type ParkDocument,
  type ParkFeature,
} from '../../../shared/model';
import { readRuleSettings, withThresholdOverride } from '../../../shared/analysis';
import { DEFAULT_SOLAR_SETTINGS, readSolarSettings } from '../../../shared/solar';
import { OVERLAYS_SETTINGS_KEY, readOverlays, type Overlay } from '../../../shared/overlay';
import { writeProject } from '../../../shared/project-file';
import { HISTORY_LIMIT, useDocumentStore } from '../../../renderer/src/state/document-store';
import { seededRandom } from '../../helpers/seeded-random';
import { loadSqlJs } from '../../helpers/sqljs';

/**
 * Property: any sequence of document commands, of every kind, undone in reverse order gives
 * back the starting document — deep-equal, in the same key order, and saving to the same
 * GeoPackage bytes — and redone gives back the final one. writeProject is deterministic (its
 * timestamps come from project.modifiedAt, which no command touches), so equal bytes mean the
 * saved files are identical.
 */

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await loadSqlJs();
});

const KINDS = [
  'feature.add',
  'feature.delete',
  'feature.modify',
  'feature.mixed',
  'scenario.create',
  'scenario.duplicate',
  'scenario.rename',
  'scenario.delete',
  'scenario.activate',
  'settings.rules',
  'settings.solar',
  'settings.overlay',
  'settings.other',
  'settings.remove',
  'batch',
] as const;
type Kind = (typeof KINDS)[number];

/** A random command generator over the document it is given, with its own counters for fresh ids and names. */
function commandGenerator(seed: number) {
  const random = seededRandom(seed);
  let serial = 0;
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)];
  const fresh = (prefix: string) => `${prefix}-${++serial}`;
  const coordinate = () => Math.round((106 + random() * 0.05) * 1e7) / 1e7;

  function feature(id: string): ParkFeature {
    if (random() < 0.5) return { id, kind: 'point', name: fresh('point'), geometry: { type: 'Point', coordinates: [coordinate(), 21.1] } };
    const x = coordinate();
    const y = 21 + int(100) * 1e-4;
    return {
      id,
      kind: 'landuse',
      landUse: pick(['industrial', 'green', 'traffic', 'water'] as const),
      geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] },
    };
  }

  function someIds(features: ParkFeature[]): string[] {
    return features.filter(() => random() < 0.3).map((f) => f.id);
  }

  function overlay(): Overlay {
    const x = coordinate();
    return {
      id: fresh('overlay'),
      name: fresh('image'),
      mimeType: 'image/png',
      dataBase64: 'iVBORw0KGgo=',
      widthPx: 1 + int(4000),
      heightPx: 1 + int(4000),
      corners: [[x, 21.01], [x + 0.01, 21.01], [x + 0.01, 21], [x, 21]],
      opacity: int(101) / 100,
      visible: random() < 0.5,
    };
  }

  /** One command of `kind` valid for `doc`, or null when the document does not allow it (deleting the last scenario…). */
  function make(doc: ParkDocument, kind: Kind): DocumentCommand | null {
    const scenario = pick(doc.scenarios);
    const label = kind;
    switch (kind) {
      case 'feature.add':
        return { type: 'features', label, scenarioId: scenario.id, put: Array.from({ length: 1 + int(3) }, () => feature(fresh('f'))), delete: [] };
      case 'feature.delete':
        return scenario.features.length === 0 ? null : { type: 'features', label, scenarioId: scenario.id, put: [], delete: [...someIds(scenario.features), pick(scenario.features).id] };
      case 'feature.modify': {
        if (scenario.features.length === 0) return null;
        const target = pick(scenario.features);
        return { type: 'features', label, scenarioId: scenario.id, put: [{ ...feature(target.id), name: fresh('renamed') }], delete: [] };
      }
      case 'feature.mixed': {
        const deleted = someIds(scenario.features);
        const kept = scenario.features.filter((f) => !deleted.includes(f.id));
        const modified = kept.filter(() => random() < 0.2).map((f) => ({ ...f, name: fresh('edited') }));
        return { type: 'features', label, scenarioId: scenario.id, put: [...modified, feature(fresh('f'))], delete: [...deleted, 'no-such-feature'] };
      }
      case 'scenario.create':
        return doc.scenarios.length >= 6 ? null : commandOf(createScenario(doc, fresh('S'), { id: fresh('s'), empty: random() < 0.3 }));
      case 'scenario.duplicate':
        return doc.scenarios.length >= 6 ? null : commandOf(duplicateScenario(doc, scenario.id, fresh('Copy'), { id: fresh('s') }));
      case 'scenario.rename':
        return commandOf(renameScenario(doc, scenario.id, fresh('Name')));
      case 'scenario.delete':
        return commandOf(deleteScenario(doc, scenario.id));
      case 'scenario.activate':
        return scenario.id === doc.activeScenarioId ? null : commandOf(activateScenario(doc, scenario.id));
      case 'settings.rules': {
        const rule = pick(['eip.park.green-target', 'eip.park.unassigned-max', 'eip.park.infrastructure-share']);
        const settings = readRuleSettings(doc).settings;
        const value = random() < 0.25 ? undefined : int(1000) / 1000;
        return { type: 'settings.set', label, key: 'rules', value: random() < 0.2 ? { ...settings, storeyHeightM: 3 + int(20) / 10 } : withThresholdOverride(settings, rule, value) };
      }
      case 'settings.solar': {
        const solar = random() < 0.1 ? DEFAULT_SOLAR_SETTINGS : { ...readSolarSettings(doc.settings), albedo: int(100) / 100, tariffVndPerKwh: 1000 + int(2000) };
        return { type: 'settings.set', label, key: 'solar', value: solar };
      }
      case 'settings.overlay': {
        const list = readOverlays(doc.settings);
        const roll = random();
        const next =
          roll < 0.4 || list.length === 0
            ? [...list, overlay()]
            : roll < 0.7
              ? list.filter((o) => o.id !== pick(list).id)
              : list.map((o, i) => (i === int(list.length) ? { ...o, opacity: int(101) / 100, visible: !o.visible } : o));
        return { type: 'settings.set', label, key: OVERLAYS_SETTINGS_KEY, value: next };
      }
      case 'settings.other':
        return { type: 'settings.set', label, key: `key${int(6)}`, value: random() < 0.5 ? int(1000) : { list: [fresh('v'), random() < 0.5], nested: { n: int(10) } } };
      case 'settings.remove': {
        const keys = Object.keys(doc.settings);
        return keys.length === 0 ? null : { type: 'settings.remove', label, key: pick(keys) };
      }
      case 'batch': {
        // Parts are built against the document as it will be when each applies.
        const commands: DocumentCommand[] = [];
        let current = doc;
        for (let i = 0; i < 2 + int(3); i++) {
          const part = make(current, pick(KINDS.filter((k) => k !== 'batch')));
          if (!part) continue;
          commands.push(part);
          current = applyDocumentCommand(current, part).document;
        }
        return commands.length === 0 ? null : { type: 'batch', label, commands };
      }
    }
  }

  /** A random command of any kind, with the kind it was drawn as. */
  function next(doc: ParkDocument): { kind: Kind; command: DocumentCommand } {
    for (;;) {
      const kind = pick(KINDS);
      const command = make(doc, kind);
      if (command) return { kind, command };
    }
  }
  return { next };
}

function commandOf(result: ReturnType<typeof createScenario>): DocumentCommand | null {
  return result.ok ? result.command : null;
}

function startDocument(): ParkDocument {
  const doc = createEmptyDocument('Random park', { now: '2026-01-01T00:00:00Z' });
  // Keys the generator never sets: removing one and undoing must put it back in its place.
  doc.settings = { first: 'kept in place', rules: { overrides: { 'eip.park.green-target': { threshold: 0.15 } } }, middle: [1, 2], key0: 0, last: null };
  return doc;
}

/** The two documents save to the same bytes (compared as one buffer: element-wise deep equality is slow). */
function expectSameFile(actual: ParkDocument, expected: ParkDocument): void {
  const a = writeProject(SQL, actual);
  const b = writeProject(SQL, expected);
  expect(a.length).toBeGreaterThan(0);
  expect(Buffer.compare(a, b)).toBe(0);
}

/** Deep equality that also sees key order (the saved order of settings). */
const json = (doc: ParkDocument) => JSON.stringify(doc);

describe('one history: random sequences of every command kind', () => {
  it('undoes 10,000 commands back to the start and redoes them to the end, byte for byte when saved', () => {
    const COUNT = 10_000;
    const start = startDocument();
    const generator = commandGenerator(20260112);
    const counts = new Map<Kind, number>();
    const undo: DocumentCommand[] = [];
    let doc = start;
    for (let i = 0; i < COUNT; i++) {
      const { kind, command } = generator.next(doc);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      // Never mutates its input (checked on a sample of steps: serialising every one is slow).
      const before = i % 50 === 0 ? json(doc) : null;
      const applied = applyDocumentCommand(doc, command);
      if (before !== null) expect(json(doc)).toBe(before);
      doc = applied.document;
      undo.push(applied.inverse);
    }
    const end = doc;
    for (const kind of KINDS) expect(counts.get(kind) ?? 0, kind).toBeGreaterThan(200);
    // The sequence really changed the document in every respect the history must restore.
    expect(end.scenarios.map((s) => s.id)).not.toEqual(start.scenarios.map((s) => s.id));
    expect(end.settings).not.toEqual(start.settings);

    const redo: DocumentCommand[] = [];
    while (undo.length > 0) {
      const applied = applyDocumentCommand(doc, undo.pop()!);
      doc = applied.document;
      redo.push(applied.inverse);
    }
    expect(doc).toEqual(start);
    expect(json(doc)).toBe(json(start));
    expectSameFile(doc, start);

    while (redo.length > 0) doc = applyDocumentCommand(doc, redo.pop()!).document;
    expect(doc).toEqual(end);
    expect(json(doc)).toBe(json(end));
    expectSameFile(doc, end);
  });

  it('through the document store: undo all, redo all, within the history limit', () => {
    const count = HISTORY_LIMIT - 10;
    const start = startDocument();
    const store = () => useDocumentStore.getState();
    store().load(start, 'random.gpkg');
    const generator = commandGenerator(7);
    for (let i = 0; i < count; i++) store().execute(generator.next(store().document!).command);
    const end = store().document!;
    expect(store().undoStack).toHaveLength(count);
    while (store().undoStack.length > 0) store().undo();
    expect(json(store().document!)).toBe(json(start));
    expectSameFile(store().document!, start);
    while (store().redoStack.length > 0) store().redo();
    expect(json(store().document!)).toBe(json(end));
  });
});
