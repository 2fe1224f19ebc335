import { describeLimitExceeded, LimitExceededError, type LimitExceeded } from '../limits';
import type { TileArchiveOptions, TileArchiveResult } from './types';

/**
 * What the archive readers do when a limit of limits.ts is met: while opening (directory,
 * metadata, the sample tile) the file is refused with the limit and the value; while drawing,
 * the one tile becomes a gap and `onTileRefused` hears of it.
 */

export function limitRefusal(exceeded: LimitExceeded): Extract<TileArchiveResult, { ok: false }> {
  return { ok: false, reason: 'limit_exceeded', cause: { code: 'limit_exceeded', exceeded }, detail: describeLimitExceeded(exceeded, 'en') };
}

/** The refusal when `error` is a limit met, else null (the caller handles other errors). */
export function refusalIfLimit(error: unknown): Extract<TileArchiveResult, { ok: false }> | null {
  return error instanceof LimitExceededError ? limitRefusal(error.exceeded) : null;
}

/** A tile read that turns a tile past its limit into a gap (null); other errors pass through. */
export async function tileOrGap(read: () => Promise<Uint8Array | null>, options: TileArchiveOptions): Promise<Uint8Array | null> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof LimitExceededError)) throw error;
    options.onTileRefused?.(error.exceeded);
    return null;
  }
}
