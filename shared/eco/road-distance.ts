import type { Polygon, MultiPolygon, LineString, MultiLineString, Position } from 'geojson';
import { createTangentPlane, toPlane, type TangentPlane } from '../geometry/tangent-plane';

/**
 * Distances between plots along the park's roads (docs/eco-performance.md §5). The road centre
 * lines are noded where they cross or where one ends on another (T-junction) within
 * `NODE_TOLERANCE_M`, in a tangent plane around the park (metres; its scale error is about
 * 4e-5 per km, far below what matters for a pipe or a truck route). Each plot joins the network
 * at the point of its frontage road nearest its interior point — a road whose corridor touches
 * the plot — else at the nearest road point, plus the straight access leg to it. Shortest paths
 * are Dijkstra with a binary heap, once per supplier. Plots with no connecting path, or a park
 * beyond the work limits, keep the straight line, flagged `alongRoads: false`.
 */

/** Road ends and crossings closer than this are one node, m. */
export const NODE_TOLERANCE_M = 1;

/** Work limits, in the style of shared/limits.ts: beyond them every distance is a straight line. */
export const ROAD_DISTANCE_LIMITS = {
  /** Road centre-line segments noded pairwise (a sweep over x, so near-linear on real parks). */
  segments: 50_000,
  /** Plots routed from; each is one Dijkstra run over the network. */
  sources: 2_000,
} as const;

export interface RoadLine {
  geometry: LineString | MultiLineString;
  /** Full corridor width, m: a plot within half of it (plus the tolerance) fronts the road. */
  widthM: number;
}

export interface PlotPlace {
  id: string;
  geometry: Polygon | MultiPolygon;
  /** The plot's interior point (lon, lat): where straight lines and access legs start. */
  interior: Position;
}

type Pt = [number, number];
interface Segment { a: Pt; b: Pt; halfWidthM: number }
interface Edge { u: number; v: number; lengthM: number }
/** Where a plot joins the network: on edge `edge` at fraction `t` from u, after `accessM` of straight leg. */
interface Anchor { edge: number; t: number; accessM: number }

export interface RoadDistances {
  /** Metres along the roads between two plots, or null when they are not connected. */
  between(fromPlotId: string, toPlotId: string): number | null;
}

const NONE: RoadDistances = { between: () => null };

const sub = (p: Pt, q: Pt): Pt => [p[0] - q[0], p[1] - q[1]];
const cross = (p: Pt, q: Pt) => p[0] * q[1] - p[1] * q[0];
const dot = (p: Pt, q: Pt) => p[0] * q[0] + p[1] * q[1];
const len = (p: Pt) => Math.hypot(p[0], p[1]);

/** Fraction along a→b of the point nearest p, clamped to the segment. */
function projectT(p: Pt, a: Pt, b: Pt): number {
  const ab = sub(b, a);
  const l2 = dot(ab, ab);
  return l2 === 0 ? 0 : Math.min(1, Math.max(0, dot(sub(p, a), ab) / l2));
}
const at = (a: Pt, b: Pt, t: number): Pt => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
const pointSegmentM = (p: Pt, a: Pt, b: Pt) => len(sub(p, at(a, b, projectT(p, a, b))));

/** Fraction along s of its proper crossing with r, or null (parallel or apart). */
function crossingT(s: Segment, r: Segment): number | null {
  const d1 = sub(s.b, s.a);
  const d2 = sub(r.b, r.a);
  const den = cross(d1, d2);
  if (den === 0) return null;
  const w = sub(r.a, s.a);
  const t = cross(w, d2) / den;
  const u = cross(w, d1) / den;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? t : null;
}

function segmentSegmentM(a: Pt, b: Pt, c: Pt, d: Pt): number {
  if (crossingT({ a, b, halfWidthM: 0 }, { a: c, b: d, halfWidthM: 0 }) !== null) return 0;
  return Math.min(pointSegmentM(a, c, d), pointSegmentM(b, c, d), pointSegmentM(c, a, b), pointSegmentM(d, a, b));
}

function lines(g: LineString | MultiLineString): Position[][] {
  return g.type === 'LineString' ? [g.coordinates] : g.coordinates;
}
function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** Merges points within the tolerance into node ids (a hash on tolerance-sized cells). */
class NodeIndex {
  readonly points: Pt[] = [];
  private cells = new Map<string, number[]>();
  id(p: Pt): number {
    const cx = Math.floor(p[0] / NODE_TOLERANCE_M);
    const cy = Math.floor(p[1] / NODE_TOLERANCE_M);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const n of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) if (len(sub(this.points[n], p)) <= NODE_TOLERANCE_M) return n;
      }
    }
    const n = this.points.push(p) - 1;
    const k = `${cx},${cy}`;
    this.cells.set(k, [...(this.cells.get(k) ?? []), n]);
    return n;
  }
}

/** Splits every segment where another crosses it or ends on it, and returns the noded edges. */
function nodeRoads(segments: Segment[], nodes: NodeIndex): Edge[] {
  const cuts = segments.map(() => [0, 1]);
  const order = segments.map((_, i) => i).sort((i, j) => Math.min(segments[i].a[0], segments[i].b[0]) - Math.min(segments[j].a[0], segments[j].b[0]));
  for (let oi = 0; oi < order.length; oi++) {
    const s = segments[order[oi]];
    const maxX = Math.max(s.a[0], s.b[0]) + NODE_TOLERANCE_M;
    for (let oj = oi + 1; oj < order.length; oj++) {
      const r = segments[order[oj]];
      if (Math.min(r.a[0], r.b[0]) > maxX) break;
      for (const [x, y, xi] of [[s, r, order[oi]], [r, s, order[oj]]] as const) {
        const t = crossingT(x, y);
        if (t !== null) cuts[xi].push(t);
        // An end of y lying on x within the tolerance: a T-junction.
        for (const end of [y.a, y.b]) if (pointSegmentM(end, x.a, x.b) <= NODE_TOLERANCE_M) cuts[xi].push(projectT(end, x.a, x.b));
      }
    }
  }
  const edges: Edge[] = [];
  segments.forEach((s, i) => {
    const ts = [...new Set(cuts[i])].sort((p, q) => p - q);
    for (let k = 1; k < ts.length; k++) {
      const p = at(s.a, s.b, ts[k - 1]);
      const q = at(s.a, s.b, ts[k]);
      const u = nodes.id(p);
      const v = nodes.id(q);
      if (u !== v) edges.push({ u, v, lengthM: len(sub(q, p)) });
    }
  });
  return edges;
}

/** Binary min-heap of [distance, node]. */
class Heap {
  private items: [number, number][] = [];
  get size() { return this.items.length; }
  push(item: [number, number]) {
    const h = this.items;
    h.push(item);
    for (let i = h.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (h[p][0] <= h[i][0]) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }
  pop(): [number, number] {
    const h = this.items;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l][0] < h[m][0]) m = l;
        if (r < h.length && h[r][0] < h[m][0]) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}

function dijkstra(adjacency: { to: number; lengthM: number }[][], starts: [number, number][]): Float64Array {
  const dist = new Float64Array(adjacency.length).fill(Infinity);
  const heap = new Heap();
  for (const [node, d] of starts) if (d < dist[node]) { dist[node] = d; heap.push([d, node]); }
  while (heap.size > 0) {
    const [d, n] = heap.pop();
    if (d > dist[n]) continue;
    for (const { to, lengthM } of adjacency[n]) {
      if (d + lengthM < dist[to]) { dist[to] = d + lengthM; heap.push([d + lengthM, to]); }
    }
  }
  return dist;
}

/** Joins a plot to the network: its frontage road nearest its interior point, else the nearest road point. */
function anchorOf(plot: PlotPlace, plane: TangentPlane, edges: Edge[], nodes: Pt[], edgeHalfWidth: number[]): Anchor | null {
  const p = toPlane(plane, plot.interior);
  const boundary = rings(plot.geometry).map((r) => r.map((q) => toPlane(plane, q)));
  let front: (Anchor & { d: number }) | null = null;
  let nearest: (Anchor & { d: number }) | null = null;
  for (let i = 0; i < edges.length; i++) {
    const a = nodes[edges[i].u];
    const b = nodes[edges[i].v];
    const t = projectT(p, a, b);
    const d = len(sub(p, at(a, b, t)));
    if (!nearest || d < nearest.d) nearest = { edge: i, t, accessM: d, d };
    if (front && d >= front.d) continue;
    const reach = edgeHalfWidth[i] + NODE_TOLERANCE_M;
    const fronts = boundary.some((ring) => ring.some((q, k) => k > 0 && segmentSegmentM(a, b, ring[k - 1], q) <= reach));
    if (fronts) front = { edge: i, t, accessM: 0, d };
  }
  const chosen = front ?? nearest;
  return chosen ? { edge: chosen.edge, t: chosen.t, accessM: chosen.accessM } : null;
}

/** The network is built on the first question, so a park without candidate exchanges costs nothing. */
export function roadDistances(roads: readonly RoadLine[], plots: readonly PlotPlace[]): RoadDistances {
  let built: RoadDistances | null = null;
  return { between: (from, to) => (built ??= buildRoadDistances(roads, plots)).between(from, to) };
}

function buildRoadDistances(roads: readonly RoadLine[], plots: readonly PlotPlace[]): RoadDistances {
  if (roads.length === 0 || plots.length === 0) return NONE;
  const origin = plots[0].interior;
  const plane = createTangentPlane(origin[0], origin[1]);
  const segments: Segment[] = [];
  for (const road of roads) {
    for (const line of lines(road.geometry)) {
      for (let k = 1; k < line.length; k++) segments.push({ a: toPlane(plane, line[k - 1]), b: toPlane(plane, line[k]), halfWidthM: road.widthM / 2 });
    }
    if (segments.length > ROAD_DISTANCE_LIMITS.segments) return NONE;
  }
  if (plots.length > ROAD_DISTANCE_LIMITS.sources) return NONE;
  const nodes = new NodeIndex();
  const edges = nodeRoads(segments, nodes);
  // Each noded edge keeps the corridor width of the segment it came from, for frontage.
  const edgeHalfWidth = edges.map((e) => {
    const mid = at(nodes.points[e.u], nodes.points[e.v], 0.5);
    return segments.reduce((best, s) => (pointSegmentM(mid, s.a, s.b) <= NODE_TOLERANCE_M ? Math.max(best, s.halfWidthM) : best), 0);
  });
  const adjacency: { to: number; lengthM: number }[][] = nodes.points.map(() => []);
  for (const e of edges) {
    adjacency[e.u].push({ to: e.v, lengthM: e.lengthM });
    adjacency[e.v].push({ to: e.u, lengthM: e.lengthM });
  }
  const anchors = new Map(plots.map((p) => [p.id, anchorOf(p, plane, edges, nodes.points, edgeHalfWidth)]));
  const fromCache = new Map<string, Float64Array>();
  return {
    between(fromId, toId) {
      const from = anchors.get(fromId);
      const to = anchors.get(toId);
      if (!from || !to) return null;
      const fe = edges[from.edge];
      const te = edges[to.edge];
      let dist = fromCache.get(fromId);
      if (!dist) {
        dist = dijkstra(adjacency, [[fe.u, from.t * fe.lengthM], [fe.v, (1 - from.t) * fe.lengthM]]);
        fromCache.set(fromId, dist);
      }
      let road = Math.min(dist[te.u] + to.t * te.lengthM, dist[te.v] + (1 - to.t) * te.lengthM);
      if (from.edge === to.edge) road = Math.min(road, Math.abs(from.t - to.t) * fe.lengthM);
      return Number.isFinite(road) ? from.accessM + road + to.accessM : null;
    },
  };
}
