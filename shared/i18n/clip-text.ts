/**
 * Text a person reads, cut to at most `maxChars` characters (code points, so a Vietnamese letter
 * or an emoji is never split) with "…" at the end when it was longer. Used wherever free text
 * from a file is shown in a bounded place: a report cell, a CLI line, a problem message.
 */
export function clipText(text: string, maxChars: number): string {
  // Cheap exit first: a 10 MB name must not be split into code points just to be measured.
  if (text.length <= maxChars) return text;
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count === maxChars - 1) return `${out}…`;
    out += ch;
    count++;
  }
  return text;
}
