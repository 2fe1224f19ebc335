import type { ReportCell } from './types';

/** Typed table cells (ReportCell): text as is, numbers with the decimals a reader sees. */
export const text = (v: string): ReportCell => ({ t: 'text', v });
export const num = (v: number | null, digits: number): ReportCell => ({ t: 'num', v, digits });
