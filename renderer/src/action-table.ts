import { actionForKey, actionSpec, pageKeyActions, shortcutLabel, type ActionId, type ActionSpec, type KeyPress } from '../../shared/actions';
import { pagePlatform } from './page-platform';
import { closeProject, newProject, openProject, openSample, revertToSaved, saveProject } from './actions';
import { runDesktopCommand } from './help/commands';
import { cancelDraft, finishDraft } from './drawing/draw-controller';
import { duplicateSelection, mergeSelection, redo, undo } from './drawing/edit-actions';
import { useToolStore, type ToolId } from './drawing/tool-store';
import { useUiStore } from './state/ui-store';
import { getHost } from './host/get-host';
import { typingInField } from './typing-in-field';
import { dismissLatestPopover } from './components/use-dismiss';
import { toggleGoToBox } from './map/go-to-map';
import type { MessageKey } from './i18n/strings';

/**
 * The page's half of the actions table (shared/actions.ts declares ids, labels and keys): when
 * each action is enabled and what it does. The key handler, the toolbars, the shortcuts panel
 * and the desktop menu's commands all run actions through here.
 */

/** What `enabled` looks at; the toolbars build it from their store subscriptions. */
export interface ActionState {
  hasDocument: boolean;
  selectionCount: number;
  canUndo: boolean;
  canRedo: boolean;
  hasDraft: boolean;
}

/** What an action may need from the component that runs it. */
export interface ActionContext {
  /** Opens the Subdivide dialog (App owns it). */
  openSubdivide?: () => void;
}

interface ActionBehaviour {
  enabled?: (state: ActionState) => boolean;
  run: (context: ActionContext) => void;
}

const setTool = (tool: ToolId) => () => useToolStore.getState().setTool(tool);
const desktop = (id: Parameters<typeof runDesktopCommand>[0]) => () => void runDesktopCommand(id);
const hasDocument = (s: ActionState) => s.hasDocument;

/** The native menu owns Ctrl+Z everywhere; inside a text field it means the field's own undo. */
function historyStep(step: 'undo' | 'redo'): void {
  if (typingInField(document.activeElement)) return void document.execCommand(step);
  return step === 'undo' ? undo() : redo();
}

/** Esc steps back one level: an open popover, numeric entry, then the draft, then the tool, then the selection. */
function cancel(): void {
  if (dismissLatestPopover()) return;
  const tools = useToolStore.getState();
  if (tools.numericEntry !== null) return tools.set({ numericEntry: null });
  if (cancelDraft()) return;
  if (tools.tool !== 'select') return tools.setTool('select');
  useUiStore.getState().select([]);
}

/** Every action but New window, which only the desktop shell can do. */
export const ACTION_BEHAVIOUR: Record<Exclude<ActionId, 'new-window'>, ActionBehaviour> = {
  new: { run: () => void newProject() },
  open: { run: () => void openProject() },
  'open-sample': { run: () => void openSample() },
  save: { enabled: hasDocument, run: () => void saveProject(false) },
  'save-as': { enabled: hasDocument, run: () => void saveProject(true) },
  revert: { run: () => void revertToSaved() },
  import: { run: () => useUiStore.getState().setFileDialog('import') },
  export: { run: () => useUiStore.getState().setFileDialog('export') },
  'export-report': { run: () => useUiStore.getState().setFileDialog('report') },
  settings: { run: desktop('settings') },
  close: { run: () => void closeProject() },
  // Undo also steps back a vertex of the shape being drawn.
  undo: { enabled: (s) => s.canUndo || s.hasDraft, run: () => historyStep('undo') },
  redo: { enabled: (s) => s.canRedo, run: () => historyStep('redo') },
  delete: { enabled: (s) => s.selectionCount > 0, run: desktop('delete') },
  duplicate: { enabled: (s) => s.selectionCount > 0, run: duplicateSelection },
  'toggle-legend': { run: desktop('toggle-legend') },
  'toggle-features': { run: desktop('toggle-features') },
  'toggle-3d': { run: desktop('toggle-3d') },
  'zoom-to-park': { run: desktop('zoom-to-park') },
  'go-to': { run: toggleGoToBox },
  'show-land-use': { run: desktop('show-land-use') },
  'show-compliance': { run: desktop('show-compliance') },
  'show-plots': { run: desktop('show-plots') },
  'show-solar': { run: desktop('show-solar') },
  'show-compare': { run: desktop('show-compare') },
  help: { run: desktop('help') },
  guide: { run: desktop('guide') },
  tour: { run: desktop('tour') },
  about: { run: desktop('about') },
  'tool-select': { run: setTool('select') },
  'tool-polygon': { run: setTool('polygon') },
  'tool-rectangle': { run: setTool('rectangle') },
  'tool-road': { run: setTool('road') },
  'tool-building': { run: setTool('building') },
  'tool-point': { run: setTool('point') },
  'tool-split': { run: setTool('split') },
  snapping: { run: () => useToolStore.getState().set({ snapping: !useToolStore.getState().snapping }) },
  finish: { run: finishDraft },
  cancel: { run: cancel },
  subdivide: { enabled: (s) => s.selectionCount === 1, run: (context) => context.openSubdivide?.() },
  merge: { enabled: (s) => s.selectionCount >= 2, run: mergeSelection },
  shortcuts: { run: () => useToolStore.getState().set({ shortcutsOpen: !useToolStore.getState().shortcutsOpen }) },
};

export function isEnabled(id: keyof typeof ACTION_BEHAVIOUR, state: ActionState): boolean {
  return ACTION_BEHAVIOUR[id].enabled?.(state) ?? true;
}

/** Runs an action; false for ids the page does not handle (New window). */
export function runAction(id: string, context: ActionContext = {}): boolean {
  const behaviour = (ACTION_BEHAVIOUR as Record<string, ActionBehaviour | undefined>)[id];
  behaviour?.run(context);
  return behaviour !== undefined;
}

/** The page's label of an action (every action the page shows has one). */
export function actionLabelKey(id: ActionId): MessageKey {
  return actionSpec(id).labelKey as MessageKey;
}

/** Tooltip text: "Save (Ctrl+S)", or the plain label when no shortcut works in this host. */
export function actionTitle(label: string, id: ActionId): string {
  const action = actionSpec(id);
  const keysWork = getHost().kind === 'desktop' || pageKeyActions(true).includes(action);
  const keys = keysWork ? shortcutLabel(action, pagePlatform()) : '';
  return keys ? `${label} (${keys})` : label;
}

/** The action a key press runs in the page, or null. */
export function pageActionForKey(press: KeyPress, browser: boolean, typing: boolean): ActionSpec | null {
  // While typing, the field keeps its keys: only the menu's own chords (Ctrl+S…) still act.
  const candidates = pageKeyActions(browser).filter((a) => !typing || a.owner === 'menu');
  return actionForKey(press, pagePlatform(), candidates);
}
