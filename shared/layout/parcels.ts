import { intersectAreas, subtractAreas } from '../geometry/boolean';
import { geodesicAreaM2 } from '../geometry/geodesic';
import type { XY } from '../geometry/planar-ring';
import { subdivideBlock } from '../geometry/subdivide';
import type { AreaGeometry, PolygonGeometry } from '../model/geometry-schema';
import { plotRange, type LayoutParameters, type PlotRange } from './parameters';
import { centreOf, clipSegmentToPolygons, EdgeSet, lineOf, lonLatOf, piecesOf, toPlanePolygons, type PlanePolygons } from './plane';
import { rectangularity, REGULAR_PLOT_MIN_RECTANGULARITY } from './plot-shape';
import type { GeneratedRoad, Grid, RoadNetwork } from './roads';
import type { Site } from './site';

/** A plot candidate: lon/lat polygon, its plane rings, geodesic area. */
export interface Parcel {
  geometry: PolygonGeometry;
  plane: PlanePolygons;
  areaM2: number;
  /** Within FRONTAGE_M of the traffic land. */
  served: boolean;
  /** A plot of the SME band (cut in the SME range). */
  sme?: boolean;
}

/** A plot counts as served by a road when its edge comes within this distance of the traffic land, m. */
export const FRONTAGE_M = 0.5;

export interface Parcels {
  /** The green isolation strip, lon/lat. */
  strip: AreaGeometry | null;
  /** Plot-sized pieces with road frontage, in grid order. */
  plots: Parcel[];
  /** Pieces too small, or without frontage: they become green. */
  leftovers: Parcel[];
  /** Service lanes between the back-to-back halves of SME rows: centre line and land. */
  lanes: ServiceLane[];
}

export interface ServiceLane {
  roads: GeneratedRoad[];
  land: PolygonGeometry[];
}

/** SME rows deeper than this are cut back to back (again, when a half is still deeper), m. */
export const SME_MAX_DEPTH_M = 100;

/**
 * Width of the service lane behind the front half of an SME row, m: two 3.5 m lanes and a
 * 2.5 m verge each side (assumption, docs/layout.md), narrower than an internal road because
 * it serves small plots only.
 */
export const SME_LANE_WIDTH_M = 12;

/**
 * Blocks and plots (docs/layout.md): blocks are the land inside the strip minus roads and kept
 * land; each block is cut along the middle of its depth into two rows, one facing each internal
 * road (when both halves keep a road and a plot's area), and each row into equal plots whose
 * count puts their area nearest the target within the range (geometry/subdivide.ts). With an
 * SME share, the rows nearest the entrance are cut in the SME range instead.
 */
export function buildParcels(site: Site, network: RoadNetwork, p: LayoutParameters): Parcels {
  const insideStrip = network.insideStrip;
  const cut = [network.traffic, site.obstacles].filter((g): g is AreaGeometry => g !== null);
  // In one difference: two in a row leave hairline self-touching rings where the access cuts the
  // band. The accesses are cut unclipped too: their land clipped to the boundary meets the
  // boundary only to rounding, which left a hairline joining the strip's two sides across the
  // access mouth (a self-intersecting ring, GEOS-invalid).
  const strip = subtractAreas(site.boundary, [...(insideStrip ? [insideStrip] : []), ...cut, ...network.accessCorridors]);
  const blocks = insideStrip && cut.length > 0 ? subtractAreas(insideStrip, cut) : insideStrip;
  const roadEdges = new EdgeSet(network.traffic ? toPlanePolygons(site.plane, network.traffic) : []);
  const parcel = (geometry: PolygonGeometry): Parcel => {
    const plane = toPlanePolygons(site.plane, geometry);
    return { geometry, plane, areaM2: geodesicAreaM2(geometry), served: roadEdges.gapM(plane, FRONTAGE_M * 4) <= FRONTAGE_M };
  };
  const plots: Parcel[] = [];
  const leftovers: Parcel[] = [];
  const rows: Parcel[] = [];
  for (const block of piecesOf(blocks)) {
    const whole = parcel(block);
    if (whole.areaM2 < p.plotMinM2 || !whole.served) leftovers.push(whole);
    else rows.push(...rowsOf(whole, site, network.grid, p, parcel));
  }
  const smeRows = rowsNearest(rows, site.entrance, p.smeShare);
  const lanes: ServiceLane[] = [];
  const cutRows = rows.flatMap((row) => {
    if (!smeRows.has(row)) return [{ row, sme: false }];
    return backToBack(row, site, network.grid, p, roadEdges, parcel, lanes).map((half) => ({ row: half, sme: true }));
  });
  for (const { row, sme } of cutRows) {
    const range = plotRange(p, sme);
    for (const piece of plotsOf(row, network.grid, range)) {
      const plot = { ...parcel(piece), ...(sme ? { sme } : {}) };
      // Equal cuts keep every plot in range unless the range is narrower than a factor two; the report counts misses.
      (plot.served && plot.areaM2 >= range.plotMinM2 / 2 ? plots : leftovers).push(plot);
    }
  }
  return { strip, plots, leftovers, lanes };
}

/**
 * An SME row deeper than SME_MAX_DEPTH_M cut at half its depth into two back-to-back rows with a service lane between:
 * the front one faces the row's road, the back one the lane. A row of a 320 m block is ~160 m
 * deep, which cut the 0.3–1 ha SME plots into 20–60 m wide strips; halves of ~74 m give plots
 * about as wide as deep (a whole block, fronted both sides, is cut twice more). The row stays
 * whole when a half would have no frontage or no SME plot.
 */
function backToBack(row: Parcel, site: Site, grid: Grid, p: LayoutParameters, roadEdges: EdgeSet, parcel: (g: PolygonGeometry) => Parcel, lanes: ServiceLane[]): Parcel[] {
  const [lo, hi] = alongExtent(row, grid);
  const middle = (lo + hi) / 2;
  const half = SME_LANE_WIDTH_M / 2;
  if (hi - lo <= SME_MAX_DEPTH_M) return [row];
  const cut = (from: number, to: number) => piecesOf(intersectAreas(row.geometry, alongBand(site, grid, from, to)));
  const land = cut(middle - half, middle + half);
  const laneEdges = new EdgeSet(land.flatMap((g) => toPlanePolygons(site.plane, g)));
  const halves = [...cut(lo - 10, middle - half), ...cut(middle + half, hi + 10)].map((g) => {
    const piece = parcel(g);
    return { ...piece, served: piece.served || laneEdges.gapM(piece.plane, FRONTAGE_M * 4) <= FRONTAGE_M };
  });
  const centre = (t: number): XY => [grid.origin[0] + grid.along[0] * middle + grid.across[0] * t, grid.origin[1] + grid.along[1] * middle + grid.across[1] * t];
  const lines = clipSegmentToPolygons(centre(-1e5), centre(1e5), row.plane);
  if (land.length === 0 || lines.length === 0 || halves.length < 2 || halves.some((h) => !h.served || h.areaM2 < p.smeMinM2)) return [row];
  lanes.push({ roads: lines.map((line) => ({ roadClass: 'lane', line: lineOf(site.plane, line), widthM: SME_LANE_WIDTH_M })), land });
  return halves.flatMap((h) => backToBack(h, site, grid, p, roadEdges, parcel, lanes));
}

/**
 * The SME band: the regular rows nearest the entrance (by their centre), taken until they hold
 * `share` of the rows' area — at least the share, by up to one row more. Rows cut slanted by the
 * boundary are left to the larger plots: cut into small plots they give thin wedges.
 */
function rowsNearest(rows: readonly Parcel[], entrance: XY, share: number): Set<Parcel> {
  const band = new Set<Parcel>();
  if (!(share > 0)) return band;
  const target = share * rows.reduce((sum, row) => sum + row.areaM2, 0);
  const distance = new Map(rows.map((row) => [row, Math.hypot(centreOf(row.plane)[0] - entrance[0], centreOf(row.plane)[1] - entrance[1])]));
  let taken = 0;
  const regular = rows.filter((row) => rectangularity(row.plane) >= REGULAR_PLOT_MIN_RECTANGULARITY);
  for (const row of regular.sort((a, b) => distance.get(a)! - distance.get(b)!)) {
    if (taken >= target) break;
    band.add(row);
    taken += row.areaM2;
  }
  return band;
}

/** The block's two rows, split half way between its internal roads, when both halves are usable. */
function rowsOf(block: Parcel, site: Site, grid: Grid, p: LayoutParameters, parcel: (g: PolygonGeometry) => Parcel): Parcel[] {
  if (block.areaM2 < 2 * p.plotMinM2) return [block];
  const [lo, hi] = alongExtent(block, grid);
  // The internal road just before the block's middle, and the midline half a spacing further.
  const middle = (lo + hi) / 2;
  const before = grid.internalAt.filter((at) => at <= middle).pop();
  const split = before === undefined ? middle : before + grid.internalSpacingM / 2;
  if (split <= lo + 1 || split >= hi - 1) return [block];
  const halves = [alongBand(site, grid, lo - 10, split), alongBand(site, grid, split, hi + 10)]
    .map((h) => intersectAreas(block.geometry, h))
    .flatMap((g) => piecesOf(g))
    .map(parcel);
  if (halves.length < 2 || halves.some((h) => !h.served || h.areaM2 < p.plotMinM2)) return [block];
  return halves;
}

/** The rectangle between positions `from` and `to` along the grid axis, unbounded across it. */
function alongBand(site: Site, grid: Grid, from: number, to: number): PolygonGeometry {
  const acrossSpan = 1e5;
  const at = (s: number, t: number): XY => [
    grid.origin[0] + grid.along[0] * s + grid.across[0] * t,
    grid.origin[1] + grid.along[1] * s + grid.across[1] * t,
  ];
  const ring = [at(from, -acrossSpan), at(to, -acrossSpan), at(to, acrossSpan), at(from, acrossSpan)];
  const ccw = (ring[1][0] - ring[0][0]) * (ring[2][1] - ring[0][1]) - (ring[1][1] - ring[0][1]) * (ring[2][0] - ring[0][0]) > 0;
  const ordered = ccw ? ring : ring.slice().reverse();
  return { type: 'Polygon', coordinates: [[...ordered, ordered[0]].map((q) => lonLatOf(site.plane, q))] };
}

/** The smallest and largest position of the parcel's outer ring along the grid axis, m. */
function alongExtent(parcel: Parcel, grid: Grid): [number, number] {
  const positions = parcel.plane.flatMap((rings) => rings[0]).map((q) => (q[0] - grid.origin[0]) * grid.along[0] + (q[1] - grid.origin[1]) * grid.along[1]);
  return [Math.min(...positions), Math.max(...positions)];
}

/** Equal plots along the row; the count puts their area nearest the target within the range. */
function plotsOf(row: Parcel, grid: Grid, p: PlotRange): PolygonGeometry[] {
  const count = plotCount(row.areaM2, p);
  if (count <= 1) return [row.geometry];
  const directionDeg = (Math.atan2(grid.across[0], grid.across[1]) * 180) / Math.PI;
  const result = subdivideBlock(row.geometry, { count, directionDeg });
  if (!result.ok) return [row.geometry];
  return result.plots.flatMap((g) => piecesOf(g));
}

/** Number of equal plots for a row of `areaM2`: in range when possible, else the least out of range. */
export function plotCount(areaM2: number, p: PlotRange): number {
  const fewest = Math.max(1, Math.ceil(areaM2 / p.plotMaxM2));
  const most = Math.max(1, Math.floor(areaM2 / p.plotMinM2));
  if (fewest <= most) return Math.min(most, Math.max(fewest, Math.round(areaM2 / p.plotTargetM2)));
  // No count fits (a range narrower than a factor two): the smaller relative miss.
  const over = areaM2 / (fewest - 1 || 1) / p.plotMaxM2;
  const under = p.plotMinM2 / (areaM2 / fewest);
  return fewest > 1 && over < under ? fewest - 1 : fewest;
}
