import { create } from 'zustand';
import { applyCommand, type EditCommand, type ParkDocument } from '../../../shared/model';

/** Undo history depth; the drawing issue asks for at least 200 steps. */
export const HISTORY_LIMIT = 500;

/**
 * One step of history. Feature edits keep the command that reverses (undo stack) or re-applies
 * (redo stack) them; document-level edits (scenarios) keep the whole document to go back to —
 * cheap, since documents are immutable and share every unchanged part.
 */
type HistoryEntry = { label: string; command: EditCommand; document?: undefined } | { label: string; document: ParkDocument; command?: undefined };

function step(document: ParkDocument, entry: HistoryEntry): { document: ParkDocument; reverse: HistoryEntry } {
  if (entry.document) return { document: entry.document, reverse: { label: entry.label, document } };
  const result = applyCommand(document, entry.command);
  return { document: result.document, reverse: { label: entry.label, command: result.inverse } };
}

/**
 * The document store: the single source of truth of the renderer (DESIGN.md §2). MapLibre
 * and the panels are views of it. Loading a file replaces the document and clears history;
 * it is not an undoable edit.
 */
export interface DocumentState {
  document: ParkDocument | null;
  fileName: string | null;
  /**
   * The document is backed by a file the host can re-read (Revert to saved). Set by load()
   * (`options.hasFile`, default false: recovered work, imports and the sample have no file,
   * even when they carry a name) and by markSaved(); cleared by close().
   */
  hasFile: boolean;
  /** Increments on every change so views can cheaply detect one. */
  revision: number;
  /** Revision at the last save or load; dirty when it differs. */
  savedRevision: number;
  /** Increments on every load, so the map frames a newly opened park but not an edit. */
  loadSeq: number;
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
  load(document: ParkDocument, fileName: string | null, options?: { dirty?: boolean; hasFile?: boolean }): void;
  apply(command: EditCommand): void;
  /** A document-level edit (scenario create/rename/delete…), undoable as one step. */
  replaceDocument(document: ParkDocument, label: string): void;
  undo(): void;
  redo(): void;
  markSaved(fileName: string): void;
  setActiveScenario(scenarioId: string): void;
  close(): void;
  /** Replaces one key of document.settings (not undoable: settings are not features); marks the document dirty. */
  setSettings(key: string, value: unknown): void;
}

export const useDocumentStore = create<DocumentState>((set, get) => ({
  document: null,
  fileName: null,
  hasFile: false,
  revision: 0,
  savedRevision: 0,
  loadSeq: 0,
  undoStack: [],
  redoStack: [],
  load(document, fileName, options = {}) {
    const revision = get().revision + 1;
    set({
      document,
      fileName,
      hasFile: options.hasFile === true,
      revision,
      savedRevision: options.dirty ? -1 : revision,
      loadSeq: get().loadSeq + 1,
      undoStack: [],
      redoStack: [],
    });
  },
  apply(command) {
    const { document, undoStack, revision } = get();
    if (!document) return;
    const result = applyCommand(document, command);
    set({
      document: result.document,
      revision: revision + 1,
      undoStack: [...undoStack, { command: result.inverse, label: command.label }].slice(-HISTORY_LIMIT),
      redoStack: [],
    });
  },
  replaceDocument(next, label) {
    const { document, undoStack, revision } = get();
    if (!document) return;
    set({
      document: next,
      revision: revision + 1,
      undoStack: [...undoStack, { label, document }].slice(-HISTORY_LIMIT),
      redoStack: [],
    });
  },
  undo() {
    const { document, undoStack, redoStack, revision } = get();
    const entry = undoStack[undoStack.length - 1];
    if (!document || !entry) return;
    const result = step(document, entry);
    set({ document: result.document, revision: revision + 1, undoStack: undoStack.slice(0, -1), redoStack: [...redoStack, result.reverse] });
  },
  redo() {
    const { document, undoStack, redoStack, revision } = get();
    const entry = redoStack[redoStack.length - 1];
    if (!document || !entry) return;
    const result = step(document, entry);
    set({ document: result.document, revision: revision + 1, undoStack: [...undoStack, result.reverse], redoStack: redoStack.slice(0, -1) });
  },
  markSaved(fileName) {
    set((state) => ({ fileName, hasFile: true, savedRevision: state.revision }));
  },
  setActiveScenario(scenarioId) {
    const { document, revision } = get();
    if (!document || !document.scenarios.some((s) => s.id === scenarioId)) return;
    set({ document: { ...document, activeScenarioId: scenarioId }, revision: revision + 1 });
  },
  close() {
    set((state) => ({ document: null, fileName: null, hasFile: false, revision: state.revision + 1, savedRevision: state.revision + 1, undoStack: [], redoStack: [] }));
  },
  setSettings(key, value) {
    const { document, revision } = get();
    if (!document) return;
    set({ document: { ...document, settings: { ...document.settings, [key]: value } }, revision: revision + 1 });
  },
}));

export const selectDirty = (state: DocumentState) => state.document !== null && state.revision !== state.savedRevision;
