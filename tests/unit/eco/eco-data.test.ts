import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultGridFactor, GRID_EMISSION_FACTOR } from '../../../shared/eco';
import { DEFAULT_SOLAR_SETTINGS, SOLAR_DEFAULT_SOURCES } from '../../../shared/solar/settings';
import { KIND_ATTRIBUTES as EDITING_ATTRIBUTES } from '../../../shared/editing/commands';
import { KIND_ATTRIBUTES as PROFILE_ATTRIBUTES } from '../../../shared/io/profile-attributes';
import { KIND_ATTRIBUTES } from '../../../shared/model/kind-attributes';

describe('one grid emission factor for the solar and eco figures', () => {
  // Read straight from the data file: the entry of its default year.
  const file = JSON.parse(readFileSync(new URL('../../../data/eco/grid-emission-factor.json', import.meta.url), 'utf8')) as {
    defaultYear: number;
    factors: { year: number; value: number }[];
  };
  const fromFile = file.factors.find((f) => f.year === file.defaultYear)!;

  it('the solar model’s default is the data file’s factor of its default year (2023: 0.6592 tCO₂/MWh, DCC)', () => {
    expect(fromFile).toEqual({ year: 2023, value: 0.6592 });
    expect(DEFAULT_SOLAR_SETTINGS.emissionFactorTPerMWh).toBe(fromFile.value);
    expect(defaultGridFactor()).toEqual({ year: fromFile.year, tPerMwh: fromFile.value });
    expect(SOLAR_DEFAULT_SOURCES.emissionFactorTPerMWh).toContain(`${fromFile.year}: ${fromFile.value} tCO₂/MWh`);
  });

  it('a published estimate is kept for reference and never becomes the default', () => {
    expect(GRID_EMISSION_FACTOR.estimates?.map((e) => [e.year, e.value, e.confidence])).toEqual([[2024, 0.6811, 'secondary']]);
    expect(GRID_EMISSION_FACTOR.factors.some((f) => f.year === 2024)).toBe(false);
  });
});

describe('one table of the attributes each kind carries', () => {
  it('editing and import read the same table, which has the six tenant attributes of land use', () => {
    expect(EDITING_ATTRIBUTES).toBe(KIND_ATTRIBUTES);
    expect(PROFILE_ATTRIBUTES).toBe(KIND_ATTRIBUTES);
    expect(KIND_ATTRIBUTES.landuse.slice(-6)).toEqual(['sector', 'sectorScheme', 'tenant', 'employees', 'measuredElectricityMwhPerYear', 'measuredWaterM3PerDay']);
  });
});
