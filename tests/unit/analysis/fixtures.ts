import type { ParkDocument, ParkFeature } from '../../../shared/model';

/** An axis-aligned lon/lat rectangle ring, closed. */
export function rect(x0: number, y0: number, x1: number, y1: number): number[][] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}

export function poly(ring: number[][], ...holes: number[][][]) {
  return { type: 'Polygon' as const, coordinates: [ring, ...holes] };
}

/** A one-scenario document holding `features`; fixed ids and dates so results are stable. */
export function docOf(features: ParkFeature[], settings: Record<string, unknown> = {}): ParkDocument {
  return {
    formatVersion: 1,
    project: { id: 'p', name: 'Test park', province: 'Bắc Ninh', location: { lon: 106, lat: 21 }, createdAt: '2026-01-01T00:00:00Z', modifiedAt: '2026-01-01T00:00:00Z' },
    scenarios: [{ id: 's', name: 'A', features }],
    activeScenarioId: 's',
    settings,
  };
}

export const DATE = '2026-01-15';
