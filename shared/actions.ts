/**
 * Every user action, declared once: id, label keys, keyboard shortcut per platform, and who
 * listens for the keys. Pure data (no DOM, no Electron) so that both the native menu
 * (electron/menu.ts) and the page (renderer/src/action-table.ts: enabled + run, the key
 * handler, toolbar tooltips, the shortcuts panel) read the same table.
 *
 * Chords use Electron's accelerator syntax ('CmdOrCtrl+Shift+S', 'F1', 'V', 'Escape').
 */

/** Platforms the shortcuts differ on (NodeJS.Platform values; anything else is 'other'). */
export type ActionPlatform = 'darwin' | 'win32' | 'other';

/**
 * Who handles the keys. `menu`: the native menu's accelerator in the desktop (in the browser,
 * the page handles them only when `web` is set). `page`: always the page; the menu may show
 * the chord but never registers it, or the key would reach the menu instead of the map.
 */
export type KeysOwner = 'menu' | 'page';

/** One user action. `keys`: first chord is shown, the others also work (hidden). */
export interface ActionSpec {
  readonly id: string;
  /** Label in the page (renderer/src/i18n), when the page shows this action. */
  readonly labelKey?: string;
  /** Label in the native menu (electron/main-strings.ts), when the menu has this action. */
  readonly menuLabelKey?: string;
  readonly keys?: readonly string[] | { readonly [p in ActionPlatform]?: readonly string[] } & { readonly default: readonly string[] };
  readonly owner?: KeysOwner;
  /** Menu-owned keys the page handles itself in the browser (no native menu there). */
  readonly web?: boolean;
}

const spec = <const T extends readonly ActionSpec[]>(table: T) => table;

export const ACTIONS = spec([
  // File
  { id: 'new', labelKey: 'toolbar.new', menuLabelKey: 'file.new', keys: ['CmdOrCtrl+N'], owner: 'menu' },
  { id: 'new-window', menuLabelKey: 'file.newWindow', keys: ['CmdOrCtrl+Shift+N'], owner: 'menu' },
  { id: 'open', labelKey: 'toolbar.open', menuLabelKey: 'file.open', keys: ['CmdOrCtrl+O'], owner: 'menu', web: true },
  { id: 'open-sample', labelKey: 'toolbar.openSample', menuLabelKey: 'file.openSample' },
  { id: 'save', labelKey: 'toolbar.save', menuLabelKey: 'file.save', keys: ['CmdOrCtrl+S'], owner: 'menu', web: true },
  { id: 'save-as', labelKey: 'toolbar.saveAs', menuLabelKey: 'file.saveAs', keys: ['CmdOrCtrl+Shift+S'], owner: 'menu', web: true },
  { id: 'revert', menuLabelKey: 'file.revert' },
  { id: 'import', menuLabelKey: 'file.import', keys: ['CmdOrCtrl+I'], owner: 'menu' },
  { id: 'export', menuLabelKey: 'file.export', keys: ['CmdOrCtrl+E'], owner: 'menu' },
  { id: 'export-report', menuLabelKey: 'file.exportReport', keys: ['CmdOrCtrl+P'], owner: 'menu' },
  { id: 'settings', labelKey: 'desktop.settings', menuLabelKey: 'file.settings', keys: ['CmdOrCtrl+,'], owner: 'menu', web: true },
  { id: 'close', menuLabelKey: 'file.close', keys: ['CmdOrCtrl+W'], owner: 'menu' },
  // Edit. Windows users expect Ctrl+Y for Redo, others Ctrl+Shift+Z; both work off macOS.
  { id: 'undo', labelKey: 'tool.undo', menuLabelKey: 'edit.undo', keys: ['CmdOrCtrl+Z'], owner: 'menu', web: true },
  {
    id: 'redo',
    labelKey: 'tool.redo',
    menuLabelKey: 'edit.redo',
    keys: { default: ['CmdOrCtrl+Shift+Z', 'Ctrl+Y'], win32: ['Ctrl+Y', 'Ctrl+Shift+Z'], darwin: ['CmdOrCtrl+Shift+Z'] },
    owner: 'menu',
    web: true,
  },
  // Shown in the Edit menu (not on macOS, where Delete is not a menu key) but left to the page,
  // which deletes the selected features, or a character when a text field has the focus.
  { id: 'delete', labelKey: 'tool.delete', menuLabelKey: 'edit.delete', keys: ['Delete', 'Backspace'], owner: 'page' },
  { id: 'duplicate', labelKey: 'tool.duplicate', keys: ['CmdOrCtrl+D'], owner: 'page' },
  // View
  { id: 'toggle-legend', labelKey: 'toolbar.legend', menuLabelKey: 'view.legend', keys: ['CmdOrCtrl+1'], owner: 'menu' },
  { id: 'toggle-features', labelKey: 'toolbar.features', menuLabelKey: 'view.features', keys: ['CmdOrCtrl+2'], owner: 'menu' },
  { id: 'toggle-3d', labelKey: 'toolbar.view3d', menuLabelKey: 'view.view3d', keys: ['CmdOrCtrl+3'], owner: 'menu' },
  { id: 'zoom-to-park', menuLabelKey: 'view.zoomToPark', keys: ['CmdOrCtrl+Shift+F'], owner: 'menu' },
  // The page's own box over the map (issue 13); no menu item, so the page owns its keys.
  { id: 'go-to', labelKey: 'goTo.title', keys: ['CmdOrCtrl+G'], owner: 'page' },
  // Analysis
  { id: 'show-land-use', menuLabelKey: 'analysis.landUse' },
  { id: 'show-compliance', menuLabelKey: 'analysis.compliance' },
  { id: 'show-plots', menuLabelKey: 'analysis.plots' },
  { id: 'show-solar', menuLabelKey: 'analysis.solar' },
  { id: 'show-compare', menuLabelKey: 'analysis.compare' },
  // Help
  { id: 'help', labelKey: 'desktop.help', menuLabelKey: 'help.shortcuts', keys: ['F1'], owner: 'menu', web: true },
  { id: 'guide', menuLabelKey: 'help.guide' },
  { id: 'tour', menuLabelKey: 'help.tour' },
  { id: 'about', menuLabelKey: 'help.about' },
  // Drawing: keys the page owns (tool letters, Enter, Esc…).
  { id: 'tool-select', labelKey: 'tool.select', keys: ['V'], owner: 'page' },
  { id: 'tool-polygon', labelKey: 'tool.polygon', keys: ['P'], owner: 'page' },
  { id: 'tool-rectangle', labelKey: 'tool.rectangle', keys: ['R'], owner: 'page' },
  { id: 'tool-road', labelKey: 'tool.road', keys: ['L'], owner: 'page' },
  { id: 'tool-building', labelKey: 'tool.building', keys: ['B'], owner: 'page' },
  { id: 'tool-point', labelKey: 'tool.point', keys: ['O'], owner: 'page' },
  { id: 'tool-split', labelKey: 'tool.split' },
  { id: 'snapping', labelKey: 'tool.snapping', keys: ['S'], owner: 'page' },
  { id: 'finish', labelKey: 'shortcuts.finish', keys: ['Enter'], owner: 'page' },
  { id: 'cancel', labelKey: 'shortcuts.cancel', keys: ['Escape'], owner: 'page' },
  { id: 'subdivide', labelKey: 'tool.subdivide' },
  { id: 'merge', labelKey: 'tool.merge' },
  { id: 'shortcuts', labelKey: 'tool.shortcuts', keys: ['?'], owner: 'page' },
] as const);

export type ActionId = (typeof ACTIONS)[number]['id'];

const BY_ID = new Map<string, ActionSpec>(ACTIONS.map((a) => [a.id, a]));

export function actionSpec(id: ActionId): ActionSpec {
  return BY_ID.get(id)!;
}

export function isActionId(id: string): id is ActionId {
  return BY_ID.has(id);
}

export function actionPlatform(platform: string): ActionPlatform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'other';
}

/** The chords of an action on a platform, the shown one first ([] without a shortcut). */
export function chordsOf(action: ActionSpec, platform: ActionPlatform): readonly string[] {
  const keys = action.keys;
  if (!keys) return [];
  if (Array.isArray(keys)) return keys;
  const perPlatform = keys as { readonly [p in ActionPlatform]?: readonly string[] } & { readonly default: readonly string[] };
  return perPlatform[platform] ?? perPlatform.default;
}

/** The chord to show beside an action ("Ctrl+Shift+S", "Cmd+Shift+S" on macOS, "Esc"), or ''. */
export function shortcutLabel(action: ActionSpec, platform: ActionPlatform): string {
  const chord = chordsOf(action, platform)[0];
  if (!chord) return '';
  return chord
    .split('+')
    .map((part) => (part === 'CmdOrCtrl' ? (platform === 'darwin' ? 'Cmd' : 'Ctrl') : part === 'Escape' ? 'Esc' : part))
    .join('+');
}

/** Every chord of an action as shown on a platform ("Delete, Backspace"). */
export function shortcutLabels(action: ActionSpec, platform: ActionPlatform): string {
  return chordsOf(action, platform)
    .map((chord) => shortcutLabel({ id: action.id, keys: [chord] }, platform))
    .join(', ');
}

/**
 * Actions whose keys the page listens for. In the desktop the native menu owns its chords; in
 * the browser the page also handles those marked `web` (Save, Open, Undo, F1…).
 */
export function pageKeyActions(browser: boolean): ActionSpec[] {
  return ACTIONS.filter((a: ActionSpec) => a.owner === 'page' || (browser && a.web === true));
}

/** The parts of a keyboard event a chord is matched against (a DOM KeyboardEvent fits). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether a key press is the chord. Ctrl and Cmd count alike (as the page always did). A chord
 * with Ctrl must match Shift exactly (Ctrl+Z is not Ctrl+Shift+Z); a plain key ignores Shift
 * ('?' is typed with it; Shift+Enter still finishes) but not Ctrl, Cmd or Alt.
 */
export function matchesChord(chord: string, press: KeyPress): boolean {
  const parts = chord.split('+');
  const key = parts.pop()!.toLowerCase();
  const ctrl = parts.some((p) => p === 'CmdOrCtrl' || p === 'Ctrl' || p === 'Cmd');
  const pressedCtrl = press.ctrlKey || press.metaKey;
  if (press.key.toLowerCase() !== key || pressedCtrl !== ctrl || press.altKey !== parts.includes('Alt')) return false;
  return ctrl ? press.shiftKey === parts.includes('Shift') : true;
}

/** The action a key press triggers on a platform among `candidates` (default: all), or null. */
export function actionForKey(press: KeyPress, platform: ActionPlatform, candidates: readonly ActionSpec[] = ACTIONS): ActionSpec | null {
  return candidates.find((a) => chordsOf(a, platform).some((chord) => matchesChord(chord, press))) ?? null;
}
