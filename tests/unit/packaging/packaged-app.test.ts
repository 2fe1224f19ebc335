import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUSE_OFF, FUSE_ON, REQUIRED_FUSES } from './required-fuses';

/**
 * What electron-builder actually puts into app.asar, with the project's electron-builder.yml.
 * Installers cannot be built here (no Electron download), but its unpacked "dir" target can,
 * given a stand-in Electron distribution (electronDist): it runs the same file and node_modules
 * selection as every installer. The app is built into a temp folder (ECOPARK_APP_DIR) with a
 * one-file renderer, so the test does not depend on, or disturb, dist/.
 */

const root = path.resolve(__dirname, '../../..');
const requireFromRoot = createRequire(path.join(root, 'package.json'));
const work = mkdtempSync(path.join(tmpdir(), 'ecopark-pack-'));
const appDir = path.join(work, 'app');
let entries: string[] = [];

/**
 * Electron's fuse wire as it ships (electron/build/fuses/fuses.json5; the layout @electron/fuses
 * reads: sentinel, wire version 1, wire length, one ASCII '0'/'1' per fuse): run-as-node,
 * cookie encryption, NODE_OPTIONS, --inspect, asar integrity, only-load-from-asar, browser V8
 * snapshot, file: privileges. A stand-in binary carrying it lets electron-builder flip the
 * fuses exactly as it does on a real Electron.
 */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_WIRE = '10110001';
function standInElectron(): Buffer {
  const wire = Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1');
  return Buffer.concat([Buffer.from('#!/bin/sh\n# ', 'latin1'), Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, wire.length]), wire, Buffer.from('\n', 'latin1')]);
}
/** The fuse states (bytes) in a binary, read the way Electron does: right after the sentinel. */
function fuseWire(binary: Buffer): number[] {
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  expect(at).toBeGreaterThanOrEqual(FUSE_SENTINEL.length);
  expect(binary[at]).toBe(1);
  return [...binary.subarray(at + 2, at + 2 + binary[at + 1]!)];
}

beforeAll(() => {
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const build = spawnSync(process.execPath, [tsx, 'scripts/build-electron.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, ECOPARK_APP_DIR: appDir } });
  expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
  mkdirSync(path.join(appDir, 'renderer'), { recursive: true });
  writeFileSync(path.join(appDir, 'renderer', 'index.html'), '<!doctype html><title>EcoPark Planner</title>');

  // Stand-in Electron: electron-builder copies this folder and renames the binary.
  const electronDist = path.join(work, 'electron-dist');
  mkdirSync(path.join(electronDist, 'resources'), { recursive: true });
  writeFileSync(path.join(electronDist, 'electron'), standInElectron());
  chmodSync(path.join(electronDist, 'electron'), 0o755);

  const builder = path.join(path.dirname(requireFromRoot.resolve('electron-builder/package.json')), 'cli.js');
  const args = [builder, '--linux', 'dir', '--config', 'electron-builder.yml', '--publish', 'never'];
  args.push(`-c.directories.app=${appDir}`, `-c.directories.output=${path.join(work, 'release')}`, `-c.electronDist=${electronDist}`);
  const packed = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  expect(packed.status, `${packed.stdout}${packed.stderr}`).toBe(0);

  const asar = requireFromRoot('@electron/asar') as { listPackage(archive: string, options: object): string[] };
  entries = asar.listPackage(path.join(work, 'release', 'linux-unpacked', 'resources', 'app.asar'), {}).map((e) => e.replace(/\\/g, '/'));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packaged app (electron-builder --linux dir)', () => {
  it('holds the bundled app and no node_modules', () => {
    expect(entries).toEqual(expect.arrayContaining(['/package.json', '/electron/main.cjs', '/electron/preload.cjs', '/electron/sql-wasm.wasm', '/renderer/index.html']));
    expect(entries.filter((e) => e.includes('node_modules'))).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
    // Nothing else at the top level.
    expect([...new Set(entries.map((e) => e.split('/')[1]))].sort()).toEqual(['electron', 'package.json', 'renderer']);
  });

  it('names the Linux executable ecopark-desktop', () => {
    expect(existsSync(path.join(work, 'release', 'linux-unpacked', 'ecopark-desktop'))).toBe(true);
  });

  it('flips the Electron fuses in the packaged binary', () => {
    const wire = fuseWire(readFileSync(path.join(work, 'release', 'linux-unpacked', 'ecopark-desktop')));
    expect(wire).toHaveLength(ELECTRON_DEFAULT_WIRE.length);
    for (const { key, wireIndex, enabled } of REQUIRED_FUSES) expect(wire[wireIndex], key).toBe(enabled ? FUSE_ON : FUSE_OFF);
    // Fuses the app does not set keep Electron's default (the browser V8 snapshot stays off).
    expect(wire[6]).toBe(ELECTRON_DEFAULT_WIRE.charCodeAt(6));
  });
});
