import { describe, expect, it } from 'vitest';
import { createFeatureCommand, type NewFeature } from '../../../shared/editing/create-feature';
import { applyDocumentCommand } from '../../../shared/model/document-command';
import {
  DEFAULT_FEATURE_CODE_SCHEME,
  FEATURE_CODES_SETTING,
  nextFeatureCode,
  readFeatureCodeScheme,
  setFeatureCodeSchemeCommand,
} from '../../../shared/model/feature-codes';
import type { ParkDocument, ParkFeature, PolygonGeometry } from '../../../shared/model';

const rect = (x0: number, x1: number, y0: number, y1: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

const doc = (features: ParkFeature[], settings: Record<string, unknown> = {}): ParkDocument => ({
  formatVersion: 1,
  project: { id: 'p', name: 'T', province: 'Bắc Ninh', location: { lon: 106.05, lat: 21.05 }, createdAt: '2026-01-01T00:00:00Z', modifiedAt: '2026-01-01T00:00:00Z' },
  scenarios: [{ id: 'A', name: 'A', features }],
  activeScenarioId: 'A',
  settings,
});

const plot = (landUse: 'industrial' | 'green', x0: number): NewFeature => ({ kind: 'landuse', landUse, geometry: rect(x0, x0 + 0.001, 21.05, 21.051) });

function createdCode(d: ParkDocument, drawn: NewFeature): string | undefined {
  const outcome = createFeatureCommand(d, 'A', drawn, { overlapPolicy: 'flag', clipToBoundary: false });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.command.put[0].code;
}

describe('feature codes', () => {
  it('numbers each prefix from 01, one past the highest code in use, never reusing one', () => {
    expect(nextFeatureCode([], 'CN')).toBe('CN-01');
    // CN-02 was deleted: CN-01 and CN-03 remain, so the next is CN-04, not CN-02.
    expect(nextFeatureCode([{ code: 'CN-01' }, { code: 'CN-03' }, { code: 'CX-07' }], 'CN')).toBe('CN-04');
    // Split pieces (CN-05a, CN-05b) hold number 5; other prefixes and free text do not count.
    expect(nextFeatureCode([{ code: 'CN-05a' }, { code: 'CN-05b' }, { code: 'CNX-09' }, { code: 'Lô CN-12' }, {}], 'CN')).toBe('CN-06');
    expect(nextFeatureCode([{ code: 'CN-99' }], 'CN')).toBe('CN-100');
  });

  it('gives a drawn land-use plot the next code of its category, and keeps a code given', () => {
    const existing: ParkFeature[] = [
      { id: 'a', kind: 'landuse', landUse: 'industrial', code: 'CN-01', geometry: rect(106.0, 106.001, 21.0, 21.001) },
      { id: 'b', kind: 'landuse', landUse: 'green', code: 'CX-02', geometry: rect(106.01, 106.011, 21.0, 21.001) },
    ];
    expect(createdCode(doc(existing), plot('industrial', 106.05))).toBe('CN-02');
    expect(createdCode(doc(existing), plot('green', 106.05))).toBe('CX-03');
    expect(createdCode(doc(existing), { ...plot('green', 106.05), code: 'CX-A' })).toBe('CX-A');
    const building: NewFeature = { kind: 'building', heightM: 9, geometry: rect(106.05, 106.051, 21.05, 21.051) };
    expect(createdCode(doc(existing), building)).toBeUndefined();
  });

  it('reads the prefixes from the document settings, ignoring invalid entries', () => {
    const settings = { [FEATURE_CODES_SETTING]: { industrial: 'NM', green: 'C X', water: 42, __proto__: { traffic: 'ZZ' } } };
    const scheme = readFeatureCodeScheme(settings);
    expect(scheme).toEqual({ ...DEFAULT_FEATURE_CODE_SCHEME, industrial: 'NM' });
    expect(createdCode(doc([], settings), plot('industrial', 106.05))).toBe('NM-01');
    expect(readFeatureCodeScheme({ [FEATURE_CODES_SETTING]: 'CN' })).toEqual(DEFAULT_FEATURE_CODE_SCHEME);
  });

  it('saves an edited scheme as one undoable settings command', () => {
    const before = doc([]);
    const command = setFeatureCodeSchemeCommand({ ...DEFAULT_FEATURE_CODE_SCHEME, technical: 'HTKT', admin_services: 'ĐH' });
    const applied = applyDocumentCommand(before, command);
    // Only the prefixes that differ from the default are stored.
    expect(applied.document.settings[FEATURE_CODES_SETTING]).toEqual({ technical: 'HTKT', admin_services: 'ĐH' });
    expect(readFeatureCodeScheme(applied.document.settings).admin_services).toBe('ĐH');
    expect(applyDocumentCommand(applied.document, applied.inverse).document).toEqual(before);
  });
});
