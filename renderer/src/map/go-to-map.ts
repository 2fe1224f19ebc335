import { create } from 'zustand';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { GoToTarget } from '../../../shared/geo/go-to';
import { activeScenario } from '../../../shared/model';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';

/**
 * The "Go to" box's link to the map (issue 13): where to fly, whether the box is open, and the
 * map's zoom for the offline-map hint. The map side is attached by MapView like its extensions.
 */
export interface GoToState {
  open: boolean;
  /** Last place asked for; a new object each time, so asking twice flies twice. */
  request: GoToTarget | null;
  zoom: number;
}

export const useGoTo = create<GoToState>(() => ({ open: false, request: null, zoom: 0 }));

export function goTo(target: GoToTarget): void {
  useGoTo.setState({ request: { ...target }, open: false });
}

export function toggleGoToBox(): void {
  useGoTo.setState((s) => ({ open: !s.open }));
}

/**
 * Zoom from which the bundled Natural Earth countries show nothing to orient by (a province
 * spans the screen at about 8; at 10 a view is ~40 km across and all one colour).
 */
export const DETAIL_MISSING_ZOOM = 10;

/** Flies on requests, reports the zoom, and shows a new, empty project north-up and flat. */
export function attachGoTo(map: MapLibreMap): () => void {
  const reportZoom = () => useGoTo.setState({ zoom: map.getZoom() });
  map.on('zoomend', reportZoom);
  reportZoom();
  const unsubscribeGoTo = useGoTo.subscribe((state, previous) => {
    const target = state.request;
    if (!target || target === previous.request) return;
    // North up; the 3D toggle keeps its tilt.
    map.flyTo({ center: [target.lon, target.lat], zoom: target.zoom, bearing: 0, duration: 800 });
  });
  const unsubscribeDocument = useDocumentStore.subscribe((state, previous) => {
    if (state.loadSeq === previous.loadSeq || !state.document) return;
    // A new site has nothing to look at in 3D yet: start flat and north-up (3D stays a toggle).
    if (activeScenario(state.document).features.length > 0) return;
    // Jump first: a jump would stop the 3D toggle's own easing back to flat.
    map.jumpTo({ bearing: 0, pitch: 0 });
    if (useUiStore.getState().view3d) useUiStore.getState().toggle('view3d');
  });
  return () => {
    map.off('zoomend', reportZoom);
    unsubscribeGoTo();
    unsubscribeDocument();
  };
}
