/**
 * Cutting planar polygons by polylines: node the rings with the cut line, keep the pieces of
 * the line inside the polygon, and trace the faces of the resulting planar graph. Used by
 * split.ts in the local metric frame (metres). Every node remembers the lon/lat it came from,
 * so the original vertices come back bit-identical.
 */
import { signedArea2 } from './ring';

export type XY = [number, number];

export interface Node {
  x: number;
  y: number;
  /** Original lon/lat when the node is an input vertex; null for computed intersections. */
  lonLat: [number, number] | null;
}

/** A ring (open, first vertex not repeated) with the lon/lat of each vertex. */
export interface InputRing {
  xy: XY[];
  lonLat: [number, number][];
}

export interface Face {
  /** Open ring of node indexes, counter-clockwise. */
  ring: number[];
  /** Holes (clockwise open rings of node indexes) untouched by the cut. */
  holes: number[][];
}

export function pointInRings(p: XY, rings: readonly (readonly XY[])[]): boolean {
  // Indexed loops, no destructuring: a command's run is mostly unoptimised code, where each
  // `const [x, y] = …` and `for … of` allocates an iterator and its results.
  const px = p[0];
  const py = p[1];
  let inside = false;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i][0], yi = ring[i][1];
      const xj = ring[j][0], yj = ring[j][1];
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Faces of `rings` (outer first, then holes) cut by `line`. Intersections closer than
 * `snapM` to an input vertex are moved onto it, so a line through a corner does not leave a
 * microscopic triangle behind.
 */
export function cutRings(rings: InputRing[], line: InputRing, snapM = 1e-3): { nodes: Node[]; faces: Face[] } {
  // Orient: outer counter-clockwise, holes clockwise, so the polygon interior is on the left
  // of every ring edge in ring order.
  const oriented = rings.map((r, i) => {
    const ccw = signedArea2(r.xy) > 0;
    const want = i === 0;
    return ccw === want ? r : { xy: r.xy.slice().reverse(), lonLat: r.lonLat.slice().reverse() };
  });
  const nodes: Node[] = [];
  const addNode = (x: number, y: number, lonLat: [number, number] | null): number => {
    for (let i = 0; i < nodes.length; i++) {
      if (Math.hypot(nodes[i].x - x, nodes[i].y - y) <= snapM) {
        if (lonLat && !nodes[i].lonLat) nodes[i] = { x, y, lonLat };
        return i;
      }
    }
    nodes.push({ x, y, lonLat });
    return nodes.length - 1;
  };
  const ringNodes = oriented.map((r) => r.xy.map((p, i) => addNode(p[0], p[1], r.lonLat[i])));
  const lineNodes = line.xy.map((p, i) => addNode(p[0], p[1], line.lonLat[i]));

  // Intersections of every ring edge with every line segment, as (edge, t) and (segment, u).
  const ringCuts = ringNodes.map((r) => r.map(() => [] as { t: number; node: number }[]));
  const lineCuts = line.xy.map(() => [] as { t: number; node: number }[]);
  oriented.forEach((r, ri) => {
    const n = r.xy.length;
    for (let i = 0; i < n; i++) {
      const p = r.xy[i];
      const q = r.xy[(i + 1) % n];
      for (let j = 0; j + 1 < line.xy.length; j++) {
        const a = line.xy[j];
        const b = line.xy[j + 1];
        const hit = segmentIntersection(p, q, a, b);
        if (!hit) continue;
        const node = addNode(hit.x, hit.y, null);
        ringCuts[ri][i].push({ t: hit.t, node });
        lineCuts[j].push({ t: hit.u, node });
      }
    }
  });

  // Undirected edges, each remembered with its "ring direction" when it comes from a ring.
  const edgeKey = (a: number, b: number) => `${a},${b}`;
  const forwardRing = new Set<string>();
  const edges: [number, number][] = [];
  const seen = new Set<string>();
  const addEdge = (a: number, b: number, ringForward: boolean) => {
    if (a === b) return;
    if (ringForward) forwardRing.add(edgeKey(a, b));
    const k = a < b ? edgeKey(a, b) : edgeKey(b, a);
    if (seen.has(k)) return;
    seen.add(k);
    edges.push([a, b]);
  };
  ringNodes.forEach((r, ri) => {
    for (let i = 0; i < r.length; i++) {
      const chain = [r[i], ...ringCuts[ri][i].sort((u, v) => u.t - v.t).map((c) => c.node), r[(i + 1) % r.length]];
      for (let k = 0; k + 1 < chain.length; k++) addEdge(chain[k], chain[k + 1], true);
    }
  });
  const ringXY = oriented.map((r) => r.xy);
  for (let j = 0; j + 1 < lineNodes.length; j++) {
    const chain = [lineNodes[j], ...lineCuts[j].sort((u, v) => u.t - v.t).map((c) => c.node), lineNodes[j + 1]];
    for (let k = 0; k + 1 < chain.length; k++) {
      const a = nodes[chain[k]];
      const b = nodes[chain[k + 1]];
      if (chain[k] === chain[k + 1]) continue;
      if (seen.has(chain[k] < chain[k + 1] ? edgeKey(chain[k], chain[k + 1]) : edgeKey(chain[k + 1], chain[k]))) continue;
      if (pointInRings([(a.x + b.x) / 2, (a.y + b.y) / 2], ringXY)) addEdge(chain[k], chain[k + 1], false);
    }
  }

  // Outgoing half-edges per node sorted by angle; trace faces keeping the face on the left.
  const out = new Map<number, { to: number; angle: number }[]>();
  for (const [a, b] of edges) {
    for (const [u, v] of [[a, b], [b, a]]) {
      const list = out.get(u) ?? [];
      list.push({ to: v, angle: Math.atan2(nodes[v].y - nodes[u].y, nodes[v].x - nodes[u].x) });
      out.set(u, list);
    }
  }
  for (const list of out.values()) list.sort((p, q) => p.angle - q.angle);
  const used = new Set<string>();
  const cycles: number[][] = [];
  for (const [a, b] of edges) {
    for (const [u0, v0] of [[a, b], [b, a]]) {
      if (used.has(edgeKey(u0, v0))) continue;
      const cycle: number[] = [];
      let u = u0;
      let v = v0;
      while (!used.has(edgeKey(u, v))) {
        used.add(edgeKey(u, v));
        cycle.push(u);
        // Next edge: the one just clockwise of the way back (v→u) around v.
        const list = out.get(v) ?? [];
        const back = list.findIndex((e) => e.to === u);
        const next = list[(back - 1 + list.length) % list.length];
        u = v;
        v = next.to;
      }
      cycles.push(cycle);
    }
  }

  const isPolygonSide = (cycle: number[]) => {
    for (let i = 0; i < cycle.length; i++) {
      const a = cycle[i];
      const b = cycle[(i + 1) % cycle.length];
      if (forwardRing.has(edgeKey(b, a))) return false;
    }
    return true;
  };
  const xyOf = (cycle: number[]) => cycle.map((i) => [nodes[i].x, nodes[i].y] as XY);
  const faces: Face[] = [];
  const holes: number[][] = [];
  for (const cycle of cycles) {
    if (!isPolygonSide(cycle)) continue;
    const area2 = signedArea2(xyOf(cycle));
    if (area2 > 0) faces.push({ ring: cycle, holes: [] });
    else if (area2 < 0) holes.push(cycle);
  }
  for (const hole of holes) {
    const probe = xyOf(hole)[0];
    const owner = faces.find((f) => pointInRings(probe, [xyOf(f.ring)]));
    if (owner) owner.holes.push(hole);
  }
  return { nodes, faces };
}

function segmentIntersection(p: XY, q: XY, a: XY, b: XY): { x: number; y: number; t: number; u: number } | null {
  const rx = q[0] - p[0];
  const ry = q[1] - p[1];
  const sx = b[0] - a[0];
  const sy = b[1] - a[1];
  const den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-12) return null; // parallel or collinear: no proper crossing
  const t = ((a[0] - p[0]) * sy - (a[1] - p[1]) * sx) / den;
  const u = ((a[0] - p[0]) * ry - (a[1] - p[1]) * rx) / den;
  const eps = 1e-9;
  if (t < -eps || t > 1 + eps || u < -eps || u > 1 + eps) return null;
  return { x: p[0] + rx * t, y: p[1] + ry * t, t, u };
}
