import { z } from 'zod';
import categoriesJson from '../../data/land-use-categories.json';
import type { LandUseCatalogue, LandUseCategory } from './land-use-catalogue';

/** Land-use codes of the handbook (DESIGN.md §3), in display order. */
export const LAND_USE_CODES = [
  'industrial',
  'technical',
  'admin_services',
  'traffic',
  'green',
  'water',
  'other',
] as const;
export type LandUseCode = (typeof LAND_USE_CODES)[number];
export const landUseCodeSchema = z.enum(LAND_USE_CODES);

export type { LandUseCatalogue, LandUseCategory } from './land-use-catalogue';

/**
 * The shipped catalogue. The unit tests check it against landUseCatalogueSchema and find that it
 * parses to itself (land-use-catalogue.test.ts), so a broken file fails before it ships; parsing
 * it again at every start cost each CLI command 6 ms, and building the schema at every start
 * (land-use-catalogue.ts, which only the tests load) 3 ms more.
 */
export const LAND_USE_CATALOGUE: LandUseCatalogue = categoriesJson as LandUseCatalogue;

const byCode = new Map(LAND_USE_CATALOGUE.categories.map((c) => [c.code, c]));

export function landUseCategory(code: LandUseCode): LandUseCategory {
  const category = byCode.get(code);
  if (!category) throw new Error(`unknown land-use code ${code}`);
  return category;
}

/** Human name of a category (and subtype when given) in the UI language. */
export function landUseLabel(code: LandUseCode, lang: 'en' | 'vi', subtype?: string): string {
  const category = landUseCategory(code);
  const sub = subtype ? category.subtypes.find((s) => s.code === subtype) : undefined;
  return sub ? `${category[lang]} — ${sub[lang]}` : category[lang];
}
