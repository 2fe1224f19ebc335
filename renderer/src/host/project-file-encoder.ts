import { readProject, writeProject, type ReadProjectResult } from '../../../shared/project-file';
import type { ParkDocument } from '../../../shared/model';
import { loadSqlJs } from './sqljs';

/**
 * GeoPackage bytes of a project, written in a worker (project-file.worker.ts) where the page
 * can start one, else on this thread (tests, old browsers); and a project read back from its
 * bytes the same way. The browser host's opens, saves and autosave snapshots go through here.
 */
export type ProjectFileRequest = { id: number; op: 'encode'; document: ParkDocument } | { id: number; op: 'decode'; bytes: Uint8Array };
export type ProjectFileResponse =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: true; read: ReadProjectResult }
  | { id: number; ok: false; message: string };
type Answer = Extract<ProjectFileResponse, { ok: true }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 0;
const pending = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();

function getWorker(): Worker | null {
  if (worker || workerFailed || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('./project-file.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workerFailed = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<ProjectFileResponse>) => {
    const answer = event.data;
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (!waiting) return;
    if (answer.ok) waiting.resolve(answer);
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

/** Sends `request` (without its id) to the worker; null when there is no worker to send it to. */
async function inWorker(request: WithoutId<ProjectFileRequest>): Promise<Answer | null> {
  const target = getWorker();
  if (!target) return null;
  const id = ++nextId;
  try {
    return await new Promise<Answer>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      target.postMessage({ ...request, id } as ProjectFileRequest);
    });
  } catch (error) {
    if (workerFailed) return null;
    throw error;
  }
}

export async function encodeProject(document: ParkDocument): Promise<Uint8Array> {
  const answer = await inWorker({ op: 'encode', document });
  if (!answer) return writeProject(await loadSqlJs(), document);
  if (!('bytes' in answer)) throw new Error('the project worker answered an encode with no bytes');
  return answer.bytes;
}

/** readProject of `bytes`, off the main thread where possible (opening a large park takes seconds of SQLite and checks). */
export async function decodeProject(bytes: Uint8Array): Promise<ReadProjectResult> {
  const answer = await inWorker({ op: 'decode', bytes });
  if (!answer) return readProject(await loadSqlJs(), bytes);
  if (!('read' in answer)) throw new Error('the project worker answered a decode with no project');
  return answer.read;
}
