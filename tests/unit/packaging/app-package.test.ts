import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPackageJson, type RootPackageJson } from '../../../scripts/app-package';

/**
 * dist/package.json is what electron-builder packages (directories.app: dist): with no
 * dependencies it copies no node_modules into the installers. The build script is run for real,
 * into a temp folder, so "main" is checked against a file the build actually produced.
 */

const root = path.resolve(__dirname, '../../..');
const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as RootPackageJson & Record<string, unknown>;
const appDir = mkdtempSync(path.join(tmpdir(), 'ecopark-app-'));
let built: Record<string, unknown>;

beforeAll(() => {
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const result = spawnSync(process.execPath, [tsx, 'scripts/build-electron.mjs'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ECOPARK_APP_DIR: appDir },
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  built = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8'));
}, 60_000);
afterAll(() => rmSync(appDir, { recursive: true, force: true }));

describe('the app package.json written by the Electron build', () => {
  it('declares no dependencies, so electron-builder installs no node_modules into the app', () => {
    expect(rootPackage.dependencies).toBeDefined();
    for (const key of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'scripts', 'type']) expect(built, key).not.toHaveProperty(key);
  });

  it('points main at the bundle the build produced', () => {
    expect(typeof built.main).toBe('string');
    expect(existsSync(path.join(appDir, built.main as string))).toBe(true);
    // The preload and the wasm that main loads from its own folder are there too.
    for (const file of ['preload.cjs', 'sql-wasm.wasm']) expect(existsSync(path.join(path.dirname(path.join(appDir, built.main as string)), file)), file).toBe(true);
  });

  it("carries the root package's version, names and author (the .deb needs the email)", () => {
    expect(built.version).toBe(rootPackage.version);
    expect(built).toMatchObject({
      name: rootPackage.name,
      productName: 'EcoPark Planner',
      description: rootPackage.description,
      license: rootPackage.license,
      author: rootPackage.author,
      desktopName: 'ecopark-desktop.desktop',
    });
    expect(Object.keys(built).sort()).toEqual(['author', 'description', 'desktopName', 'license', 'main', 'name', 'productName', 'version']);
  });

  it('refuses a root package.json without the fields Electron and electron-builder read', () => {
    const { desktopName: _omitted, ...withoutDesktopName } = rootPackage;
    expect(() => appPackageJson(withoutDesktopName as unknown as RootPackageJson)).toThrow('package.json has no "desktopName"');
    expect(() => appPackageJson({ ...rootPackage, productName: ' ' })).toThrow('"productName"');
  });
});
