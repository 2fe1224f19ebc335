import { create } from 'zustand';
import { OVERLAYS_SETTINGS_KEY, readOverlays, updateOverlay, type LonLat, type Overlay } from '../../../shared/overlay';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { translate } from '../i18n/strings';

/** The view the map shows: where a plain image is first placed. */
export interface MapViewExtent {
  center: LonLat;
  widthM: number;
  heightM: number;
}

/** A control point being picked: first its image pixel, then its map position. */
export interface PickState {
  overlayId: string;
  pixel: [number, number] | null;
}

/**
 * UI state of the overlays, outside the document and its history (DESIGN.md §2): which overlay
 * shows its corner handles, the control point being picked, and the map's view (published by
 * the map extension so the panel needs no handle on the map).
 */
interface OverlayUiState {
  adjustingId: string | null;
  pick: PickState | null;
  /** Control points picked on the map, delivered to the editor of `overlayId`. */
  picked: { overlayId: string; x: number; y: number; lon: number; lat: number; seq: number } | null;
  viewExtent: (() => MapViewExtent | null) | null;
  /** Opacity shown on the map while its slider moves; written to the document on release. */
  previewOpacity: { overlayId: string; opacity: number } | null;
  setAdjusting(id: string | null): void;
  setPick(pick: PickState | null): void;
}

export const useOverlayUi = create<OverlayUiState>((set) => ({
  adjustingId: null,
  pick: null,
  picked: null,
  viewExtent: null,
  previewOpacity: null,
  setAdjusting(id) {
    set({ adjustingId: id });
  },
  setPick(pick) {
    set({ pick });
  },
}));

let pickSeq = 0;

/** Completes a pick with the map position clicked. */
export function completePick(lon: number, lat: number): void {
  const { pick } = useOverlayUi.getState();
  if (!pick || !pick.pixel) return;
  useOverlayUi.setState({ pick: null, picked: { overlayId: pick.overlayId, x: pick.pixel[0], y: pick.pixel[1], lon, lat, seq: ++pickSeq } });
}

/** Overlays of the open document (valid entries only), bottom first. */
export function currentOverlays(): Overlay[] {
  const doc = useDocumentStore.getState().document;
  return doc ? readOverlays(doc.settings) : [];
}

/**
 * Saves the list into the document's settings as one undoable step, labelled by what changed
 * (an overlay added, removed, or adjusted); the document becomes dirty and is saved with the project.
 */
export function saveOverlays(overlays: Overlay[], options: { coalesce?: string } = {}): void {
  const before = currentOverlays().length;
  const key = overlays.length > before ? 'overlay.command.add' : overlays.length < before ? 'overlay.command.remove' : 'overlay.command.change';
  useDocumentStore.getState().setSettings(OVERLAYS_SETTINGS_KEY, overlays, translate(useUiStore.getState().lang, key), options);
}

export function patchOverlay(id: string, patch: Partial<Overlay>): void {
  // The opacity slider commits on each keyboard step: a run of them is one undo step.
  const onlyOpacity = Object.keys(patch).length === 1 && patch.opacity !== undefined;
  saveOverlays(
    updateOverlay(currentOverlays(), id, (o) => ({ ...o, ...patch })),
    onlyOpacity ? { coalesce: `overlay.opacity:${id}` } : {},
  );
}

/** Selector: the overlays, recomputed only when the settings value changes. */
let lastRaw: unknown = undefined;
let lastList: Overlay[] = [];
export function selectOverlays(settings: Record<string, unknown> | undefined): Overlay[] {
  const raw = settings?.[OVERLAYS_SETTINGS_KEY];
  if (raw !== lastRaw) {
    lastRaw = raw;
    lastList = settings ? readOverlays(settings) : [];
  }
  return lastList;
}

export function useOverlays(): Overlay[] {
  const settings = useDocumentStore((s) => s.document?.settings);
  return selectOverlays(settings);
}
