import type { RecoveryWriteOutcome } from '../../../shared/host-api';
import type { ParkDocument } from '../../../shared/model';

/**
 * The autosave scheduler: keeps a recovery snapshot of unsaved work, written by the host
 * outside the user's file. Rules (docs/never-losing-work.md):
 * - a snapshot is written `intervalSeconds` after the first change not yet in a snapshot, and
 *   only when the document's revision moved since the last one;
 * - with `settleSeconds` (the browser host), also as soon as the document has not changed for
 *   that long: a tab can be closed, reloaded or crash without any chance to write, so the work
 *   must already be stored; waiting for a pause keeps the copy off the user's busy moments;
 * - whenever the document becomes clean (saved, reverted, a file opened, New, Close) the
 *   snapshot is deleted: a clean document has nothing to recover;
 * - writes and deletions run one at a time, in order, so a late write can never resurrect a
 *   snapshot that a save already removed.
 * Everything it touches is injected, so it is unit-tested with fake timers.
 */

export interface AutosaveView {
  document: ParkDocument | null;
  fileName: string | null;
  revision: number;
  dirty: boolean;
}

export interface AutosaveDeps {
  read(): AutosaveView;
  settings(): { enabled: boolean; intervalSeconds: number; settleSeconds?: number };
  write(document: ParkDocument, fileName: string | null): Promise<RecoveryWriteOutcome>;
  clear(): Promise<void>;
  /** A failed snapshot; reported once until a later one succeeds. */
  onError(detail: string): void;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface Autosave {
  /** Call on every document change. */
  documentChanged(): void;
  /** Settings changed: re-arm with the new interval, or stop when disabled. */
  settingsChanged(): void;
  /** Writes a snapshot now if one is due (page being hidden, tests). */
  flush(): Promise<void>;
  /** The host adopted a recovered snapshot that equals the current document. */
  adopted(): void;
  /** Resolves when queued writes and deletions have finished. */
  idle(): Promise<void>;
  stop(): void;
  /** Revision of the last snapshot written, or null when none exists. */
  readonly snapshotRevision: number | null;
}

export function createAutosave(deps: AutosaveDeps): Autosave {
  let timer: unknown = null;
  /** The "document has settled" timer, restarted by every change (only with settleSeconds). */
  let settleTimer: unknown = null;
  let snapshotRevision: number | null = null;
  let snapshotExists = false;
  let wasDirty = deps.read().dirty;
  let failing = false;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (task: () => Promise<void>): Promise<void> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const disarm = () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    if (settleTimer !== null) deps.clearTimer(settleTimer);
    settleTimer = null;
  };

  const due = (): boolean => {
    const view = deps.read();
    return deps.settings().enabled && view.document !== null && view.dirty && view.revision !== snapshotRevision;
  };

  const arm = () => {
    if (timer !== null || !due()) return;
    timer = deps.setTimer(() => {
      timer = null;
      void flush();
    }, Math.max(1, deps.settings().intervalSeconds) * 1000);
  };

  const armSettle = () => {
    const { settleSeconds } = deps.settings();
    if (settleSeconds === undefined) return;
    if (settleTimer !== null) deps.clearTimer(settleTimer);
    settleTimer = null;
    if (!due()) return;
    settleTimer = deps.setTimer(() => {
      settleTimer = null;
      void flush();
    }, Math.max(0.1, settleSeconds) * 1000);
  };

  function flush(): Promise<void> {
    return serial(async () => {
      // Re-read at run time: the document may have been saved while this waited in the queue.
      if (!due()) return;
      const view = deps.read();
      if (!view.document) return;
      const outcome = await deps.write(view.document, view.fileName).catch((error: unknown) => ({ ok: false as const, detail: String(error) }));
      if (outcome.ok) {
        snapshotRevision = view.revision;
        snapshotExists = true;
        failing = false;
      } else if (!failing) {
        failing = true;
        deps.onError(outcome.detail);
      }
    }).then(() => {
      // Written up to date: the pending interval has nothing left to write.
      if (!due()) disarm();
      else arm();
    });
  }

  const clearSnapshot = () =>
    serial(async () => {
      if (!snapshotExists && snapshotRevision === null) return;
      await deps.clear();
      snapshotExists = false;
      snapshotRevision = null;
    });

  return {
    documentChanged() {
      const dirty = deps.read().dirty;
      if (!dirty) {
        disarm();
        if (wasDirty) void clearSnapshot();
      } else {
        arm();
        armSettle();
      }
      wasDirty = dirty;
    },
    settingsChanged() {
      disarm();
      arm();
    },
    flush,
    adopted() {
      snapshotExists = true;
      snapshotRevision = deps.read().revision;
      wasDirty = deps.read().dirty;
    },
    async idle() {
      await queue;
    },
    stop() {
      disarm();
    },
    get snapshotRevision() {
      return snapshotRevision;
    },
  };
}
