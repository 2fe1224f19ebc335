import { useEffect } from 'react';
import { useUiStore } from '../state/ui-store';
import { useToolStore } from './tool-store';
import { nudgeSelection } from './edit-actions';
import { pageActionForKey, runAction } from '../action-table';
import { modalOpen, typingInField, walkingAList } from '../typing-in-field';

/** Arrow-key nudge in metres; with Shift ten times as far. */
const NUDGE_M = 1;

/**
 * The page's keyboard: every shortcut comes from the actions table (shared/actions.ts), and two
 * gestures that take a value are handled here: arrows nudge the selection, digits start numeric
 * entry while drawing. `browser`: no native menu, so the page also handles the menu's chords.
 */
export function useDrawingKeys(options: { browser: boolean }): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // In a field or behind a modal dialog, keys are theirs; only the menu's chords (Ctrl+S) act.
      const busy = typingInField(event.target) || walkingAList(event.target) || modalOpen();
      const action = pageActionForKey(event, options.browser, busy);
      if (action) {
        // Ctrl chords would reach the browser's own commands; Backspace may navigate back.
        if (event.ctrlKey || event.metaKey || action.id === 'delete') event.preventDefault();
        runAction(action.id);
        return;
      }
      if (busy || event.ctrlKey || event.metaKey || event.altKey) return;
      const tools = useToolStore.getState();
      const key = event.key.toLowerCase();
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
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [options.browser]);
}
