import type { Map as MapLibreMap } from 'maplibre-gl';

/** Points of the canvas queried (as fractions of its size): together they touch every tile in view. */
const WARM_POINTS: [number, number][] = [0.1, 0.37, 0.63, 0.9].flatMap((fy) => [0.1, 0.37, 0.63, 0.9].map((fx): [number, number] => [fx, fy]));

const whenIdle = (run: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : window.setTimeout(run, 50);
const cancelIdle = (handle: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle));

/**
 * Prepares the map's hit test before the user needs it. MapLibre decodes a tile's features for
 * `queryRenderedFeatures` on the first query that touches the tile (110–140 ms for a tile of a
 * 5,000-feature park); done on the first click, that delays the selection outline. Once the map
 * is idle after `markStale` (the park sent, an edit, a move), tiny queries at a grid of points
 * decode the tiles in view, one point per idle callback so no single task grows long.
 * `layers()` names the layers a click queries, so the same tiles' data is decoded.
 */
export function attachHitTestWarmup(map: MapLibreMap, layers: () => string[]): { markStale: () => void; detach: () => void } {
  let stale = false;
  let pending: number | null = null;
  const warmFrom = (index: number) => {
    pending = null;
    const queried = layers();
    if (index >= WARM_POINTS.length || map.isMoving() || queried.length === 0) return;
    const canvas = map.getCanvas();
    const [fx, fy] = WARM_POINTS[index];
    const x = canvas.clientWidth * fx;
    const y = canvas.clientHeight * fy;
    map.queryRenderedFeatures(
      [
        [x, y],
        [x + 1, y + 1],
      ],
      { layers: queried },
    );
    pending = whenIdle(() => warmFrom(index + 1));
  };
  const onIdle = () => {
    if (!stale) return;
    stale = false;
    if (pending !== null) cancelIdle(pending);
    pending = whenIdle(() => warmFrom(0));
  };
  const markStale = () => {
    stale = true;
  };
  map.on('idle', onIdle);
  map.on('moveend', markStale);
  return {
    markStale,
    detach: () => {
      map.off('idle', onIdle);
      map.off('moveend', markStale);
      if (pending !== null) cancelIdle(pending);
    },
  };
}
