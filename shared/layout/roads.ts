import { intersectAreas, polygonsOf, subtractAreas, unionAreas } from '../geometry/boolean';
import type { XY } from '../geometry/planar-ring';
import { mergeCorridorsOutcome, roadCorridor } from '../geometry/road-corridor';
import type { AreaGeometry, LineStringGeometry } from '../model/geometry-schema';
import { stripOffsetM, type LayoutParameters } from './parameters';
import { clipSegmentToPolygons, insetArea, lineOf, piecesOf, toPlanePolygons } from './plane';
import type { SeededRandom } from './random';
import type { Site } from './site';

/** Road classes of the generated network. */
export type RoadClass = 'main' | 'access' | 'loop' | 'cross' | 'internal' | 'lane';

/** One generated road centre line with its full corridor width. */
export interface GeneratedRoad {
  roadClass: RoadClass;
  line: LineStringGeometry;
  widthM: number;
}

/** The grid: unit vectors along the main axis (into the park) and across it, and the internal-road phase. */
export interface Grid {
  bearingDeg: number;
  /** Along the main axis, pointing into the park from the entrance. */
  along: XY;
  /** Across the main axis: the direction of internal roads and of plot rows. */
  across: XY;
  /** Where the main axis leaves its access stub: the grid's origin (plane). */
  origin: XY;
  /** Positions of internal road centre lines, metres along `along` from the origin. */
  internalAt: number[];
  /** Spacing of internal roads, m (block depth + road width). */
  internalSpacingM: number;
}

export interface RoadNetwork {
  grid: Grid;
  roads: GeneratedRoad[];
  /** The land inside the isolation strip, lon/lat. */
  insideStrip: AreaGeometry | null;
  /** Traffic land: every corridor inside the boundary, minus kept features, lon/lat. */
  traffic: AreaGeometry | null;
  /**
   * The corridors of the accesses through the strip, unclipped: they start a metre outside the
   * boundary, so the strip cut by them has no hairline left along the boundary at the mouth.
   */
  accessCorridors: AreaGeometry[];
}

/**
 * The spine-and-ladder network (docs/layout.md): a main axis from the entrance, a loop road just
 * inside the isolation strip (and along kept water), cross roads parallel to the axis every block
 * length and internal roads across it every block depth, all ending on the loop. Every block is
 * then bounded by roads, which is what gives every plot its frontage.
 */
export function buildRoads(site: Site, p: LayoutParameters, bearingDeg: number, random: SeededRandom): RoadNetwork {
  const w = p.internalRoadWidthM;
  const rad = (bearingDeg * Math.PI) / 180;
  const u: XY = [Math.sin(rad), Math.cos(rad)];
  const v: XY = [u[1], -u[0]];
  // The main axis is the grid direction that enters the park most squarely from the entrance.
  const dotU = u[0] * site.inward[0] + u[1] * site.inward[1];
  const dotV = v[0] * site.inward[0] + v[1] * site.inward[1];
  const along: XY = Math.abs(dotU) >= Math.abs(dotV) ? scale(u, Math.sign(dotU) || 1) : scale(v, Math.sign(dotV) || 1);
  const across: XY = [-along[1], along[0]];

  // Loop-road centre region: inside the strip by half a road, away from kept land by half a road.
  const stripM = stripOffsetM(p.isolationStripM);
  const insideStrip = insetArea(site.boundary, stripM);
  const loopInset = insideStrip ? insetArea(insideStrip, w / 2) : null;
  // The land roads may use: inside the strip, off kept land. The loop's land is its band of one
  // road width, taken from exactly this geometry so it meets the strip and the water edge to edge.
  const roadable = insideStrip && site.obstacles ? subtractAreas(insideStrip, [site.obstacles]) : insideStrip;
  const centreRegion = roadable ? insetArea(roadable, w / 2) : null;
  const innerEdge = roadable ? insetArea(roadable, w) : null;
  const loopBand = roadable ? (innerEdge ? subtractAreas(roadable, [innerEdge]) : roadable) : null;
  // Components too small to hold a plot get no road of their own: they stay green.
  const regions = piecesOf(centreRegion).filter((piece) => ringExtentM(toPlanePolygons(site.plane, piece)) > 2 * w);
  const regionPlane = regions.flatMap((g) => toPlanePolygons(site.plane, g));
  const mainRegionPlane = loopInset ? toPlanePolygons(site.plane, loopInset) : [];

  const roads: GeneratedRoad[] = [];
  // The main axis: from the entrance straight across the strip (square to the boundary, so the
  // strip beside the access keeps its full width), then along the grid to the far side of the
  // loop. The bend lies a road width beyond the strip, so its mitre stays out of the strip.
  const bendDepthM = stripM + p.mainRoadWidthM;
  const origin: XY = [site.entrance[0] + site.inward[0] * bendDepthM, site.entrance[1] + site.inward[1] * bendDepthM];
  const reach = extentM(site) * 2;
  const far: XY = [origin[0] + along[0] * reach, origin[1] + along[1] * reach];
  const mainPieces = clipSegmentToPolygons(origin, far, mainRegionPlane);
  if (mainPieces.length > 0) {
    // A stub in line with the axis is left out: the union of two end-to-end rectangles inside
    // roadCorridor is fragile (polyclip-ts), and the bend would not be one.
    const straight = Math.abs(site.inward[0] * along[1] - site.inward[1] * along[0]) < 1e-3;
    const path = straight ? [site.entrance, mainPieces[0][1]] : [site.entrance, origin, mainPieces[0][1]];
    roads.push({ roadClass: 'main', line: lineOf(site.plane, path), widthM: p.mainRoadWidthM });
  }

  // Further entrances: an access road square to the boundary, across the strip into the loop's band.
  const accessDepthM = stripM + w;
  const otherAccesses = site.otherEntrances.map(({ entrance, inward }) => {
    const end: XY = [entrance[0] + inward[0] * accessDepthM, entrance[1] + inward[1] * accessDepthM];
    roads.push({ roadClass: 'access', line: lineOf(site.plane, [entrance, end]), widthM: p.mainRoadWidthM });
    const outside: XY = [entrance[0] - inward[0], entrance[1] - inward[1]];
    return roadCorridor(lineOf(site.plane, [outside, end]), p.mainRoadWidthM);
  });

  // Loop roads: centre lines on the region's rings; their land is the band between two insets
  // (a corridor around a closed ring is not robust, see plane.ts).
  for (const region of regions) {
    for (const rings of polygonsOf(region)) for (const ring of rings) roads.push({ roadClass: 'loop', line: { type: 'LineString', coordinates: ring }, widthM: w });
  }
  const loopLand = loopBand ? [loopBand] : [];

  // Positions along each direction, relative to the grid origin.
  const project = (q: XY, dir: XY) => (q[0] - origin[0]) * dir[0] + (q[1] - origin[1]) * dir[1];
  const allPoints = site.boundaryPlane.flatMap((rings) => rings[0]);
  const span = (dir: XY) => {
    const xs = allPoints.map((q) => project(q, dir));
    return [Math.min(...xs), Math.max(...xs)] as const;
  };
  const crossSpacing = p.blockLengthM + w;
  const internalSpacingM = p.blockDepthM + w;
  // Cross roads pass through the axis's line (the axis itself is one of them, wider); the
  // internal roads' phase is the seed's choice, so variants of one site differ.
  const internalPhase = (0.25 + 0.5 * random.next()) * internalSpacingM;
  const [acrossMin, acrossMax] = span(across);
  const [alongMin, alongMax] = span(along);
  const line = (offset: number, originDir: XY, dir: XY, from: number, to: number): [XY, XY] => {
    const base: XY = [origin[0] + originDir[0] * offset, origin[1] + originDir[1] * offset];
    return [
      [base[0] + dir[0] * from, base[1] + dir[1] * from],
      [base[0] + dir[0] * to, base[1] + dir[1] * to],
    ];
  };
  for (let k = Math.ceil(acrossMin / crossSpacing); k * crossSpacing <= acrossMax; k++) {
    if (k === 0 && mainPieces.length > 0) continue; // the main axis stands here
    addClipped(roads, 'cross', line(k * crossSpacing, across, along, alongMin - 1, alongMax + 1), regionPlane, site, w);
  }
  const internalAt: number[] = [];
  for (let k = Math.ceil((alongMin - internalPhase) / internalSpacingM); internalPhase + k * internalSpacingM <= alongMax; k++) {
    const at = internalPhase + k * internalSpacingM;
    internalAt.push(at);
    addClipped(roads, 'internal', line(at, along, across, acrossMin - 1, acrossMax + 1), regionPlane, site, w);
  }

  const robustRoads = roads.flatMap(withCorridor);

  // Internal corridors end square on the loop's centre line; where they meet it at a slant a
  // corner pokes past the loop, so they are cut to the land inside the strip. Only the main
  // axis (and kept roads) cross the strip.
  const corridorRoads = robustRoads.filter((r) => r.road.roadClass !== 'loop');
  const internalLand = unionAreas([mergedCorridors(corridorRoads), ...loopLand].filter((g): g is AreaGeometry => g !== null));
  // The access starts a metre outside and is cut by the boundary, so it meets the boundary
  // flush and leaves no hair of strip across the entrance.
  const outside: XY = [site.entrance[0] - site.inward[0], site.entrance[1] - site.inward[1]];
  const access = mainPieces.length > 0 ? roadCorridor(lineOf(site.plane, [outside, origin]), p.mainRoadWidthM) : null;
  const accessCorridors = [access, ...otherAccesses].filter((g): g is AreaGeometry => g !== null);
  const crossing = [...accessCorridors, site.keptRoadCorridors].filter((g): g is AreaGeometry => g !== null).map((g) => intersectAreas(g, site.boundary));
  const inside = unionAreas([internalLand && insideStrip ? intersectAreas(internalLand, insideStrip) : null, ...crossing].filter((g): g is AreaGeometry => g !== null));
  const keptLand = site.obstacles && site.keptRoadCorridors ? subtractAreas(site.obstacles, [site.keptRoadCorridors]) : site.obstacles;
  const traffic = inside && keptLand ? subtractAreas(inside, [keptLand]) : inside;
  return { grid: { bearingDeg, origin, along, across, internalAt, internalSpacingM }, roads: robustRoads.map((r) => r.road), traffic, insideStrip, accessCorridors };
}

/**
 * The road with its corridor; a road whose corridor geometry/road-corridor.ts cannot build (its
 * internal union fails on some near-degenerate corners, polyclip-ts "Unable to complete output
 * ring") is split into one road per segment, whose corridors are single rectangles. The analysis
 * builds the same corridors, so a road that fails here would fail there.
 */
function withCorridor(road: GeneratedRoad): { road: GeneratedRoad; corridor: AreaGeometry | null }[] {
  try {
    return [{ road, corridor: roadCorridor(road.line, road.widthM) }];
  } catch {
    const pts = road.line.coordinates;
    return pts.slice(1).map((q, i) => {
      const segment: GeneratedRoad = { ...road, line: { type: 'LineString', coordinates: [pts[i], q] } };
      return { road: segment, corridor: roadCorridor(segment.line, segment.widthM) };
    });
  }
}

/**
 * The corridors of the roads as one area, merged in one metric frame by geometry/road-corridor.ts
 * (as the analysis merges drawn roads). Should the clipper leave pieces unmerged (they would
 * overlap), the per-road corridors are united instead.
 */
export function mergedCorridors(roads: { road: GeneratedRoad; corridor: AreaGeometry | null }[]): AreaGeometry | null {
  const merged = mergeCorridorsOutcome(roads.map((r) => ({ geometry: r.road.line, widthM: r.road.widthM })));
  if (!merged.problem) return merged.corridor;
  return unionAreas(roads.map((r) => r.corridor).filter((g): g is AreaGeometry => g !== null));
}

function addClipped(roads: GeneratedRoad[], roadClass: RoadClass, [a, b]: [XY, XY], region: XY[][][], site: Site, widthM: number): void {
  for (const [p, q] of clipSegmentToPolygons(a, b, region)) {
    // A stub shorter than a road is wide serves no plot.
    if (Math.hypot(q[0] - p[0], q[1] - p[1]) < 2 * widthM) continue;
    roads.push({ roadClass, line: lineOf(site.plane, [p, q]), widthM });
  }
}

function scale(a: XY, k: number): XY {
  return [a[0] * k, a[1] * k];
}

function extentM(site: Site): number {
  return ringExtentM(site.boundaryPlane);
}

/** Diagonal of the polygons' box, m. */
function ringExtentM(polygons: XY[][][]): number {
  const pts = polygons.flatMap((rings) => rings[0]);
  const xs = pts.map((q) => q[0]);
  const ys = pts.map((q) => q[1]);
  return Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}
