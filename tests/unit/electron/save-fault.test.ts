import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWriteFile } from '../../../electron/atomic-write';
import { createFileService, type FileServiceFs } from '../../../electron/file-service';
import { fakeLoadSql, fakeReadProject, fakeWriteProject, makeTempDir, removeDir, sampleDocument } from './helpers';
import { makeVersion, sha256 } from './fixtures/save-versions';
import { checkAfterKill, checkNextWriteTidies, useWriteLoop } from '../helpers/killed-write-loop';

/**
 * Fault tests of "never losing work" (issue 7): whatever goes wrong in the middle of a save,
 * the file on disk is the complete old version or the complete new one, never a broken mix.
 * (1) Every filesystem step of a save fails in turn (simulated). (2) A real process saving tens
 * of MB is SIGKILLed at many different moments.
 */

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

// ---------------------------------------------------------------------------------------------
// (1) Each step fails in turn.

type Step = { index: number; op: string };

/**
 * node:fs/promises where call number `failAt` (counting every call, handle methods included)
 * fails with EIO. A failing write first writes half of what it was asked, like a disk that fills
 * up in the middle of a file.
 */
function injectingFs(failAt: number | null, log: Step[]): FileServiceFs {
  let count = 0;
  const step = (op: string): boolean => {
    const index = count++;
    log.push({ index, op });
    return index === failAt;
  };
  const boom = (op: string) => Object.assign(new Error(`injected ${op} failure`), { code: 'EIO' });
  return {
    async readFile(p) {
      if (step('readFile')) throw boom('readFile');
      return fs.readFile(p);
    },
    async realpath(p) {
      if (step('realpath')) throw boom('realpath');
      return fs.realpath(p);
    },
    async stat(p) {
      if (step('stat')) throw boom('stat');
      return fs.stat(p);
    },
    async readdir(p) {
      if (step('readdir')) throw boom('readdir');
      return fs.readdir(p);
    },
    async unlink(p) {
      if (step('unlink')) throw boom('unlink');
      return fs.unlink(p);
    },
    async rename(a, b) {
      if (step(`rename→${path.basename(b)}`)) throw boom('rename');
      return fs.rename(a, b);
    },
    async open(p, flags, mode) {
      if (step(`open(${flags})`)) throw boom('open');
      const handle = await fs.open(p, flags, mode);
      return {
        async write(buffer, offset = 0, length = buffer.length - offset, position = null) {
          if (step('write')) {
            await handle.write(buffer, offset, Math.floor(length / 2), position);
            throw boom('write');
          }
          return handle.write(buffer, offset, length, position);
        },
        async chmod(m) {
          if (step('chmod')) throw boom('chmod');
          return handle.chmod(m);
        },
        async chown(uid, gid) {
          if (step('chown')) throw boom('chown');
          return handle.chown(uid, gid);
        },
        async sync() {
          if (step('fsync')) throw boom('fsync');
          return handle.sync();
        },
        async close() {
          if (step('close')) {
            await handle.close();
            throw boom('close');
          }
          return handle.close();
        },
      };
    },
  };
}

const serviceWith = (fsImpl: FileServiceFs) =>
  createFileService({ fs: fsImpl, loadSql: fakeLoadSql, readProject: fakeReadProject, writeProject: fakeWriteProject, atomicOptions: { staleTempAgeMs: 0 } });

describe('save fault injection: every step fails in turn', () => {
  it('leaves the old or the new file, a sane .bak, and no temp file that outlives the next save', async () => {
    const target = path.join(dir, 'park.gpkg');
    const plain = serviceWith(fs);
    // Documents made once: each carries fresh random ids, so the bytes are computed from these.
    const [d1, d2, d3, d4] = [1, 2, 3, 4].map((n) => sampleDocument(`Version ${n}`));
    const [v1, v2, v3] = [d1, d2, d3].map((d) => fakeWriteProject({} as never, d));

    // A clean save of v3 over v2 (with v1 as .bak) shows how many steps there are.
    const reset = async () => {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.mkdir(dir);
      await plain.save(target, d1);
      await plain.save(target, d2);
    };
    await reset();
    const cleanRun: Step[] = [];
    expect((await serviceWith(injectingFs(null, cleanRun)).save(target, d3)).ok).toBe(true);
    const ops = cleanRun.map((s) => s.op);
    // Every kind of step the brief names is among them.
    for (const op of ['realpath', 'stat', 'open(wx)', 'write', 'chmod', 'chown', 'fsync', 'close', 'readFile', 'rename→park.gpkg.bak', 'rename→park.gpkg']) expect(ops).toContain(op);

    const results: { op: string; ok: boolean }[] = [];
    for (let failAt = 0; failAt < cleanRun.length; failAt += 1) {
      await reset();
      const outcome = await serviceWith(injectingFs(failAt, [])).save(target, d3);
      const onDisk = new Uint8Array(await fs.readFile(target));
      const bak = new Uint8Array(await fs.readFile(`${target}.bak`));
      results.push({ op: ops[failAt], ok: outcome.ok });
      if (outcome.ok) {
        // Only steps after the publishing rename (directory fsync, tidying) may fail "successfully".
        expect(onDisk).toEqual(v3);
        expect(bak).toEqual(v2);
      } else {
        expect(outcome).toMatchObject({ reason: 'io_error' });
        expect(!outcome.ok && 'detail' in outcome ? outcome.detail : '').toMatch(/injected .* failure\)\. The previous file is unchanged\.$/);
        expect(onDisk).toEqual(v2);
        // The .bak is the version before, or (failure after the .bak was replaced) the current one.
        expect([sha256(v1), sha256(v2)]).toContain(sha256(bak));
        expect((await fs.readdir(dir)).sort()).toEqual(['park.gpkg', 'park.gpkg.bak']);
      }
      // The next save works and leaves exactly the file and its .bak.
      expect((await plain.save(target, d4)).ok).toBe(true);
      expect((await fs.readdir(dir)).sort()).toEqual(['park.gpkg', 'park.gpkg.bak']);
      expect(new Uint8Array(await fs.readFile(`${target}.bak`))).toEqual(outcome.ok ? v3 : v2);
    }
    // Every step up to and including the publishing rename must fail the save.
    const publish = ops.lastIndexOf('rename→park.gpkg');
    expect(results.slice(0, publish + 1).every((r) => !r.ok)).toBe(true);
    expect(results.length).toBe(cleanRun.length);
    console.info(`[save-fault] ${results.length} injected failures: ${results.map((r) => `${r.op}${r.ok ? ' (saved)' : ''}`).join(', ')}`);
  });
});

// ---------------------------------------------------------------------------------------------
// (2) A real process, killed.

const CHILD = fileURLToPath(new URL('./fixtures/save-loop.ts', import.meta.url));
const SIZE_BYTES = 24 * 1024 * 1024;

type KillPlan = { kind: 'delay'; ms: number } | { kind: 'step'; step: string };

interface KillRecord {
  plan: string;
  lastStep: string;
  savesCompleted: number;
  onDisk: number;
  bak: number;
  tempsLeft: number;
}

const runUntilKilled = useWriteLoop();

/** Runs the save loop from version `from` and SIGKILLs it as `plan` says; returns its output lines. */
const runAndKill = (target: string, from: number, plan: KillPlan) =>
  runUntilKilled(CHILD, [target, String(SIZE_BYTES), String(from)], (line, kill) => {
    if (line === 'ready' && plan.kind === 'delay') setTimeout(kill, plan.ms);
    // Kill as soon as the chosen step of the second save starts (the first one too often
    // finds no .bak yet to copy).
    if (plan.kind === 'step' && line === `step ${from + 1} ${plan.step}`) kill();
  });

describe('save fault: SIGKILL in the middle of saving 24 MB', () => {
  it(
    'after every kill the file is exactly the old or the new version, and the next save works',
    async () => {
      const target = path.join(dir, 'big.gpkg');
      // Version 0 twice: the file and its .bak exist before the first kill.
      await atomicWriteFile(fs, target, makeVersion(0, SIZE_BYTES), { backup: true });
      await atomicWriteFile(fs, target, makeVersion(0, SIZE_BYTES), { backup: true });
      let current = 0;
      const plans: KillPlan[] = [
        ...[0, 15, 40, 70, 110, 160, 220, 300, 400, 550, 750].map((ms): KillPlan => ({ kind: 'delay', ms })),
        ...['open', 'write', 'fsync', 'copy-bak', 'rename-bak', 'rename-target', 'open-dir'].map((step): KillPlan => ({ kind: 'step', step })),
      ];
      const records: KillRecord[] = [];
      for (const plan of plans) {
        const lines = await runAndKill(target, current + 1, plan);
        // Old (last finished save) or new (killed after the rename, before saying so).
        const { done, onDisk, bak, temps } = await checkAfterKill(target, SIZE_BYTES, lines, current);
        const events = lines.filter((l) => l.startsWith('step ') || l.startsWith('done '));
        records.push({
          plan: plan.kind === 'delay' ? `${plan.ms} ms after start` : `at "${plan.step}"`,
          lastStep: events[events.length - 1] ?? '(none)',
          savesCompleted: done.length,
          onDisk,
          bak,
          tempsLeft: temps.length,
        });
        // The next save (the user saving again after restarting) works and tidies the left-overs.
        current = await checkNextWriteTidies(target, SIZE_BYTES, onDisk, (bytes) => atomicWriteFile(fs, target, bytes, { backup: true, staleTempAgeMs: 0 }));
      }
      console.info(`[save-fault] ${records.length} SIGKILLs:\n${records.map((r) => `  ${r.plan.padEnd(22)} last event: ${r.lastStep.padEnd(24)} saves done: ${String(r.savesCompleted).padStart(2)}  on disk: v${r.onDisk}  .bak: v${r.bak}  temps left: ${r.tempsLeft}`).join('\n')}`);
      expect(records).toHaveLength(plans.length);
      // The kills really landed in different phases of a save, not all between saves.
      expect(new Set(records.map((r) => r.lastStep.replace(/^(step|done) \d+ ?/, '$1 '))).size).toBeGreaterThanOrEqual(4);
      expect(records.some((r) => r.tempsLeft > 0)).toBe(true);
    },
    180_000,
  );
});
