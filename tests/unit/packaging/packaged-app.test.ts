import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

beforeAll(() => {
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const build = spawnSync(process.execPath, [tsx, 'scripts/build-electron.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, ECOPARK_APP_DIR: appDir } });
  expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
  mkdirSync(path.join(appDir, 'renderer'), { recursive: true });
  writeFileSync(path.join(appDir, 'renderer', 'index.html'), '<!doctype html><title>EcoPark Planner</title>');

  // Stand-in Electron: electron-builder copies this folder and renames the binary.
  const electronDist = path.join(work, 'electron-dist');
  mkdirSync(path.join(electronDist, 'resources'), { recursive: true });
  writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\n');
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
});
