import { AUTOSAVE_INTERVAL_RANGE, clampInterval } from '../state/settings-store';

export const INTERVAL_INPUT_REASONS = ['not_number', 'out_of_range'] as const;
export type IntervalInputReason = (typeof INTERVAL_INPUT_REASONS)[number];

/**
 * What the user typed in Settings ▸ autosave interval. Accepts whole or decimal seconds with a
 * dot or a Vietnamese decimal comma ("45,5"); rounds to whole seconds like the store does.
 * Out-of-range or non-numeric input is refused (never silently clamped): the dialog says why
 * and the stored interval stays as it was.
 */
export function parseIntervalInput(text: string): { ok: true; seconds: number } | { ok: false; reason: IntervalInputReason } {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return { ok: false, reason: 'not_number' };
  const value = Number(normalised);
  if (value < AUTOSAVE_INTERVAL_RANGE.min || value > AUTOSAVE_INTERVAL_RANGE.max) return { ok: false, reason: 'out_of_range' };
  return { ok: true, seconds: clampInterval(value) };
}
