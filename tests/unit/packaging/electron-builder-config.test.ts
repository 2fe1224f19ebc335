import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { APP_MAIN } from '../../../scripts/app-package';
import { ICNS_ENTRIES, ICO_SIZES, LINUX_ICON_SIZES } from '../../../scripts/icon-containers';
import { REQUIRED_FUSES } from './required-fuses';

/**
 * The packaging configuration cannot be exercised by building installers here (electron-builder
 * downloads Electron and, for Windows, runs NSIS), so it is checked against electron-builder's
 * own JSON schema and against what the issue asks: the three platforms' targets, the command
 * name, icons of the right sizes, and .gpkg as an alternative handler only.
 */

const root = path.resolve(__dirname, '../../..');
interface Association {
  ext: string;
  rank?: string;
  mimeType?: string;
}
interface PlatformConfig {
  target: string[];
  icon: string;
  executableName?: string;
  fileAssociations?: Association[];
  desktop?: { entry?: Record<string, string> };
}
/** The parts of the configuration these tests read (the schema test checks the whole). */
interface BuilderConfig {
  appId: string;
  productName: string;
  executableName?: string;
  directories: { app: string };
  files: string[];
  fileAssociations?: Association[];
  win: PlatformConfig;
  mac: PlatformConfig;
  linux: PlatformConfig;
  nsis: { include: string };
  asar?: boolean;
  electronFuses?: Record<string, boolean>;
}
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const requireFromRoot = createRequire(path.join(root, 'package.json'));
const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function read(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(root, relative)));
}

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own configuration schema", () => {
    const schema = JSON.parse(readFileSync(requireFromRoot.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the product, the app id and the ecopark-desktop command', () => {
    expect(config.appId).toBe('vn.ecopark.planner');
    expect(config.productName).toBe('EcoPark Planner');
    // Linux only: a top-level executableName would rename the macOS bundle, and on Windows
    // the install folder, too.
    expect(config.executableName).toBeUndefined();
    expect(config.linux.executableName).toBe('ecopark-desktop');
    expect(config.win.executableName).toBeUndefined();
    expect(config.mac.executableName).toBeUndefined();
  });

  it("gives Linux windows the launcher's WM class through package.json's desktopName", () => {
    // Electron takes WM_CLASS / app_id from desktopName; electron-builder derives the .desktop
    // entry's StartupWMClass from the same field, so no hard-coded override may contradict it.
    expect(rootPackage.productName).toBe(config.productName);
    expect(rootPackage.desktopName).toBe(`${config.linux.executableName}.desktop`);
    expect(config.linux.desktop?.entry?.StartupWMClass).toBeUndefined();
  });

  it('builds NSIS for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('gives the Linux packages a maintainer (electron-builder refuses a .deb without the author\'s email)', () => {
    const pkg = rootPackage;
    expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(pkg.description).toMatch(/eco-industrial parks/);
    expect(pkg.license).toBe('UNLICENSED');
  });

  it('ships only the built output, from dist/ and its dependency-free package.json', () => {
    // The app directory is dist/, so electron-builder ships dist/package.json (no dependencies);
    // `files` is relative to it.
    expect(config.directories.app).toBe('dist');
    expect(config.files).toEqual(expect.arrayContaining(['electron/**', 'renderer/**', 'package.json', '!tsc/**', '!**/*.map']));
    // electron-builder falls back to the root's node_modules when dist/package.json has no
    // dependencies: only an exclusion keeps them out.
    expect(config.files).toContain('!**/node_modules/**');
    expect(config.files.filter((pattern) => pattern.startsWith('dist/'))).toEqual([]);
    // `npm start` runs Electron on the root: its main is the same bundle dist/package.json names.
    expect(rootPackage.main).toBe(path.posix.join(config.directories.app, APP_MAIN));
    expect(rootPackage.scripts.dist).toContain('npm run build &&');
    expect(rootPackage.scripts.dist).toContain('electron-builder --config electron-builder.yml');
  });

  it('sets the Electron fuses that close run-as-node, NODE_OPTIONS, --inspect and unchecked app code', () => {
    // The schema test above proves electron-builder knows every key; this proves the values.
    const fuses = config.electronFuses ?? {};
    for (const { key, enabled } of REQUIRED_FUSES) expect(fuses[key], key).toBe(enabled);
    // Only the listed fuses are set: any other (say, a V8 snapshot switch) is a deliberate choice
    // that belongs in REQUIRED_FUSES with its reason.
    expect(Object.keys(fuses).sort()).toEqual(REQUIRED_FUSES.map((f) => f.key).sort());
    // ASAR integrity and only-load-from-asar mean nothing without an asar archive.
    expect(config.asar).toBe(true);
  });

  it('registers .gpkg as an alternative handler, never the default', () => {
    // A top-level association would make the Windows installer take .gpkg over.
    expect(config.fileAssociations).toBeUndefined();
    expect(config.win.fileAssociations).toBeUndefined();
    expect(config.mac.fileAssociations).toEqual([expect.objectContaining({ ext: 'gpkg', rank: 'Alternate' })]);
    expect(config.linux.fileAssociations).toEqual([expect.objectContaining({ ext: 'gpkg', mimeType: 'application/geopackage+sqlite3' })]);

    const nsh = readFileSync(path.join(root, config.nsis.include), 'utf8');
    const registryWrites = nsh.split('\n').filter((line) => /^\s*WriteReg/.test(line));
    // The extension key itself only gains an OpenWithProgids value; its default value is untouched.
    const extensionWrites = registryWrites.filter((line) => line.includes('Classes\\.gpkg'));
    expect(extensionWrites).toEqual([expect.stringMatching(/WriteRegNone SHELL_CONTEXT "Software\\Classes\\\.gpkg\\OpenWithProgids"/)]);
    expect(nsh).toMatch(/!macro customInstall[\s\S]*!macroend/);
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*DeleteRegValue SHELL_CONTEXT "Software\\Classes\\\.gpkg\\OpenWithProgids"/);
  });
});

describe('application icons', () => {
  it('has a 1024 px PNG and the Linux sizes', () => {
    expect(pngSize(read('build/icon.png'))).toEqual({ width: 1024, height: 1024 });
    for (const size of LINUX_ICON_SIZES) {
      const file = `build/icons/${size}x${size}.png`;
      expect(existsSync(path.join(root, file)), file).toBe(true);
      expect(pngSize(read(file))).toEqual({ width: size, height: size });
    }
    expect(config.linux.icon).toBe('build/icons');
  });

  it('has a Windows .ico whose entries point at PNGs of the sizes they declare', () => {
    const ico = read(config.win.icon);
    const view = new DataView(ico.buffer, ico.byteOffset, ico.byteLength);
    expect([view.getUint16(0, true), view.getUint16(2, true)]).toEqual([0, 1]);
    const count = view.getUint16(4, true);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const declared = view.getUint8(entry) || 256;
      const length = view.getUint32(entry + 8, true);
      const offset = view.getUint32(entry + 12, true);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual({ width: declared, height: declared });
      sizes.push(declared);
    }
    expect(sizes).toEqual([...ICO_SIZES]);
  });

  it('has a macOS .icns whose typed entries hold PNGs of the right pixel size', () => {
    const icns = read(config.mac.icon);
    const view = new DataView(icns.buffer, icns.byteOffset, icns.byteLength);
    const ascii = (at: number) => String.fromCharCode(...icns.subarray(at, at + 4));
    expect(ascii(0)).toBe('icns');
    expect(view.getUint32(4)).toBe(icns.length);
    const found: { type: string; size: number }[] = [];
    for (let offset = 8; offset < icns.length; ) {
      const length = view.getUint32(offset + 4);
      const { width, height } = pngSize(icns.subarray(offset + 8, offset + length));
      expect(width).toBe(height);
      found.push({ type: ascii(offset), size: width });
      offset += length;
    }
    expect(found).toEqual(ICNS_ENTRIES.map((e) => ({ type: e.type, size: e.size })));
  });
});
