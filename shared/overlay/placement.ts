import { createLocalFrame, localToLonLat } from '../geometry/local-frame';
import type { LonLat, OverlayCorners } from './overlay-model';

/** Share of the visible map a newly added image covers, leaving room to grab its corners. */
export const INITIAL_VIEW_FILL = 0.8;

/**
 * Corners of a north-up image centred on `center` and fitted inside a view `viewWidthM` ×
 * `viewHeightM` metres (times `fill`), keeping the image's aspect ratio: the first guess
 * before the user drags the corners or enters control points.
 */
export function placeInView(
  center: LonLat,
  viewWidthM: number,
  viewHeightM: number,
  widthPx: number,
  heightPx: number,
  fill = INITIAL_VIEW_FILL,
): OverlayCorners {
  const metresPerPixel = Math.min((viewWidthM * fill) / widthPx, (viewHeightM * fill) / heightPx);
  const halfW = (widthPx * metresPerPixel) / 2;
  const halfH = (heightPx * metresPerPixel) / 2;
  const frame = createLocalFrame(center[0], center[1]);
  const at = (east: number, north: number) => localToLonLat(frame, east, north);
  return [at(-halfW, halfH), at(halfW, halfH), at(halfW, -halfH), at(-halfW, -halfH)];
}
