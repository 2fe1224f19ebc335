import { z } from 'zod';

/**
 * Schema parts every data/eco file uses. Every reference value carries its source and a
 * confidence: primary (legal text, official dataset), secondary (reputable summary), rough (our
 * estimate, basis stated), unverified (recalled, not found in a source).
 */
export const ECO_CONFIDENCES = ['primary', 'secondary', 'rough', 'unverified'] as const;
export type EcoConfidence = (typeof ECO_CONFIDENCES)[number];

export const text = z.object({ en: z.string().min(1), vi: z.string().min(1) });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const confidence = z.enum(ECO_CONFIDENCES);
export const sourceRef = z.object({ document: z.string().min(1), url: z.string().url().optional(), confidence });
