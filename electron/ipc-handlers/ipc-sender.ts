import { validateSender, type Validated } from '../ipc-validation';

/** Who sent a message: the window's id (webContents id) and the sending frame's URL. */
export interface IpcSender {
  windowId: number;
  frameUrl: string | null | undefined;
}

/** Thrown (rejecting the renderer's promise) only by calls whose result type has no error variant. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

/** The sender checked, then the payload: the first refusal, or the validated payload. */
export function validateCall<T>(sender: IpcSender, payload: unknown, validate: (payload: unknown) => Validated<T>): Validated<T> {
  const from = validateSender(sender.frameUrl);
  return from.ok ? validate(payload) : from;
}

/** validateCall for a call whose result type has no error variant: a refusal throws IpcRefusedError. */
export function acceptOrRefuse<T>(sender: IpcSender, payload: unknown, validate: (payload: unknown) => Validated<T>): T {
  const request = validateCall(sender, payload, validate);
  if (!request.ok) throw new IpcRefusedError(request.detail);
  return request.value;
}
