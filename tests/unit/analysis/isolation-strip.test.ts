import { describe, expect, it } from 'vitest';
import { Geodesic } from 'geographiclib-geodesic';
import { stripSkeleton, STRIP_STEP_M } from '../../../shared/analysis/isolation-strip';
import { pointInArea } from '../../../shared/geometry/point-in-area';
import type { AreaGeometry, Position } from '../../../shared/model/geometry-schema';

// The sample places of the isolation-strip measure, judged with GeographicLib itself (distances
// and azimuths on WGS84), not with the code under test. The boundary is a skewed quadrilateral
// near Bắc Ninh, drawn clockwise, with edges of 0.4–1.4 km at several bearings.
const geod = Geodesic.WGS84;
const ring: Position[] = [
  [106.05, 21.05],
  [106.052, 21.061],
  [106.063, 21.0585],
  [106.0615, 21.0492],
  [106.05, 21.05],
];
const boundary: AreaGeometry = { type: 'Polygon', coordinates: [ring] };
const inverse = (p: Position, q: Position) => geod.Inverse(p[1], p[0], q[1], q[0]);

describe('isolation strip samples', () => {
  const samples = stripSkeleton(boundary);

  it('cut each edge into pieces of one length near the step, which add up to the edge', () => {
    let k = 0;
    for (let i = 1; i < ring.length; i++) {
      const edgeM = inverse(ring[i - 1], ring[i]).s12!;
      const count = Math.max(1, Math.round(edgeM / STRIP_STEP_M));
      const pieces = samples.slice(k, k + count);
      k += count;
      expect(pieces[0].from).toEqual(ring[i - 1]);
      expect(pieces[count - 1].to).toEqual(ring[i]);
      const lengths = pieces.map((s) => inverse(s.from, s.to).s12!);
      // Straight lon/lat pieces of equal lon/lat length: equal on the ground to 1e-5 over a km.
      for (const m of lengths) expect(Math.abs(m - edgeM / count)).toBeLessThan(1e-5 * STRIP_STEP_M);
      expect(Math.abs(lengths.reduce((s, m) => s + m, 0) - edgeM)).toBeLessThan(1e-3);
      for (let j = 1; j < count; j++) expect(pieces[j].from).toBe(pieces[j - 1].to);
    }
    expect(k).toBe(samples.length);
  });

  it('sit on the edge’s straight lon/lat line, in the middle of their piece', () => {
    const edgeOf = edgesOfSamples();
    samples.forEach((s, k) => {
      const [a, b] = edgeOf[k];
      for (const p of [s.from, s.position, s.to]) {
        const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
        expect(Math.abs(cross)).toBeLessThan(1e-12 * Math.hypot(b[0] - a[0], b[1] - a[1]));
      }
      expect(Math.abs(inverse(s.from, s.position).s12! - inverse(s.position, s.to).s12!)).toBeLessThan(1e-6);
    });
  });

  // Azimuth turned from the edge to the inward ray at the sample, degrees (-180, 180].
  const turnAt = (s: (typeof samples)[number]) => {
    const edge = inverse(s.position, s.to);
    const ray = inverse(s.position, s.inward);
    expect(Math.abs(ray.s12! - 1)).toBeLessThan(1e-4);
    return ((ray.azi1! - edge.azi1! + 540) % 360) - 180;
  };

  it('look 1 m inward, square to the edge', () => {
    for (const s of samples) {
      // Clockwise ring: the interior is on the right, 90° clockwise of the edge's azimuth. A
      // straight lon/lat line's own azimuth turns along it by about tan(lat)·Δlat (7e-4° over this
      // 1.2 km north-going edge) and the normal is square to it at mid-edge: within 1e-3°.
      expect(Math.abs(turnAt(s) - 90)).toBeLessThan(1e-3);
      expect(pointInArea(s.inward, boundary)).toBe(true);
    }
  });

  it('turn the other way round a counter-clockwise ring', () => {
    const reversed: AreaGeometry = { type: 'Polygon', coordinates: [[...ring].reverse()] };
    const back = stripSkeleton(reversed);
    expect(back.length).toBe(samples.length);
    for (const s of back) {
      expect(Math.abs(turnAt(s) + 90)).toBeLessThan(1e-3);
      expect(pointInArea(s.inward, reversed)).toBe(true);
    }
  });

  /** The boundary edge [start, end] each sample belongs to, from the piece counts. */
  function edgesOfSamples(): [Position, Position][] {
    const out: [Position, Position][] = [];
    for (let i = 1; i < ring.length; i++) {
      const count = Math.max(1, Math.round(inverse(ring[i - 1], ring[i]).s12! / STRIP_STEP_M));
      for (let k = 0; k < count; k++) out.push([ring[i - 1], ring[i]]);
    }
    return out;
  }
});
