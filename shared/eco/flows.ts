import type { Feature, FeatureCollection, MultiLineString, Position } from 'geojson';
import { interiorPoint } from '../analysis/measure';
import { createLocalFrame, localToLonLat, lonLatToLocal } from '../geometry/local-frame';
import { activeScenario, type ParkDocument } from '../model/document';
import { isIndustrialPlot, plotResources } from './balances';
import { readEcoSettings } from './settings';
import { symbiosisExchanges, type SymbiosisExchange } from './symbiosis';

/**
 * Accepted symbiosis exchanges as map flows: a curved line from the supplier's plot to the
 * receiver's with an arrowhead at the receiver, its width growing with the quantity and its
 * colour telling the kind of flow (heat, by-product, water).
 */

export const FLOW_KINDS = ['heat', 'by-product', 'water'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** Line widths on screen, px: the smallest flow and the largest flow of its unit. */
export const FLOW_WIDTH_PX = { min: 2, max: 10 } as const;
/** Colours by kind, far from the land-use fills: heat red-orange, by-products brown, water blue (map and report). */
export const FLOW_COLOURS: Record<FlowKind, string> = { heat: '#d7301f', 'by-product': '#7f3b08', water: '#1f78b4' };

/** The kind of a flow from its unit: energy is heat, volume is water, mass a by-product. */
export function flowKindOf(unit: string): FlowKind {
  if (/wh$/i.test(unit)) return 'heat';
  if (/^m(3|³)$/i.test(unit)) return 'water';
  return 'by-product';
}

/** How far the curve bows out from the straight line, as a share of the distance (reads as a flow, not a road). */
export const BOW = 0.2;
/**
 * Each further flow into the same receiver bows this much more (a share of BOW), so flows from
 * neighbouring suppliers — nearly the same line — are drawn as distinct, nested curves.
 */
export const BOW_STEP = 0.75;
const CURVE_SEGMENTS = 16;
/** Arrowhead: its sides' length as a share of the distance (capped), and their angle to the line. */
const ARROW_SHARE = 0.12;
const ARROW_MAX_M = 60;
const ARROW_ANGLE_RAD = (25 * Math.PI) / 180;

/**
 * The drawn geometry of one flow: [curve, arrowhead]. The curve is a quadratic Bézier in a local
 * metric frame from `from` to `to`, bowed to the right of the direction of travel (so A→B and
 * B→A do not overlap); the arrowhead is two short sides meeting at `to`.
 */
export function flowGeometry(from: Position, to: Position, bow = BOW): Position[][] {
  const frame = createLocalFrame(from[0], from[1]);
  const [bx, by] = lonLatToLocal(frame, to[0], to[1]);
  const length = Math.hypot(bx, by);
  if (length === 0) return [[from, to]];
  // Control point: the middle, moved sideways (to the right of travel) by bow × length.
  const cx = bx / 2 + (by / length) * bow * length;
  const cy = by / 2 - (bx / length) * bow * length;
  const curve: Position[] = [from];
  for (let i = 1; i < CURVE_SEGMENTS; i++) {
    const t = i / CURVE_SEGMENTS;
    const x = 2 * (1 - t) * t * cx + t * t * bx;
    const y = 2 * (1 - t) * t * cy + t * t * by;
    curve.push(localToLonLat(frame, x, y));
  }
  curve.push(to);
  // The tangent at the end of a quadratic Bézier points from the control point to the end.
  const heading = Math.atan2(by - cy, bx - cx);
  const side = Math.min(ARROW_SHARE * length, ARROW_MAX_M);
  const wing = (angle: number) => localToLonLat(frame, bx - side * Math.cos(heading + angle), by - side * Math.sin(heading + angle));
  return [curve, [wing(ARROW_ANGLE_RAD), to, wing(-ARROW_ANGLE_RAD)]];
}

/** Properties of a flow feature on the map. */
export interface FlowProperties {
  fromPlotId: string;
  toPlotId: string;
  resource: string;
  kind: FlowKind;
  quantity: number;
  unit: string;
  /** FLOW_WIDTH_PX.min + (max − min) × √(quantity ÷ the largest quantity of the same unit). */
  widthPx: number;
}

/**
 * The accepted exchanges as features. Widths compare flows of one unit only (tonnes cannot be
 * set against MWh); the square root keeps a small flow visible beside a large one.
 */
export function flowFeatures(exchanges: readonly SymbiosisExchange[], locations: ReadonlyMap<string, Position>): FeatureCollection<MultiLineString, FlowProperties> {
  const accepted = exchanges.filter((e) => e.status === 'accepted' && locations.has(e.fromPlotId) && locations.has(e.toPlotId));
  const largest = new Map<string, number>();
  for (const e of accepted) largest.set(e.unit, Math.max(largest.get(e.unit) ?? 0, e.quantity));
  const intoReceiver = new Map<string, number>();
  const features = accepted.map((e): Feature<MultiLineString, FlowProperties> => {
    const max = largest.get(e.unit) ?? 0;
    const share = max > 0 ? Math.sqrt(e.quantity / max) : 0;
    const k = intoReceiver.get(e.toPlotId) ?? 0;
    intoReceiver.set(e.toPlotId, k + 1);
    const bow = BOW * (1 + BOW_STEP * k);
    return {
      type: 'Feature',
      geometry: { type: 'MultiLineString', coordinates: flowGeometry(locations.get(e.fromPlotId)!, locations.get(e.toPlotId)!, bow) },
      properties: {
        fromPlotId: e.fromPlotId,
        toPlotId: e.toPlotId,
        resource: e.resource,
        kind: flowKindOf(e.unit),
        quantity: e.quantity,
        unit: e.unit,
        widthPx: FLOW_WIDTH_PX.min + (FLOW_WIDTH_PX.max - FLOW_WIDTH_PX.min) * share,
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

/**
 * The flows of a scenario straight from the document: nothing is computed while no exchange is
 * accepted, so the map layer costs nothing on a park without symbiosis.
 */
export function ecoFlowsOf(doc: ParkDocument, scenarioId?: string): FeatureCollection<MultiLineString, FlowProperties> {
  const { settings } = readEcoSettings(doc);
  if (!settings.exchanges.some((d) => d.status === 'accepted')) return { type: 'FeatureCollection', features: [] };
  const scenario = (scenarioId && doc.scenarios.find((s) => s.id === scenarioId)) || activeScenario(doc);
  const plots = scenario.features.filter(isIndustrialPlot);
  const locations = new Map(plots.map((f) => [f.id, interiorPoint(f.geometry)]));
  return flowFeatures(symbiosisExchanges(plots.map(plotResources), locations, settings.exchanges), locations);
}
