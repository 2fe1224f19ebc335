import fs from 'node:fs/promises';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import { makeVersion } from '../electron/fixtures/save-versions';
import { completeVersion } from '../electron/complete-version';

/**
 * The method the kill tests share (tests/unit/electron/save-fault.test.ts for the desktop save,
 * tests/unit/cli/writer-kill.test.ts for the CLI writer): a child process writes version 1, 2,
 * 3, … of a large file forever, printing how far it got; the test SIGKILLs it, checks that what
 * is on disk is a complete version, then writes once more and checks that this tidies up.
 */

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Registers, for the tests of the calling file, the SIGKILL of a write loop a failed test left
 * running, and returns `runUntilKilled(script, args, onLine)`: runs `node --import tsx script
 * ...args` at the repository root, hands every line the loop prints to `onLine` along with
 * `kill` (a SIGKILL, sent once), and resolves with all the lines once the kill ended the loop
 * (rejects if the loop ended any other way).
 */
export function useWriteLoop() {
  let child: ChildProcess | null = null;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = null;
  });
  return function runUntilKilled(script: string, args: string[], onLine: (line: string, kill: () => void) => void): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      const lines: string[] = [];
      let buffered = '';
      let stderr = '';
      let killed = false;
      const kill = () => {
        if (killed) return;
        killed = true;
        proc.kill('SIGKILL');
      };
      proc.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const parts = buffered.split('\n');
        buffered = parts.pop() ?? '';
        for (const line of parts) {
          lines.push(line);
          onLine(line, kill);
        }
      });
      proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      proc.on('error', reject);
      proc.on('exit', (_code, signal) => {
        child = null;
        if (signal !== 'SIGKILL') reject(new Error(`${path.basename(script)} exited by itself (${String(signal)}): ${stderr}`));
        else resolve(lines);
      });
    });
  }
}

/** What a killed loop left, once checked (see `checkAfterKill`). */
export interface AfterKill {
  /** The versions the loop said it finished (`done <k>` lines). */
  done: number[];
  /** The version the target holds, and its .bak. */
  onDisk: number;
  bak: number;
  /** Temporary files (*.tmp) left in the target's folder. */
  temps: string[];
}

/**
 * Checks the target after a kill of the loop that started at version `current + 1`: it is,
 * byte for byte, the last version the loop finished (old) or the one after (killed after its
 * rename, before saying so), and its .bak is no newer.
 */
export async function checkAfterKill(target: string, sizeBytes: number, lines: string[], current: number): Promise<AfterKill> {
  const done = lines.filter((l) => l.startsWith('done ')).map((l) => Number(l.slice(5)));
  const lastDone = done.length ? Math.max(...done) : current;
  const onDisk = await completeVersion(target, sizeBytes);
  expect([lastDone, lastDone + 1]).toContain(onDisk);
  const bak = await completeVersion(`${target}.bak`, sizeBytes);
  expect(bak).toBeLessThanOrEqual(onDisk);
  const temps = (await fs.readdir(path.dirname(target))).filter((n) => n.endsWith('.tmp'));
  return { done, onDisk, bak, temps };
}

/**
 * The next write after a kill (the user running the command again, or saving again after a
 * restart): `write` stores version `onDisk + 1`; then the target holds it, the .bak holds
 * `onDisk`, and nothing else is left in the folder. Returns the version written.
 */
export async function checkNextWriteTidies(target: string, sizeBytes: number, onDisk: number, write: (bytes: Uint8Array) => Promise<unknown>): Promise<number> {
  const next = onDisk + 1;
  await write(makeVersion(next, sizeBytes));
  expect(await completeVersion(target, sizeBytes)).toBe(next);
  expect(await completeVersion(`${target}.bak`, sizeBytes)).toBe(onDisk);
  expect((await fs.readdir(path.dirname(target))).sort()).toEqual([path.basename(target), `${path.basename(target)}.bak`]);
  return next;
}
