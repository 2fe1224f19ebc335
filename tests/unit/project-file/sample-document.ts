import { FORMAT_VERSION, type ParkDocument } from '../../../shared/model';

/** Vietnamese name used to check UTF-8 round trips exactly (NFC, with tone marks and an em dash). */
export const VI_NAME = 'Khu công nghiệp sinh thái Yên Phong — Bắc Ninh';

const rect = (x: number, y: number, w: number, h: number): number[][] => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
  [x, y],
];

/**
 * A document with every kind, every geometry type, every attribute, a hole, a 2-part
 * multipolygon, free props, two scenarios and settings. Coordinates near Yên Phong, Bắc Ninh.
 */
export function sampleDocument(): ParkDocument {
  return {
    formatVersion: FORMAT_VERSION,
    project: {
      id: 'p-1',
      name: VI_NAME,
      province: 'Bắc Ninh',
      formerProvince: 'Bắc Giang',
      location: { lon: 105.95, lat: 21.2 },
      author: 'Nguyễn Văn Ánh',
      description: 'Phương án quy hoạch 1/2000',
      createdAt: '2026-01-02T03:04:05.678Z',
      modifiedAt: '2026-02-03T04:05:06.789Z',
    },
    scenarios: [
      {
        id: 's-a',
        name: 'Phương án A',
        description: 'Nhiều cây xanh',
        features: [
          { id: 'b1', kind: 'boundary', name: 'Ranh giới', code: 'RG', notes: 'đo đạc 2025', geometry: { type: 'Polygon', coordinates: [rect(105.94, 21.19, 0.02, 0.02)] } },
          {
            id: 'l1',
            kind: 'landuse',
            landUse: 'industrial',
            subtype: 'factory',
            name: 'Lô CN-01',
            code: 'CN-01',
            maxDensity: 0.6,
            maxFloors: 5,
            minGreenRatio: 0.2,
            maxFar: 2.5,
            notes: 'ghi chú',
            props: { owner: 'Công ty Ánh Dương', area_ha: 12.5, leased: true, empty: null },
            geometry: { type: 'Polygon', coordinates: [rect(105.941, 21.191, 0.005, 0.004), rect(105.942, 21.192, 0.001, 0.001).reverse()] },
          },
          {
            id: 'l2',
            kind: 'landuse',
            landUse: 'green',
            subtype: 'green/buffer',
            geometry: { type: 'MultiPolygon', coordinates: [[rect(105.95, 21.19, 0.001, 0.01)], [rect(105.955, 21.19, 0.001, 0.01)]] },
          },
          { id: 'bd1', kind: 'building', name: 'Nhà xưởng 1', heightM: 12.5, floors: 2, roofType: 'sawtooth', geometry: { type: 'Polygon', coordinates: [rect(105.9415, 21.1915, 0.0005, 0.0003)] } },
          {
            id: 'bd2',
            kind: 'building',
            heightM: 9,
            geometry: { type: 'MultiPolygon', coordinates: [[rect(105.943, 21.192, 0.0002, 0.0002)], [rect(105.944, 21.192, 0.0002, 0.0002)]] },
          },
          { id: 'r1', kind: 'road', name: 'Đường D1', widthM: 24, geometry: { type: 'LineString', coordinates: [[105.94, 21.2], [105.95, 21.2], [105.96, 21.205]] } },
          {
            id: 'r2',
            kind: 'road',
            widthM: 8,
            props: {},
            geometry: { type: 'MultiLineString', coordinates: [[[105.94, 21.195], [105.945, 21.195]], [[105.946, 21.195], [105.95, 21.196]]] },
          },
          { id: 'pt1', kind: 'point', name: 'Trạm biến áp', facilityType: 'substation', geometry: { type: 'Point', coordinates: [105.9512345678901, 21.1987654321098] } },
        ],
      },
      {
        id: 's-b',
        name: 'Phương án B',
        features: [
          { id: 'b1', kind: 'boundary', geometry: { type: 'Polygon', coordinates: [rect(105.94, 21.19, 0.03, 0.02)] } },
          { id: 'l1', kind: 'landuse', landUse: 'water', geometry: { type: 'Polygon', coordinates: [rect(105.96, 21.2, 0.002, 0.002)] } },
        ],
      },
      { id: 's-c', name: 'Trống', features: [] },
    ],
    activeScenarioId: 's-b',
    settings: { solar: { panelEfficiency: 0.21, tiltDeg: 15 }, ruleSet: 'QCVN 01:2021/BXD', enabled: true },
  };
}
