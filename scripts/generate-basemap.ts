/**
 * Offline basemap (data/basemap/indochina-countries.geojson): Vietnam and its neighbours from
 * Natural Earth 1:10m admin-0 countries as packaged by the npm `world-atlas` (public domain),
 * clipped to a box around Indochina, coordinates rounded to 5 decimals (~1 m), so the map has a
 * backdrop with no network. Run: `npx tsx scripts/generate-basemap.ts`. See data/SOURCES.md.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { writeGeneratedFile } from './write-generated';

/** Clip box [west, south, east, north], degrees. */
const BBOX: [number, number, number, number] = [97, 5, 118, 26];

/**
 * Island groups that Natural Earth's default view draws with another country or as disputed;
 * shown here as Vietnamese, as in Natural Earth's own Vietnam point-of-view edition and as
 * maps published in Vietnam must (Decree 27/2019/ND-CP). Boxes in degrees [w, s, e, n].
 */
const VIETNAM_VIEW_ISLANDS = [
  { name: 'Quần đảo Hoàng Sa (Paracel Islands)', box: [110.9, 15.6, 113.0, 17.2] },
  { name: 'Quần đảo Trường Sa (Spratly Islands)', box: [111.0, 6.0, 117.0, 12.0] },
] as const;

/** English name (Natural Earth) → Vietnamese name shown in the app. */
const VI_NAMES: Record<string, string> = {
  Vietnam: 'Việt Nam', China: 'Trung Quốc', Laos: 'Lào', Cambodia: 'Campuchia', Thailand: 'Thái Lan',
  Myanmar: 'Myanmar', Malaysia: 'Malaysia', Philippines: 'Philippines', Taiwan: 'Đài Loan',
  Indonesia: 'Indonesia', Brunei: 'Brunei', Singapore: 'Singapore', 'Hong Kong': 'Hồng Kông', Macao: 'Ma Cao',
};

const OUT = fileURLToPath(new URL('../data/basemap/indochina-countries.geojson', import.meta.url));

type Area = Feature<Polygon | MultiPolygon>;

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;

function polygonsOf(f: Area): Position[][][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Drops rings that collapse under rounding, and polygons that end up empty. */
function roundPolygons(polys: Position[][][]): Position[][][] {
  const out: Position[][][] = [];
  for (const poly of polys) {
    const rings = poly
      .map((ring) => ring.map((p) => [round5(p[0]), round5(p[1])]))
      .map((ring) => ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]))
      .filter((ring) => ring.length >= 4);
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

function inBox(poly: Position[][], box: readonly number[]): boolean {
  const [w, s, e, n] = turf.bbox(turf.polygon(poly));
  return w >= box[0] && s >= box[1] && e <= box[2] && n <= box[3];
}

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('world-atlas/countries-10m.json');
  const version = (JSON.parse(readFileSync(require.resolve('world-atlas/package.json'), 'utf8')) as { version: string }).version;
  const topo = JSON.parse(readFileSync(path, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;

  const islands = VIETNAM_VIEW_ISLANDS.map(() => [] as Position[][][]);
  const features: Feature<Polygon | MultiPolygon>[] = [];
  for (const f of all.features) {
    if (!f.geometry) continue;
    const name = f.properties.name;
    const clipped = turf.bboxClip(f as Area, BBOX) as Area;
    let polys = polygonsOf(clipped).filter((poly) => poly[0] && poly[0].length >= 4);
    // Move island groups into their own Vietnamese features (see VIETNAM_VIEW_ISLANDS).
    polys = polys.filter((poly) => {
      const k = VIETNAM_VIEW_ISLANDS.findIndex((g) => inBox(poly, g.box));
      if (k < 0 || name === 'Vietnam') return true;
      islands[k].push(poly);
      return false;
    });
    if (name === 'Spratly Is.' || name === 'Scarborough Reef') continue;
    const rounded = roundPolygons(polys);
    if (rounded.length === 0) continue;
    features.push({
      type: 'Feature',
      properties: { name, nameVi: VI_NAMES[name] ?? name, isVietnam: name === 'Vietnam' },
      geometry: { type: 'MultiPolygon', coordinates: rounded },
    });
  }
  VIETNAM_VIEW_ISLANDS.forEach((g, k) => {
    const rounded = roundPolygons(islands[k]);
    if (rounded.length === 0) return;
    features.push({
      type: 'Feature',
      properties: { name: g.name, nameVi: g.name.split(' (')[0], isVietnam: true },
      geometry: { type: 'MultiPolygon', coordinates: rounded },
    });
  });
  features.sort((a, b) => String(a.properties?.name).localeCompare(String(b.properties?.name)));
  const fc = {
    type: 'FeatureCollection',
    // Provenance travels with the file, so a copy taken out of the repository still says it.
    source: `Natural Earth 1:10m admin-0 countries via npm world-atlas ${version} (public domain); clipped to ${BBOX.join(',')}`,
    bbox: BBOX,
    features,
  };
  const text = `{"type":"FeatureCollection","source":${JSON.stringify(fc.source)},"bbox":${JSON.stringify(BBOX)},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  await writeGeneratedFile(OUT, text);
  console.log(`wrote ${OUT}: ${features.length} features, ${(text.length / 1024).toFixed(0)} KiB`);
  for (const f of features) console.log(`  ${f.properties?.name}${f.properties?.isVietnam ? ' (Vietnam)' : ''}`);
}

await main();
