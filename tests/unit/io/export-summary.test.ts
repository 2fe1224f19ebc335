import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/io/exchange';
import { describeExportSummary, type ExportSummary } from '../../../shared/io/export-summary';
import { asciiBaseName } from '../../../shared/io/shapefile-write';
import { sampleDocument } from '../project-file/sample-document';

const doc = { ...sampleDocument(), activeScenarioId: 's-a' };

describe('exportDocument returns what it wrote as data', () => {
  it('Shapefile: scenario, features per kind, layers with their counts, CRS and transformation', () => {
    const out = exportDocument(doc, 'shp', { crs: 'VN2000:105.75', transformation: 'EPSG:6960', scenarioId: 's-a' });
    if (!out.ok) throw new Error(out.detail);
    const base = asciiBaseName(doc.project.name);
    // Scenario A of sample-document.ts by hand: boundary b1; land use 2; buildings bd1, bd2; roads r1, r2; point pt1.
    // Shapefile groups: polygons = 1 + 2 + 2 = 5, lines = 2 roads, points = 1.
    expect(out.summary).toEqual({
      scenario: 'Phương án A',
      scenarios: 1,
      features: 8,
      kinds: [
        { kind: 'boundary', count: 1 },
        { kind: 'landuse', count: 2 },
        { kind: 'building', count: 2 },
        { kind: 'road', count: 2 },
        { kind: 'point', count: 1 },
      ],
      layers: [
        { name: `${base}_polygons`, count: 5 },
        { name: `${base}_lines`, count: 2 },
        { name: `${base}_points`, count: 1 },
      ],
      // VN2000:105.75 is written under its EPSG code: EPSG:9210 is "VN-2000 / TM-3 105-45" in the EPSG registry.
      crs: 'EPSG:9210',
      transformation: { code: 'EPSG:6960', name: 'VN-2000 to WGS 84 (2)' },
    });
  });

  it('GeoJSON of the whole project: every scenario counted, no layers or CRS', () => {
    const out = exportDocument(doc, 'geojson');
    if (!out.ok) throw new Error(out.detail);
    // Scenarios A (8 features), B (boundary, land use) and "Trống" (none): 3 scenarios, 10 features.
    expect(out.summary).toEqual({
      scenarios: 3,
      features: 10,
      kinds: [
        { kind: 'boundary', count: 2 },
        { kind: 'landuse', count: 3 },
        { kind: 'building', count: 2 },
        { kind: 'road', count: 2 },
        { kind: 'point', count: 1 },
      ],
    });
  });
});

describe('describeExportSummary', () => {
  const dxf: ExportSummary = {
    file: 'Yên Phong - A.dxf',
    scenario: 'Phương án A',
    scenarios: 1,
    features: 1234,
    kinds: [
      { kind: 'landuse', count: 1230 },
      { kind: 'road', count: 1 },
      { kind: 'building', count: 3 },
    ],
    layers: [
      { name: 'IND', count: 1230 },
      { name: 'ROAD', count: 1 },
    ],
    crs: 'VN2000:105.5',
    transformation: { code: 'EPSG:5194', name: 'VN-2000 to WGS 84 (1)' },
  };

  it('words a projected export in English, thousands grouped with a comma, singular for one', () => {
    expect(describeExportSummary(dxf, 'en')).toBe(
      'Exported “Yên Phong - A.dxf”: scenario “Phương án A”, 1,234 features (1,230 land-use areas, 1 road, 3 buildings); layers: IND 1,230, ROAD 1; coordinate system VN2000:105.5 (VN-2000 → WGS 84: EPSG:5194 “VN-2000 to WGS 84 (1)”).',
    );
  });

  it('words it in Vietnamese, thousands grouped with a dot', () => {
    expect(describeExportSummary(dxf, 'vi')).toBe(
      'Đã xuất “Yên Phong - A.dxf”: phương án “Phương án A”, 1.234 đối tượng (1.230 vùng sử dụng đất, 1 đường, 3 công trình); các lớp: IND 1.230, ROAD 1; hệ tọa độ VN2000:105.5 (VN-2000 → WGS 84: EPSG:5194 “VN-2000 to WGS 84 (1)”).',
    );
  });

  it('words a whole-project export without a file name (the CLI names IN -> OUT itself) in both languages', () => {
    const whole: ExportSummary = { scenarios: 1, features: 1, kinds: [{ kind: 'boundary', count: 1 }] };
    expect(describeExportSummary(whole, 'en')).toBe('1 scenario, 1 feature (1 park boundary).');
    expect(describeExportSummary(whole, 'vi')).toBe('1 phương án, 1 đối tượng (1 ranh giới khu).');
    const empty: ExportSummary = { scenario: 'Trống', scenarios: 1, features: 0, kinds: [], layers: [], crs: 'EPSG:4326' };
    expect(describeExportSummary(empty, 'en')).toBe('scenario “Trống”, 0 features; layers: none; coordinate system EPSG:4326.');
    expect(describeExportSummary(empty, 'vi')).toBe('phương án “Trống”, 0 đối tượng; các lớp: không có; hệ tọa độ EPSG:4326.');
  });
});
