import type { MenuItemConstructorOptions } from 'electron';
import { actionPlatform, actionSpec, chordsOf, type ActionId } from '../shared/actions';
import type { MenuCommand, RecentFile } from '../shared/host-api';
import { mainText, type MainKey, type MainLang } from './main-strings';
import { APP_NAME } from './window-title';

/**
 * The native menu as a pure template builder (type-only Electron import), rebuilt whenever
 * the recent list, the undo/redo labels, the shown panels or the UI language change. Items
 * that act on the document or the page send a MenuCommand to the renderer, which owns the
 * document, its dialogs and panels, and calls back HostApi.
 *
 * Labels, accelerators and commands come from the one actions table (shared/actions.ts); this
 * file only places them. Accelerators: the standard ones of desktop editors (Ctrl+N/O/S/Shift+S/
 * W/Q/Z, F1 help, Ctrl+, settings). Keys the page owns (tool letters, Enter, Esc, arrows, Ctrl+D
 * duplicate, digits, Delete) are never registered here: a registered accelerator would reach
 * the menu instead of the page. tests/unit/electron/menu.test.ts checks both.
 */

export interface MenuModel {
  platform: NodeJS.Platform;
  /** Reload and devtools exist only in development builds. */
  isDev: boolean;
  recent: RecentFile[];
  /** UI language of the focused window's page (English until the page has said). */
  lang?: MainLang;
  /** Label of the next undo/redo ("Subdivide block"), or null when there is none. */
  undoLabel?: string | null;
  redoLabel?: string | null;
  /** Name of the open project's file (shown; recovered work keeps its original name) … */
  fileName?: string | null;
  /** … the project is backed by that file on disk (Revert to saved needs one) … */
  hasFile?: boolean;
  /** … and unsaved changes (otherwise there is nothing to revert). */
  dirty?: boolean;
  /** Panels shown in the page; the View menu's checkboxes mirror them. */
  view?: { legend: boolean; features: boolean; view3d: boolean };
}

export interface MenuActions {
  sendCommand(command: MenuCommand): void;
  openRecent(filePath: string): void;
  clearRecent(): void;
  /** File ▸ New window: another window with its own document. */
  newWindow(): void;
}

/** "Undo Subdivide block", or plain "Undo" when there is nothing to undo. */
export function historyItemLabel(verb: 'Undo' | 'Redo', label: string | null | undefined, lang: MainLang = 'en'): string {
  const trimmed = label?.trim() ?? '';
  if (trimmed === '') return mainText(lang, verb === 'Undo' ? 'edit.undo' : 'edit.redo');
  return mainText(lang, verb === 'Undo' ? 'edit.undoLabel' : 'edit.redoLabel', { label: trimmed });
}

/** Menu labels treat "&" as a mnemonic marker on Windows/Linux; file names must show literally. */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

const DEFAULT_VIEW = { legend: true, features: true, view3d: true } as const;

export function buildMenuTemplate(model: MenuModel, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = model.platform === 'darwin';
  const lang = model.lang ?? 'en';
  const s = (key: MainKey) => mainText(lang, key, { app: APP_NAME });
  const send = (command: MenuCommand) => () => actions.sendCommand(command);
  const view = model.view ?? DEFAULT_VIEW;
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const platform = actionPlatform(model.platform);

  /**
   * The item of one action: its label, its shown chord and its command. Chords the page owns are
   * shown but not registered (and not shown on macOS, whose menus have no Delete key).
   */
  const item = (id: ActionId & MenuCommand | 'new-window', extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions => {
    const action = actionSpec(id);
    const [chord] = chordsOf(action, platform);
    const pageOwned = action.owner === 'page';
    const keys = !chord || (pageOwned && isMac) ? {} : { accelerator: chord, ...(pageOwned ? { registerAccelerator: false } : {}) };
    return { id, label: s(action.menuLabelKey as MainKey), ...keys, ...(id === 'new-window' ? {} : { click: send(id) }), ...extra };
  };
  /** Hidden items for an action's other chords: their accelerators still fire off macOS. */
  const alternates = (id: ActionId & MenuCommand, extra: MenuItemConstructorOptions): MenuItemConstructorOptions[] =>
    chordsOf(actionSpec(id), platform)
      .slice(1)
      .map((accelerator) => ({ id: `${id}-alt`, label: s(actionSpec(id).menuLabelKey as MainKey), accelerator, visible: false, click: send(id), ...extra }));

  const recentItems: MenuItemConstructorOptions[] =
    model.recent.length === 0
      ? [{ label: s('file.noRecent'), enabled: false }]
      : [
          ...model.recent.map(
            (file): MenuItemConstructorOptions => ({
              label: literal(file.fileName),
              toolTip: file.path,
              click: () => actions.openRecent(file.path),
            }),
          ),
          separator,
          { id: 'clear-recent', label: s('file.clearRecent'), click: () => actions.clearRecent() },
        ];

  const settingsItem = item('settings');

  const fileMenu: MenuItemConstructorOptions = {
    label: s('menu.file'),
    submenu: [
      item('new'),
      item('new-window', { click: () => actions.newWindow() }),
      item('open'),
      { id: 'open-recent', label: s('file.openRecent'), submenu: recentItems },
      item('open-sample'),
      separator,
      item('save'),
      item('save-as'),
      item('revert', { enabled: model.hasFile === true && model.dirty === true }),
      separator,
      item('import'),
      item('export'),
      item('export-report'),
      separator,
      ...(isMac ? [] : [settingsItem, separator]),
      item('close'),
      ...(isMac ? [] : [separator, { id: 'quit', label: s('file.quit'), accelerator: 'CmdOrCtrl+Q', role: 'quit' as const }]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: s('menu.edit'),
    submenu: [
      item('undo', { label: literal(historyItemLabel('Undo', model.undoLabel, lang)), enabled: Boolean(model.undoLabel) }),
      item('redo', { label: literal(historyItemLabel('Redo', model.redoLabel, lang)), enabled: Boolean(model.redoLabel) }),
      ...alternates('redo', { enabled: Boolean(model.redoLabel) }),
      separator,
      { role: 'cut', label: s('edit.cut') },
      { role: 'copy', label: s('edit.copy') },
      { role: 'paste', label: s('edit.paste') },
      // Delete is shown but left to the page, which deletes the selected features, or a
      // character when a text field has the focus.
      item('delete'),
      { role: 'selectAll', label: s('edit.selectAll') },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: s('menu.view'),
    submenu: [
      item('toggle-legend', { type: 'checkbox', checked: view.legend }),
      item('toggle-features', { type: 'checkbox', checked: view.features }),
      item('toggle-3d', { type: 'checkbox', checked: view.view3d }),
      separator,
      item('zoom-to-park'),
      separator,
      ...(model.isDev ? [{ role: 'reload' as const, label: s('view.reload') }, { role: 'toggleDevTools' as const, label: s('view.devTools') }, separator] : []),
      { role: 'resetZoom', label: s('view.actualSize') },
      { role: 'zoomIn', label: s('view.zoomIn') },
      { role: 'zoomOut', label: s('view.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: s('view.fullScreen') },
    ],
  };

  const analysisMenu: MenuItemConstructorOptions = {
    label: s('menu.analysis'),
    submenu: [
      item('show-land-use'),
      item('show-compliance'),
      item('show-plots'),
      item('show-solar'),
      item('show-compare'),
      separator,
      // Same command as File ▸ Export report…; the accelerator lives there only.
      { id: 'analysis-export-report', label: s('analysis.exportReport'), click: send('export-report') },
    ],
  };

  const aboutItem = item('about');
  const helpMenu: MenuItemConstructorOptions = {
    label: s('menu.help'),
    role: 'help',
    submenu: [
      item('help'),
      item('guide'),
      item('tour'),
      ...(isMac ? [] : [separator, aboutItem]),
    ],
  };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: APP_NAME,
          submenu: [
            aboutItem,
            separator,
            settingsItem,
            separator,
            { role: 'services', label: s('app.services') },
            separator,
            { role: 'hide', label: s('app.hide') },
            { role: 'hideOthers', label: s('app.hideOthers') },
            { role: 'unhide', label: s('app.unhide') },
            separator,
            { id: 'quit', role: 'quit', label: s('app.quit') },
          ],
        },
      ]
    : [];

  return [...appMenu, fileMenu, editMenu, viewMenu, analysisMenu, helpMenu];
}
