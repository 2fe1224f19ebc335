import { ECO_SETTINGS_KEY, type EcoSettings } from '../../../shared/eco';
import { createEmptyDocument, type ParkDocument } from '../../../shared/model';
import type { LandUseFeature } from '../../../shared/model/feature';

/**
 * The "Done when" park of issue 16: an aluminium plant, a brewery, a fertiliser plant, a
 * furniture maker and a garment factory on five equal plots in a row at 21.1° N, plus a WWTP.
 *
 * Every plot is 0.002° × 0.002°, from lon 106.000 + 0.003 k, lat 21.100–21.102. Geodesic area
 * (python3-geographiclib, Geodesic.WGS84.Polygon over the four corners):
 *   A = 46 014.6749 m² = 4.601467492 ha for each plot.
 * Distances between plot centres (106.001 + 0.003 k, 21.101), Geodesic.WGS84.Inverse:
 *   one plot apart 311.7009 m, two plots apart 623.4018 m.
 */

export const A_HA = 4.6014674924075605;
export const GRID = 0.6592;

const SECTORS = [
  { id: 'al', name: 'Aluminium', sector: '2420' },
  { id: 'beer', name: 'Brewery', sector: '1103', tenant: 'Bia Hà Nội – Bắc Ninh', employees: 300, measuredElectricityMwhPerYear: 10_000 },
  { id: 'fert', name: 'Fertiliser', sector: '2012' },
  { id: 'wood', name: 'Furniture', sector: '3101', sectorScheme: 'VSIC2018' },
  { id: 'sew', name: 'Garments', sector: '1410' },
] as const;

function square(x0: number): LandUseFeature['geometry'] {
  const ring = [[x0, 21.1], [x0 + 0.002, 21.1], [x0 + 0.002, 21.102], [x0, 21.102], [x0, 21.1]];
  return { type: 'Polygon', coordinates: [ring] };
}

export function park(eco?: EcoSettings): ParkDocument {
  const doc = createEmptyDocument('eco', { location: { lon: 106.007, lat: 21.101 }, now: '2026-01-01T00:00:00Z' });
  SECTORS.forEach((s, k) => doc.scenarios[0].features.push({ kind: 'landuse', landUse: 'industrial', geometry: square(106 + 0.003 * k), ...s }));
  doc.scenarios[0].features.push({ id: 'wwtp', kind: 'landuse', landUse: 'technical', subtype: 'wwtp', props: { capacityM3PerDay: 500 }, geometry: square(106.02) });
  if (eco) doc.settings[ECO_SETTINGS_KEY] = eco;
  return doc;
}

