import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as turfUnion from '@turf/union';
import { roadCorridorOutcome } from '../../../shared/geometry/road-corridor';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import { createLocalFrame, localToLonLat } from '../../../shared/geometry/local-frame';

// When the polygon clipper throws anyway, the corridor is still built (never a crash) and
// nothing is dropped: the pieces it could not merge are kept and reported.
const failures = vi.hoisted(() => ({ left: 0 }));
vi.mock('@turf/union', async (original) => {
  const real = await original<typeof turfUnion>();
  const union = (...args: Parameters<typeof real.union>) => {
    if (failures.left > 0) {
      failures.left--;
      throw new Error('Unable to complete output ring');
    }
    return real.union(...args);
  };
  return { ...real, union, default: union };
});

const frame = createLocalFrame(106, 21);
// An L of two 100 m legs, 10 m wide: two rectangles and one mitre wedge, 2,000 m² by hand
// (1000 + 1000 − 25 overlap at the inner corner + 25 mitre at the outer corner).
const ell = { type: 'LineString' as const, coordinates: [localToLonLat(frame, 0, 0), localToLonLat(frame, 100, 0), localToLonLat(frame, 100, 100)] };
const rel = (a: number, b: number) => Math.abs(a - b) / b;

afterEach(() => {
  failures.left = 0;
});

describe('roadCorridorOutcome when the clipper fails', () => {
  it('retries a rejected pair against the whole and still gets 2,000 m²', () => {
    failures.left = 1;
    const out = roadCorridorOutcome(ell, 10);
    expect(out.problem).toBeNull();
    expect(out.corridor?.type).toBe('Polygon');
    if (!out.corridor) return;
    expect(rel(geodesicAreaM2(out.corridor), 2000)).toBeLessThan(1e-3);
  });

  it('keeps and reports every piece it cannot merge instead of throwing', () => {
    failures.left = Infinity;
    const out = roadCorridorOutcome(ell, 10);
    expect(out.problem).toEqual({ unmerged: 2, pieces: 3 });
    expect(out.corridor?.type).toBe('MultiPolygon');
    if (out.corridor?.type !== 'MultiPolygon') return;
    // The three pieces apart, by hand: two 100 × 10 rectangles and the mitre wedge. The wedge is
    // the 5 × 5 outer square plus two triangles back to a point 2.5 m from the bend along the
    // inner bisector (base 5 m, height 2.5/√2 m each): 25 + 2 · ½ · 5 · 2.5/√2 = 33.839 m².
    // Total 2,033.839 m², overlaps counted twice (nothing dropped).
    expect(out.corridor.coordinates).toHaveLength(3);
    const total = out.corridor.coordinates.reduce((sum, rings) => sum + geodesicAreaM2({ type: 'Polygon', coordinates: rings }), 0);
    expect(rel(total, 2000 + 25 + 12.5 / Math.SQRT2)).toBeLessThan(1e-3);
  });
});
