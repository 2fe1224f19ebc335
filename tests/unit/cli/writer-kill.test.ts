import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeIo } from '../../../cli/io';
import { makeVersion } from '../electron/fixtures/save-versions';
import { useTempDir } from '../electron/helpers';
import { checkAfterKill, checkNextWriteTidies, useWriteLoop } from '../helpers/killed-write-loop';

/**
 * Issue 11, finding 6 (fault test of the CLI writer): a process writing a ~50 MB project through
 * the CLI's writer is SIGKILLed at many moments. Before this issue the CLI wrote with a plain
 * writeFile, and a kill left the output truncated. Now the output is always, byte for byte
 * (SHA-256), the complete old version or the complete new one, and the next write removes what
 * a killed write left behind. Same method as tests/unit/electron/save-fault.test.ts.
 */

const CHILD = fileURLToPath(new URL('./fixtures/cli-write-loop.ts', import.meta.url));
const SIZE_BYTES = 50 * 1024 * 1024;
/** Milliseconds after the child's first write starts (making 50 MB of bytes comes before, untimed). */
const KILL_DELAYS_MS = [0, 30, 80, 150, 300, 500, 800, 1300];

const tempDir = useTempDir();
const runUntilKilled = useWriteLoop();

/** Starts the write loop at version `from`, SIGKILLs it `delayMs` after its first write starts; resolves with its output lines. */
const runAndKill = (target: string, from: number, delayMs: number) =>
  runUntilKilled(CHILD, [target, String(SIZE_BYTES), String(from)], (line, kill) => {
    if (line === `writing ${from}`) setTimeout(kill, delayMs);
  });

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
        // Old (last finished write) or new (killed after its rename, before saying so).
        const { done, onDisk, bak, temps } = await checkAfterKill(target, SIZE_BYTES, lines, current);
        if (temps.length > 0) killsLeavingTemps += 1;
        records.push(`  ${String(delayMs).padStart(4)} ms: writes done ${done.length}, on disk v${onDisk}, .bak v${bak}, temps left ${temps.length}`);
        // The writer removes temps older than a minute (younger ones may be a write in flight):
        // age these as if the user ran the command again later, then write through the CLI writer.
        const anHourAgo = new Date(Date.now() - 3_600_000);
        for (const name of temps) await fs.utimes(path.join(dir, name), anHourAgo, anHourAgo);
        current = await checkNextWriteTidies(target, SIZE_BYTES, onDisk, (bytes) => nodeIo.writeFile(target, bytes, { backup: true }));
      }
      console.info(`[cli-writer-kill] ${KILL_DELAYS_MS.length} SIGKILLs of a ${SIZE_BYTES / 1024 / 1024} MB write loop:\n${records.join('\n')}`);
      // Some kills really landed in the middle of a write (they left a temp file behind).
      expect(killsLeavingTemps).toBeGreaterThan(0);
    },
    400_000,
  );
});
