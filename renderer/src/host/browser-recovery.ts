import type { OpenOutcome, RecoverOutcome, RecoveryEntry, RecoveryWriteOutcome } from '../../../shared/host-api';
import type { ParkDocument } from '../../../shared/model';

/**
 * Recovery snapshots in the browser host: one IndexedDB record per page session, never touching
 * the user's file. A session proves it is alive by holding a Web Lock named after its id for its
 * whole life; the browser releases the lock when the tab closes or crashes, so a snapshot whose
 * lock is free is left-over work to offer. Storage and locks are injected, so the rules are
 * unit-tested without a browser (tests/unit/renderer/browser-recovery.test.ts).
 */

export interface RecoveryRecord {
  id: string;
  fileName: string | null;
  projectName: string;
  savedAt: string;
  appVersion: string;
  /** The project in the same GeoPackage format as a saved file. */
  bytes: Uint8Array;
}

export interface RecoveryKv {
  put(record: RecoveryRecord): Promise<void>;
  get(id: string): Promise<RecoveryRecord | undefined>;
  delete(id: string): Promise<void>;
  all(): Promise<RecoveryRecord[]>;
}

/** The part of the Web Locks API used here (navigator.locks). */
export interface SessionLocks {
  /** Holds `name` until the page goes; resolves true once held, false when someone else holds it. */
  hold(name: string): Promise<boolean>;
  /** Names currently held by any live page of this origin; null when the browser cannot tell. */
  held(): Promise<Set<string> | null>;
}

export interface BrowserRecoveryDeps {
  kv: RecoveryKv;
  locks: SessionLocks;
  newId: () => string;
  now: () => Date;
  appVersion: string;
  encode: (document: ParkDocument) => Promise<Uint8Array>;
  decode: (bytes: Uint8Array, fileName: string) => Promise<OpenOutcome>;
}

const LOCK_PREFIX = 'ecopark-session:';

export function createBrowserRecovery(deps: BrowserRecoveryDeps) {
  /** This page's snapshot id; replaced when it adopts a recovered one. */
  let ownId = deps.newId();
  const owned = new Set<string>();
  // Holding the lock is what marks the snapshot as "not left over"; start at once.
  const ready = deps.locks.hold(LOCK_PREFIX + ownId).then((held) => {
    if (held) owned.add(ownId);
  });
  // One queue, so a clear issued after a write can never be overtaken by it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const toEntry = (r: RecoveryRecord): RecoveryEntry => ({
    id: r.id,
    fileName: r.fileName,
    filePath: null,
    projectName: r.projectName,
    savedAt: r.savedAt,
    appVersion: r.appVersion,
    bytes: r.bytes.byteLength,
  });

  async function leftOver(): Promise<RecoveryRecord[]> {
    await ready;
    const live = await deps.locks.held();
    const records = await deps.kv.all();
    // Without lock information every other session's snapshot is offered: better an extra
    // question than silently losing work.
    return records.filter((r) => !owned.has(r.id) && !(live?.has(LOCK_PREFIX + r.id) ?? false)).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  return {
    get sessionId() {
      return ownId;
    },

    write(document: ParkDocument, fileName: string | null): Promise<RecoveryWriteOutcome> {
      return serial(async () => {
        try {
          const bytes = await deps.encode(document);
          await deps.kv.put({ id: ownId, fileName, projectName: document.project.name, savedAt: deps.now().toISOString(), appVersion: deps.appVersion, bytes });
          return { ok: true, bytes: bytes.byteLength } as const;
        } catch (error) {
          return { ok: false, detail: `The recovery copy could not be written (${error instanceof Error ? error.message : String(error)}).` } as const;
        }
      });
    },

    clear(): Promise<void> {
      return serial(() => deps.kv.delete(ownId));
    },

    async list(): Promise<RecoveryEntry[]> {
      return (await leftOver()).map(toEntry);
    },

    recover(id: string): Promise<RecoverOutcome> {
      return serial(async (): Promise<RecoverOutcome> => {
        const notFound: RecoverOutcome = { ok: false, reason: 'not_found', detail: 'This recovery copy no longer exists.' };
        const record = (await leftOver()).find((r) => r.id === id);
        if (!record) return notFound;
        const outcome = await deps.decode(record.bytes, record.fileName ?? 'recovered.gpkg');
        // A damaged snapshot stays stored; only Discard deletes it.
        if (!outcome.ok) {
          const detail = 'detail' in outcome ? outcome.detail : 'The recovery copy could not be read.';
          const reason = outcome.reason === 'cancelled' || outcome.reason === 'already_open' ? 'corrupt' : outcome.reason;
          return { ok: false, reason, detail };
        }
        // Another tab may be recovering the same snapshot: whoever holds its lock owns it.
        if (!(await deps.locks.hold(LOCK_PREFIX + id))) return notFound;
        owned.add(id);
        if (ownId !== id) await deps.kv.delete(ownId);
        ownId = id;
        return { ok: true, document: outcome.document, entry: toEntry(record) };
      });
    },

    async discard(id: string): Promise<void> {
      const record = (await leftOver()).find((r) => r.id === id);
      if (record) await serial(() => deps.kv.delete(id));
    },
  };
}

export type BrowserRecovery = ReturnType<typeof createBrowserRecovery>;

const DB_NAME = 'ecopark-recovery';
const STORE = 'snapshots';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** IndexedDB of this origin; the database is opened on first use. */
export function createIndexedDbKv(factory: IDBFactory = indexedDB): RecoveryKv {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
    });
    return db;
  };
  const run = async <T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await open()).transaction(STORE, mode);
    // Resolve only once the transaction committed: a write reported done must survive a crash.
    const committed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    committed.catch(() => undefined); // a failed request already reports the error below
    const result = await request(body(tx.objectStore(STORE)));
    await committed;
    return result;
  };
  return {
    put: async (record) => void (await run('readwrite', (s) => s.put(record))),
    get: (id) => run('readonly', (s) => s.get(id) as IDBRequest<RecoveryRecord | undefined>),
    delete: async (id) => void (await run('readwrite', (s) => s.delete(id))),
    all: () => run('readonly', (s) => s.getAll() as IDBRequest<RecoveryRecord[]>),
  };
}

/** navigator.locks where the browser has it; otherwise nothing is known to be alive. */
export function createWebLocks(): SessionLocks {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return {
    hold(name) {
      if (!locks) return Promise.resolve(true);
      return new Promise((resolve) => {
        void locks
          .request(name, { ifAvailable: true }, (lock) => {
            resolve(lock !== null);
            // Never settles: the lock is held until the page is gone.
            return lock ? new Promise<void>(() => undefined) : undefined;
          })
          .catch(() => resolve(false));
      });
    },
    async held() {
      if (!locks) return null;
      const state = await locks.query();
      return new Set((state.held ?? []).map((l) => l.name ?? '').filter(Boolean));
    },
  };
}
