import fs from 'node:fs/promises';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeIo } from '../../../cli/io';
import { makeVersion } from '../electron/fixtures/save-versions';
import { completeVersion } from '../electron/complete-version';
import { useTempDir } from '../electron/helpers';

/**
 * Issue 11, finding 6 (fault test of the CLI writer): a process writing a ~50 MB project through
 * the CLI's writer is SIGKILLed at many moments. Before this issue the CLI wrote with a plain
 * writeFile, and a kill left the output truncated. Now the output is always, byte for byte
 * (SHA-256), the complete old version or the complete new one, and the next write removes what
 * a killed write left behind. Same method as tests/unit/electron/save-fault.test.ts.
 */

const CHILD = fileURLToPath(new URL('./fixtures/cli-write-loop.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SIZE_BYTES = 50 * 1024 * 1024;
/** Milliseconds after the child's first write starts (making 50 MB of bytes comes before, untimed). */
const KILL_DELAYS_MS = [0, 30, 80, 150, 300, 500, 800, 1300];

const tempDir = useTempDir();
let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
});

/** Starts the write loop at version `from`, SIGKILLs it `delayMs` after its first write starts; resolves with its output lines. */
function runAndKill(target: string, from: number, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, target, String(SIZE_BYTES), String(from)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    const lines: string[] = [];
    let buffered = '';
    let stderr = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (line === `writing ${from}`) setTimeout(() => proc.kill('SIGKILL'), delayMs);
      }
    });
    proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      child = null;
      if (signal !== 'SIGKILL') reject(new Error(`write loop exited by itself (${String(signal)}): ${stderr}`));
      else resolve(lines);
    });
  });
}

describe('CLI writer: SIGKILL in the middle of writing a 50 MB project', () => {
  it(
    'after every kill the output is exactly the old or the new version, and the next write tidies up',
    async () => {
      const dir = tempDir();
      const target = path.join(dir, 'big.gpkg');
      // Version 0 twice, so the output and its .bak exist before the first kill.
      await nodeIo.writeFile(target, makeVersion(0, SIZE_BYTES), { backup: true });
      await nodeIo.writeFile(target, makeVersion(0, SIZE_BYTES), { backup: true });
      let current = 0;
      const records: string[] = [];
      let killsLeavingTemps = 0;
      for (const delayMs of KILL_DELAYS_MS) {
        const lines = await runAndKill(target, current + 1, delayMs);
        const done = lines.filter((l) => l.startsWith('done ')).map((l) => Number(l.slice(5)));
        const lastDone = done.length ? Math.max(...done) : current;
        const onDisk = await completeVersion(target, SIZE_BYTES);
        // Old (last finished write) or new (killed after its rename, before saying so).
        expect([lastDone, lastDone + 1]).toContain(onDisk);
        const bak = await completeVersion(`${target}.bak`, SIZE_BYTES);
        expect(bak).toBeLessThanOrEqual(onDisk);
        const temps = (await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'));
        if (temps.length > 0) killsLeavingTemps += 1;
        records.push(`  ${String(delayMs).padStart(4)} ms: writes done ${done.length}, on disk v${onDisk}, .bak v${bak}, temps left ${temps.length}`);
        // The writer removes temps older than a minute (younger ones may be a write in flight):
        // age these as if the user ran the command again later, then write through the CLI writer.
        const anHourAgo = new Date(Date.now() - 3_600_000);
        for (const name of temps) await fs.utimes(path.join(dir, name), anHourAgo, anHourAgo);
        current = onDisk + 1;
        await nodeIo.writeFile(target, makeVersion(current, SIZE_BYTES), { backup: true });
        expect(await completeVersion(target, SIZE_BYTES)).toBe(current);
        expect(await completeVersion(`${target}.bak`, SIZE_BYTES)).toBe(onDisk);
        expect((await fs.readdir(dir)).sort()).toEqual(['big.gpkg', 'big.gpkg.bak']);
      }
      console.info(`[cli-writer-kill] ${KILL_DELAYS_MS.length} SIGKILLs of a ${SIZE_BYTES / 1024 / 1024} MB write loop:\n${records.join('\n')}`);
      // Some kills really landed in the middle of a write (they left a temp file behind).
      expect(killsLeavingTemps).toBeGreaterThan(0);
    },
    400_000,
  );
});
