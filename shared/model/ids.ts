/** Opaque identifier of a feature, scenario or project: a UUID string. */
export type Id = string;

interface CryptoLike {
  randomUUID?: () => string;
  getRandomValues?: <T extends Uint8Array>(array: T) => T;
}

/**
 * A new random UUID (v4). Uses the platform's crypto where it exists (Node 20, Chromium,
 * Electron all have it); shared/ has no DOM or Node types, hence the structural lookup.
 */
export function newId(): Id {
  const cryptoLike = (globalThis as { crypto?: CryptoLike }).crypto;
  if (cryptoLike?.randomUUID) return cryptoLike.randomUUID();
  const bytes = new Uint8Array(16);
  if (cryptoLike?.getRandomValues) cryptoLike.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
