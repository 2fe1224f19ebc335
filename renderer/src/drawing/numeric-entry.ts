/**
 * Parses numeric entry as a CAD user types it: "120" (metres along the cursor's direction) or
 * "120<90" (metres and angle in degrees counter-clockwise from east). Returns null when invalid.
 */
export function parseSegmentEntry(text: string): { lengthM: number; angleDeg: number | null } | null {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*(?:<\s*(-?\d+(?:[.,]\d+)?)\s*)?$/.exec(text);
  if (!match) return null;
  const lengthM = Number(match[1].replace(',', '.'));
  if (!(lengthM > 0)) return null;
  return { lengthM, angleDeg: match[2] === undefined ? null : Number(match[2].replace(',', '.')) };
}

/**
 * Parses "width,depth" or "width x depth" in metres for exact rectangles. With "x" (or × or *)
 * between the sizes, a comma inside a number is the Vietnamese decimal mark ("12,5 x 30");
 * with a comma between them, decimals take a dot ("12.5,30").
 */
export function parseRectangleEntry(text: string): { widthM: number; depthM: number } | null {
  const match =
    /^\s*(\d+(?:[.,]\d+)?)\s*[x×*]\s*(-?\d+(?:[.,]\d+)?)\s*$/i.exec(text) ??
    /^\s*(\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const widthM = Number(match[1].replace(',', '.'));
  const depthM = Number(match[2].replace(',', '.'));
  return widthM > 0 && depthM !== 0 ? { widthM, depthM } : null;
}
