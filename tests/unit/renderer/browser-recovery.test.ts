import { describe, expect, it } from 'vitest';
import { createBrowserRecovery, type RecoveryKv, type RecoveryRecord, type SessionLocks } from '../../../renderer/src/host/browser-recovery';
import { createEmptyDocument, type ParkDocument, type ParkFeature } from '../../../shared/model';
import type { OpenOutcome } from '../../../shared/host-api';

/** Browser-host recovery rules over an in-memory store and fake Web Locks (tabs sharing an origin). */

function origin() {
  // Keyed like IndexedDB by the record's own `id`, whatever its type (a malformed record may have any).
  const records = new Map<unknown, RecoveryRecord>();
  const held = new Set<string>();
  const kv: RecoveryKv = {
    put: async (r) => void records.set(r.id, r),
    get: async (id) => records.get(id),
    delete: async (id) => void records.delete(id),
    all: async () => [...records.values()],
  };
  /** One tab: its locks go away when it "crashes". */
  const tab = (name: string, clock = '2026-03-01T10:00:00.000Z') => {
    const mine = new Set<string>();
    const locks: SessionLocks = {
      async hold(lock) {
        if (held.has(lock)) return false;
        held.add(lock);
        mine.add(lock);
        return true;
      },
      held: async () => new Set(held),
    };
    let n = 0;
    const recovery = createBrowserRecovery({
      kv,
      locks,
      newId: () => `${name}-${++n}`,
      now: () => new Date(clock),
      appVersion: '0.1.0',
      encode: async (doc) => new TextEncoder().encode(JSON.stringify(doc)),
      decode: async (bytes, fileName): Promise<OpenOutcome> => {
        try {
          return { ok: true, document: JSON.parse(new TextDecoder().decode(bytes)) as ParkDocument, fileName };
        } catch {
          return { ok: false, reason: 'corrupt', detail: 'unreadable', fileName };
        }
      },
    });
    const crash = () => mine.forEach((l) => held.delete(l));
    return { recovery, crash };
  };
  return { records, tab };
}

const doc = (name: string) => createEmptyDocument(name, { now: '2026-01-01T00:00:00Z' });

describe('browser recovery', () => {
  it('a live tab’s snapshot is not offered; after the tab crashed it is, with its details', async () => {
    const o = origin();
    const a = o.tab('a');
    expect(await a.recovery.write(doc('Work in A'), 'park.gpkg')).toMatchObject({ ok: true });
    const b = o.tab('b');
    expect(await b.recovery.list()).toEqual([]);
    a.crash();
    const offered = await b.recovery.list();
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({ id: 'a-1', fileName: 'park.gpkg', filePath: null, projectName: 'Work in A', savedAt: '2026-03-01T10:00:00.000Z', appVersion: '0.1.0' });
    expect(offered[0].bytes).toBe(o.records.get('a-1')!.bytes.byteLength);
  });

  it('recovering adopts the snapshot: later autosaves replace it, clearing deletes it', async () => {
    const o = origin();
    const a = o.tab('a');
    await a.recovery.write(doc('Lost work'), null);
    a.crash();
    const b = o.tab('b');
    await b.recovery.write(doc('B before recovering'), null);
    const outcome = await b.recovery.recover('a-1');
    expect(outcome.ok && outcome.document.project.name).toBe('Lost work');
    // B's own earlier snapshot went (the user chose to replace that work); the adopted one stays.
    expect([...o.records.keys()]).toEqual(['a-1']);
    await b.recovery.write(doc('Lost work, edited'), null);
    expect(o.records.get('a-1')!.projectName).toBe('Lost work, edited');
    // A third tab does not see it: B holds it now.
    expect(await o.tab('c').recovery.list()).toEqual([]);
    await b.recovery.clear();
    expect(o.records.size).toBe(0);
  });

  it('two tabs cannot both recover the same snapshot', async () => {
    const o = origin();
    const a = o.tab('a');
    await a.recovery.write(doc('Once'), null);
    a.crash();
    const [b, c] = [o.tab('b'), o.tab('c')];
    expect((await b.recovery.recover('a-1')).ok).toBe(true);
    expect(await c.recovery.recover('a-1')).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it('a damaged snapshot is refused with a message and kept; discard deletes it', async () => {
    const o = origin();
    const a = o.tab('a');
    await a.recovery.write(doc('x'), null);
    a.crash();
    o.records.get('a-1')!.bytes = new TextEncoder().encode('{ torn');
    const b = o.tab('b');
    expect(await b.recovery.recover('a-1')).toEqual({ ok: false, reason: 'corrupt', detail: 'unreadable' });
    expect(o.records.has('a-1')).toBe(true);
    await b.recovery.discard('a-1');
    expect(o.records.has('a-1')).toBe(false);
  });

  it('cannot discard or recover a live tab’s snapshot or an unknown id', async () => {
    const o = origin();
    const a = o.tab('a');
    await a.recovery.write(doc('alive'), null);
    const b = o.tab('b');
    await b.recovery.discard('a-1');
    expect(o.records.has('a-1')).toBe(true);
    expect(await b.recovery.recover('a-1')).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await b.recovery.recover('nope')).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it('a clear queued behind a write leaves nothing', async () => {
    const o = origin();
    const a = o.tab('a');
    const writing = a.recovery.write(doc('late'), null);
    const clearing = a.recovery.clear();
    await Promise.all([writing, clearing]);
    expect(o.records.size).toBe(0);
  });

  it('each record is checked on its own: malformed ones are listed as damaged, the good ones still offered (finding 14)', async () => {
    const o = origin();
    const older = o.tab('a', '2026-03-01T09:00:00.000Z');
    await older.recovery.write(doc('Older work'), null);
    older.crash();
    const newer = o.tab('n', '2026-03-01T09:30:00.000Z');
    await newer.recovery.write(doc('Newer work'), 'park.gpkg');
    newer.crash();
    const good = o.records.get('n-1')!;
    // Malformed as another version, an extension or a torn write could leave them.
    const { savedAt: _dropped, ...noDate } = good;
    const malformed: Record<string, unknown>[] = [
      { ...noDate, id: 'no-date' },
      { ...good, id: 'bad-date', savedAt: 'yesterday' },
      { ...good, id: 'no-bytes', bytes: 'not bytes' },
      { ...good, id: 42 },
    ];
    for (const record of malformed) o.records.set(record.id, record as unknown as RecoveryRecord);
    const b = o.tab('b');
    const offered = await b.recovery.list();
    expect(offered.map((e) => [e.id, e.damagedField])).toEqual([
      ['n-1', undefined],
      ['a-1', undefined],
      ['no-date', 'savedAt'],
      ['bad-date', 'savedAt'],
      ['no-bytes', 'bytes'],
      ['42', 'id'],
    ]);
    // A damaged copy cannot be recovered and says why; it stays until discarded.
    expect(await b.recovery.recover('no-date')).toEqual({ ok: false, reason: 'corrupt', detail: 'This recovery copy is damaged (its “savedAt” is missing or wrong).' });
    expect(o.records.has('no-date')).toBe(true);
    await b.recovery.discard('no-date');
    await b.recovery.discard('42');
    expect(o.records.has('no-date')).toBe(false);
    expect(o.records.has(42)).toBe(false);
    // The good ones recover as before.
    const outcome = await b.recovery.recover('a-1');
    expect(outcome.ok && outcome.document.project.name).toBe('Older work');
  });

  it('a copy tells what distinguishes it: features of the active scenario and its name (finding 15)', async () => {
    const o = origin();
    const base = doc('Same park');
    const withFeatures = (scenarioName: string, count: number): ParkDocument => ({
      ...base,
      scenarios: [{ ...base.scenarios[0], name: scenarioName, features: Array.from({ length: count }, (_, i) => ({ id: `f${i}` }) as unknown as ParkFeature) }],
    });
    const a = o.tab('a');
    await a.recovery.write(withFeatures('A', 3), 'park.gpkg');
    a.crash();
    const c = o.tab('c');
    await c.recovery.write(withFeatures('Option B', 5), 'park.gpkg');
    c.crash();
    const offered = await o.tab('b').recovery.list();
    expect(offered.map((e) => [e.id, e.projectName, e.featureCount, e.scenarioName])).toEqual(
      expect.arrayContaining([
        ['a-1', 'Same park', 3, 'A'],
        ['c-1', 'Same park', 5, 'Option B'],
      ]),
    );
  });
});
