/**
 * Building heights: one rule for every number that needs one (FAR, shading, the 3D map).
 * Issue 4 fixes the default storey height at 4.5 m (projects may override it in their rule
 * settings); a building with neither height nor floors is taken as a one-storey shed of 8 m.
 */
export const DEFAULT_STOREY_HEIGHT_M = 4.5;
export const DEFAULT_BUILDING_HEIGHT_M = 8;

/** Height above ground in metres: `heightM`, else floors × storey height, else the default. */
export function buildingHeightM(f: { heightM?: number; floors?: number }, storeyHeightM = DEFAULT_STOREY_HEIGHT_M): number {
  if (f.heightM) return f.heightM;
  if (f.floors) return f.floors * storeyHeightM;
  return DEFAULT_BUILDING_HEIGHT_M;
}
