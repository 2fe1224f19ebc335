import type { BuildingFeature, LandUseFeature, ParkFeature, RoadFeature } from '../model/feature';
import { corridorOf } from './infrastructure';
import { nearBoundary, StripMeter, stripSkeleton } from './isolation-strip';
import { bbox, interiorPoint } from './measure';
import { sameList } from './overlap';
import { pointInArea } from '../geometry/point-in-area';
import type { BBox } from './planar';
import type { SpatialState } from './spatial-state';
import type { StripSample } from './types';

/** Building uses counted as administration for the isolation-strip rule. */
const ADMIN_BUILDING_USES = new Set(['office', 'administration', 'admin', 'services']);

/** The strip measurement of one scenario, kept across runs (its boundary fixed). */
export interface StripCache {
  strip?: { key: readonly (LandUseFeature | RoadFeature)[]; samples: StripSample[] };
  meter?: StripMeter;
}

/**
 * Width samples of the green isolation strip along the boundary (none without a boundary). Roads
 * enter on traffic land uses or on corridors of roads drawn with the road tool.
 */
export function isolationSamples(
  state: SpatialState,
  landUses: readonly LandUseFeature[],
  roads: readonly RoadFeature[],
  greens: readonly LandUseFeature[],
  cache: StripCache,
): StripSample[] {
  if (!state.boundary) return [];
  // Only polygons near the boundary can change the strip: an edit inside the park keeps it,
  // and an edit near it re-measures only the samples within reach of what changed.
  const boundaryBox = bbox(state.boundary);
  const near = (f: LandUseFeature) => nearBoundary(state.clipped.get(f)!.box, boundaryBox);
  const nearGreens = greens.filter(near);
  const traffic = landUses.filter((f) => f.landUse === 'traffic' && near(f));
  const corridors = roads.flatMap((r) => {
    const c = corridorOf(r);
    return c && nearBoundary(bbox(c), boundaryBox) ? [{ road: r, corridor: c }] : [];
  });
  const key = [...nearGreens, ...traffic, ...corridors.map((c) => c.road)];
  cache.meter ??= new StripMeter(stripSkeleton(state.boundary));
  if (!cache.strip || !sameList(cache.strip.key, key)) {
    const previous = new Set(cache.strip?.key ?? []);
    const current = new Set(key);
    const changed = cache.strip
      ? [...key.filter((f) => !previous.has(f)), ...(cache.strip.key.filter((f) => !current.has(f)))].map(surfaceBox)
      : undefined;
    const roadSurfaces = [...traffic.map((t) => t.geometry), ...corridors.map((c) => c.corridor)];
    cache.strip = { key, samples: cache.meter.measure(nearGreens.map((g) => g.geometry), roadSurfaces, changed) };
  }
  return cache.strip.samples;
}

/** The box of what a strip key stands for: a land-use polygon, or a road's corridor. */
function surfaceBox(f: LandUseFeature | RoadFeature): BBox {
  return f.kind === 'road' ? bbox(corridorOf(f) ?? f.geometry) : bbox(f.geometry);
}

/** Ids of administration land uses overlapping a green buffer, and of office buildings standing in one. */
export function adminInStrip(landUses: readonly LandUseFeature[], features: readonly ParkFeature[], buffers: readonly LandUseFeature[], state: SpatialState): string[] {
  if (buffers.length === 0) return [];
  const ids = new Set<string>();
  for (const f of landUses) {
    if (f.landUse !== 'admin_services') continue;
    for (const other of state.overlaps.get(f)?.keys() ?? []) if (buffers.includes(other)) ids.add(f.id);
  }
  for (const f of features) {
    if (f.kind !== 'building') continue;
    const use = (f as BuildingFeature).props?.use;
    if (typeof use !== 'string' || !ADMIN_BUILDING_USES.has(use)) continue;
    const p = interiorPoint(f.geometry);
    if (buffers.some((b) => pointInArea(p, b.geometry))) ids.add(f.id);
  }
  return [...ids].sort();
}
