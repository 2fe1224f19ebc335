import { z } from 'zod';
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
  /** Features of the active scenario and its name (absent in records of older versions). */
  featureCount?: number;
  scenarioName?: string;
}

/**
 * What a stored record must look like to be offered. The store is shared by every tab and
 * version of the app (and open to extensions and devtools), so each record is checked on its
 * own: one bad record must not hide the others.
 */
const recordSchema = z.object({
  id: z.string().min(1),
  fileName: z.string().nullable(),
  projectName: z.string(),
  savedAt: z.string().refine((iso) => !Number.isNaN(Date.parse(iso))),
  appVersion: z.string(),
  bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength > 0),
  featureCount: z.number().int().nonnegative().optional(),
  scenarioName: z.string().optional(),
});

/** A stored record, checked: usable, or damaged with the first field that is wrong. */
export type CheckedRecord = { ok: true; record: RecoveryRecord } | { ok: false; id: string; key: IDBValidKey; field: string };

export function checkRecord(raw: unknown): CheckedRecord {
  const parsed = recordSchema.safeParse(raw);
  if (parsed.success) return { ok: true, record: parsed.data };
  // The store's key path is `id`, so every stored record has one, though maybe not a string.
  const key = (raw !== null && typeof raw === 'object' && 'id' in raw ? raw.id : '') as IDBValidKey;
  const field = parsed.error.issues[0]?.path.map(String).join('.') || 'record';
  return { ok: false, id: typeof key === 'string' ? key : JSON.stringify(key), key, field };
}

export interface RecoveryKv {
  put(record: RecoveryRecord): Promise<void>;
  get(id: string): Promise<RecoveryRecord | undefined>;
  delete(key: IDBValidKey): Promise<void>;
  /** Every stored record as found: not trusted, see checkRecord. */
  all(): Promise<unknown[]>;
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

const toEntry = (r: RecoveryRecord): RecoveryEntry => ({
  id: r.id,
  fileName: r.fileName,
  filePath: null,
  projectName: r.projectName,
  savedAt: r.savedAt,
  appVersion: r.appVersion,
  bytes: r.bytes.byteLength,
  ...(r.featureCount === undefined ? {} : { featureCount: r.featureCount }),
  ...(r.scenarioName === undefined ? {} : { scenarioName: r.scenarioName }),
});

const damagedEntry = (d: Extract<CheckedRecord, { ok: false }>): RecoveryEntry => ({
  id: d.id,
  fileName: null,
  filePath: null,
  projectName: '',
  savedAt: '',
  appVersion: '',
  bytes: 0,
  damagedField: d.field,
});

/** The active scenario's feature count and name, stored with a snapshot to tell copies apart. */
function describeDocument(document: ParkDocument): { featureCount: number; scenarioName: string } | Record<string, never> {
  const active = document.scenarios.find((s) => s.id === document.activeScenarioId);
  return active ? { featureCount: active.features.length, scenarioName: active.name } : {};
}

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

  /** Records of sessions that are gone, each checked on its own: usable newest first, then damaged ones. */
  async function leftOver(): Promise<CheckedRecord[]> {
    await ready;
    const live = await deps.locks.held();
    const checked = (await deps.kv.all()).map(checkRecord);
    // Without lock information every other session's snapshot is offered: better an extra
    // question than silently losing work.
    const isLeftOver = (id: string) => !owned.has(id) && !(live?.has(LOCK_PREFIX + id) ?? false);
    const usable = checked.filter((c): c is Extract<CheckedRecord, { ok: true }> => c.ok && isLeftOver(c.record.id));
    usable.sort((a, b) => Date.parse(b.record.savedAt) - Date.parse(a.record.savedAt));
    const damaged = checked.filter((c) => !c.ok && isLeftOver(c.id));
    return [...usable, ...damaged];
  }

  const idOf = (c: CheckedRecord) => (c.ok ? c.record.id : c.id);

  return {
    get sessionId() {
      return ownId;
    },

    write(document: ParkDocument, fileName: string | null): Promise<RecoveryWriteOutcome> {
      return serial(async () => {
        try {
          const bytes = await deps.encode(document);
          await deps.kv.put({
            id: ownId,
            fileName,
            projectName: document.project.name,
            savedAt: deps.now().toISOString(),
            appVersion: deps.appVersion,
            bytes,
            ...describeDocument(document),
          });
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
      return (await leftOver()).map((c) => (c.ok ? toEntry(c.record) : damagedEntry(c)));
    },

    recover(id: string): Promise<RecoverOutcome> {
      return serial(async (): Promise<RecoverOutcome> => {
        const found = (await leftOver()).find((c) => idOf(c) === id);
        if (!found) return { ok: false, reason: 'not_found', detail: 'This recovery copy no longer exists.' };
        if (!found.ok) return { ok: false, reason: 'corrupt', detail: `This recovery copy is damaged (its “${found.field}” is missing or wrong).` };
        const record = found.record;
        const outcome = await deps.decode(record.bytes, record.fileName ?? 'recovered.gpkg');
        // A damaged snapshot stays stored; only Discard deletes it.
        if (!outcome.ok) {
          const detail = 'detail' in outcome ? outcome.detail : 'The recovery copy could not be read.';
          const reason = outcome.reason === 'cancelled' || outcome.reason === 'already_open' ? 'corrupt' : outcome.reason;
          return { ok: false, reason, detail };
        }
        // Another tab may be recovering the same snapshot: whoever holds its lock owns it.
        if (!(await deps.locks.hold(LOCK_PREFIX + id))) return { ok: false, reason: 'not_found', detail: 'This recovery copy no longer exists.' };
        owned.add(id);
        if (ownId !== id) await deps.kv.delete(ownId);
        ownId = id;
        return { ok: true, document: outcome.document, entry: toEntry(record) };
      });
    },

    async discard(id: string): Promise<void> {
      const found = (await leftOver()).find((c) => idOf(c) === id);
      if (found) await serial(() => deps.kv.delete(found.ok ? found.record.id : found.key));
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
    delete: async (key) => void (await run('readwrite', (s) => s.delete(key))),
    all: () => run('readonly', (s) => s.getAll() as IDBRequest<unknown[]>),
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
