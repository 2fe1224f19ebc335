import { create } from 'zustand';
import type { FeatureCollection } from 'geojson';

/**
 * The pending import shown on the map while the mapping dialog is open. Outside the document
 * and its history: nothing is in the park until the user applies the import.
 */
export interface ImportPreviewState {
  /** Features as mapped so far, `properties.group` = land-use code or kind (for colours). */
  preview: FeatureCollection | null;
  /** Increments when a new file is previewed, so the map frames it once, not on every mapping change. */
  fileSeq: number;
  /** Increments when the user cancels: the map returns to where it was before the preview framed it. */
  restoreSeq: number;
  setPreview(preview: FeatureCollection | null, newFile?: boolean): void;
  /** Clears the preview; `restoreView` after a cancel (after an apply the new features stay in view). */
  closePreview(restoreView: boolean): void;
}

export const useImportPreview = create<ImportPreviewState>((set, get) => ({
  preview: null,
  fileSeq: 0,
  restoreSeq: 0,
  setPreview(preview, newFile = false) {
    set({ preview, fileSeq: newFile ? get().fileSeq + 1 : get().fileSeq });
  },
  closePreview(restoreView) {
    set({ preview: null, restoreSeq: restoreView ? get().restoreSeq + 1 : get().restoreSeq });
  },
}));
