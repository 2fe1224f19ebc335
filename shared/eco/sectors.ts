import { DEFAULT_SECTOR_SCHEME, type SectorScheme } from '../model/feature';
import { CBAM, SECTOR_INTENSITIES, VSIC, type CbamSector, type SectorProfile } from './data';

/**
 * VSIC look-ups: the official name of a code, a bilingual search for the sector picker, the
 * resource profile and the CBAM sector of a code. A code is matched by its longest listed prefix
 * (a class 1103 falls back to its group 110 and division 11), always within its own scheme.
 */

export type EcoLang = 'en' | 'vi';

export interface VsicEntry {
  code: string;
  level: number;
  vi: string;
  en: string;
  confidence: string;
}

function entriesOf(scheme: SectorScheme): VsicEntry[] {
  return VSIC.entries.filter((e) => e.schemes.includes(scheme));
}

/** The listed entry of the code itself, or of its nearest listed parent (a 5-digit code → its class, group, division). */
export function vsicEntry(code: string, scheme: SectorScheme = DEFAULT_SECTOR_SCHEME): VsicEntry | undefined {
  const entries = entriesOf(scheme);
  for (let n = code.length; n >= 2; n--) {
    const hit = entries.find((e) => e.code === code.slice(0, n));
    if (hit) return hit;
  }
  return undefined;
}

/** "1103 Manufacture of malt liquors and malt" (the parent's name, marked, when the code itself is not listed). */
export function sectorLabel(code: string, scheme: SectorScheme, lang: EcoLang): string {
  const e = vsicEntry(code, scheme);
  if (!e) return code;
  return e.code === code ? `${code} ${e[lang]}` : `${code} (${e.code} ${e[lang]})`;
}

/** Case- and accent-insensitive search of codes and names in both languages, best (code prefix) first. */
export function searchSectors(query: string, scheme: SectorScheme = DEFAULT_SECTOR_SCHEME, limit = 20): VsicEntry[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  const q = fold(query.trim());
  const entries = entriesOf(scheme);
  if (q === '') return entries.slice(0, limit);
  const byCode = entries.filter((e) => e.code.startsWith(q));
  const byName = entries.filter((e) => !e.code.startsWith(q) && (fold(e.en).includes(q) || fold(e.vi).includes(q)));
  return [...byCode, ...byName].slice(0, limit);
}

/** Longest prefix of `code` among `codes`, or undefined. */
function longestPrefix(code: string, codes: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const c of codes) if (code.startsWith(c) && (best === undefined || c.length > best.length)) best = c;
  return best;
}

/** The resource profile of a code (longest matching prefix), or the fallback profile "general". */
export function profileFor(code: string | undefined): SectorProfile {
  const general = SECTOR_INTENSITIES.profiles.find((p) => p.id === 'general') as SectorProfile;
  if (!code) return general;
  let best: { profile: SectorProfile; length: number } | undefined;
  for (const profile of SECTOR_INTENSITIES.profiles) {
    const hit = longestPrefix(code, profile.codes);
    if (hit && (!best || hit.length > best.length)) best = { profile, length: hit.length };
  }
  return best?.profile ?? general;
}

/** The CBAM sector whose VSIC codes (in the plot's scheme) cover the code, if any. */
export function cbamSectorFor(code: string | undefined, scheme: SectorScheme = DEFAULT_SECTOR_SCHEME): CbamSector | undefined {
  if (!code) return undefined;
  let best: { sector: CbamSector; length: number } | undefined;
  for (const sector of CBAM.sectors) {
    const hit = longestPrefix(code, sector.vsic[scheme] ?? []);
    if (hit && (!best || hit.length > best.length)) best = { sector, length: hit.length };
  }
  return best?.sector;
}
