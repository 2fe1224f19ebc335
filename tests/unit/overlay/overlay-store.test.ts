import { beforeEach, describe, expect, it } from 'vitest';
import { selectDirty, useDocumentStore } from '../../../renderer/src/state/document-store';
import { completePick, currentOverlays, patchOverlay, saveOverlays, selectOverlays, useOverlayUi } from '../../../renderer/src/overlay/overlay-store';
import { createEmptyDocument } from '../../../shared/model';
import type { Overlay } from '../../../shared/overlay';

const overlay: Overlay = {
  id: 'o1',
  name: 'plan',
  mimeType: 'image/jpeg',
  dataBase64: '/9j/4AAQ',
  widthPx: 10,
  heightPx: 5,
  corners: [
    [106.0, 21.01],
    [106.02, 21.01],
    [106.02, 21.0],
    [106.0, 21.0],
  ],
  opacity: 0.7,
  visible: true,
};

beforeEach(() => {
  useDocumentStore.getState().load(createEmptyDocument('Test', { now: '2026-01-01T00:00:00Z' }), 'test.gpkg');
  useOverlayUi.setState({ pick: null, picked: null, adjustingId: null });
});

describe('overlays in the document store', () => {
  it('are saved in settings.overlays, make the document dirty, and each change is an undo step saying what it did', () => {
    expect(selectDirty(useDocumentStore.getState())).toBe(false);
    saveOverlays([overlay]);
    const state = useDocumentStore.getState();
    expect(state.document!.settings.overlays).toEqual([overlay]);
    expect(selectDirty(state)).toBe(true);
    expect(currentOverlays()).toEqual([overlay]);
    patchOverlay('o1', { visible: false });
    saveOverlays([]);
    expect(useDocumentStore.getState().undoStack.map((e) => e.label)).toEqual(['Add overlay', 'Adjust overlay', 'Remove overlay']);
    useDocumentStore.getState().undo();
    useDocumentStore.getState().undo();
    expect(currentOverlays()).toEqual([overlay]);
  });

  it('a run of opacity steps (the slider moved by the keyboard) is one undo step', () => {
    saveOverlays([overlay]);
    for (const opacity of [0.6, 0.5, 0.4]) patchOverlay('o1', { opacity });
    expect(useDocumentStore.getState().undoStack).toHaveLength(2);
    useDocumentStore.getState().undo();
    expect(currentOverlays()[0].opacity).toBe(0.7);
  });

  it('patches one overlay by id', () => {
    saveOverlays([overlay, { ...overlay, id: 'o2' }]);
    patchOverlay('o2', { opacity: 0.25, visible: false });
    expect(currentOverlays().map((o) => [o.id, o.opacity, o.visible])).toEqual([
      ['o1', 0.7, true],
      ['o2', 0.25, false],
    ]);
  });

  it('re-reads the list only when the settings value changes', () => {
    saveOverlays([overlay]);
    const settings = useDocumentStore.getState().document!.settings;
    const first = selectOverlays(settings);
    expect(selectOverlays({ ...settings })).toBe(first);
    patchOverlay('o1', { opacity: 0.5 });
    expect(selectOverlays(useDocumentStore.getState().document!.settings)).not.toBe(first);
  });
});

describe('picking a control point', () => {
  it('needs the image pixel first, then delivers pixel and map position together', () => {
    useOverlayUi.getState().setPick({ overlayId: 'o1', pixel: null });
    completePick(106.01, 21.005);
    expect(useOverlayUi.getState().picked).toBeNull();
    useOverlayUi.getState().setPick({ overlayId: 'o1', pixel: [4.5, 2] });
    completePick(106.01, 21.005);
    const { pick, picked } = useOverlayUi.getState();
    expect(pick).toBeNull();
    expect(picked).toMatchObject({ overlayId: 'o1', x: 4.5, y: 2, lon: 106.01, lat: 21.005 });
  });
});
