import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readProject, writeProject, type ReadProjectResult } from '../../../shared/project-file';
import * as attributes from '../../../shared/project-file/feature-attributes';
import { generateLargePark } from '../../../bench/large-park';
import { loadSqlJs, mutateFile } from '../../helpers/sqljs';
import { sampleDocument } from './sample-document';

// The project reader accepts a valid feature's attributes with plain checks
// (shared/project-file/feature-attributes.ts) and asks zod only about the rest. Here the same
// files are read twice, once with the plain checks and once with every feature sent to zod
// (the reader before the plain checks), and the two results must be the same to the byte.

vi.mock('../../../shared/project-file/feature-attributes', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../shared/project-file/feature-attributes')>();
  return { ...original, fastFeatureAttributes: vi.fn(original.fastFeatureAttributes) };
});
const { fastFeatureAttributes: plainChecks } = await vi.importActual<typeof import('../../../shared/project-file/feature-attributes')>(
  '../../../shared/project-file/feature-attributes',
);
const fastSpy = vi.mocked(attributes.fastFeatureAttributes);

const SQL = await loadSqlJs();

/** Reads `bytes` with the plain checks, then with zod alone; returns both and how many features the plain checks passed. */
function readBothWays(bytes: Uint8Array): { fast: ReadProjectResult; zod: ReadProjectResult; passed: number } {
  fastSpy.mockImplementation(plainChecks);
  fastSpy.mockClear();
  const fast = readProject(SQL, bytes);
  const passed = fastSpy.mock.results.filter((r) => r.type === 'return' && r.value !== undefined).length;
  fastSpy.mockImplementation(() => undefined);
  const zod = readProject(SQL, bytes);
  fastSpy.mockImplementation(plainChecks);
  return { fast, zod, passed };
}

const featureCount = (r: ReadProjectResult) => (r.ok ? r.document.scenarios.reduce((n, s) => n + s.features.length, 0) : 0);

beforeEach(() => fastSpy.mockImplementation(plainChecks));

describe('the project reader’s plain attribute checks', () => {
  it('read the sample park to the document zod gives, field for field and in the same key order', () => {
    const { fast, zod, passed } = readBothWays(new Uint8Array(readFileSync('data/samples/bac-ninh-demo.gpkg')));
    expect(fast.ok && zod.ok).toBe(true);
    expect(featureCount(fast)).toBeGreaterThan(100);
    // Every feature of the sample is valid, so none needed zod.
    expect(passed).toBe(featureCount(fast));
    expect(fast).toEqual(zod);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zod));
  });

  it('read a generated 5,000-feature park and the every-attribute sample document as zod does', () => {
    for (const doc of [generateLargePark(), sampleDocument()]) {
      const { fast, zod, passed } = readBothWays(writeProject(SQL, doc));
      expect(fast.ok && zod.ok).toBe(true);
      expect(passed).toBe(featureCount(fast));
      expect(fast).toEqual(zod);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(zod));
    }
  }, 60_000);

  it('leave every hostile row to zod, so each refusal keeps the words it had', () => {
    const good = writeProject(SQL, sampleDocument());
    // `expected` is what the reader of commit e8323ee said, which sent every feature to zod
    // (frozen by reading these same edited files with it).
    for (const { name, sql, expected } of HOSTILE_ROWS) {
      const { fast, zod } = readBothWays(mutateFile(SQL, good, sql));
      const said = (r: ReadProjectResult) => (r.ok ? 'OK' : `${r.reason}: ${r.detail}`);
      expect(said(fast), name).toBe(expected);
      expect(said(zod), name).toBe(expected);
      expect(fast, name).toEqual(zod);
    }
  });
});

describe('the project reader’s feature order', () => {
  it('places features numbered 0 to n-1 directly and sorts anything else as before', () => {
    const good = writeProject(SQL, sampleDocument());
    // Each scenario's feature ids in order, `|` between scenarios; `expected` read by the reader
    // of commit e8323ee, which always sorted (stable, by sort_order) from these same files.
    const order = (r: ReadProjectResult) => (r.ok ? r.document.scenarios.map((s) => s.features.map((f) => f.id).join(' ')).join(' | ') : r.detail);
    expect(order(readProject(SQL, good))).toBe('b1 l1 l2 bd1 bd2 r1 r2 pt1 | b1 l1 | ');
    for (const { name, sql, expected } of SORT_ORDER_EDITS) expect(order(readProject(SQL, mutateFile(SQL, good, sql))), name).toBe(expected);
  });
});

/** Edits of sort_order: ties, text, negative, fractional, past the feature count, a blob. */
const SORT_ORDER_EDITS: { name: string; sql: string; expected: string }[] = [
  { name: 'all buildings tied at 0', sql: "UPDATE buildings SET sort_order = 0", expected: "b1 bd1 bd2 l1 l2 r1 r2 pt1 | b1 l1 | " },
  { name: 'text sort orders', sql: "UPDATE land_use SET sort_order = 'x'", expected: "b1 l1 l2 bd1 bd2 r1 r2 pt1 | b1 l1 | " },
  { name: 'negative sort orders', sql: "UPDATE buildings SET sort_order = -sort_order - 1", expected: "bd2 bd1 b1 l1 l2 r1 r2 pt1 | b1 l1 | " },
  { name: 'fractional sort orders', sql: "UPDATE land_use SET sort_order = sort_order + 0.5", expected: "b1 l1 l2 bd1 bd2 r1 r2 pt1 | b1 l1 | " },
  { name: 'sort orders past the count', sql: "UPDATE roads SET sort_order = sort_order + 1000", expected: "b1 l1 l2 bd1 bd2 pt1 r1 r2 | b1 l1 | " },
  { name: 'blob sort orders', sql: "UPDATE points SET sort_order = x'01'", expected: "b1 l1 pt1 l2 bd1 bd2 r1 r2 | b1 l1 | " },
];

/** Edits of a good project file, each making a row hostile: wrong types, NaN, infinities, huge texts, bad JSON. */
const HOSTILE_ROWS: { name: string; sql: string; expected: string }[] = [
  { name: 'a fractional floor count', sql: 'UPDATE land_use SET max_floors = 2.5 WHERE fid = (SELECT MIN(fid) FROM land_use)', expected: "corrupt: layer land_use, feature \"l1\" (fid 1): maxFloors: Invalid input: expected int, received number" },
  { name: 'text in a number column', sql: "UPDATE buildings SET height_m = 'tall' WHERE fid = (SELECT MIN(fid) FROM buildings)", expected: "corrupt: layer buildings, feature \"bd1\" (fid 1): heightM: Invalid input: expected number, received string" },
  { name: 'the text NaN in a number column', sql: "UPDATE land_use SET max_density = 'NaN' WHERE fid = (SELECT MIN(fid) FROM land_use)", expected: "corrupt: layer land_use, feature \"l1\" (fid 1): maxDensity: Invalid input: expected number, received string" },
  { name: 'an infinite width', sql: 'UPDATE roads SET width_m = 9e999 WHERE fid = (SELECT MIN(fid) FROM roads)', expected: "corrupt: layer roads, feature \"r1\" (fid 1): widthM: Invalid input: expected number, received Infinity" },
  { name: 'a negative infinite ratio', sql: 'UPDATE land_use SET min_green_ratio = -9e999 WHERE fid = (SELECT MIN(fid) FROM land_use)', expected: "corrupt: layer land_use, feature \"l1\" (fid 1): minGreenRatio: Invalid input: expected number, received -Infinity" },
  { name: 'a number in a text column', sql: 'UPDATE points SET facility_type = 42 WHERE fid = (SELECT MIN(fid) FROM points)', expected: "OK" },
  { name: 'a blob in a text column', sql: "UPDATE boundary SET name = x'00ff' WHERE fid = (SELECT MIN(fid) FROM boundary)", expected: "corrupt: layer boundary, feature \"b1\" (fid 1): name: Invalid input: expected string, received Uint8Array" },
  { name: 'an empty feature id', sql: "UPDATE buildings SET feature_id = '' WHERE fid = (SELECT MIN(fid) FROM buildings)", expected: "corrupt: layer buildings, feature \"\" (fid 1): id: Too small: expected string to have >=1 characters" },
  { name: 'an unknown land use', sql: "UPDATE land_use SET land_use = 'nonsense' WHERE fid = (SELECT MIN(fid) FROM land_use)", expected: "corrupt: layer land_use, feature \"l1\" (fid 1): landUse: Invalid option: expected one of \"industrial\"|\"technical\"|\"admin_services\"|\"traffic\"|\"green\"|\"water\"|\"other\"" },
  { name: 'a missing land use', sql: 'UPDATE land_use SET land_use = NULL WHERE fid = (SELECT MIN(fid) FROM land_use)', expected: "corrupt: layer land_use, feature \"l1\" (fid 1): landUse: Invalid option: expected one of \"industrial\"|\"technical\"|\"admin_services\"|\"traffic\"|\"green\"|\"water\"|\"other\"" },
  { name: 'a missing road width', sql: 'UPDATE roads SET width_m = NULL WHERE fid = (SELECT MIN(fid) FROM roads)', expected: "corrupt: layer roads, feature \"r1\" (fid 1): widthM: Invalid input: expected number, received undefined" },
  { name: 'a zero road width', sql: 'UPDATE roads SET width_m = 0 WHERE fid = (SELECT MIN(fid) FROM roads)', expected: "corrupt: layer roads, feature \"r1\" (fid 1): widthM: Too small: expected number to be >0" },
  { name: 'a negative head count', sql: 'UPDATE land_use SET employees = -1 WHERE fid = (SELECT MIN(fid) FROM land_use)', expected: "corrupt: layer land_use, feature \"l1\" (fid 1): employees: Too small: expected number to be >=0" },
  { name: 'an unsafe integer floor count', sql: 'UPDATE buildings SET floors = 9007199254740993 WHERE fid = (SELECT MIN(fid) FROM buildings)', expected: "corrupt: layer buildings, feature \"bd1\" (fid 1): floors: Too big: expected int to be <=9007199254740991" },
  { name: 'a six-digit sector', sql: "UPDATE land_use SET sector = '123456' WHERE fid = (SELECT MIN(fid) FROM land_use)", expected: "corrupt: layer land_use, feature \"l1\" (fid 1): sector: expected a VSIC code of 2 to 5 digits" },
  { name: 'an unknown sector scheme', sql: "UPDATE land_use SET sector_scheme = 'VSIC1999' WHERE fid = (SELECT MIN(fid) FROM land_use)", expected: "corrupt: layer land_use, feature \"l1\" (fid 1): sectorScheme: Invalid option: expected one of \"VSIC2025\"|\"VSIC2018\"" },
  { name: 'an unknown roof type', sql: "UPDATE buildings SET roof_type = 'dome' WHERE fid = (SELECT MIN(fid) FROM buildings)", expected: "corrupt: layer buildings, feature \"bd1\" (fid 1): roofType: Invalid option: expected one of \"flat\"|\"pitched\"|\"sawtooth\"|\"other\"" },
  { name: 'props that are not JSON', sql: "UPDATE land_use SET props = '{oops' WHERE fid = (SELECT MIN(fid) FROM land_use)", expected: "corrupt: layer land_use, feature \"l1\" (fid 1): props is not valid JSON" },
  { name: 'props with a nested array', sql: 'UPDATE land_use SET props = \'{"a":[1]}\' WHERE fid = (SELECT MIN(fid) FROM land_use)', expected: "corrupt: layer land_use, feature \"l1\" (fid 1): props: expected an object whose values are text, finite numbers, true/false or null" },
  { name: 'props that are an array', sql: "UPDATE buildings SET props = '[1,2]' WHERE fid = (SELECT MIN(fid) FROM buildings)", expected: "corrupt: layer buildings, feature \"bd1\" (fid 1): props: expected an object whose values are text, finite numbers, true/false or null" },
  { name: 'props as a number', sql: "UPDATE roads SET props = '7' WHERE fid = (SELECT MIN(fid) FROM roads)", expected: "corrupt: layer roads, feature \"r1\" (fid 1): props: expected an object whose values are text, finite numbers, true/false or null" },
  { name: 'a name past the text limit', sql: "UPDATE land_use SET name = printf('%.*c', 70000, 'x') WHERE fid = (SELECT MIN(fid) FROM land_use)", expected: "limit_exceeded: The length of one attribute value is 70,000 characters, more than the limit of 65,536 characters in layer land_use, feature \"l1\" (fid 1), name." },
  { name: 'notes past the text limit', sql: "UPDATE roads SET notes = printf('%.*c', 1000000, 'y') WHERE fid = (SELECT MIN(fid) FROM roads)", expected: "limit_exceeded: The length of one attribute value is 1,000,000 characters, more than the limit of 65,536 characters in layer roads, feature \"r1\" (fid 1), notes." },
  { name: 'an unknown column past the text limit', sql: "ALTER TABLE points ADD COLUMN \"9\" TEXT; UPDATE points SET \"9\" = printf('%.*c', 70000, 'z'), name = printf('%.*c', 70000, 'n')", expected: "limit_exceeded: The length of one attribute value is 70,000 characters, more than the limit of 65,536 characters in layer points, feature \"pt1\" (fid 1), 9." },
  { name: 'a duplicate feature id', sql: 'UPDATE buildings SET feature_id = (SELECT feature_id FROM land_use ORDER BY fid LIMIT 1), scenario_id = (SELECT scenario_id FROM land_use ORDER BY fid LIMIT 1) WHERE fid = (SELECT MAX(fid) FROM buildings)', expected: "corrupt: the project is invalid at scenarios.s-a: duplicate feature id l1" },
  { name: 'an empty scenario name', sql: "UPDATE ecopark_scenarios SET name = '' WHERE fid = (SELECT MIN(fid) FROM ecopark_scenarios)", expected: "corrupt: the project is invalid at scenarios.0.name: Too small: expected string to have >=1 characters" },
  { name: 'no scenario at all', sql: 'DELETE FROM ecopark_scenarios; DELETE FROM boundary; DELETE FROM land_use; DELETE FROM buildings; DELETE FROM roads; DELETE FROM points', expected: "corrupt: the project is invalid at scenarios: Too small: expected array to have >=1 items" },
  { name: 'an open ring and a bad attribute', sql: "UPDATE land_use SET geom = (SELECT geom FROM roads ORDER BY fid LIMIT 1), max_floors = 0 WHERE fid = (SELECT MIN(fid) FROM land_use)", expected: "corrupt: layer land_use, feature \"l1\" (fid 1): geometry.type: Invalid discriminator value. Expected 'Polygon' | 'MultiPolygon'" },
];
