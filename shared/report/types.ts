import type { RuleStatus } from '../analysis/types';
import type { EcoChapter } from './eco-section';

/** Languages of the report (the PDF's own strings live in ./strings.ts). */
export type ReportLang = 'en' | 'vi';

/**
 * One table cell, typed so every renderer keeps numbers as numbers: `num` values are in the
 * column's display unit (ha, %, kWh…) and `digits` is how many decimals a reader sees.
 */
export type ReportCell =
  | { t: 'text'; v: string }
  | { t: 'num'; v: number | null; digits: number }
  | { t: 'status'; v: RuleStatus };

export interface ReportColumn {
  header: string;
  align: 'left' | 'right' | 'center';
  /** Relative width on the page (the PDF shares the text width in these proportions). */
  weight: number;
}

/** A table of the report: one XLSX sheet, one CSV block. `id` is a stable sheet-safe name. */
export interface ReportTable {
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Rows drawn in bold (totals). */
  boldRows?: number[];
  /** Per-row highlight of single cells (compare: differences), as `row:col` keys. */
  highlight?: string[];
  note?: string;
}

/** A bar chart: one bar per item, value in `unit`; colours as #rrggbb. */
export interface ReportChart {
  id: string;
  title: string;
  unit: string;
  orientation: 'horizontal' | 'vertical';
  bars: { label: string; value: number; colour: string }[];
  digits: number;
}

/** Local metric coordinates: [eastM, northM] from the frame origin, north up. */
export type MapXY = [number, number];

/** Drawing primitives of the map figure, in draw order (first at the bottom). */
export type MapPrimitive =
  | { type: 'polygon'; rings: MapXY[][]; fill: string; stroke: string; strokeWidthPt: number; fillOpacity?: number }
  | { type: 'line'; points: MapXY[]; stroke: string; widthM: number }
  | { type: 'outline'; rings: MapXY[][]; stroke: string; strokeWidthPt: number; dash?: boolean }
  | { type: 'point'; at: MapXY; fill: string; stroke: string; label?: string };

export interface MapLegendItem {
  label: string;
  fill: string;
  stroke: string;
  shape: 'box' | 'line' | 'dot' | 'outline';
}

/** A grid tick on the figure frame: position in local metres along the axis, label in degrees. */
export interface MapTick {
  posM: number;
  label: string;
}

/**
 * A vector map of one scenario in a local azimuthal-equidistant frame (metres, north up):
 * everything a renderer needs to draw it at any size without the map library.
 */
export interface MapFigure {
  /** Extent in local metres, padded around the features. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  primitives: MapPrimitive[];
  legend: MapLegendItem[];
  /** Ticks of longitude along the bottom edge and latitude along the left edge. */
  lonTicks: MapTick[];
  latTicks: MapTick[];
  /** A round scale-bar length for the figure's extent, metres. */
  scaleBarM: number;
  scaleBarLabel: string;
  title: string;
}

/** A labelled value of a summary block (text already formatted in the report's language). */
export interface KeyValue {
  label: string;
  value: string;
}

export interface ReportMeta {
  lang: ReportLang;
  title: string;
  parkName: string;
  province: string;
  scenarioName: string;
  scenarioId: string;
  author: string;
  /** ISO date of the report (yyyy-mm-dd); also the date the rules are evaluated on. */
  date: string;
  toolVersion: string;
  description?: string;
}

/** Per-scenario comparison (2–4 scenarios), built by compareScenarios. */
export interface ComparisonModel {
  scenarios: { id: string; name: string }[];
  kpiTable: ReportTable;
  ruleTable: ReportTable;
  maps: MapFigure[];
  /** KPI rows with the raw numbers and differences against the first scenario. */
  kpis: CompareKpi[];
  rules: { id: string; title: string; statuses: RuleStatus[] }[];
}

/** One KPI across the compared scenarios; `deltas[i]` = values[i] − values[0] (null if either is). */
export interface CompareKpi {
  key: string;
  label: string;
  unit: string;
  digits: number;
  values: (number | null)[];
  deltas: (number | null)[];
}

/** Every section of the site report as plain data; renderers draw it and compute nothing. */
export interface ReportModel {
  meta: ReportMeta;
  strings: Record<string, string>;
  summary: KeyValue[];
  map: MapFigure;
  landUseTable: ReportTable;
  landUseChart: ReportChart;
  greenSummary: KeyValue[];
  complianceTable: ReportTable;
  ruleCounts: Record<RuleStatus, number>;
  plotTable: ReportTable;
  /** Geometry problems of the scenario (shared/analysis/problems.ts); absent in models built before it existed. */
  problems?: ReportTable;
  solar: {
    summary: KeyValue[];
    monthlyChart: ReportChart;
    buildingTable: ReportTable;
  } | null;
  /** The eco-performance chapter (shared/eco); absent in models built before it existed. */
  eco?: EcoChapter;
  /** Long citation addresses, numbered: the Citation column refers to them as [n]. */
  sources?: { n: number; text: string }[];
  methods: KeyValue[];
  comparison?: ComparisonModel;
}
