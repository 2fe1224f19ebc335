import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAND_USE_CATALOGUE, LAND_USE_CODES } from '../../../shared/model/land-use';
import { landUseCatalogueSchema } from '../../../shared/model/land-use-catalogue';

describe('the shipped land-use catalogue', () => {
  it('is what data/land-use-categories.json parses to (the app does not parse it again)', () => {
    const raw = JSON.parse(readFileSync('data/land-use-categories.json', 'utf8'));
    const parsed = landUseCatalogueSchema.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(parsed.data).toStrictEqual(LAND_USE_CATALOGUE);
  });

  it('lists every land-use code once, in the handbook order', () => {
    expect(LAND_USE_CATALOGUE.categories.map((c) => c.code)).toEqual([...LAND_USE_CODES]);
  });

  it('refuses a catalogue with a category missing or a colour malformed', () => {
    const raw = JSON.parse(readFileSync('data/land-use-categories.json', 'utf8'));
    expect(landUseCatalogueSchema.safeParse({ ...raw, categories: raw.categories.slice(1) }).success).toBe(false);
    expect(landUseCatalogueSchema.safeParse({ ...raw, buildingFill: 'red' }).success).toBe(false);
  });
});
