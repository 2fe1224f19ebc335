import type * as Boolean from '../../../shared/geometry/boolean';

/**
 * boolean.ts with subtractAreas counting its calls in `counter`, for a vi.mock factory: the
 * tests of the screens in front of the polygon clipping see which polygons still need it.
 */
export function countingSubtract(actual: typeof Boolean, counter: { calls: number }): typeof Boolean {
  return {
    ...actual,
    subtractAreas: (...args) => {
      counter.calls++;
      return actual.subtractAreas(...args);
    },
  };
}
