import { strFromU8, strToU8 } from 'fflate';

/**
 * Text decoding for DBF and DXF, which arrive in legacy code pages (Vietnamese CAD and GIS
 * files are often windows-1258). shared/ has no DOM or Node types, so the platform's
 * TextDecoder (Node 20, Chromium) is looked up structurally, as ids.ts does for crypto.
 */
interface DecoderLike {
  decode(bytes: Uint8Array): string;
}
type DecoderCtor = new (label: string, options?: { fatal?: boolean }) => DecoderLike;

const Decoder = (globalThis as { TextDecoder?: DecoderCtor }).TextDecoder;

/** UTF-8 when the bytes are valid UTF-8; otherwise `fallback` (e.g. 'windows-1258'). `usedFallback` says which. */
export function decodeText(bytes: Uint8Array, label = 'utf-8', fallback = 'windows-1258'): { text: string; usedFallback: boolean; label: string } {
  const wanted = label.toLowerCase();
  if (Decoder) {
    try {
      return { text: new Decoder(wanted, { fatal: true }).decode(bytes), usedFallback: false, label: wanted };
    } catch {
      try {
        return { text: new Decoder(fallback).decode(bytes), usedFallback: true, label: fallback };
      } catch {
        /* unknown fallback label: fall through to the lenient UTF-8 below */
      }
    }
  }
  return { text: strFromU8(bytes), usedFallback: wanted !== 'utf-8', label: 'utf-8' };
}

export const encodeUtf8 = (text: string): Uint8Array => strToU8(text);

/** A .cpg code page name as a TextDecoder label ("65001", "UTF-8", "1258", "CP1252"). */
export function codePageLabel(cpg: string): string {
  const t = cpg.trim().toLowerCase();
  if (t === '' || t === '65001' || t.replace(/[-_ ]/g, '') === 'utf8') return 'utf-8';
  const digits = /(?:cp|windows-?|ansi[ _]?)?(\d{3,5})$/.exec(t);
  if (digits) return `windows-${digits[1]}`;
  return t;
}
