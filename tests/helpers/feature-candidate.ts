import { FEATURE_KINDS, type FeatureKind } from '../../shared/model/feature';

/**
 * The n-th random feature of the attribute-check property tests before its fields are mixed:
 * the kinds in turn, an id, the kind's geometry, and the attributes its kind requires (an
 * industrial land use, a 12 m road), all valid.
 */
export function validCandidate(n: number, geometry: Record<FeatureKind, unknown>): Record<string, unknown> {
  const kind = FEATURE_KINDS[n % FEATURE_KINDS.length];
  const candidate: Record<string, unknown> = { id: `f-${n}`, kind, geometry: geometry[kind] };
  if (kind === 'landuse') candidate.landUse = 'industrial';
  if (kind === 'road') candidate.widthM = 12;
  return candidate;
}

/** Picks an element of a list with the random numbers of `next` (a seededRandom). */
export function picker(next: () => number): <T>(list: readonly T[]) => T {
  return (list) => list[Math.floor(next() * list.length)];
}
