import { create } from 'zustand';
import { MAX_COMPARED } from '../../../../shared/report/compare';

/** Scenarios chosen in the Compare tab (UI state, not saved): the report adds their comparison. */
export interface CompareState {
  selected: string[];
  toggle(id: string): void;
  setSelected(ids: string[]): void;
}

export const useCompareStore = create<CompareState>((set, get) => ({
  selected: [],
  toggle(id) {
    const { selected } = get();
    if (selected.includes(id)) set({ selected: selected.filter((x) => x !== id) });
    else if (selected.length < MAX_COMPARED) set({ selected: [...selected, id] });
  },
  setSelected: (ids) => set({ selected: ids.slice(0, MAX_COMPARED) }),
}));

/** The chosen scenarios that still exist, in document order. */
export function chosenScenarioIds(selected: readonly string[], scenarioIds: readonly string[]): string[] {
  return scenarioIds.filter((id) => selected.includes(id));
}
