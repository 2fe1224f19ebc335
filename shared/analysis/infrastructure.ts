import type { ParkFeature, RoadFeature } from '../model/feature';
import { lengthM } from './measure';
import type { AnalysisResult } from './types';

/** Road figures: centre-line length (m), corridor area = length × width (m²), and traffic land (m²). */
export function infrastructureOf(features: readonly ParkFeature[], parkAreaM2: number, trafficLandM2: number): AnalysisResult['infrastructure'] {
  const roads = features.filter((f): f is RoadFeature => f.kind === 'road');
  const roadLengthM = roads.reduce((s, r) => s + lengthM(r.geometry), 0);
  const roadAreaM2 = roads.reduce((s, r) => s + lengthM(r.geometry) * r.widthM, 0);
  return { roadLengthM, roadAreaM2, roadAreaShare: parkAreaM2 > 0 ? roadAreaM2 / parkAreaM2 : 0, trafficLandM2 };
}
