import { clipText } from './clip-text';

/**
 * Ids of at most this many characters are shown whole. Ids that importers and other tools write
 * are short and differ only at the end ("road-000040", "traffic-000012", "way/1234567890"): cut
 * to 8 characters, 37 roads all read "road-000". 16 keeps them whole while a problem line stays
 * short.
 */
export const WHOLE_ID_CHARS = 16;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Characters that would break the line or reorder it (newline, tab, bidi overrides…). */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * How a message names a feature that has no name or code, by its id: a UUID (the app's ids) by
 * its first 8 hex digits, as always (32 random bits tell the features of a park apart); any other
 * id whole up to WHOLE_ID_CHARS, longer ones clipped with "…". Always one bounded line: an id
 * comes from a file and may be hostile.
 */
export function idLabel(id: string): string {
  if (UUID.test(id)) return id.slice(0, 8);
  return clipText(id, WHOLE_ID_CHARS).replace(UNPRINTABLE, '\uFFFD');
}
