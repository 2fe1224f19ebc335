import { z } from 'zod';
import categoriesJson from '../../data/land-use-categories.json';

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

const hexColour = z.string().regex(/^#[0-9a-f]{6}$/i);

const subtypeSchema = z.object({ code: z.string().min(1), en: z.string().min(1), vi: z.string().min(1) });

const categorySchema = z.object({
  code: landUseCodeSchema,
  en: z.string().min(1),
  vi: z.string().min(1),
  fill: hexColour,
  outline: hexColour,
  subtypes: z.array(subtypeSchema),
});

/** Schema of data/land-use-categories.json. */
export const landUseCatalogueSchema = z.object({
  version: z.number().int().positive(),
  source: z.string(),
  categories: z.array(categorySchema).length(LAND_USE_CODES.length),
  unassigned: z.object({ en: z.string(), vi: z.string(), fill: hexColour, outline: hexColour }),
  buildingFill: hexColour,
  buildingOutline: hexColour,
  boundaryOutline: hexColour,
});

export type LandUseCategory = z.infer<typeof categorySchema>;
export type LandUseCatalogue = z.infer<typeof landUseCatalogueSchema>;

/**
 * The shipped catalogue. The unit tests check it against landUseCatalogueSchema and find that it
 * parses to itself (land-use-catalogue.test.ts), so a broken file fails before it ships; parsing
 * it again at every start cost each CLI command 6 ms.
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
