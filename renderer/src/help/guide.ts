import { LAND_USE_CATALOGUE } from '../../../shared/model';
import { translate, type Lang, type MessageKey } from '../i18n/strings';

/**
 * The "how to design a park" guide and the tour name real buttons, tabs and land uses. Their
 * texts hold `{placeholder}`s filled here from the very strings those buttons show, so a
 * renamed button renames the guide too, in both languages.
 */

/** Placeholder → the i18n key of the UI element it names. */
export const NAMED_ELEMENTS: Record<string, MessageKey> = {
  boundary: 'tool.boundary',
  polygon: 'tool.polygon',
  rectangle: 'tool.rectangle',
  road: 'tool.road',
  roadWidth: 'tool.roadWidth',
  building: 'tool.building',
  height: 'tool.buildingHeight',
  floors: 'tool.buildingFloors',
  subdivide: 'tool.subdivide',
  split: 'tool.split',
  merge: 'tool.merge',
  snapping: 'tool.snapping',
  properties: 'properties.title',
  landUseTab: 'analysis.landUseTitle',
  complianceTab: 'analysis.complianceTitle',
  plotsTab: 'analysis.plotsTitle',
  solarTab: 'solar.title',
  compareTab: 'compare.title',
  scenario: 'toolbar.scenario',
  duplicateScenario: 'scenario.duplicate',
  exportReport: 'report.export',
  save: 'toolbar.save',
  settings: 'desktop.settings',
};

/** Placeholders naming a land-use category (names from data/land-use-categories.json). */
const CATEGORY_PLACEHOLDERS = ['industrial', 'technical', 'traffic', 'green', 'water'] as const;

/** Placeholders naming a key, shown as is. */
const KEY_PLACEHOLDERS: Record<string, string> = { shortcutsKey: '?' };

export interface Segment {
  text: string;
  /** The name of a button, tab, key or land use: shown in bold. */
  name: boolean;
}

function nameFor(lang: Lang, placeholder: string): string | null {
  if (placeholder in NAMED_ELEMENTS) return translate(lang, NAMED_ELEMENTS[placeholder]);
  if (placeholder in KEY_PLACEHOLDERS) return KEY_PLACEHOLDERS[placeholder];
  if (!(CATEGORY_PLACEHOLDERS as readonly string[]).includes(placeholder)) return null;
  const category = LAND_USE_CATALOGUE.categories.find((c) => c.code === placeholder);
  return category ? category[lang] : null;
}

/** The text of `key` split into plain runs and named elements. An unknown placeholder stays visible, literally. */
export function namedSegments(lang: Lang, key: MessageKey): Segment[] {
  const text = translate(lang, key);
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    const name = nameFor(lang, match[1]);
    if (name === null) continue;
    if (match.index > last) segments.push({ text: text.slice(last, match.index), name: false });
    segments.push({ text: name, name: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), name: false });
  return segments;
}

export const GUIDE_STEP_COUNT = 8;

export function guideKeys(step: number): { title: MessageKey; body: MessageKey } {
  return { title: `guide.${step}.title` as MessageKey, body: `guide.${step}.body` as MessageKey };
}

/** One stop of the first-run tour: what it points at and, if needed, the side-panel tab to show. */
export interface TourStep {
  /** CSS selector of the element the popover points at; the popover centres when it is absent. */
  target: string;
  title: MessageKey;
  body: MessageKey;
}

export const TOUR_STEPS: TourStep[] = [
  { target: '.toolbar', title: 'tour.1.title', body: 'tour.1.body' },
  { target: '.edit-toolbar', title: 'tour.2.title', body: 'tour.2.body' },
  { target: '.feature-list', title: 'tour.3.title', body: 'tour.3.body' },
  { target: '.map-area', title: 'tour.4.title', body: 'tour.4.body' },
  { target: '.side-panel .tabs', title: 'tour.5.title', body: 'tour.5.body' },
  { target: '[data-tour="help"]', title: 'tour.6.title', body: 'tour.6.body' },
];

export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export type Placement = 'below' | 'above' | 'right' | 'left' | 'inside' | 'center';

/**
 * Where the tour popover goes: below its target if it fits, else above, right, left; for a
 * target too large to sit beside (the map), inside its top-left corner; without a target,
 * centred. Always kept `margin` px inside the viewport.
 */
export function placePopover(target: Rect | null, size: { width: number; height: number }, viewport: { width: number; height: number }, margin = 12): { top: number; left: number; placement: Placement } {
  const clampLeft = (left: number) => Math.max(margin, Math.min(left, viewport.width - size.width - margin));
  const clampTop = (top: number) => Math.max(margin, Math.min(top, viewport.height - size.height - margin));
  if (!target) return { top: clampTop((viewport.height - size.height) / 2), left: clampLeft((viewport.width - size.width) / 2), placement: 'center' };
  const gap = 10;
  const bottom = target.top + target.height;
  const right = target.left + target.width;
  if (bottom + gap + size.height + margin <= viewport.height) return { top: bottom + gap, left: clampLeft(target.left), placement: 'below' };
  if (target.top - gap - size.height >= margin) return { top: target.top - gap - size.height, left: clampLeft(target.left), placement: 'above' };
  if (right + gap + size.width + margin <= viewport.width) return { top: clampTop(target.top), left: right + gap, placement: 'right' };
  if (target.left - gap - size.width >= margin) return { top: clampTop(target.top), left: target.left - gap - size.width, placement: 'left' };
  return { top: clampTop(target.top + 2 * margin), left: clampLeft(target.left + 2 * margin), placement: 'inside' };
}
