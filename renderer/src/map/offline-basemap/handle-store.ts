import type { FileHandleLike } from './tile-provider';

/**
 * The browser's memory of the chosen offline map file: its FileSystemFileHandle in IndexedDB
 * (handles are structured-cloneable; localStorage cannot hold them). The browser may ask for
 * permission again on the next visit; the handle itself survives restarts.
 */
export interface HandleStore {
  get(): Promise<FileHandleLike | null>;
  put(handle: FileHandleLike): Promise<void>;
  clear(): Promise<void>;
}

const DB_NAME = 'ecopark-offline-basemap';
const STORE = 'handles';
const KEY = 'current';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function createHandleStore(factory: IDBFactory | undefined = globalThis.indexedDB): HandleStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    if (!factory) return Promise.reject(new Error('IndexedDB is not available'));
    db ??= new Promise((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    });
    return db;
  };
  const store = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    async get() {
      const value = await request((await store('readonly')).get(KEY));
      return (value as FileHandleLike | undefined) ?? null;
    },
    async put(handle) {
      await request((await store('readwrite')).put(handle, KEY));
    },
    async clear() {
      await request((await store('readwrite')).delete(KEY));
    },
  };
}
