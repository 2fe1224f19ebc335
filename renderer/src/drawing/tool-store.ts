import { create } from 'zustand';
import type { LandUseCode, RoofType } from '../../../shared/model';
import type { SnapResult } from '../../../shared/geometry/snapping';
import type { OverlapPolicy } from '../../../shared/editing/create-feature';

/** Drawing and editing tools; their buttons' accessible names are stable (tests use them). */
export const TOOLS = ['select', 'polygon', 'rectangle', 'road', 'building', 'point', 'split'] as const;
export type ToolId = (typeof TOOLS)[number];

export type LonLat = [number, number];

/** A shape being drawn: its clicked vertices and the live cursor (already snapped/constrained). */
export interface Draft {
  vertices: LonLat[];
  cursor: LonLat | null;
  /** Cursor position on screen, for the measurement label. */
  cursorScreen: { x: number; y: number } | null;
  snap: SnapResult | null;
}

export interface ToolState {
  tool: ToolId;
  snapping: boolean;
  /** Snap tolerance in screen pixels (converted to metres at the current zoom). */
  snapTolerancePx: number;
  rectangleMode: 'rotated' | 'axis';
  buildingShape: 'rectangle' | 'polygon';
  /** How a new land-use polygon treats the ones it overlaps (prevent is the default). */
  overlapPolicy: OverlapPolicy;
  clipToBoundary: boolean;
  /** Category given to new polygons; the palette sets it ('boundary' draws the park limit). */
  newLandUse: LandUseCode | 'boundary';
  newSubtype: string | undefined;
  roadWidthM: number;
  buildingHeightM: number;
  buildingFloors: number;
  buildingRoofType: RoofType;
  pointType: string;
  draft: Draft;
  /** Numeric entry text while typing a length/angle or a rectangle size. */
  numericEntry: string | null;
  shortcutsOpen: boolean;
  setTool(tool: ToolId): void;
  set(patch: Partial<Omit<ToolState, 'setTool' | 'set' | 'resetDraft'>>): void;
  resetDraft(): void;
}

const EMPTY_DRAFT: Draft = { vertices: [], cursor: null, cursorScreen: null, snap: null };

export const useToolStore = create<ToolState>((set) => ({
  tool: 'select',
  snapping: true,
  snapTolerancePx: 12,
  rectangleMode: 'rotated',
  buildingShape: 'rectangle',
  overlapPolicy: 'prevent',
  clipToBoundary: true,
  newLandUse: 'industrial',
  newSubtype: undefined,
  roadWidthM: 24,
  buildingHeightM: 12,
  buildingFloors: 1,
  buildingRoofType: 'flat',
  pointType: 'gate',
  draft: EMPTY_DRAFT,
  numericEntry: null,
  shortcutsOpen: false,
  setTool(tool) {
    set({ tool, draft: EMPTY_DRAFT, numericEntry: null });
  },
  set(patch) {
    set(patch);
  },
  resetDraft() {
    set({ draft: EMPTY_DRAFT, numericEntry: null });
  },
}));
