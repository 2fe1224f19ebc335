import type { TileFileOutcome } from '../../../../shared/host-api';
import { describeLimitExceeded } from '../../../../shared/limits';
import type { TileRefusalCause } from '../../../../shared/tile-archive/types';
import { formatNumber, translate, type Lang } from '../../i18n/strings';
import type { StyleRefusalCause } from './online-style';

/**
 * Refusals arrive as a reason, a cause code and its figures (shared/tile-archive, the desktop
 * service, online-style.ts); this is where they become sentences of the UI language. The
 * English `detail` that travels with them is for logs and never shown.
 */

export type TileRefusal = Extract<TileFileOutcome, { cause: TileRefusalCause }>;

/** "1,0 GiB" / "1.0 GiB": sizes in the UI language's decimal convention. */
export function formatFileSize(lang: Lang, bytes: number): string {
  if (bytes >= 1024 ** 3) return `${formatNumber(lang, bytes / 1024 ** 3, 1)} GiB`;
  if (bytes >= 1024 ** 2) return `${formatNumber(lang, bytes / 1024 ** 2, 1)} MiB`;
  return `${formatNumber(lang, Math.round(bytes / 1024))} KiB`;
}

/** The cause's own sentence ("The file is only 12 bytes long."). */
export function tileCauseText(lang: Lang, cause: TileRefusalCause): string {
  // Limits have one wording everywhere (shared/limits.ts): the limit, its maximum and where reading stopped.
  if (cause.code === 'limit_exceeded') return describeLimitExceeded(cause.exceeded, lang);
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(cause)) {
    if (key !== 'code') params[key] = typeof value === 'number' ? formatNumber(lang, value) : value;
  }
  if (cause.code === 'too_large') {
    params.size = formatFileSize(lang, cause.size);
    params.limit = formatFileSize(lang, cause.limit);
  }
  if (cause.code === 'version') params.version = String(cause.version);
  return translate(lang, `basemap.cause.${cause.code}`, params);
}

/** The whole message of a refused offline file: what, why, and that nothing changed. */
export function tileRefusalText(lang: Lang, refusal: TileRefusal): string {
  return [
    translate(lang, `basemap.refused.${refusal.reason}`, { file: refusal.fileName ?? '' }),
    tileCauseText(lang, refusal.cause),
    translate(lang, 'basemap.file.previousKept'),
  ].join(' ');
}

export function styleCauseText(lang: Lang, cause: StyleRefusalCause): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(cause)) if (key !== 'code') params[key] = value;
  return translate(lang, `basemap.styleCause.${cause.code}`, params);
}
