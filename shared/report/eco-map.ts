import { interiorPoint } from '../analysis/measure';
import { flowFeatures, FLOW_COLOURS, FLOW_KINDS, isIndustrialPlot, type EcoResult } from '../eco';
import type { Scenario } from '../model/document';
import { buildMapFigure } from './map-figure';
import type { MapFigure, MapLegendItem, MapPrimitive, ReportLang } from './types';

/**
 * Metres of drawn width per pixel of the on-screen flow width (2–10 px): at the scale of a
 * 1–2 km park on an A4 page (~0.3 pt per m) a flow is 1–5 pt wide, like the map's.
 */
const FLOW_WIDTH_M_PER_PX = 1.5;

/**
 * The symbiosis map of the eco chapter: the scenario's map figure (shared with the report's
 * other maps) with the accepted exchanges drawn over it as the map draws them (shared/eco/flows.ts:
 * curve and arrowhead, colour by kind, width by quantity). Null when nothing is accepted.
 */
export function ecoSymbiosisMap(scenario: Scenario, r: EcoResult, lang: ReportLang, title: string, legendTitle: Record<(typeof FLOW_KINDS)[number], string>): MapFigure | null {
  const locations = new Map(scenario.features.filter(isIndustrialPlot).map((f) => [f.id, interiorPoint(f.geometry)]));
  const flows = flowFeatures(r.symbiosis, locations).features;
  if (flows.length === 0) return null;
  return buildMapFigure(scenario, lang, title, (toXY) => {
    const primitives: MapPrimitive[] = flows.flatMap((f) =>
      f.geometry.coordinates.map((line): MapPrimitive => ({ type: 'line', points: line.map(toXY), stroke: FLOW_COLOURS[f.properties.kind], widthM: f.properties.widthPx * FLOW_WIDTH_M_PER_PX })),
    );
    const kinds = new Set(flows.map((f) => f.properties.kind));
    const legend: MapLegendItem[] = FLOW_KINDS.filter((k) => kinds.has(k)).map((k) => ({ label: legendTitle[k], fill: FLOW_COLOURS[k], stroke: FLOW_COLOURS[k], shape: 'line' }));
    return { primitives, legend };
  });
}
