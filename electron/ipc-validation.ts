import path from 'node:path';
import { z } from 'zod';
import type { DocumentState } from '../shared/host-api';
import type { CloseAnswer } from './ipc-channels';
import { parkDocumentSchema, type ParkDocument } from '../shared/model/document';
import { RECOVERY_ID_PATTERN } from './recovery-store';
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

// `queued` is only ever true: a plain open omits it (and forgets any queued file).
const openRequestSchema = z.strictObject({ path: gpkgPathSchema.optional(), queued: z.literal(true).optional() }).optional();

const saveEnvelopeSchema = z.strictObject({
  document: z.unknown(),
  saveAs: z.boolean(),
  suggestedName: z.string().max(255),
  /** The user answered "Overwrite" to a changed_on_disk outcome. */
  overwrite: z.boolean().optional(),
});

const recoveryWriteEnvelopeSchema = z.strictObject({
  document: z.unknown(),
  fileName: z.string().max(255).nullable(),
});

/** Recovery snapshots are named only by ids the main process issued (checked again against its list). */
const recoveryIdRequestSchema = z.strictObject({ id: z.string().regex(RECOVERY_ID_PATTERN) });

const documentStateSchema = z.strictObject({
  fileName: z.string().max(1024).nullable(),
  displayName: z.string().max(1024).nullable().optional(),
  dirty: z.boolean(),
  hasFile: z.boolean().optional(),
  undoLabel: z.string().max(200).nullable().optional(),
  redoLabel: z.string().max(200).nullable().optional(),
  lang: z.enum(['en', 'vi']).optional(),
  view: z.strictObject({ legend: z.boolean(), features: z.boolean(), view3d: z.boolean() }).optional(),
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

export function validateOpenRequest(payload: unknown): Validated<{ path?: string; queued?: true }> {
  const parsed = openRequestSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'bad_payload', detail: `Invalid open request: ${issues(parsed.error)}` };
  return { ok: true, value: parsed.data ?? {} };
}

export interface SaveRequest {
  document: ParkDocument;
  saveAs: boolean;
  suggestedName: string;
  /** Present (true) only when the user chose to overwrite a file that changed on disk. */
  overwrite?: boolean;
}

export function validateSaveRequest(payload: unknown): Validated<SaveRequest> {
  const envelope = saveEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return { ok: false, reason: 'bad_payload', detail: `Invalid save request: ${issues(envelope.error)}` };
  const document = parkDocumentSchema.safeParse(envelope.data.document);
  if (!document.success) return { ok: false, reason: 'invalid_document', detail: `The project is not valid: ${issues(document.error)}` };
  return {
    ok: true,
    value: {
      document: document.data,
      saveAs: envelope.data.saveAs,
      suggestedName: envelope.data.suggestedName,
      ...(envelope.data.overwrite ? { overwrite: true } : {}),
    },
  };
}

export interface RecoveryWriteRequest {
  document: ParkDocument;
  fileName: string | null;
}

export function validateRecoveryWrite(payload: unknown): Validated<RecoveryWriteRequest> {
  const envelope = recoveryWriteEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return { ok: false, reason: 'bad_payload', detail: `Invalid recovery snapshot: ${issues(envelope.error)}` };
  const document = parkDocumentSchema.safeParse(envelope.data.document);
  if (!document.success) return { ok: false, reason: 'invalid_document', detail: `The project is not valid: ${issues(document.error)}` };
  return { ok: true, value: { document: document.data, fileName: envelope.data.fileName } };
}

export function validateRecoveryId(payload: unknown): Validated<string> {
  const parsed = recoveryIdRequestSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'bad_payload', detail: `Invalid recovery request: ${issues(parsed.error)}` };
  return { ok: true, value: parsed.data.id };
}

const droppedPathSchema = z.strictObject({ path: gpkgPathSchema });

/** A dropped file's path: absolute, .gpkg (that it exists is checked by the handler). */
export function validateDroppedPath(payload: unknown): Validated<string> {
  const parsed = droppedPathSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'bad_payload', detail: `Invalid dropped file: ${issues(parsed.error)}` };
  return { ok: true, value: parsed.data.path };
}

export function validateDocumentState(payload: unknown): Validated<DocumentState> {
  const parsed = documentStateSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'bad_payload', detail: `Invalid document state: ${issues(parsed.error)}` };
  return { ok: true, value: parsed.data };
}

const closeAnswerSchema = z.strictObject({
  requestId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  answer: z.enum(['asking', 'save', 'discard', 'cancel']),
});

/** The page's answer to a close request (which one, and 'asking' or the user's choice). */
export function validateCloseAnswer(payload: unknown): Validated<CloseAnswer> {
  const parsed = closeAnswerSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'bad_payload', detail: `Invalid close answer: ${issues(parsed.error)}` };
  return { ok: true, value: parsed.data };
}

/** One offline-basemap tile: integer XYZ inside the zoom's grid (the page never names a file). */
const tileRequestSchema = z
  .strictObject({ z: z.number().int().min(0).max(30), x: z.number().int().min(0), y: z.number().int().min(0) })
  .refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, 'x and y must lie inside the zoom level');

export function validateTileRequest(payload: unknown): Validated<{ z: number; x: number; y: number }> {
  const parsed = tileRequestSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'bad_payload', detail: `Invalid tile request: ${issues(parsed.error)}` };
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
