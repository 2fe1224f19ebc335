import zonesJson from '../../../data/crs/vn2000-zones.json';

/** One row of data/crs/vn2000-zones.json: a pre-2025 province, the province it now belongs to, its zone meridian. */
export interface Vn2000Zone {
  formerProvince: string;
  province: string;
  centralMeridian: string;
  lon0Deg: number;
}

/** Zone table (Circular 973/2001/TT-TCĐC annex; see data/SOURCES.md). */
export const VN2000_ZONES: readonly Vn2000Zone[] = zonesJson.zones;

/** EPSG codes of "VN-2000 / TM-3 …" projected CRSs by central meridian (PROJ database 9.x). */
export const VN2000_TM3_EPSG: Readonly<Record<string, number>> = zonesJson.epsgTm3;

/** Every distinct zone meridian (degrees), ascending, including EPSG-only ones (102°). */
export function vn2000Meridians(): number[] {
  const all = new Set<number>([...VN2000_ZONES.map((z) => z.lon0Deg), ...Object.keys(VN2000_TM3_EPSG).map(Number)]);
  return [...all].sort((a, b) => a - b);
}

/** Zones of a province by its current or former name (accents and case ignored). */
export function zonesOfProvince(name: string): Vn2000Zone[] {
  const key = foldName(name);
  if (key === '') return [];
  // A former province names one zone exactly; a merged current province may span several.
  const former = VN2000_ZONES.filter((z) => foldName(z.formerProvince) === key);
  return [...former, ...VN2000_ZONES.filter((z) => foldName(z.province) === key && !former.includes(z))];
}

/** "Thành phố Hồ Chí Minh" and "ho chi minh" fold to the same key. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/^(tinh|thanh pho|tp\.?)\s+/, '')
    .replace(/[^a-z]/g, '');
}
