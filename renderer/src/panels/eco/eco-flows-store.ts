import { create } from 'zustand';

/**
 * Whether accepted exchanges are drawn on the map (switched in the Eco panel; UI state, not in
 * history), and how many the map layer drew — the main map legend lists the flow colours then.
 */
export interface EcoFlowsState {
  showFlows: boolean;
  setShowFlows(show: boolean): void;
  drawnFlows: number;
  setDrawnFlows(count: number): void;
}

export const useEcoFlows = create<EcoFlowsState>((set) => ({
  showFlows: true,
  setShowFlows: (showFlows) => set({ showFlows }),
  drawnFlows: 0,
  setDrawnFlows: (drawnFlows) => set({ drawnFlows }),
}));
