import { featureCollection, feature } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { isConvexRing } from '../../../shared/geometry/convex-clip';
import { planarCommonM2 } from '../../../shared/analysis/infrastructure';
import { polygonsOf } from '../../../shared/geometry/boolean';
import { roadCorridor } from '../../../shared/geometry/road-corridor';
import { signedArea2 } from '../../../shared/geometry/ring';
import { createTangentPlane, toPlane } from '../../../shared/geometry/tangent-plane';
import type { AreaGeometry, Position } from '../../../shared/model';
import { seededRandom } from '../../helpers/seeded-random';

/**
 * The cover of a road corridor by a land use (infrastructure.ts) is measured without Turf's
 * clipper: convex pieces of one polygon clip each ring of the other. In the plane that must give
 * what Turf's exact intersection measures, on corridors straight and bent, and on land uses
 * concave, with holes and in parts.
 */
const plane = createTangentPlane(106, 21);
const u = 0.001;
const at = (x: number, y: number): Position => [106 + x * u, 21 + y * u];
const closed = (pts: Position[]) => [...pts, pts[0]];

function planarM2(g: AreaGeometry): number {
  return polygonsOf(g).reduce((s, rings) => s + rings.reduce((t, r, i) => t + (i === 0 ? 1 : -1) * Math.abs(signedArea2(r.map((p) => toPlane(plane, p)))) / 2, 0), 0);
}

function turfCommonM2(a: AreaGeometry, b: AreaGeometry): number {
  const common = intersect(featureCollection([feature(a as Polygon | MultiPolygon), feature(b as Polygon | MultiPolygon)]));
  return common ? planarM2(common.geometry as AreaGeometry) : 0;
}

/** Land uses: an L (concave), a square with a square hole, two parts, a star. */
function landUses(next: () => number): AreaGeometry[] {
  const x = next() * 4, y = next() * 4;
  const star: Position[] = [];
  for (let i = 0; i < 14; i++) {
    const a = (i / 14) * 2 * Math.PI;
    const r = i % 2 === 0 ? 1.5 : 0.5 + next();
    star.push(at(x + 1.5 + r * Math.cos(a), y + 1.5 + r * Math.sin(a)));
  }
  return [
    { type: 'Polygon', coordinates: [closed([at(x, y), at(x + 3, y), at(x + 3, y + 1), at(x + 1, y + 1), at(x + 1, y + 3), at(x, y + 3)])] },
    { type: 'Polygon', coordinates: [closed([at(x, y), at(x + 3, y), at(x + 3, y + 3), at(x, y + 3)]), closed([at(x + 1, y + 1), at(x + 1, y + 2), at(x + 2, y + 2), at(x + 2, y + 1)])] },
    { type: 'MultiPolygon', coordinates: [[closed([at(x, y), at(x + 1, y), at(x + 1, y + 3), at(x, y + 3)])], [closed([at(x + 2, y), at(x + 3, y), at(x + 3, y + 2), at(x + 2.5, y + 1), at(x + 2, y + 2)])]] },
    { type: 'Polygon', coordinates: [closed(star)] },
  ];
}

describe('planarCommonM2: a corridor’s cover by a land use, as Turf’s intersection measures it', () => {
  it('on straight and bent corridors over concave, holed and two-part land uses', () => {
    const next = seededRandom(23);
    let compared = 0;
    let covered = 0;
    let clippedByConvex = 0;
    for (let n = 0; n < 60; n++) {
      const line: Position[] = [at(next() * 6 - 1, next() * 6 - 1), at(next() * 6 - 1, next() * 6 - 1)];
      if (n % 2 === 1) line.push(at(next() * 6 - 1, next() * 6 - 1));
      const corridor = roadCorridor({ type: 'LineString', coordinates: line }, 10 + next() * 30);
      if (!corridor) continue;
      for (const land of landUses(next)) {
        const expected = turfCommonM2(corridor, land);
        const convex = isConvexRing((corridor as { coordinates: Position[][] }).coordinates[0]) || (land.type === 'Polygon' && land.coordinates.length === 1 && isConvexRing(land.coordinates[0]));
        for (const got of [planarCommonM2(corridor, land, plane), planarCommonM2(land, corridor, plane)]) {
          expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-9 * Math.max(expected, 1));
        }
        if (convex) clippedByConvex++;
        compared++;
        if (expected > 1) covered++;
      }
    }
    expect(compared).toBeGreaterThan(200);
    // Both ways are exercised: by a convex ring, and by the triangles of a bent corridor or an L.
    expect(clippedByConvex).toBeGreaterThan(100);
    expect(compared - clippedByConvex).toBeGreaterThan(50);
    expect(covered).toBeGreaterThan(60);
  });
});

describe('planarCommonM2 on two large concave polygons (hostile sizes)', () => {
  it('measures through the clipper past its budget of clips, with the same answer', () => {
    // Two combs of 1,200 teeth: about 2,400 triangles of one times 2,403 vertices of the other
    // (5.8 million clips) is past the budget of a million, so intersection() measures them.
    const comb = (dy: number): AreaGeometry => {
      const top: Position[] = [];
      for (let i = 0; i < 1200; i++) top.push(at(i * 0.004, 2 + dy), at(i * 0.004 + 0.002, 3 + dy));
      return { type: 'Polygon', coordinates: [closed([at(0, dy), at(4.8, dy), ...top.reverse()])] };
    };
    const a = comb(0);
    const b = comb(0.5);
    const expected = turfCommonM2(a, b);
    expect(expected).toBeGreaterThan(1e5);
    expect(Math.abs(planarCommonM2(a, b, plane) - expected)).toBeLessThanOrEqual(1e-9 * expected);
  });
});
