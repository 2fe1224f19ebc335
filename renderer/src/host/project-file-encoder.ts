import { writeProject } from '../../../shared/project-file';
import type { ParkDocument } from '../../../shared/model';
import { loadSqlJs } from './sqljs';

/**
 * GeoPackage bytes of a project, written in a worker (project-file.worker.ts) where the page
 * can start one, else on this thread (tests, old browsers). The browser host's saves and
 * autosave snapshots go through here.
 */
export interface EncodeRequest {
  id: number;
  document: ParkDocument;
}
export type EncodeResponse = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 0;
const pending = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();

function getWorker(): Worker | null {
  if (worker || workerFailed || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('./project-file.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workerFailed = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<EncodeResponse>) => {
    const answer = event.data;
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (!waiting) return;
    if (answer.ok) waiting.resolve(answer.bytes);
    else waiting.reject(new Error(answer.message));
  };
  worker.onerror = (event) => {
    // A worker that cannot start (blocked script, no module workers) is not retried: every
    // waiting request and every later one is written on this thread instead.
    event.preventDefault();
    workerFailed = true;
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const request of waiting) request.reject(new Error('worker unavailable'));
  };
  return worker;
}

async function encodeHere(document: ParkDocument): Promise<Uint8Array> {
  return writeProject(await loadSqlJs(), document);
}

export async function encodeProject(document: ParkDocument): Promise<Uint8Array> {
  const target = getWorker();
  if (!target) return encodeHere(document);
  const id = ++nextId;
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      target.postMessage({ id, document } satisfies EncodeRequest);
    });
  } catch (error) {
    if (workerFailed) return encodeHere(document);
    throw error;
  }
}
