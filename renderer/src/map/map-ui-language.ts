import type { Map as MapLibreMap } from 'maplibre-gl';
import { translate, type Lang } from '../i18n/strings';

/**
 * MapLibre writes its controls' tooltips once, in English, when a control is added. These are
 * the ones our map shows; they are rewritten in the UI language at start and whenever the
 * language changes (our own north arrow included), so no English is left behind on the map.
 */
const CONTROL_LABELS = [
  ['.maplibregl-ctrl-zoom-in', 'map.zoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'map.zoomOut'],
  ['.maplibregl-ctrl-compass', 'map.resetBearing'],
  ['.north-arrow', 'map.northArrow'],
] as const;

export function applyMapUiLanguage(map: MapLibreMap, lang: Lang): void {
  const container = map.getContainer();
  for (const [selector, key] of CONTROL_LABELS) {
    const label = translate(lang, key);
    for (const element of container.querySelectorAll<HTMLElement>(selector)) {
      element.title = label;
      element.setAttribute('aria-label', label);
    }
  }
  map.getCanvas().setAttribute('aria-label', translate(lang, 'map.canvas'));
}
