import { create } from 'zustand';
import type { Lang } from '../i18n/strings';

import type { BasemapId } from '../map/basemaps';
import { startingBasemap, useSettingsStore } from './settings-store';

export type { BasemapId } from '../map/basemaps';

/** One notice shown in the message area; `actions` offer follow-ups (e.g. "Import"). */
export interface Notice {
  id: number;
  tone: 'info' | 'error';
  title?: string;
  text: string;
  actions?: { label: string; run: () => void }[];
}

/**
 * UI state outside history (DESIGN.md §2): selection, panels, basemap, language. Changing it
 * never touches the document or its undo stack.
 */
export interface UiState {
  lang: Lang;
  selectedIds: string[];
  /** Feature ids to highlight while hovering a list row; not a selection. */
  hoveredIds: string[];
  legendOpen: boolean;
  featuresOpen: boolean;
  basemapMenuOpen: boolean;
  /** The basemap shown in this session (starts as the remembered choice; an unreachable online one falls back). */
  basemap: BasemapId;
  customBasemapUrl: string;
  customBasemapAttribution: string;
  styleBasemapUrl: string;
  view3d: boolean;
  notices: Notice[];
  /** The File dialog or menu that is open (import, export, report), if any. */
  fileDialog: 'import' | 'export' | 'report' | null;
  /** Request for the map to frame features (a counter so repeated requests re-trigger). */
  zoomRequest: { ids: string[]; seq: number } | null;
  /** The side panel's open tab: 'properties' or a panels/registry.tsx id (the Analysis menu opens them). */
  sidePanelTab: string;
  setLang(lang: Lang): void;
  showSidePanel(tab: string): void;
  /** Frames `ids` on the map without selecting them (View ▸ Zoom to park). */
  zoomTo(ids: string[]): void;
  setFileDialog(dialog: UiState['fileDialog']): void;
  select(ids: string[], options?: { zoom?: boolean }): void;
  setHovered(ids: string[]): void;
  toggle(panel: 'legendOpen' | 'featuresOpen' | 'basemapMenuOpen' | 'view3d'): void;
  /** This session's basemap; chooseBasemap (map/offline-basemap) also remembers it. */
  setBasemap(basemap: BasemapId, url?: string, attribution?: string): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
}

let noticeSeq = 0;
let zoomSeq = 0;

function initialLang(): Lang {
  const saved = globalThis.localStorage?.getItem('ecopark.lang');
  if (saved === 'en' || saved === 'vi') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

export const useUiStore = create<UiState>((set) => ({
  lang: initialLang(),
  selectedIds: [],
  hoveredIds: [],
  legendOpen: true,
  featuresOpen: true,
  basemapMenuOpen: false,
  basemap: startingBasemap(useSettingsStore.getState(), globalThis.navigator?.onLine === true),
  customBasemapUrl: useSettingsStore.getState().customBasemapUrl,
  customBasemapAttribution: useSettingsStore.getState().customBasemapAttribution,
  styleBasemapUrl: useSettingsStore.getState().styleBasemapUrl,
  view3d: true,
  notices: [],
  fileDialog: null,
  zoomRequest: null,
  sidePanelTab: 'properties',
  showSidePanel(sidePanelTab) {
    set({ sidePanelTab });
  },
  zoomTo(ids) {
    set({ zoomRequest: { ids, seq: ++zoomSeq } });
  },
  setLang(lang) {
    globalThis.localStorage?.setItem('ecopark.lang', lang);
    set({ lang });
  },
  setFileDialog(fileDialog) {
    set({ fileDialog });
  },
  select(ids, options = {}) {
    set({ selectedIds: ids, zoomRequest: options.zoom ? { ids, seq: ++zoomSeq } : null });
  },
  setHovered(ids) {
    set({ hoveredIds: ids });
  },
  toggle(panel) {
    set((state) => ({ [panel]: !state[panel] }) as Partial<UiState>);
  },
  setBasemap(basemap, url, attribution) {
    // `url` is the XYZ template of 'custom' or the style URL of 'style'; `attribution` the custom one's credit.
    set((state) => ({
      basemap,
      customBasemapUrl: basemap === 'custom' && url !== undefined ? url : state.customBasemapUrl,
      customBasemapAttribution: basemap === 'custom' && attribution !== undefined ? attribution : state.customBasemapAttribution,
      styleBasemapUrl: basemap === 'style' && url !== undefined ? url : state.styleBasemapUrl,
      basemapMenuOpen: false,
    }));
  },
  notify(notice) {
    const id = ++noticeSeq;
    set((state) => ({ notices: [...state.notices.slice(-3), { ...notice, id }] }));
  },
  dismiss(id) {
    set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
  },
}));
