import { z } from 'zod';
import type { ParkDocument } from '../model/document';
import { CBAM, defaultGridFactor } from './data';

/**
 * The project's eco settings, saved in the document under `settings.eco` (so they travel with
 * the project file and its GeoJSON export, and change through `settings.set` commands with undo):
 * the grid factor and its year, the carbon price and EU export share for CBAM, the user's
 * decisions on symbiosis exchanges, and the answers to checklist criteria.
 */

export const ECO_SETTINGS_KEY = 'eco';

export const EXCHANGE_STATUSES = ['candidate', 'accepted', 'rejected'] as const;
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number];

/** A decision on one exchange, keyed by supplier, receiver and resource; `quantity` (in the row's unit per year) overrides the estimate. */
export const exchangeDecisionSchema = z.object({
  fromPlotId: z.string().min(1),
  toPlotId: z.string().min(1),
  resource: z.string().min(1),
  status: z.enum(EXCHANGE_STATUSES),
  quantity: z.number().finite().nonnegative().optional(),
  note: z.string().optional(),
});
export type ExchangeDecision = z.infer<typeof exchangeDecisionSchema>;

export const checklistAnswerSchema = z.object({ answer: z.enum(['yes', 'no']), evidence: z.string() });
export type ChecklistAnswer = z.infer<typeof checklistAnswerSchema>;

export const ecoSettingsSchema = z.object({
  gridEmissionFactorTPerMwh: z.number().finite().min(0).max(2).optional(),
  gridEmissionFactorYear: z.number().int().min(1990).max(2100).optional(),
  carbonPriceEurPerT: z.number().finite().nonnegative().optional(),
  euExportShare: z.number().min(0).max(1).optional(),
  exchanges: z.array(exchangeDecisionSchema).optional(),
  checklist: z.record(z.string(), checklistAnswerSchema).optional(),
});
export type EcoSettings = z.infer<typeof ecoSettingsSchema>;

/** The settings with every default filled in from data/eco. */
export interface ResolvedEcoSettings {
  gridEmissionFactorTPerMwh: number;
  /** The year the factor stands for; null when the project set a factor without a year. */
  gridEmissionFactorYear: number | null;
  /** True when the factor is the project's own rather than the data's. */
  gridFactorEdited: boolean;
  carbonPriceEurPerT: number;
  euExportShare: number;
  exchanges: ExchangeDecision[];
  checklist: Record<string, ChecklistAnswer>;
}

export type EcoSettingsResult = { ok: true; settings: ResolvedEcoSettings } | { ok: false; detail: string; settings: ResolvedEcoSettings };

/** Reads `doc.settings.eco`; invalid settings fall back to the defaults, with the reason. */
export function readEcoSettings(doc: Pick<ParkDocument, 'settings'>): EcoSettingsResult {
  const raw = doc.settings[ECO_SETTINGS_KEY];
  const parsed = raw === undefined ? { success: true as const, data: {} as EcoSettings } : ecoSettingsSchema.safeParse(raw);
  const s: EcoSettings = parsed.success ? parsed.data : {};
  const grid = defaultGridFactor();
  const edited = s.gridEmissionFactorTPerMwh !== undefined;
  const settings: ResolvedEcoSettings = {
    gridEmissionFactorTPerMwh: s.gridEmissionFactorTPerMwh ?? grid.tPerMwh,
    // An edited factor without a year has no year the data can vouch for.
    gridEmissionFactorYear: s.gridEmissionFactorYear ?? (edited ? null : grid.year),
    gridFactorEdited: edited,
    carbonPriceEurPerT: s.carbonPriceEurPerT ?? CBAM.carbonPrice.defaultEurPerT,
    euExportShare: s.euExportShare ?? CBAM.defaultEuExportShare.value,
    exchanges: s.exchanges ?? [],
    checklist: s.checklist ?? {},
  };
  if (parsed.success) return { ok: true, settings };
  return { ok: false, detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), settings };
}

/**
 * The eco settings with one exchange's decision set (replacing an earlier decision on the same
 * supplier, receiver and resource). Pure: the caller saves the result with a `settings.set`
 * command under ECO_SETTINGS_KEY, which gives undo.
 */
export function withExchangeDecision(current: EcoSettings, decision: ExchangeDecision): EcoSettings {
  const same = (d: ExchangeDecision) => d.fromPlotId === decision.fromPlotId && d.toPlotId === decision.toPlotId && d.resource === decision.resource;
  return { ...current, exchanges: [...(current.exchanges ?? []).filter((d) => !same(d)), decision] };
}
