import { create } from 'zustand';

/** Whether accepted exchanges are drawn on the map (switched in the Eco panel; UI state, not in history). */
export interface EcoFlowsState {
  showFlows: boolean;
  setShowFlows(show: boolean): void;
}

export const useEcoFlows = create<EcoFlowsState>((set) => ({
  showFlows: true,
  setShowFlows: (showFlows) => set({ showFlows }),
}));
