import placesJson from '../../data/gazetteer/vietnam-places.json';
import { parseCrsCode, toWgs84 } from '../io/crs/crs';
import { foldName } from '../io/crs/vn2000-zones';

/**
 * What the "Go to" box understands: WGS 84 latitude/longitude (decimal or degrees-minutes-
 * seconds), VN-2000 plane coordinates with their zone, and place names from the offline
 * gazetteer (data/gazetteer/vietnam-places.json, see data/SOURCES.md). Pure: no DOM.
 */

/** One gazetteer row (scripts/generate-gazetteer.ts writes them). */
export interface GazetteerPlace {
  name: string;
  kind: 'province' | 'former-province' | 'town';
  /** Current province (after the 2025 merger) the place lies in. */
  province: string;
  lon: number;
  lat: number;
}

/** Where to fly: a WGS 84 position and a zoom that shows it at a useful scale. */
export interface GoToTarget {
  lon: number;
  lat: number;
  zoom: number;
  /** 'coordinates' for typed positions, else the place found. */
  place?: GazetteerPlace;
}

export const GAZETTEER: readonly GazetteerPlace[] = placesJson.places as GazetteerPlace[];

/** Zooms: a typed position is a site (≈ 300 m across the screen), a town a town, a province a province. */
const ZOOM = { coordinates: 16, town: 12, province: 9, 'former-province': 9 } as const;

/** Longest input looked at: a few coordinates, not a document. */
const MAX_INPUT = 200;

const NUMBER = String.raw`[-+]?\d+(?:[.,]\d+)?`;

const num = (s: string): number => Number(s.replace(',', '.'));

/** "21.0285, 105.8542" or "21.0285 105.8542" (latitude first, as maps and phones give it). */
function parseDecimal(text: string): [number, number] | undefined {
  const m = new RegExp(String.raw`^([-+]?\d+\.\d+)\s*[,;\s]\s*([-+]?\d+\.\d+)$`).exec(text);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  // Longitude first is a common slip; in Viet Nam longitudes (102–118) cannot be latitudes.
  if (Math.abs(a) > 90 && Math.abs(b) <= 90) return [a, b];
  return [b, a];
}

/** One angle: 21°01′42″N, 21°01'42"N, 21 01 42 N, 21.0285N, 21°01.7′N. */
const ANGLE = String.raw`(\d+(?:[.,]\d+)?)\s*°?\s*(?:(\d+(?:[.,]\d+)?)\s*['′’]?\s*(?:(\d+(?:[.,]\d+)?)\s*(?:″|"|''|′′|”)?)?)?\s*([NSEW])`;

function parseDms(text: string): [number, number] | undefined {
  const m = new RegExp(String.raw`^${ANGLE}\s*[,;]?\s*${ANGLE}$`, 'i').exec(text);
  if (!m) return undefined;
  const angle = (d: string, mi?: string, s?: string): number => num(d) + (mi ? num(mi) / 60 : 0) + (s ? num(s) / 3600 : 0);
  let lat: number | undefined;
  let lon: number | undefined;
  for (const [d, mi, s, h] of [m.slice(1, 5), m.slice(5, 9)]) {
    const hemisphere = h.toUpperCase();
    const value = angle(d, mi, s) * (hemisphere === 'S' || hemisphere === 'W' ? -1 : 1);
    if (hemisphere === 'N' || hemisphere === 'S') lat = value;
    else lon = value;
  }
  return lat !== undefined && lon !== undefined ? [lon, lat] : undefined;
}

/** A zone as typed: "105.5", "105°30′", "105 30", "EPSG:9209", "VN2000:105.5". */
function parseZone(text: string): ReturnType<typeof parseCrsCode> {
  const zone = text.trim();
  const code = parseCrsCode(zone);
  if (code) return code.datum === 'VN2000' && code.tm ? code : undefined;
  const m = /^(\d{3})(?:[.,](\d+))?\s*°?\s*(?:(\d{1,2})\s*['′’]?)?$/.exec(zone);
  if (!m) return undefined;
  const deg = Number(m[2] ? `${m[1]}.${m[2]}` : m[1]) + (m[3] ? Number(m[3]) / 60 : 0);
  return parseCrsCode(`VN2000:${deg}`);
}

/**
 * VN-2000 plane coordinates "X Y zone": X is the northing and Y the easting, as Vietnamese
 * cadastral maps write them; either order is accepted, the northing being the larger number.
 * A zone must be given: the same numbers lie ~100 km apart in neighbouring zones.
 */
function parseVn2000(text: string): [number, number] | undefined {
  const m = new RegExp(String.raw`^(${NUMBER})\s*[,;\s]\s*(${NUMBER})\s*[,;\s]\s*(?:(?:zone|múi|mui|kinh tuyến trục|ktt)\s*:?\s*)?(.+)$`, 'i').exec(text);
  if (!m) return undefined;
  const crs = parseZone(m[3]);
  if (!crs) return undefined;
  const [a, b] = [num(m[1]), num(m[2])];
  const [northing, easting] = a > b ? [a, b] : [b, a];
  // Viet Nam's plane coordinates: eastings within a zone's few hundred km, northings 0.9–2.6 million m.
  if (easting < 100000 || easting > 900000 || northing < 800000 || northing > 2700000) return undefined;
  return toWgs84(crs, easting, northing);
}

/** A typed position as WGS 84 [lon, lat], or undefined when the text is not one. */
export function parseCoordinates(input: string): [number, number] | undefined {
  const text = input.trim().slice(0, MAX_INPUT);
  const lonLat = parseDecimal(text) ?? parseDms(text) ?? parseVn2000(text);
  if (!lonLat) return undefined;
  const [lon, lat] = lonLat;
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lon, lat] : undefined;
}

const KIND_RANK: Record<GazetteerPlace['kind'], number> = { province: 0, town: 1, 'former-province': 2 };

/**
 * Gazetteer places whose name matches the query, accents, case, spaces and "Tỉnh"/"Thành phố"
 * ignored: exact names first, then names starting with the query, then names containing it;
 * within each, current provinces before towns before former provinces.
 */
export function searchPlaces(query: string, limit = 8): GazetteerPlace[] {
  const key = foldName(query.slice(0, MAX_INPUT));
  if (key.length < 2) return [];
  const scored: { place: GazetteerPlace; score: number }[] = [];
  for (const place of GAZETTEER) {
    const name = foldName(place.name);
    const match = name === key ? 0 : name.startsWith(key) ? 1 : name.includes(key) ? 2 : -1;
    if (match >= 0) scored.push({ place, score: match * 3 + KIND_RANK[place.kind] });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.place.name.localeCompare(b.place.name, 'vi'))
    .slice(0, limit)
    .map((s) => s.place);
}

/** The target of a place picked from the list. */
export function placeTarget(place: GazetteerPlace): GoToTarget {
  return { lon: place.lon, lat: place.lat, zoom: ZOOM[place.kind], place };
}

/** What Enter in the box goes to: typed coordinates, else the best place, else nothing. */
export function resolveGoTo(input: string): GoToTarget | undefined {
  const lonLat = parseCoordinates(input);
  if (lonLat) return { lon: lonLat[0], lat: lonLat[1], zoom: ZOOM.coordinates };
  const [best] = searchPlaces(input, 1);
  return best ? placeTarget(best) : undefined;
}
