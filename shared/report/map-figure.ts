import { createLocalFrame, localToLonLat, lonLatToLocal, type LocalFrame } from '../geometry/local-frame';
import { LAND_USE_CATALOGUE, LAND_USE_CODES, landUseCategory, type LandUseCode } from '../model/land-use';
import type { Scenario } from '../model/document';
import type { ParkFeature } from '../model/feature';
import { reportStrings } from './strings';
import type { MapFigure, MapLegendItem, MapPrimitive, MapTick, MapXY, ReportLang } from './types';

const ROAD_COLOUR = '#a9a9a9';
const POINT_COLOUR = '#7b3294';

type Ring = readonly (readonly number[])[];

function polygonsOf(f: ParkFeature): Ring[][] {
  if (f.geometry.type === 'Polygon') return [f.geometry.coordinates];
  if (f.geometry.type === 'MultiPolygon') return f.geometry.coordinates;
  return [];
}

function bboxCentre(features: readonly ParkFeature[]): [number, number] | null {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  const visit = (p: readonly number[]) => {
    minLon = Math.min(minLon, p[0]); maxLon = Math.max(maxLon, p[0]);
    minLat = Math.min(minLat, p[1]); maxLat = Math.max(maxLat, p[1]);
  };
  for (const f of features) {
    const g = f.geometry;
    if (g.type === 'Point') visit(g.coordinates);
    else if (g.type === 'LineString') g.coordinates.forEach(visit);
    else if (g.type === 'MultiLineString') g.coordinates.flat().forEach(visit);
    else polygonsOf(f).flat(2).forEach(visit);
  }
  return Number.isFinite(minLon) ? [(minLon + maxLon) / 2, (minLat + maxLat) / 2] : null;
}

/** A round length (1, 2 or 5 × 10ⁿ m) close to a quarter of the figure width. */
export function roundScaleLengthM(widthM: number): number {
  const target = Math.max(widthM / 4, 1);
  const p = 10 ** Math.floor(Math.log10(target));
  const steps = [1, 2, 5, 10].map((k) => k * p);
  return steps.filter((s) => s <= target).pop() ?? p;
}

/** A degree step giving 3–6 grid lines over `spanDeg`, and the decimals its labels need. */
export function gridStepDeg(spanDeg: number): { step: number; digits: number } {
  const candidates = [0.0005, 0.001, 0.002, 0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1];
  const step = candidates.find((s) => spanDeg / s <= 6) ?? 1;
  const digits = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9) + (String(step).includes('25') ? 1 : 0));
  return { step, digits };
}

function ticks(from: number, to: number, step: number, digits: number, hemi: [string, string], place: (deg: number) => number): MapTick[] {
  const out: MapTick[] = [];
  for (let k = Math.ceil(from / step); k * step <= to; k++) {
    const deg = Number((k * step).toFixed(10));
    out.push({ posM: place(deg), label: `${Math.abs(deg).toFixed(digits)}°${deg >= 0 ? hemi[0] : hemi[1]}` });
  }
  return out;
}

/** Drawn over a map figure (e.g. the eco chapter's symbiosis flows), placed with the figure's own frame. */
export type MapOverlay = (toXY: (lonLat: readonly number[]) => MapXY) => { primitives: MapPrimitive[]; legend: MapLegendItem[] };

/**
 * The vector map of a scenario in a local azimuthal-equidistant frame centred on its features:
 * land use in category colours over the unassigned boundary, road corridors at their width,
 * buildings, the boundary and facilities, with legend, a round scale bar and degree ticks.
 */
export function buildMapFigure(scenario: Scenario, lang: ReportLang, title: string, overlay?: MapOverlay): MapFigure {
  const s = reportStrings(lang);
  const features = scenario.features;
  const centre = bboxCentre(features) ?? [106, 21];
  const frame: LocalFrame = createLocalFrame(centre[0], centre[1]);
  const toXY = (p: readonly number[]): MapXY => lonLatToLocal(frame, p[0], p[1]);
  const rings = (poly: Ring[]): MapXY[][] => poly.map((r) => r.map(toXY));
  const primitives: MapPrimitive[] = [];
  const legend: MapLegendItem[] = [];
  const cat = LAND_USE_CATALOGUE;

  const boundaries = features.filter((f) => f.kind === 'boundary');
  for (const b of boundaries) {
    for (const poly of polygonsOf(b)) primitives.push({ type: 'polygon', rings: rings(poly), fill: cat.unassigned.fill, stroke: cat.unassigned.outline, strokeWidthPt: 0 });
  }
  const usedCodes = new Set<LandUseCode>();
  for (const f of features) {
    if (f.kind !== 'landuse') continue;
    const c = landUseCategory(f.landUse);
    usedCodes.add(f.landUse);
    for (const poly of polygonsOf(f)) primitives.push({ type: 'polygon', rings: rings(poly), fill: c.fill, stroke: c.outline, strokeWidthPt: 0.3 });
  }
  const roads = features.filter((f) => f.kind === 'road');
  for (const r of roads) {
    const lines = r.geometry.type === 'LineString' ? [r.geometry.coordinates] : r.geometry.type === 'MultiLineString' ? r.geometry.coordinates : [];
    for (const line of lines) primitives.push({ type: 'line', points: line.map(toXY), stroke: ROAD_COLOUR, widthM: r.kind === 'road' ? r.widthM : 6 });
  }
  const buildings = features.filter((f) => f.kind === 'building');
  for (const b of buildings) {
    for (const poly of polygonsOf(b)) primitives.push({ type: 'polygon', rings: rings(poly), fill: cat.buildingFill, stroke: cat.buildingOutline, strokeWidthPt: 0.3 });
  }
  for (const b of boundaries) {
    primitives.push({ type: 'outline', rings: polygonsOf(b).flatMap(rings), stroke: cat.boundaryOutline, strokeWidthPt: 1.4, dash: true });
  }
  const points = features.filter((f) => f.kind === 'point');
  for (const p of points) {
    if (p.geometry.type === 'Point') primitives.push({ type: 'point', at: toXY(p.geometry.coordinates), fill: POINT_COLOUR, stroke: '#ffffff' });
  }

  for (const code of LAND_USE_CODES) {
    if (!usedCodes.has(code)) continue;
    const c = landUseCategory(code);
    legend.push({ label: c[lang], fill: c.fill, stroke: c.outline, shape: 'box' });
  }
  if (boundaries.length > 0) {
    legend.push({ label: s.legendUnassigned, fill: cat.unassigned.fill, stroke: cat.unassigned.outline, shape: 'box' });
    legend.push({ label: s.legendBoundary, fill: 'none', stroke: cat.boundaryOutline, shape: 'outline' });
  }
  if (buildings.length > 0) legend.push({ label: s.legendBuilding, fill: cat.buildingFill, stroke: cat.buildingOutline, shape: 'box' });
  if (roads.length > 0) legend.push({ label: s.legendRoad, fill: ROAD_COLOUR, stroke: ROAD_COLOUR, shape: 'line' });
  if (points.length > 0) legend.push({ label: s.legendPoint, fill: POINT_COLOUR, stroke: '#ffffff', shape: 'dot' });
  if (overlay) {
    const extra = overlay(toXY);
    primitives.push(...extra.primitives);
    legend.push(...extra.legend);
  }

  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const grow = ([x, y]: MapXY, pad = 0) => {
    minX = Math.min(minX, x - pad); maxX = Math.max(maxX, x + pad);
    minY = Math.min(minY, y - pad); maxY = Math.max(maxY, y + pad);
  };
  for (const p of primitives) {
    if (p.type === 'polygon' || p.type === 'outline') p.rings.flat().forEach((xy) => grow(xy));
    else if (p.type === 'line') p.points.forEach((xy) => grow(xy, p.widthM / 2));
    else grow(p.at);
  }
  if (!Number.isFinite(minX)) { minX = -500; minY = -500; maxX = 500; maxY = 500; }
  const pad = 0.04 * Math.max(maxX - minX, maxY - minY, 100);
  minX -= pad; minY -= pad; maxX += pad; maxY += pad;

  const [lonW, latS] = localToLonLat(frame, minX, minY);
  const [lonE] = localToLonLat(frame, maxX, minY);
  const [, latN] = localToLonLat(frame, minX, maxY);
  const lonStep = gridStepDeg(lonE - lonW);
  const latStep = gridStepDeg(latN - latS);
  const midY = (minY + maxY) / 2;
  const [lonLeft] = localToLonLat(frame, minX, midY);
  const lonTicks = ticks(lonW, lonE, lonStep.step, lonStep.digits, ['E', 'W'], (deg) => lonLatToLocal(frame, deg, latS)[0]);
  const latTicks = ticks(latS, latN, latStep.step, latStep.digits, ['N', 'S'], (deg) => lonLatToLocal(frame, lonLeft, deg)[1]);
  const scaleBarM = roundScaleLengthM(maxX - minX);
  const scaleBarLabel = scaleBarM >= 1000 ? `${scaleBarM / 1000} km` : `${scaleBarM} m`;
  return { minX, minY, maxX, maxY, primitives, legend, lonTicks, latTicks, scaleBarM, scaleBarLabel, title };
}
