import { startTransition, useEffect, useState } from 'react';
import { useUiStore } from './ui-store';

/**
 * The selected ids for panels that only describe the selection (Properties): they follow it in
 * a React transition, rendered after the map's selection outline has been painted and in
 * slices that let frames through. (The feature list keeps the store's own hook: its keyboard
 * row follows each selection at once, before the next key press.) A click on a 5,000-feature park is outlined
 * within a frame instead of waiting for the panels (issue 13 bug 7). A store hook
 * (`useUiStore(s => s.selectedIds)`) cannot be deferred: React renders external-store updates
 * at once, even inside `startTransition`. Event handlers that act on the selection read
 * `useUiStore.getState().selectedIds`, never this possibly older copy.
 */
export function useDeferredSelection(): string[] {
  const [ids, setIds] = useState(() => useUiStore.getState().selectedIds);
  useEffect(() => {
    // The selection may have changed between the first render and this subscription.
    setIds(useUiStore.getState().selectedIds);
    return useUiStore.subscribe((state, previous) => {
      if (state.selectedIds !== previous.selectedIds) startTransition(() => setIds(state.selectedIds));
    });
  }, []);
  return ids;
}
