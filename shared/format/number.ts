/**
 * Numbers as a reader writes them, for every front end: the UI, the report (PDF, XLSX labels)
 * and the CLI's human output. Vietnamese groups thousands with "." and marks decimals with ",",
 * English (en-GB) the reverse. Built on Intl; two choices are made on top of it so the three
 * front ends agree and read well:
 * - a value that rounds to zero is written without a sign ("0.00", never "-0.00");
 * - a negative number takes the real minus sign U+2212 ("−1,234.50"), as typeset text does,
 *   not the hyphen Intl uses in these locales (parseLocaleNumber reads both back).
 * Machine outputs (--json, CSV, GeoJSON) never go through here: they stay language-neutral.
 */

/** The languages every front end speaks. */
export type FormatLang = 'en' | 'vi';

/** What a missing or non-finite value is written as. */
export const NO_VALUE = '—';

const LOCALE: Record<FormatLang, string> = { en: 'en-GB', vi: 'vi-VN' };

// Building an Intl.NumberFormat costs ~0.1 ms; a table of hundreds of cells would make a long
// main-thread task, so formatters are built once per (language, decimals).
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: FormatLang, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${lang}|${minDigits}|${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    formatters.set(key, f);
  }
  return f;
}

/** Intl's text with the sign conventions above applied. */
function withSign(text: string): string {
  if (!text.startsWith('-')) return text;
  const magnitude = text.slice(1);
  return /[1-9]/.test(magnitude) ? `−${magnitude}` : magnitude;
}

/** A number with exactly `fractionDigits` decimals: vi "1.234,5", en "1,234.5"; "—" for null or NaN. */
export function formatNumber(lang: FormatLang, value: number | null, fractionDigits = 0): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  return withSign(formatter(lang, fractionDigits, fractionDigits).format(value));
}

/**
 * A number of unknown precision (a free attribute): as many decimals as it has, up to
 * `maxFractionDigits`: vi "0,22", en "1,234.5".
 */
export function formatNumberAuto(lang: FormatLang, value: number, maxFractionDigits = 6): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  return withSign(formatter(lang, 0, maxFractionDigits).format(value));
}

/** A signed difference: "+1,2" / "−0,4" / "±0" when it rounds to zero; "—" for null or NaN. */
export function formatDelta(lang: FormatLang, value: number | null, fractionDigits = 0): string {
  const text = formatNumber(lang, value, fractionDigits);
  if (value === null || text === NO_VALUE) return text;
  if (!/[1-9]/.test(text)) return '±0';
  return value > 0 ? `+${text}` : text;
}

/** A ratio 0–1 as a percentage: vi "12,5 %", en "12.5 %"; "—" for null or NaN. */
export function formatPercent(lang: FormatLang, ratio: number | null, fractionDigits = 1): string {
  return ratio === null || !Number.isFinite(ratio) ? NO_VALUE : `${formatNumber(lang, ratio * 100, fractionDigits)} %`;
}

/** An area in m² with its hectares: vi "12.345 m² (1,23 ha)", en "12,345 m² (1.23 ha)". */
export function formatArea(lang: FormatLang, areaM2: number): string {
  return `${formatNumber(lang, areaM2)} m² (${formatNumber(lang, areaM2 / 10_000, 2)} ha)`;
}

/** An area in hectares: vi "1,23 ha", en "1.23 ha". */
export function formatHectares(lang: FormatLang, areaM2: number, fractionDigits = 2): string {
  return `${formatNumber(lang, areaM2 / 10_000, fractionDigits)} ha`;
}

/** A file size in bytes, KB (1,024 B) or MB: vi "1,46 MB", en "2.0 KB". */
export function formatBytes(lang: FormatLang, bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(lang, bytes / 1024, 1)} KB`;
  return `${formatNumber(lang, bytes / (1024 * 1024), 2)} MB`;
}

/** Degrees of latitude/longitude with a hemisphere letter: vi "21,100000° N, 106,000000° E". */
export function formatLatLon(lang: FormatLang, lat: number, lon: number, fractionDigits = 6): string {
  const part = (v: number, pos: string, neg: string) => `${formatNumber(lang, Math.abs(v), fractionDigits)}° ${v >= 0 ? pos : neg}`;
  return `${part(lat, 'N', 'S')}, ${part(lon, 'E', 'W')}`;
}
