import path from 'node:path';
import { z } from 'zod';
import type { DocumentState } from '../shared/host-api';
import { parkDocumentSchema, type ParkDocument } from '../shared/model/document';
import { isTrustedSender } from './security-policy';

/**
 * Validation of everything that crosses IPC into the main process. The renderer is treated as
 * untrusted input: a compromised or buggy page gets a clear refusal, never a crashed main
 * process or a write outside what the user chose. Returns data, never throws.
 */

export const IPC_REFUSAL_REASONS = ['bad_sender', 'bad_payload', 'invalid_document'] as const;
export type IpcRefusalReason = (typeof IPC_REFUSAL_REASONS)[number];

export type Validated<T> = { ok: true; value: T } | { ok: false; reason: IpcRefusalReason; detail: string };

/** An absolute path to a .gpkg file, on either platform's syntax. */
export const gpkgPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'path contains a NUL byte')
  .refine((p) => path.posix.isAbsolute(p) || path.win32.isAbsolute(p), 'path must be absolute')
  .refine((p) => p.toLowerCase().endsWith('.gpkg'), 'path must end in .gpkg');

const openRequestSchema = z.strictObject({ path: gpkgPathSchema.optional() }).optional();

const saveEnvelopeSchema = z.strictObject({
  document: z.unknown(),
  saveAs: z.boolean(),
  suggestedName: z.string().max(255),
});

const documentStateSchema = z.strictObject({
  fileName: z.string().max(1024).nullable(),
  dirty: z.boolean(),
  undoLabel: z.string().max(200).nullable().optional(),
  redoLabel: z.string().max(200).nullable().optional(),
});

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

/** The frame that sent a message must be a page of our app scheme (not a web page or a subframe of one). */
export function validateSender(frameUrl: string | null | undefined): Validated<true> {
  return isTrustedSender(frameUrl)
    ? { ok: true, value: true }
    : { ok: false, reason: 'bad_sender', detail: `IPC refused: sender ${JSON.stringify(frameUrl ?? null)} is not the app.` };
}

export function validateOpenRequest(payload: unknown): Validated<{ path?: string }> {
  const parsed = openRequestSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'bad_payload', detail: `Invalid open request: ${issues(parsed.error)}` };
  return { ok: true, value: parsed.data ?? {} };
}

export interface SaveRequest {
  document: ParkDocument;
  saveAs: boolean;
  suggestedName: string;
}

export function validateSaveRequest(payload: unknown): Validated<SaveRequest> {
  const envelope = saveEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return { ok: false, reason: 'bad_payload', detail: `Invalid save request: ${issues(envelope.error)}` };
  const document = parkDocumentSchema.safeParse(envelope.data.document);
  if (!document.success) return { ok: false, reason: 'invalid_document', detail: `The project is not valid: ${issues(document.error)}` };
  return { ok: true, value: { document: document.data, saveAs: envelope.data.saveAs, suggestedName: envelope.data.suggestedName } };
}

export function validateDocumentState(payload: unknown): Validated<DocumentState> {
  const parsed = documentStateSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'bad_payload', detail: `Invalid document state: ${issues(parsed.error)}` };
  return { ok: true, value: parsed.data };
}

/** For calls that take no argument: anything but undefined is a malformed call. */
export function validateNoPayload(payload: unknown): Validated<undefined> {
  return payload === undefined
    ? { ok: true, value: undefined }
    : { ok: false, reason: 'bad_payload', detail: 'This call takes no argument.' };
}

/**
 * A file name the save dialog may propose: the user's suggestion stripped of directory parts
 * and characters filesystems refuse, always ending in .gpkg.
 */
export function sanitizeSuggestedName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim();
  const stem = cleaned.replace(/\.gpkg$/i, '') || 'Untitled';
  return `${stem.slice(0, 120)}.gpkg`;
}
