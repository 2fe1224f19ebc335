import type { IControl, Map as MapLibreMap } from 'maplibre-gl';

/**
 * A north arrow that turns with the map's bearing; a click resets the map to north-up.
 * MapLibre's compass only shows when the navigation control is present and is small; planners
 * expect a real north arrow on a plan.
 */
export class NorthArrowControl implements IControl {
  private container: HTMLElement | null = null;
  private map: MapLibreMap | null = null;
  private readonly update = () => {
    if (!this.map || !this.container) return;
    const arrow = this.container.querySelector('svg');
    if (arrow) arrow.style.transform = `rotate(${-this.map.getBearing()}deg)`;
  };

  constructor(private readonly label: string) {}

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    const container = document.createElement('button');
    container.type = 'button';
    container.className = 'maplibregl-ctrl north-arrow';
    container.setAttribute('aria-label', this.label);
    container.title = this.label;
    container.innerHTML =
      '<svg width="34" height="46" viewBox="0 0 34 46" aria-hidden="true">' +
      '<polygon points="17,4 27,34 17,28" fill="#222"/><polygon points="17,4 7,34 17,28" fill="#fff" stroke="#222" stroke-width="1.2"/>' +
      '<text x="17" y="45" text-anchor="middle" font-size="11" font-family="sans-serif" font-weight="700" fill="#222">N</text></svg>';
    container.addEventListener('click', () => map.easeTo({ bearing: 0 }));
    map.on('rotate', this.update);
    this.container = container;
    this.update();
    return container;
  }

  onRemove(): void {
    this.map?.off('rotate', this.update);
    this.container?.remove();
    this.container = null;
    this.map = null;
  }
}
