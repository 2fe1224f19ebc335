import type { Page } from 'playwright-core';
import type { Position } from '../../shared/model';
import { screenPoint } from './browser';

/** Metres per degree at 21.1° N on WGS 84 (the e2e parks sit near Bắc Ninh). */
const METRES_PER_DEGREE_LAT = 110_760;
const METRES_PER_DEGREE_LON = 103_900;

/**
 * Mouse helpers for drawing on the live map around `centre`, for the test files that keep their
 * page in a `let` (hence the getter):
 * - `at(east, north)`: the lon/lat that many metres from the centre (small offsets: flat approximation);
 * - `clickAt(lonLat)`: moves there (so the draw tool sees the hover) and clicks, double-clicks or Shift-clicks.
 */
export function mapPointer(page: () => Page, centre: Position) {
  const at = (eastM: number, northM: number): [number, number] => [centre[0] + eastM / METRES_PER_DEGREE_LON, centre[1] + northM / METRES_PER_DEGREE_LAT];
  async function clickAt(lonLat: Position, options: { double?: boolean; shift?: boolean } = {}): Promise<void> {
    const mouse = page().mouse;
    const p = await screenPoint(page(), lonLat);
    await mouse.move(p.x, p.y, { steps: 2 });
    if (options.shift) await page().keyboard.down('Shift');
    if (options.double) await mouse.dblclick(p.x, p.y);
    else await mouse.click(p.x, p.y);
    if (options.shift) await page().keyboard.up('Shift');
  }
  return { at, clickAt };
}
