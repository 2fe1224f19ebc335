import type { MenuCommand } from '../../../shared/host-api';
import { activeScenario } from '../../../shared/model';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { deleteSelection } from '../drawing/edit-actions';
import { useDesktopStore } from './desktop-store';
import { modalOpen, typingInField } from '../typing-in-field';

/**
 * What the Edit ▸ Delete, View, Analysis and Help menu items (and their toolbar buttons and
 * keys in web mode) do. Returns false for commands that belong to someone else (App's
 * runMenuCommand handles the file commands).
 */

/** Side-panel tab each Analysis menu item opens (ids of renderer/src/panels/registry.tsx). */
export const ANALYSIS_TABS: Partial<Record<MenuCommand, string>> = {
  'show-land-use': 'land-use-structure',
  'show-compliance': 'compliance',
  'show-plots': 'plots',
  'show-solar': 'solar',
  'show-compare': 'compare',
};

/** Frames the park: its boundary when it has one, otherwise every feature of the active scenario. */
export function zoomToPark(): void {
  const doc = useDocumentStore.getState().document;
  if (!doc) return;
  const features = activeScenario(doc).features;
  const boundary = features.filter((f) => f.kind === 'boundary');
  const ids = (boundary.length > 0 ? boundary : features).map((f) => f.id);
  if (ids.length > 0) useUiStore.getState().zoomTo(ids);
}

export function runDesktopCommand(command: MenuCommand): boolean {
  const ui = useUiStore.getState();
  const desktop = useDesktopStore.getState();
  switch (command) {
    case 'settings':
    case 'about':
      desktop.openDialog(command);
      return true;
    case 'help':
      desktop.openDialog('help', 'shortcuts');
      return true;
    case 'guide':
      desktop.openDialog('help', 'guide');
      return true;
    case 'tour':
      desktop.startTour();
      return true;
    case 'toggle-legend':
      ui.toggle('legendOpen');
      return true;
    case 'toggle-features':
      ui.toggle('featuresOpen');
      return true;
    case 'toggle-3d':
      ui.toggle('view3d');
      return true;
    case 'zoom-to-park':
      zoomToPark();
      return true;
    case 'delete':
      // In a text field Delete edits the text like the Delete key: 'forwardDelete' removes the
      // selection or the character after the caret ('delete' would be Backspace). Elsewhere it
      // deletes the selected features, but never behind an open modal dialog (as the key does).
      if (typingInField(document.activeElement)) document.execCommand('forwardDelete');
      else if (!modalOpen()) deleteSelection();
      return true;
    default: {
      const tab = ANALYSIS_TABS[command];
      if (!tab) return false;
      ui.showSidePanel(tab);
      return true;
    }
  }
}
