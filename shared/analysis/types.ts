import type { LandUseCode } from '../model/land-use';
import type { Id } from '../model/ids';
import type { LineStringGeometry, Position } from '../model/geometry-schema';
import type { Citation, Comparator, Confidence, MetricId, Rule } from './rule-schema';
import type { RuleSettingsReason } from './rule-sets';

/** Area of one subtype of a category inside the boundary: `areaM2` geodesic m², `percent` 0–100 of the park. */
export interface SubtypeArea {
  subtype: string;
  areaM2: number;
  percent: number;
}

/**
 * One land-use category inside the boundary. `areaM2` is the sum of its polygons clipped to the
 * boundary (overlaps counted in each polygon); `percent` 0–100 of the park area.
 */
export interface LandUseRow {
  landUse: LandUseCode;
  areaM2: number;
  percent: number;
  featureIds: Id[];
  subtypes: SubtypeArea[];
}

/** Indicators of one industrial plot; areas in geodesic m², ratios 0–1, null when undefined. */
export interface PlotIndicators {
  id: Id;
  code: string | null;
  name: string | null;
  areaM2: number;
  footprintM2: number;
  buildingIds: Id[];
  /** Footprint ÷ plot area. */
  buildingDensity: number;
  floorAreaM2: number;
  /** Floor area ÷ plot area. */
  far: number;
  /** Highest floor count of its buildings (floors, else height ÷ storey height); 0 without buildings. */
  maxFloors: number;
  greenInsideM2: number;
  /** Green drawn inside ÷ plot area; else the plot's declared `props.greenRatio`; else null. */
  greenRatio: number | null;
  greenSource: 'drawn' | 'declared' | 'none';
  greenIds: Id[];
  limits: { maxDensity?: number; maxFloors?: number; minGreenRatio?: number; maxFar?: number };
}

/** One boundary sample of the isolation strip: `widthM` of green measured inward from `position`. */
export interface StripSample {
  position: Position;
  widthM: number;
  /** The boundary stretch this sample stands for (half a step either side, within its edge). */
  from: Position;
  to: Position;
  /** A road (traffic land use) enters here: excluded from the minimum and from failures. */
  access?: boolean;
}

/** Environmental safety distances of one wastewater works, metres. */
export interface WwtpDistance {
  id: Id;
  code: string | null;
  type: string;
  capacityM3PerDay: number | null;
  distanceToBoundaryM: number;
  /** Distance to the nearest polygon of each land use (absent: none of that use). */
  distanceToLandUseM: Partial<Record<LandUseCode, { distanceM: number; featureId: Id }>>;
}

export type RuleStatus = 'pass' | 'fail' | 'warn' | 'n/a';

/** The outcome of one rule for one feature (plot or works). */
export interface RuleItem {
  featureId: Id;
  value: number | null;
  threshold: number | null;
  status: RuleStatus;
}

/**
 * The outcome of one rule. `value` is the measured value (the worst one for plot and feature
 * rules), beside `threshold` in the same unit; `featureIds` are the features that break it.
 */
export interface RuleResult {
  id: string;
  ruleSetId: string;
  title: { en: string; vi: string };
  scope: Rule['scope'];
  metric: MetricId;
  comparator: Comparator;
  unit: Rule['unit'];
  status: RuleStatus;
  value: number | null;
  threshold: number | null;
  citation: Citation;
  confidence: Confidence;
  severity: Rule['severity'];
  origin: 'ruleset' | 'project';
  overridden: boolean;
  originalThreshold?: number | null;
  /** Why the rule is n/a: no_threshold, no_data, not_in_force. */
  reason?: 'no_threshold' | 'no_data' | 'not_in_force';
  featureIds: Id[];
  items: RuleItem[];
  /** Boundary stretches below the rule (isolation strip), for the map to highlight. */
  segments?: LineStringGeometry[];
}

/** The whole analysis of one scenario. Areas geodesic m² (WGS84), ratios 0–1, lengths m. */
export interface AnalysisResult {
  scenarioId: Id;
  boundaryIds: Id[];
  parkAreaM2: number;
  landUse: LandUseRow[];
  /** Boundary area not covered by any land-use polygon. */
  unassignedAreaM2: number;
  /** Sum of land-use areas minus the area of their union (inside the boundary). */
  overlapAreaM2: number;
  /** Land-use area lying outside the boundary, reported apart from the table. */
  outsideBoundaryAreaM2: number;
  overlapFeatureIds: Id[];
  plotStats: { count: number; meanAreaM2: number; minAreaM2: number; maxAreaM2: number };
  green: {
    /** Green land outside industrial plots, inside the boundary. */
    greenLandM2: number;
    /** greenLandM2 ÷ parkAreaM2. */
    greenSpaceRatio: number;
    greenInPlotsM2: number;
    totalGreenM2: number;
    totalGreenRatio: number;
    /** Total green m² per hectare of industrial land (null without industrial land). */
    greenPerIndustrialHaM2: number | null;
    isolationMinWidthM: number | null;
    isolationSamples: StripSample[];
    isolationStepM: number;
  };
  plots: PlotIndicators[];
  wwtp: WwtpDistance[];
  /** Administration land uses and buildings lying in the green isolation strip. */
  adminInIsolationStrip: Id[];
  infrastructure: { roadLengthM: number; roadAreaM2: number; roadAreaShare: number; trafficLandM2: number };
  rules: RuleResult[];
  storeyHeightM: number;
  settingsIssue?: { reason: RuleSettingsReason; detail: string };
}
