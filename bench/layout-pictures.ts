/**
 * The pictures of docs/layout.md: the best-ranked of four variants (seed 1) on three test sites,
 * drawn as SVG in a local metric frame and rasterised by Debian's Chromium (playwright-core).
 *   npx tsx bench/layout-pictures.ts OUT_DIR [--replace]
 * writes OUT_DIR/layout-{concave,l-shape,canal}.png (atomically; an existing file only with --replace).
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createLocalFrame, lonLatToLocal } from '../shared/geometry/local-frame';
import { defaultLayoutParameters, type LayoutParameters } from '../shared/layout/parameters';
import { generateVariants } from '../shared/layout/variants';
import { createEmptyDocument, type ParkDocument } from '../shared/model';
import type { ParkFeature } from '../shared/model/feature';
import type { Position } from '../shared/model/geometry-schema';
import { canalSite, concaveSite, lShape } from '../tests/unit/layout/sites';

const WIDTH_PX = 1000;
const MARGIN_PX = 10;
const FILL: Record<string, string> = { industrial: '#c89fdc', traffic: '#bdbdbd', green: '#8bc34a', technical: '#f4a261', admin_services: '#e76f51', water: '#7fb8e8' };

function svgOf(features: readonly ParkFeature[]): string {
  const boundary = features.find((f) => f.kind === 'boundary');
  if (!boundary || boundary.kind !== 'boundary') throw new Error('no boundary');
  const polygons = (g: { type: string; coordinates: unknown }) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Position[][][];
  const first = polygons(boundary.geometry)[0][0][0];
  const frame = createLocalFrame(first[0], first[1]);
  const local = (p: Position) => lonLatToLocal(frame, p[0], p[1]);
  const all = polygons(boundary.geometry).flat(2).map(local);
  const [minX, maxX] = [Math.min(...all.map((q) => q[0])), Math.max(...all.map((q) => q[0]))];
  const [minY, maxY] = [Math.min(...all.map((q) => q[1])), Math.max(...all.map((q) => q[1]))];
  const k = (WIDTH_PX - 2 * MARGIN_PX) / (maxX - minX);
  const heightPx = Math.round((maxY - minY) * k + 2 * MARGIN_PX);
  const xy = (p: Position) => {
    const [x, y] = local(p);
    return `${(MARGIN_PX + (x - minX) * k).toFixed(1)},${(MARGIN_PX + (maxY - y) * k).toFixed(1)}`;
  };
  const path = (rings: Position[][]) => rings.map((ring) => `M${ring.map(xy).join('L')}Z`).join('');
  const parts: string[] = [];
  parts.push(`<path d="${polygons(boundary.geometry).map(path).join('')}" fill="#5f8f35"/>`);
  for (const f of features) {
    if (f.kind !== 'landuse') continue;
    const fill = f.subtype === 'buffer' ? '#6ea13f' : (FILL[f.landUse] ?? '#dddddd');
    parts.push(`<path d="${polygons(f.geometry).map(path).join('')}" fill="${fill}" stroke="#555" stroke-width="0.4" fill-rule="evenodd"/>`);
  }
  for (const f of features) {
    if (f.kind !== 'road') continue;
    const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const line of lines) parts.push(`<polyline points="${line.map(xy).join(' ')}" fill="none" stroke="#f5f5f5" stroke-width="0.8" stroke-dasharray="3,2"/>`);
  }
  for (const f of features) {
    if (f.kind !== 'point' || f.facilityType !== 'gate') continue;
    const [cx, cy] = xy(f.geometry.coordinates).split(',');
    parts.push(`<circle cx="${cx}" cy="${cy}" r="6" fill="#e00"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH_PX}" height="${heightPx}"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
}

function bestLayout(features: ParkFeature[], p: LayoutParameters): ParkFeature[] {
  const base: ParkDocument = createEmptyDocument('Pictures', { now: '2026-01-01T00:00:00.000Z', location: { lon: 106.07, lat: 21.18 } });
  const doc: ParkDocument = { ...base, scenarios: [{ ...base.scenarios[0], features }] };
  const result = generateVariants(doc, doc.activeScenarioId, p, 4, { ruleDate: '2026-06-01' });
  if (!result.ok) throw new Error(`layout failed: ${result.reason}`);
  return result.variants[0].layout.features;
}

async function main(): Promise<void> {
  const [outDir, flag] = process.argv.slice(2);
  if (!outDir) throw new Error('usage: npx tsx bench/layout-pictures.ts OUT_DIR [--replace]');
  const p = defaultLayoutParameters();
  const sites: [string, ParkFeature[], LayoutParameters][] = [
    ['layout-concave.png', concaveSite(), p],
    // With a 20 % SME band, to show its back-to-back rows and service lanes near the entrance.
    ['layout-l-shape.png', lShape(), { ...p, smeShare: 0.2 }],
    ['layout-canal.png', canalSite(), p],
  ];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH_PX, height: 600 } });
    for (const [name, features, params] of sites) {
      const target = join(outDir, name);
      if (existsSync(target) && flag !== '--replace') throw new Error(`${target} exists (pass --replace)`);
      await page.setContent(`<body style="margin:0">${svgOf(bestLayout(features, params))}</body>`);
      const png = join(outDir, `.${name}.tmp.png`);
      writeFileSync(png, await page.locator('svg').screenshot());
      renameSync(png, target);
      console.log(target);
    }
  } finally {
    await browser.close();
  }
}

void main();
