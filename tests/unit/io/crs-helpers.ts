import { mapPositions } from '../../../shared/io/crs/crs';
import type { ParkDocument } from '../../../shared/model';
import { sampleDocument } from '../project-file/sample-document';

/** The sample park (near 105.94° E, 21.19° N) moved by (dLon, dLat) degrees to another city. */
export function movedPark(dLon: number, dLat: number): ParkDocument {
  const doc = sampleDocument();
  const move = <T>(coords: T): T => mapPositions(coords, (x, y) => [x + dLon, y + dLat]);
  return { ...doc, scenarios: doc.scenarios.map((s) => ({ ...s, features: s.features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: move(f.geometry.coordinates) } }) as typeof f) })) };
}

/** The sample park in TP Hồ Chí Minh (around 106.70° E, 10.78° N), inside EPSG:5194's area. */
export const hcmcPark = (): ParkDocument => movedPark(0.76, -10.41);
/** The sample park in Hà Nội (around 105.85° E, 21.03° N), outside it. */
export const hanoiPark = (): ParkDocument => movedPark(-0.09, -0.16);
