import type { Position } from 'geojson';
import { distanceM } from '../geometry/geodesic';
import { SYMBIOSIS, type SymbiosisExchangeRow } from './data';
import type { PlotResources } from './balances';
import { profileFor } from './sectors';
import type { ExchangeDecision, ExchangeStatus } from './settings';
import type { RoadDistances } from './road-distance';

/**
 * Industrial-symbiosis exchanges between plots: candidates matched from the by-product → input
 * table (data/eco/symbiosis.json) — a supplier's by-product that a receiver's sector accepts —
 * merged with the user's decisions saved in the document (accepted, rejected, edited quantity).
 * Distances run along the roads (./road-distance.ts); plots the roads do not connect keep the
 * straight line between their interior points, flagged (docs/eco-performance.md).
 */

export interface SymbiosisExchange {
  fromPlotId: string;
  toPlotId: string;
  resource: string;
  unit: string;
  /** Per year: the user's quantity when set, else the estimate. */
  quantity: number;
  estimatedQuantity: number;
  /** The quantity the user entered (edit), when set. */
  userQuantity?: number;
  /** The user's note on the resource or the deal, when set. */
  note?: string;
  /** Along the roads when `alongRoads`, else the geodesic straight line between the plots' interior points, m. */
  distanceM: number;
  alongRoads: boolean;
  status: ExchangeStatus;
  /** False for a saved decision the table no longer proposes (a sector changed): kept, not lost. */
  matched: boolean;
  /** CO₂ saved per year where the table gives a factor, else null. */
  co2SavedT: number | null;
  row: SymbiosisExchangeRow | undefined;
}

/** Where each plot sits, for distances: an interior point (lon, lat). */
export type PlotLocations = ReadonlyMap<string, Position>;

function estimate(row: SymbiosisExchangeRow, supply: number, receiver: PlotResources): number {
  if (!row.limitedByReceiverHeat) return supply;
  // Waste heat above 400 °C can serve the receiver's medium and low heat, no more.
  return Math.min(supply, receiver.processHeatMwhPerYear.medium + receiver.processHeatMwhPerYear.low);
}

const key = (from: string, to: string, resource: string) => JSON.stringify([from, to, resource]);

export function symbiosisExchanges(plots: readonly PlotResources[], locations: PlotLocations, decisions: readonly ExchangeDecision[], roads?: RoadDistances): SymbiosisExchange[] {
  const rows = new Map(SYMBIOSIS.exchanges.map((r) => [r.resource, r]));
  const decided = new Map(decisions.map((d) => [key(d.fromPlotId, d.toPlotId, d.resource), d]));
  const byId = new Map(plots.map((p) => [p.id, p]));
  const distance = (a: string, b: string): { distanceM: number; alongRoads: boolean } => {
    const alongRoads = roads?.between(a, b) ?? null;
    if (alongRoads !== null) return { distanceM: alongRoads, alongRoads: true };
    const pa = locations.get(a);
    const pb = locations.get(b);
    return { distanceM: pa && pb ? distanceM(pa, pb) : 0, alongRoads: false };
  };
  const build = (from: string, to: string, resource: string, unit: string, estimated: number, matched: boolean): SymbiosisExchange => {
    const row = rows.get(resource);
    const d = decided.get(key(from, to, resource));
    const quantity = d?.quantity ?? estimated;
    return {
      fromPlotId: from,
      toPlotId: to,
      resource,
      unit,
      quantity,
      estimatedQuantity: estimated,
      ...(d?.quantity !== undefined ? { userQuantity: d.quantity } : {}),
      ...(d?.note ? { note: d.note } : {}),
      ...distance(from, to),
      status: d?.status ?? 'candidate',
      matched,
      co2SavedT: row?.co2SavedTPerUnit ? quantity * row.co2SavedTPerUnit.value : null,
      row,
    };
  };
  const out: SymbiosisExchange[] = [];
  const seen = new Set<string>();
  for (const supplier of plots) {
    for (const b of supplier.byProducts) {
      const row = rows.get(b.resource);
      if (!row || b.quantity <= 0) continue;
      for (const receiver of plots) {
        if (receiver.id === supplier.id || !profileFor(receiver.sector ?? undefined).accepts.includes(b.resource)) continue;
        seen.add(key(supplier.id, receiver.id, b.resource));
        out.push(build(supplier.id, receiver.id, b.resource, row.unit, estimate(row, b.quantity, receiver), true));
      }
    }
  }
  for (const d of decisions) {
    if (seen.has(key(d.fromPlotId, d.toPlotId, d.resource)) || !byId.has(d.fromPlotId) || !byId.has(d.toPlotId)) continue;
    out.push(build(d.fromPlotId, d.toPlotId, d.resource, rows.get(d.resource)?.unit ?? '', 0, false));
  }
  return out;
}

/**
 * The decision to save for an exchange after a change (accept, reject or edit): what the user
 * set before — status, quantity, note — is kept unless the change replaces it. A note emptied is
 * removed; a quantity of null goes back to the estimate.
 */
export function exchangeDecisionFor(e: SymbiosisExchange, change: { status?: ExchangeStatus; quantity?: number | null; note?: string }): ExchangeDecision {
  const quantity = change.quantity === undefined ? e.userQuantity : change.quantity ?? undefined;
  const note = (change.note ?? e.note ?? '').trim();
  return {
    fromPlotId: e.fromPlotId,
    toPlotId: e.toPlotId,
    resource: e.resource,
    status: change.status ?? e.status,
    ...(quantity !== undefined ? { quantity } : {}),
    ...(note ? { note } : {}),
  };
}

/**
 * Tonnes of solid waste per year leaving plots through accepted exchanges: per supplier and
 * resource, the accepted quantities, never more than the supplier produces.
 */
export function wasteExchangedTPerYear(plots: readonly PlotResources[], exchanges: readonly SymbiosisExchange[]): number {
  let total = 0;
  for (const p of plots) {
    for (const b of p.byProducts) {
      if (b.unit !== 't') continue;
      const accepted = exchanges.filter((e) => e.status === 'accepted' && e.fromPlotId === p.id && e.resource === b.resource).reduce((a, e) => a + e.quantity, 0);
      total += Math.min(accepted, b.quantity);
    }
  }
  return total;
}
