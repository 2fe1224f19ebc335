import { describe, expect, it } from 'vitest';
import { createLocalFrame, lonLatToLocal } from '../../../shared/geometry/local-frame';
import { OVERLAYS_SETTINGS_KEY, placeInView, readOverlays, updateOverlay, type Overlay } from '../../../shared/overlay';

const overlay: Overlay = {
  id: 'o1',
  name: 'Master plan 1/2000',
  mimeType: 'image/png',
  dataBase64: 'iVBORw0KGgo=',
  widthPx: 400,
  heightPx: 200,
  corners: [
    [106.0, 21.01],
    [106.02, 21.01],
    [106.02, 21.0],
    [106.0, 21.0],
  ],
  opacity: 0.6,
  visible: true,
};

describe('overlays in document settings', () => {
  it('reads the list saved under "overlays" and survives a JSON round trip (as in the project file)', () => {
    const settings = JSON.parse(JSON.stringify({ [OVERLAYS_SETTINGS_KEY]: [overlay], other: 1 }));
    expect(readOverlays(settings)).toEqual([overlay]);
    expect(readOverlays({})).toEqual([]);
    expect(readOverlays({ overlays: 'nonsense' })).toEqual([]);
  });

  it('keeps the valid overlays when one entry is broken', () => {
    const broken = { ...overlay, id: 'o2', opacity: 3 };
    expect(readOverlays({ overlays: [broken, overlay, { id: 'x' }] })).toEqual([overlay]);
  });

  it('updates one overlay by id', () => {
    const second = { ...overlay, id: 'o2' };
    const next = updateOverlay([overlay, second], 'o2', (o) => ({ ...o, opacity: 0.2 }));
    expect(next.map((o) => o.opacity)).toEqual([0.6, 0.2]);
    expect(next[0]).toBe(overlay);
  });
});

describe('first placement of a plain image', () => {
  it('fits a 400 × 200 px image into 80 % of a 1000 × 1000 m view, north up, centred', () => {
    // Width limits: 800 m / 400 px = 2 m per px → 800 m × 400 m, half sizes 400 and 200 m.
    const center: [number, number] = [106.05, 21.15];
    const corners = placeInView(center, 1000, 1000, 400, 200);
    const frame = createLocalFrame(center[0], center[1]);
    const local = corners.map(([lon, lat]) => lonLatToLocal(frame, lon, lat));
    const expected = [
      [-400, 200],
      [400, 200],
      [400, -200],
      [-400, -200],
    ];
    local.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(expected[i][0], 6);
      expect(p[1]).toBeCloseTo(expected[i][1], 6);
    });
  });

  it('is limited by the height for a tall image in a wide view', () => {
    // 2000 × 500 m view: height limits, 400 m / 800 px = 0.5 m per px → 100 m × 400 m.
    const corners = placeInView([106, 21], 2000, 500, 200, 800);
    const frame = createLocalFrame(106, 21);
    const [east, north] = lonLatToLocal(frame, corners[2][0], corners[2][1]);
    expect(east).toBeCloseTo(50, 6);
    expect(north).toBeCloseTo(-200, 6);
  });
});
