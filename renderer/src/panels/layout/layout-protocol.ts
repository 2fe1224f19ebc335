import type { LayoutParameters, VariantsResult } from '../../../../shared/layout';
import type { ParkDocument } from '../../../../shared/model';

/** Messages between the "Lay out park" panel and layout.worker.ts: one request, progress, one answer. */
export interface LayoutRequest {
  seq: number;
  doc: ParkDocument;
  scenarioId: string;
  params: LayoutParameters;
  count: number;
  /** YYYY-MM-DD: the date the rules are checked at (the page's today). */
  ruleDate: string;
}

export type LayoutResponse =
  | { seq: number; progress: { done: number; total: number } }
  | { seq: number; ok: true; result: VariantsResult; ms: number }
  | { seq: number; ok: false; message: string };
