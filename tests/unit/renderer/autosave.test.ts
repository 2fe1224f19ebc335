import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, type AutosaveDeps, type AutosaveView } from '../../../renderer/src/recovery/autosave';
import { createEmptyDocument, type ParkDocument } from '../../../shared/model';

/** The autosave scheduler with fake timers: when snapshots are written and when they go. */

const doc = (name: string): ParkDocument => createEmptyDocument(name, { now: '2026-01-01T00:00:00Z' });

function harness(options: { interval?: number; enabled?: boolean; failWrites?: boolean; settle?: number } = {}) {
  const view: AutosaveView = { document: doc('Park'), fileName: 'park.gpkg', revision: 1, dirty: false };
  const settings = { enabled: options.enabled ?? true, intervalSeconds: options.interval ?? 30, ...(options.settle === undefined ? {} : { settleSeconds: options.settle }) };
  const log: string[] = [];
  const errors: string[] = [];
  let failWrites = options.failWrites ?? false;
  const deps: AutosaveDeps = {
    read: () => ({ ...view }),
    settings: () => ({ ...settings }),
    async write(document, fileName) {
      log.push(`write r${view.revision} ${document.project.name} ${fileName}`);
      return failWrites ? { ok: false, detail: 'disk full' } : { ok: true, bytes: 100 };
    },
    async clear() {
      log.push('clear');
    },
    onError: (detail) => errors.push(detail),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const autosave = createAutosave(deps);
  /** A user edit: new revision, dirty. */
  const edit = () => {
    view.revision += 1;
    view.dirty = true;
    autosave.documentChanged();
  };
  const save = () => {
    view.dirty = false;
    autosave.documentChanged();
  };
  const tick = async (seconds: number) => {
    await vi.advanceTimersByTimeAsync(seconds * 1000);
    await autosave.idle();
  };
  return { view, settings, log, errors, autosave, edit, save, tick, setFailWrites: (v: boolean) => (failWrites = v) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('writes the first snapshot one interval after the first unsaved change, not before', async () => {
    const h = harness({ interval: 30 });
    h.edit();
    await h.tick(29.9);
    expect(h.log).toEqual([]);
    await h.tick(0.1);
    expect(h.log).toEqual(['write r2 Park park.gpkg']);
  });

  it('writes nothing while the document is clean, however long', async () => {
    const h = harness();
    h.autosave.documentChanged();
    await h.tick(600);
    expect(h.log).toEqual([]);
  });

  it('writes again only when the revision moved since the last snapshot', async () => {
    const h = harness({ interval: 10 });
    h.edit();
    await h.tick(10);
    await h.tick(60);
    expect(h.log).toEqual(['write r2 Park park.gpkg']);
    h.edit();
    h.edit();
    await h.tick(10);
    expect(h.log).toEqual(['write r2 Park park.gpkg', 'write r4 Park park.gpkg']);
    expect(h.autosave.snapshotRevision).toBe(4);
  });

  it('deletes the snapshot when the work is saved (or discarded), and not again after', async () => {
    const h = harness({ interval: 10 });
    h.edit();
    await h.tick(10);
    h.save();
    await h.tick(0);
    expect(h.log).toEqual(['write r2 Park park.gpkg', 'clear']);
    expect(h.autosave.snapshotRevision).toBeNull();
    h.autosave.documentChanged();
    await h.tick(30);
    expect(h.log).toHaveLength(2);
  });

  it('a save before the first interval cancels the pending snapshot and deletes nothing', async () => {
    const h = harness({ interval: 30 });
    h.edit();
    await h.tick(5);
    h.save();
    await h.tick(60);
    expect(h.log).toEqual([]);
  });

  it('a save that lands while a snapshot is being written still ends with no snapshot', async () => {
    const h = harness({ interval: 10 });
    h.edit();
    await vi.advanceTimersByTimeAsync(10_000); // the write starts
    h.save(); // the user saves meanwhile
    await h.autosave.idle();
    expect(h.log).toEqual(['write r2 Park park.gpkg', 'clear']);
  });

  it('closing the project (no document) deletes the snapshot', async () => {
    const h = harness({ interval: 10 });
    h.edit();
    await h.tick(10);
    h.view.document = null;
    h.view.dirty = false;
    h.autosave.documentChanged();
    await h.tick(0);
    expect(h.log.at(-1)).toBe('clear');
  });

  it('follows the settings: disabled writes nothing; a new interval applies', async () => {
    const h = harness({ interval: 30, enabled: false });
    h.edit();
    await h.tick(120);
    expect(h.log).toEqual([]);
    h.settings.enabled = true;
    h.settings.intervalSeconds = 10;
    h.autosave.settingsChanged();
    await h.tick(10);
    expect(h.log).toEqual(['write r2 Park park.gpkg']);
  });

  it('reports a failing snapshot once, and again only after one succeeded', async () => {
    const h = harness({ interval: 10, failWrites: true });
    h.edit();
    await h.tick(10);
    h.edit();
    await h.tick(10);
    expect(h.errors).toEqual(['disk full']);
    h.setFailWrites(false);
    h.edit();
    await h.tick(10);
    h.setFailWrites(true);
    h.edit();
    await h.tick(10);
    expect(h.errors).toEqual(['disk full', 'disk full']);
  });

  it('flush() writes a due snapshot at once (page hidden)', async () => {
    const h = harness({ interval: 30 });
    h.edit();
    await h.autosave.flush();
    expect(h.log).toEqual(['write r2 Park park.gpkg']);
    await h.tick(30);
    expect(h.log).toHaveLength(1);
  });

  it('an adopted (recovered) snapshot is not rewritten until the next edit, and is deleted on save', async () => {
    const h = harness({ interval: 10 });
    h.view.revision = 7;
    h.view.dirty = true;
    h.autosave.documentChanged();
    h.autosave.adopted();
    await h.tick(30);
    expect(h.log).toEqual([]);
    h.save();
    await h.tick(0);
    expect(h.log).toEqual(['clear']);
  });

  // Finding 13 (issue 11): a browser tab closed, reloaded or crashed has no chance to write, so
  // the copy must already be there a couple of seconds after the user stops editing.
  it('with settleSeconds, writes once the document has been still that long, well before the interval', async () => {
    const h = harness({ interval: 30, settle: 2 });
    h.edit();
    await h.tick(1.9);
    expect(h.log).toEqual([]);
    await h.tick(0.1);
    expect(h.log).toEqual(['write r2 Park park.gpkg']);
    // Nothing more to write: the interval that was pending writes nothing.
    await h.tick(60);
    expect(h.log).toHaveLength(1);
    // Each new burst of edits is stored 2 s after its last edit.
    h.edit();
    await h.tick(1);
    h.edit();
    await h.tick(1.9);
    expect(h.log).toHaveLength(1);
    await h.tick(0.1);
    expect(h.log).toEqual(['write r2 Park park.gpkg', 'write r4 Park park.gpkg']);
  });

  it('with settleSeconds, uninterrupted editing is still stored at the interval', async () => {
    const h = harness({ interval: 10, settle: 2 });
    for (let second = 0; second < 12; second += 1) {
      h.edit();
      await h.tick(1);
    }
    // Edits at 0, 1, … 11 s: never 2 s of calm, so the interval wrote at 10 s (revision of the edit at 9 s).
    expect(h.log).toEqual(['write r11 Park park.gpkg']);
    await h.tick(2);
    expect(h.log).toEqual(['write r11 Park park.gpkg', 'write r13 Park park.gpkg']);
  });

  it('with settleSeconds, a save before the document settles writes nothing', async () => {
    const h = harness({ interval: 30, settle: 2 });
    h.edit();
    await h.tick(1);
    h.save();
    await h.tick(60);
    expect(h.log).toEqual([]);
  });
});
