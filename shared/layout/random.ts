import type { Id } from '../model/ids';

/**
 * Seeded randomness for the layout generator: the same seed gives the same layout and the same
 * ids, byte for byte (Math.random and crypto ids are never used here).
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** A UUID-shaped id (version 4 layout) drawn from the sequence. */
  id(): Id;
}

/** mulberry32: a small, well-mixed 32-bit generator; plenty for choosing grid phases and ids. */
export function seededRandom(seed: number): SeededRandom {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const nextUint = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    next: () => nextUint() / 4294967296,
    id: () => {
      const hex = [nextUint(), nextUint(), nextUint(), nextUint()].map((w) => w.toString(16).padStart(8, '0')).join('');
      const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}
