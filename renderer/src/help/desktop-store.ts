import { create } from 'zustand';
import { useSettingsStore } from '../state/settings-store';

/** The dialogs of the desktop conventions: one at a time (Settings and About are modal). */
export type DesktopDialog = 'settings' | 'about' | 'help';
export type HelpTab = 'shortcuts' | 'guide';

/**
 * Which of Settings, About, Help is open and where the tour is. Session state like ui-store,
 * kept apart so these dialogs stay one self-contained capability.
 */
interface DesktopUiState {
  dialog: DesktopDialog | null;
  helpTab: HelpTab;
  /** Index of the tour step on screen, or null when the tour is not running. */
  tourStep: number | null;
  openDialog(dialog: DesktopDialog, helpTab?: HelpTab): void;
  closeDialog(): void;
  startTour(): void;
  setTourStep(step: number): void;
  /** Finished or skipped: never shown again by itself (settings.tourDone). */
  endTour(): void;
}

export const useDesktopStore = create<DesktopUiState>((set) => ({
  dialog: null,
  helpTab: 'shortcuts',
  tourStep: null,
  openDialog(dialog, helpTab) {
    set((state) => ({ dialog, helpTab: helpTab ?? state.helpTab, tourStep: null }));
  },
  closeDialog() {
    set({ dialog: null });
  },
  startTour() {
    set({ dialog: null, tourStep: 0 });
  },
  setTourStep(tourStep) {
    set({ tourStep });
  },
  endTour() {
    set({ tourStep: null });
    useSettingsStore.getState().update({ tourDone: true });
  },
}));
