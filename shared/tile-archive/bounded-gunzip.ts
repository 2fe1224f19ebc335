import { Gunzip } from 'fflate';
import { LimitExceededError, streamedLimitExceeded, type LimitId } from '../limits';

/**
 * Gzip inflate with a running cap (DESIGN.md §4): a tile or a directory from an offline map file
 * may be a gzip bomb (1.5 MB that inflates to 1.5 GB). fflate's `gunzipSync` sizes its output
 * from the stream's own ISIZE trailer and its streaming `Gunzip` inflates all of one push at
 * once, so the input is pushed in small slices and the output counted after each: deflate
 * expands at most ~1,032:1 (RFC 1951: a 258-byte match from a ~2-bit code), so one push of
 * PUSH_BYTES yields at most ~4 MiB before the count is checked. This runs wherever the file
 * is read — the desktop's main process included — so the cap holds there.
 */

/** Compressed bytes pushed at a time (see above: bounds the output of one step to ~4 MiB). */
const PUSH_BYTES = 4096;

/**
 * The inflated bytes, or a thrown LimitExceededError naming `limit` once more than `maxBytes`
 * came out (its `value` is where inflating stopped). A damaged stream throws fflate's error.
 */
export function gunzipCapped(compressed: Uint8Array, limit: LimitId, maxBytes: number, where?: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const gunzip = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new LimitExceededError(streamedLimitExceeded(limit, maxBytes, total, where));
    chunks.push(chunk);
  });
  if (compressed.length === 0) gunzip.push(compressed, true);
  for (let at = 0; at < compressed.length; at += PUSH_BYTES) {
    gunzip.push(compressed.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= compressed.length);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
