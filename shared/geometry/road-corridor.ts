import { featureCollection, polygon as turfPolygon, union } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { AreaGeometry, LineGeometry, Position } from '../model/geometry-schema';
import { unionAreas } from './boolean';
import { createLocalFrame, localToLonLat, lonLatToLocal, type LocalFrame } from './local-frame';
import { signedArea2 } from './ring';

/**
 * Road corridors (docs/editing.md): the area a road of full width `widthM` covers around its
 * centre line. Built in the local metric frame at the line's first vertex, so the width is
 * geodesic metres: one rectangle per segment (flat ends: the corridor stops where the line
 * stops, so a road ending on another road's centre line is covered by that road's corridor
 * and the junction merges cleanly), plus a mitre wedge on the outer side of each bend (a
 * bevel beyond a 2× mitre, at bends sharper than 60°), united.
 */

type XY = [number, number];

// Beyond this ratio of mitre length to half-width a bend is bevelled (1/cos(60°) = 2).
const MITRE_LIMIT = 2;

/** Corridor of `widthM` metres around a centre line; null when the line has no length. */
export function roadCorridor(centreLine: LineGeometry, widthM: number): AreaGeometry | null {
  if (!(widthM > 0)) return null;
  const lines = centreLine.type === 'LineString' ? [centreLine.coordinates] : centreLine.coordinates;
  const first = lines.find((l) => l.length > 0)?.[0];
  if (!first) return null;
  const frame = createLocalFrame(first[0], first[1]);
  const pieces: Feature<Polygon>[] = [];
  for (const line of lines) pieces.push(...linePieces(frame, line, widthM / 2));
  if (pieces.length === 0) return null;
  const merged = pieces.length === 1 ? pieces[0] : union(featureCollection(pieces));
  if (!merged) return null;
  const back = (ring: Position[]) => ring.map((p) => localToLonLat(frame, p[0], p[1]));
  const g = merged.geometry;
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(back) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((rings) => rings.map(back)) };
}

/** The union of the corridors of several roads, so junctions show as one surface. */
export function mergeCorridors(roads: { geometry: LineGeometry; widthM: number }[]): AreaGeometry | null {
  const corridors = roads.map((r) => roadCorridor(r.geometry, r.widthM)).filter((c): c is AreaGeometry => c !== null);
  return unionAreas(corridors);
}

function linePieces(frame: LocalFrame, line: Position[], half: number): Feature<Polygon>[] {
  const pts: XY[] = [];
  for (const p of line) {
    const xy = lonLatToLocal(frame, p[0], p[1]);
    const last = pts[pts.length - 1];
    if (!last || Math.hypot(xy[0] - last[0], xy[1] - last[1]) > 1e-9) pts.push(xy);
  }
  const out: Feature<Polygon>[] = [];
  const normals: XY[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = pts[i];
    const [bx, by] = pts[i + 1];
    const len = Math.hypot(bx - ax, by - ay);
    const n: XY = [(-(by - ay) / len) * half, ((bx - ax) / len) * half]; // left normal × half width
    normals.push(n);
    out.push(ring([ax - n[0], ay - n[1]], [bx - n[0], by - n[1]], [bx + n[0], by + n[1]], [ax + n[0], ay + n[1]]));
  }
  for (let i = 1; i + 1 < pts.length; i++) {
    const v = pts[i];
    const n1 = normals[i - 1];
    const n2 = normals[i];
    const cross = n1[0] * n2[1] - n1[1] * n2[0];
    if (Math.abs(cross) < 1e-12 * half * half) continue; // straight on
    // Turning left (cross > 0) opens a gap on the right side, and vice versa.
    const s = cross > 0 ? -1 : 1;
    const p1: XY = [v[0] + s * n1[0], v[1] + s * n1[1]];
    const p2: XY = [v[0] + s * n2[0], v[1] + s * n2[1]];
    const bis: XY = [n1[0] + n2[0], n1[1] + n2[1]];
    const bisLen = Math.hypot(bis[0], bis[1]);
    const cosHalf = bisLen / (2 * half);
    if (cosHalf > 1 / MITRE_LIMIT) {
      const m = half / cosHalf / bisLen;
      out.push(ring(v, p1, [v[0] + s * bis[0] * m, v[1] + s * bis[1] * m], p2));
    } else {
      out.push(ring(v, p1, p2));
    }
  }
  return out;
}

function ring(...pts: XY[]): Feature<Polygon> {
  const ordered = signedArea2(pts) < 0 ? pts.slice().reverse() : pts;
  return turfPolygon([[...ordered, ordered[0]]]);
}
