import type { AreaGeometry } from '../model/geometry-schema';
import type { BuildingFeature, LandUseFeature, ParkFeature } from '../model/feature';
import { GridIndex } from './grid-index';
import { areaM2, bbox, intersection } from './measure';
import { interiorsMayOverlap, isWithin, type BBox } from './planar';

/** A land-use polygon clipped to the boundary: areas geodesic m². */
export interface Clipped {
  geometry: AreaGeometry | null;
  box: BBox;
  /** Area inside the boundary. */
  insideM2: number;
  /** Whole polygon area. */
  fullM2: number;
}

/**
 * The incremental core of the engine for one scenario: clipped land uses, their pairwise
 * overlaps and which industrial plots each building stands in, kept up to date by diffing
 * feature identities. An edit touches its own feature and its grid neighbours only.
 */
export class SpatialState {
  readonly members = new Set<ParkFeature>();
  readonly landUse = new GridIndex<LandUseFeature>();
  readonly buildings = new GridIndex<BuildingFeature>();
  readonly clipped = new Map<LandUseFeature, Clipped>();
  /** Positive-area intersections (m², inside the boundary) between land uses, both directions. */
  readonly overlaps = new Map<LandUseFeature, Map<LandUseFeature, number>>();
  /** The industrial plots whose interior a building's interior meets (a building across a plot edge is in several). */
  readonly plotsOf = new Map<BuildingFeature, LandUseFeature[]>();
  readonly buildingsOf = new Map<LandUseFeature, Set<BuildingFeature>>();
  /** The land uses added and removed by the last sync (for caches of derived land: road corridors). */
  changedLandUse: { added: LandUseFeature[]; removed: LandUseFeature[] } = { added: [], removed: [] };
  /** Industrial plots whose buildings or green overlaps changed since the caller last cleared it. */
  readonly touchedPlots = new Set<LandUseFeature>();

  private touch(f: LandUseFeature | null | undefined): void {
    if (f && f.landUse === 'industrial') this.touchedPlots.add(f);
  }

  constructor(readonly boundary: AreaGeometry | null) {}

  /** Brings the state to `features`; returns how many features changed (added + removed). */
  sync(features: readonly ParkFeature[]): number {
    const current = new Set(features);
    const removed: ParkFeature[] = [];
    for (const f of this.members) if (!current.has(f)) removed.push(f);
    const added = features.filter((f) => !this.members.has(f));
    const reassign = new Set<BuildingFeature>();
    const landUse = (list: ParkFeature[]) => list.filter((f): f is LandUseFeature => f.kind === 'landuse');
    this.changedLandUse = { added: landUse(added), removed: landUse(removed) };
    // Indexed over arrays: run for every feature, mostly as unoptimised code (a for…of allocates).
    for (let i = 0; i < removed.length; i++) {
      const f = removed[i];
      this.members.delete(f);
      if (f.kind === 'landuse') this.removeLandUse(f, reassign);
      else if (f.kind === 'building') this.removeBuilding(f, reassign);
    }
    for (let i = 0; i < added.length; i++) {
      const f = added[i];
      this.members.add(f);
      if (f.kind === 'landuse') this.addLandUse(f, reassign);
      else if (f.kind === 'building') {
        this.buildings.insert(f, bbox(f.geometry));
        reassign.add(f);
      }
    }
    for (const b of reassign) if (this.members.has(b)) this.assign(b);
    return removed.length + added.length;
  }

  private removeLandUse(f: LandUseFeature, reassign: Set<BuildingFeature>): void {
    this.landUse.remove(f);
    for (const other of this.overlaps.get(f)?.keys() ?? []) {
      this.overlaps.get(other)?.delete(f);
      this.touch(other);
    }
    this.overlaps.delete(f);
    this.clipped.delete(f);
    if (f.landUse === 'industrial') {
      for (const b of this.buildingsOf.get(f) ?? []) reassign.add(b);
      this.buildingsOf.delete(f);
    }
  }

  private removeBuilding(f: BuildingFeature, reassign: Set<BuildingFeature>): void {
    this.buildings.remove(f);
    this.leavePlots(f);
    this.plotsOf.delete(f);
    reassign.delete(f);
  }

  private addLandUse(f: LandUseFeature, reassign: Set<BuildingFeature>): void {
    const clip = this.clip(f);
    this.clipped.set(f, clip);
    if (clip.geometry) {
      const near = this.landUse.query(clip.box);
      for (let i = 0; i < near.length; i++) {
        const other = near[i];
        const o = this.clipped.get(other);
        if (!o?.geometry || !interiorsMayOverlap(clip.geometry, o.geometry, clip.box, o.box)) continue;
        const shared = intersection(clip.geometry, o.geometry, { pieces: true });
        const a = shared ? areaM2(shared) : 0;
        if (a <= 0.001) continue; // below a square millimetre: a numerical sliver, not an overlap
        this.link(f, other, a);
      }
    }
    this.landUse.insert(f, clip.box);
    if (f.landUse === 'industrial') for (const b of this.buildings.query(bbox(f.geometry))) reassign.add(b);
  }

  private link(a: LandUseFeature, b: LandUseFeature, areaM2Value: number): void {
    if (!this.overlaps.has(a)) this.overlaps.set(a, new Map());
    if (!this.overlaps.has(b)) this.overlaps.set(b, new Map());
    this.overlaps.get(a)!.set(b, areaM2Value);
    this.overlaps.get(b)!.set(a, areaM2Value);
    this.touch(a);
    this.touch(b);
  }

  private clip(f: LandUseFeature): Clipped {
    const full = areaM2(f.geometry);
    const box = bbox(f.geometry);
    // Without a boundary there is no park: every land use lies outside it.
    if (!this.boundary) return { geometry: null, box, insideM2: 0, fullM2: full };
    if (isWithin(f.geometry, this.boundary, box, bbox(this.boundary))) {
      return { geometry: f.geometry, box, insideM2: full, fullM2: full };
    }
    const inside = intersection(f.geometry, this.boundary);
    return { geometry: inside, box: inside ? bbox(inside) : box, insideM2: inside ? areaM2(inside) : 0, fullM2: full };
  }

  private leavePlots(b: BuildingFeature): void {
    for (const plot of this.plotsOf.get(b) ?? []) {
      this.buildingsOf.get(plot)?.delete(b);
      this.touch(plot);
    }
  }

  /**
   * A building counts in every industrial plot its interior meets, each with the part inside
   * (plots.ts): a building across a plot line is split between the plots, so no part of its
   * footprint is lost and none is counted twice (docs/analysis.md).
   */
  private assign(b: BuildingFeature): void {
    this.leavePlots(b);
    const box = bbox(b.geometry);
    const plots = this.landUse
      .query(box)
      .filter((c) => c.landUse === 'industrial' && interiorsMayOverlap(b.geometry, c.geometry, box, bbox(c.geometry)))
      .sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
    this.plotsOf.set(b, plots);
    for (let i = 0; i < plots.length; i++) {
      const plot = plots[i];
      this.touch(plot);
      if (!this.buildingsOf.has(plot)) this.buildingsOf.set(plot, new Set());
      this.buildingsOf.get(plot)!.add(b);
    }
  }
}
