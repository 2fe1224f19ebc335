import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { applyMapping, defaultMapping, importMappingSchema } from '../../../shared/io/apply-mapping';
import { makeLayer } from '../../../shared/io/imported-layer';

const square = (x: number): Geometry => ({ type: 'Polygon', coordinates: [[[x, 21], [x + 0.001, 21], [x + 0.001, 21.001], [x, 21.001], [x, 21]]] });
const f = (properties: Record<string, unknown>, geometry: Geometry, id?: string): Feature<Geometry, Record<string, unknown>> => ({ type: 'Feature', properties, geometry, ...(id ? { id } : {}) });

const zoning = makeLayer('QH_SDD', [
  f({ LOAI_DAT: 'CN', ten: 'Lô A', dien_tich: 1.2 }, square(106)),
  f({ LOAI_DAT: 'CX', ten: 'Công viên', landUse: 'water' }, square(106.01)),
  f({ LOAI_DAT: 'XX', ten: 'Không rõ' }, square(106.02)),
  f({ LOAI_DAT: 'BO' }, square(106.03)),
]);

describe('applyMapping', () => {
  it('maps by attribute value on top of the layer target; unknown attributes stay in props; the file value survives as source_*', () => {
    const { features, skipped } = applyMapping([zoning], {
      layers: { QH_SDD: { kind: 'landuse', landUse: 'other', attribute: 'LOAI_DAT', values: { CN: { landUse: 'industrial' }, CX: { landUse: 'green', subtype: 'green/park' }, BO: { kind: 'skip' } } } },
    });
    expect(skipped).toBe(1);
    expect(features.map((x) => (x.kind === 'landuse' ? [x.landUse, x.subtype] : x.kind))).toEqual([['industrial', undefined], ['green', 'green/park'], ['other', undefined]]);
    expect(features[0].props).toEqual({ LOAI_DAT: 'CN', ten: 'Lô A', dien_tich: 1.2 });
    expect(features[1].props).toMatchObject({ source_landUse: 'water' });
  });

  it('names features from a name, ten, tên or label attribute of any case, keeping the attribute', () => {
    const layer = makeLayer('L', [
      f({ Name: 'Lô A' }, square(106)),
      f({ NAME: 'Lô B' }, square(106.01)),
      f({ TEN: 'Lô C' }, square(106.02)),
      f({ Tên: ' Công viên ', label: 'ignored: tên comes first' }, square(106.03)),
      f({ LABEL: 7 }, square(106.04)),
      // Vietnamese typed in decomposed form (NFD, as some Mac tools write it) is the same word.
      f({ ['Tên'.normalize('NFD')]: 'Hồ' }, square(106.05)),
      f({ ten: '   ', label: '' }, square(106.06)),
      f({ name: 'Own', ten: 'Other' }, square(106.07)),
    ]);
    const { features } = applyMapping([layer], { layers: {} });
    expect(features.map((x) => x.name)).toEqual(['Lô A', 'Lô B', 'Lô C', 'Công viên', '7', 'Hồ', undefined, 'Own']);
    expect(features[2].props).toEqual({ TEN: 'Lô C' });
  });

  it('keeps source ids when free and renames clashes (source_id kept in props)', () => {
    const layer = makeLayer('L', [f({ id: 'a' }, square(106)), f({}, square(106.01), 'b'), f({ id: 'taken' }, square(106.02))]);
    const { features } = applyMapping([layer], { layers: {} }, { existingIds: ['taken'] });
    expect(features[0].id).toBe('a');
    expect(features[1].id).toBe('b');
    expect(features[2].id).not.toBe('taken');
    expect(features[2].props).toEqual({ source_id: 'taken' });
  });

  it('a kind that does not fit the geometry falls back with a warning; lines become roads with the default width', () => {
    const layer = makeLayer('Mixed', [f({}, { type: 'LineString', coordinates: [[106, 21], [106.01, 21]] }), f({ width: 12 }, { type: 'LineString', coordinates: [[106, 21], [106.01, 21.01]] })]);
    const { features, warnings } = applyMapping([layer], { layers: { Mixed: { kind: 'building' } } });
    expect(features.map((x) => x.kind)).toEqual(['road', 'road']);
    expect(features.map((x) => (x.kind === 'road' ? x.widthM : 0))).toEqual([8, 12]);
    expect(warnings.some((w) => w.includes('do not fit kind "building"'))).toBe(true);
  });

  it('a polygon the model cannot hold is left out with a warning naming it, not silently', () => {
    const layer = makeLayer('Bad', [f({}, { type: 'Polygon', coordinates: [[[106, 21], [106.1, 21], [106, 21]]] })]);
    const { features, warnings } = applyMapping([layer], { layers: {} });
    expect(features).toEqual([]);
    expect(warnings[0]).toMatch(/^Layer “Bad”, feature 1: .*not imported\.$/);
  });

  it('guesses boundary, building and land uses from English and Vietnamese layer names; the map file schema refuses unknown kinds', () => {
    const layers = ['RANH_GIOI', 'Buildings', 'CAY_XANH', 'MAT_NUOC', 'Giao thông', 'HTKT_XU_LY', 'x'].map((n) => makeLayer(n, [f({}, square(106))]));
    expect(defaultMapping(layers).layers).toEqual({
      RANH_GIOI: { kind: 'boundary' },
      Buildings: { kind: 'building' },
      CAY_XANH: { kind: 'landuse', landUse: 'green' },
      MAT_NUOC: { kind: 'landuse', landUse: 'water' },
      'Giao thông': { kind: 'landuse', landUse: 'traffic' },
      HTKT_XU_LY: { kind: 'landuse', landUse: 'technical' },
      x: {},
    });
    expect(importMappingSchema.safeParse({ layers: { a: { kind: 'plot' } } }).success).toBe(false);
    expect(importMappingSchema.safeParse({ layers: { a: { kind: 'skip' } } }).success).toBe(true);
  });
});
