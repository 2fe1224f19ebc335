import { z } from 'zod';
import { LAND_USE_CODES, landUseCodeSchema } from './land-use';

/**
 * The schema of data/land-use-categories.json, in a module of its own: the shipped file is checked
 * against it by the unit tests (land-use-catalogue.test.ts), and the program, which reads the
 * file as it ships, does not build it at every start.
 */

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
