import type { XY } from '../../../shared/geometry/planar-ring';
import { bboxOf, type Obstacle } from '../../../shared/solar/shading';
import type { RoofInput } from '../../../shared/solar/simulate';

export const rect = (x0: number, y0: number, x1: number, y1: number): XY[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];

/** A flat roof in the local frame (planar = geodesic for these tests). */
export function roof(id: string, ring: XY[], heightM: number): RoofInput {
  const a = Math.abs(ring.reduce((s, p, i) => s + p[0] * ring[(i + 1) % ring.length][1] - ring[(i + 1) % ring.length][0] * p[1], 0) / 2);
  return { id, parts: [{ outer: ring, holes: [] }], heightM, roofType: 'flat', roofAreaM2: a, planarToGeodesic: 1 };
}

export function obstacle(id: string, ring: XY[], heightM: number): Obstacle {
  return { id, ring, heightM, bbox: bboxOf(ring) };
}

/** Text of an EPW year: clear-ish days, GHI/DNI/DHI following a sine of the day (hour-ending stamps). */
export function makeEpw(lat: number, lon: number, tz: number): string {
  const head = [
    `LOCATION,Test Site,HN,VNM,Test,000000,${lat},${lon},${tz},10`,
    'DESIGN CONDITIONS,0',
    'TYPICAL/EXTREME PERIODS,0',
    'GROUND TEMPERATURES,0',
    'HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0',
    'COMMENTS 1,test fixture',
    'COMMENTS 2,',
    'DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31',
  ];
  const rows: string[] = [];
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  for (let m = 1; m <= 12; m++)
    for (let d = 1; d <= days[m - 1]; d++)
      for (let h = 1; h <= 24; h++) {
        const s = Math.max(0, Math.sin(((h - 0.5 - 6) / 12) * Math.PI));
        const [ghi, dni, dhi] = [Math.round(800 * s), Math.round(500 * s), Math.round(300 * s)];
        const f = [2005, m, d, h, 60, 'A7A7', 27.5, 20, 70, 100800, 0, 0, 400, ghi, dni, dhi, 0, 0, 0, 0, 180, 2.5];
        rows.push([...f, ...Array(13).fill(0)].join(','));
      }
  return [...head, ...rows].join('\n');
}

/** Text of a PVGIS TMY CSV with the same pattern as makeEpw, in UTC. */
export function makePvgisCsv(lat: number, lon: number): string {
  const lines = [`Latitude (decimal degrees): ${lat}`, `Longitude (decimal degrees): ${lon}`, 'Elevation (m): 10', 'month,year', '1,2010', 'time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP'];
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  for (let m = 1; m <= 12; m++)
    for (let d = 1; d <= days[m - 1]; d++)
      for (let h = 0; h < 24; h++) {
        const local = (h + 7) % 24;
        const s = Math.max(0, Math.sin(((local + 0.5 - 6) / 12) * Math.PI));
        lines.push(`2010${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}:${String(h).padStart(2, '0')}00,27.5,70,${Math.round(800 * s)},${Math.round(500 * s)},${Math.round(300 * s)},400,2.5,180,100800`);
      }
  lines.push('T2m: 2-m air temperature (degree Celsius)');
  return lines.join('\n');
}
