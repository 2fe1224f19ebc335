import type { PlanarPoint } from './convex-hull';
import { clipByEdge } from './overlap';
import { pointsBox, signedArea2 } from './ring';

/**
 * A polygon minus others, each given as convex rings that tile it (a convex ring itself, or its
 * triangles), without the exact-arithmetic polygon clipper: for a convex piece P and a convex
 * cut C with edges e₁…eₘ, P − C is the disjoint union over i of P ∩ inside(e₁…eᵢ₋₁) ∩
 * outside(eᵢ), each a convex ring found by Sutherland–Hodgman. Cutting by every piece of every
 * polygon in turn leaves disjoint convex rings whose union is the difference, in the same
 * straight lon/lat edges as the clipper's. Their shape is fragmented (a piece per cut edge), so
 * this serves measuring, not drawing.
 *
 * Rings are open (no closing vertex), in lon/lat degrees. Fragments below `MIN_AREA_DEG2` are the
 * rounding of edges drawn on each other (a width of 1e-14° over a few hundred metres) and are
 * dropped; a real sliver of a millimetre over a metre is 1e-3 m², some 1e-13 deg².
 */

/** Twice this many square degrees (about 1e-6 m²) is the floor below which a fragment is rounding. */
const MIN_AREA_DEG2 = 1e-16;

type Box = [number, number, number, number];

function boxesOverlap(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/**
 * The convex rings of `pieces` minus every ring of `cuts` (all convex, open), as disjoint convex
 * open rings; null when the fragments would exceed `maxPieces` (the caller then uses the clipper,
 * whose cost does not grow with the count of cut edges).
 */
export function subtractConvexRings(pieces: readonly PlanarPoint[][], cuts: readonly PlanarPoint[][], maxPieces: number): PlanarPoint[][] | null {
  let current = pieces.filter((p) => Math.abs(signedArea2(p)) > MIN_AREA_DEG2).map((ring) => ({ ring, box: pointsBox(ring) }));
  // Indexed loops: run for every tile of every corridor, mostly as unoptimised code (a for…of allocates).
  for (let c = 0; c < cuts.length; c++) {
    const cut = cuts[c];
    if (cut.length < 3) continue;
    const counterClockwise = signedArea2(cut) > 0 ? cut : [...cut].reverse();
    const cutBox = pointsBox(counterClockwise);
    const next: typeof current = [];
    for (let i = 0; i < current.length; i++) {
      const piece = current[i];
      if (!boxesOverlap(piece.box, cutBox)) {
        next.push(piece);
        continue;
      }
      let rest: PlanarPoint[] = piece.ring;
      for (let k = 0; k < counterClockwise.length && rest.length >= 3; k++) {
        const a = counterClockwise[k];
        const b = counterClockwise[(k + 1) % counterClockwise.length];
        // A repeated vertex (or closing vertex) is an edge of no length, which has no side: every
        // point would be both outside it and inside it, and the piece would be kept twice.
        if (a[0] === b[0] && a[1] === b[1]) continue;
        const outside = clipByEdge(rest, b, a);
        if (outside.length >= 3 && Math.abs(signedArea2(outside)) > MIN_AREA_DEG2) next.push({ ring: outside, box: pointsBox(outside) });
        rest = clipByEdge(rest, a, b);
      }
      if (next.length > maxPieces) return null;
    }
    if (next.length > maxPieces) return null;
    current = next;
  }
  return current.map((p) => p.ring);
}
