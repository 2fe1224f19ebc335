import { useEffect } from 'react';
import { useUiStore } from '../state/ui-store';
import { useToolStore, type ToolId } from './tool-store';
import { cancelDraft, finishDraft } from './draw-controller';
import { deleteSelection, duplicateSelection, nudgeSelection, redo, undo } from './edit-actions';

const TOOL_KEYS: Record<string, ToolId> = { v: 'select', p: 'polygon', r: 'rectangle', l: 'road', b: 'building', o: 'point' };
/** Arrow-key nudge in metres; with Shift ten times as far. */
const NUDGE_M = 1;

function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** While a modal dialog is open its keys are its own: Delete or Backspace on a dialog button must not delete features behind it. */
function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

/** The keyboard of issue 3: tool letters, S snapping, Delete, Escape, Enter, arrows, undo/redo. */
export function useDrawingKeys(options: { handleUndoRedo: boolean }): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingInField(event.target) || modalOpen()) return;
      const tools = useToolStore.getState();
      const key = event.key.toLowerCase();
      const ctrl = event.ctrlKey || event.metaKey;
      if (ctrl) {
        if (options.handleUndoRedo && key === 'z') {
          event.preventDefault();
          return event.shiftKey ? redo() : undo();
        }
        if (options.handleUndoRedo && key === 'y') {
          event.preventDefault();
          return redo();
        }
        if (key === 'd') {
          event.preventDefault();
          return duplicateSelection();
        }
        return;
      }
      if (event.altKey) return;
      if (key in TOOL_KEYS) return tools.setTool(TOOL_KEYS[key]);
      if (key === 's') return tools.set({ snapping: !tools.snapping });
      if (key === 'escape') {
        if (tools.numericEntry !== null) return tools.set({ numericEntry: null });
        if (cancelDraft()) return;
        if (tools.tool !== 'select') return tools.setTool('select');
        return useUiStore.getState().select([]);
      }
      if (key === 'enter') return finishDraft();
      if (key === 'delete' || key === 'backspace') {
        event.preventDefault();
        return deleteSelection();
      }
      const step = event.shiftKey ? NUDGE_M * 10 : NUDGE_M;
      const arrows: Record<string, [number, number]> = { arrowleft: [-step, 0], arrowright: [step, 0], arrowup: [0, step], arrowdown: [0, -step] };
      if (key in arrows && tools.tool === 'select' && useUiStore.getState().selectedIds.length > 0) {
        // Captured before MapLibre's keyboard panning sees it: arrows move the selection.
        event.preventDefault();
        event.stopPropagation();
        return nudgeSelection(arrows[key][0], arrows[key][1]);
      }
      // Typing a number while drawing opens numeric entry (length<angle, or width,depth).
      if (/^[0-9]$/.test(event.key) && tools.tool !== 'select' && tools.draft.vertices.length > 0 && tools.numericEntry === null) {
        event.preventDefault();
        tools.set({ numericEntry: event.key });
      }
      if (key === '?') tools.set({ shortcutsOpen: !tools.shortcutsOpen });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [options.handleUndoRedo]);
}
