/**
 * `npm run icons`: renders build/icon.svg into the icons electron-builder packages —
 * build/icon.png (1024 px, macOS and the fallback), build/icons/<N>x<N>.png (Linux),
 * build/icon.ico (Windows) and build/icon.icns (macOS). The outputs are committed, so
 * packaging needs no browser; rerun this after changing the SVG.
 *
 * Chromium draws the SVG (Debian's /usr/bin/chromium through playwright-core, as in the
 * end-to-end tests); the ICO and ICNS containers are written here with PNG payloads, which
 * Windows Vista+ and macOS 10.7+ read for every size.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { writeGeneratedFile } from './write-generated';
import { encodeIcns, encodeIco, LINUX_ICON_SIZES, ICNS_ENTRIES, ICO_SIZES } from './icon-containers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');
const svg = readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');

const sizes = [...new Set([1024, ...LINUX_ICON_SIZES, ...ICO_SIZES, ...ICNS_ENTRIES.map((e) => e.size)])].sort((a, b) => a - b);

const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
if (process.getuid?.() === 0) args.push('--no-sandbox');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args });
const rendered = new Map<number, Uint8Array>();
try {
  const page = await browser.newPage();
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    rendered.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  }
} finally {
  await browser.close();
}

const png = (size: number) => rendered.get(size)!;
mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
await writeGeneratedFile(path.join(buildDir, 'icon.png'), png(1024));
for (const size of LINUX_ICON_SIZES) await writeGeneratedFile(path.join(buildDir, 'icons', `${size}x${size}.png`), png(size));
await writeGeneratedFile(path.join(buildDir, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
await writeGeneratedFile(path.join(buildDir, 'icon.icns'), encodeIcns(ICNS_ENTRIES.map((entry) => ({ type: entry.type, png: png(entry.size) }))));
console.log(`icons written for sizes ${sizes.join(', ')}`);
