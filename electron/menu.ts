import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../shared/host-api';
import { mainText, type MainKey, type MainLang } from './main-strings';
import { APP_NAME } from './window-title';

/**
 * The native menu as a pure template builder (type-only Electron import), rebuilt whenever
 * the recent list, the undo/redo labels, the shown panels or the UI language change. Items
 * that act on the document or the page send a MenuCommand to the renderer, which owns the
 * document, its dialogs and panels, and calls back HostApi.
 *
 * Accelerators: the standard ones of desktop editors (Ctrl+N/O/S/Shift+S/W/Q/Z, F1 help,
 * Ctrl+, settings). Keys the drawing tools own in the page (tool letters, Enter, Esc, arrows,
 * Ctrl+D duplicate, digits) are never registered here: a registered accelerator would reach
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
  const isWindows = model.platform === 'win32';
  const lang = model.lang ?? 'en';
  const s = (key: MainKey) => mainText(lang, key, { app: APP_NAME });
  const send = (command: MenuCommand) => () => actions.sendCommand(command);
  const view = model.view ?? DEFAULT_VIEW;
  const separator: MenuItemConstructorOptions = { type: 'separator' };

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

  const settingsItem: MenuItemConstructorOptions = { id: 'settings', label: s('file.settings'), accelerator: 'CmdOrCtrl+,', click: send('settings') };

  const fileMenu: MenuItemConstructorOptions = {
    label: s('menu.file'),
    submenu: [
      { id: 'new', label: s('file.new'), accelerator: 'CmdOrCtrl+N', click: send('new') },
      { id: 'new-window', label: s('file.newWindow'), accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWindow() },
      { id: 'open', label: s('file.open'), accelerator: 'CmdOrCtrl+O', click: send('open') },
      { id: 'open-recent', label: s('file.openRecent'), submenu: recentItems },
      { id: 'open-sample', label: s('file.openSample'), click: send('open-sample') },
      separator,
      { id: 'save', label: s('file.save'), accelerator: 'CmdOrCtrl+S', click: send('save') },
      { id: 'save-as', label: s('file.saveAs'), accelerator: 'CmdOrCtrl+Shift+S', click: send('save-as') },
      { id: 'revert', label: s('file.revert'), enabled: model.hasFile === true && model.dirty === true, click: send('revert') },
      separator,
      { id: 'import', label: s('file.import'), accelerator: 'CmdOrCtrl+I', click: send('import') },
      { id: 'export', label: s('file.export'), accelerator: 'CmdOrCtrl+E', click: send('export') },
      { id: 'export-report', label: s('file.exportReport'), accelerator: 'CmdOrCtrl+P', click: send('export-report') },
      separator,
      ...(isMac ? [] : [settingsItem, separator]),
      { id: 'close', label: s('file.close'), accelerator: 'CmdOrCtrl+W', click: send('close') },
      ...(isMac ? [] : [separator, { id: 'quit', label: s('file.quit'), accelerator: 'CmdOrCtrl+Q', role: 'quit' as const }]),
    ],
  };

  // Windows users expect Ctrl+Y for Redo, others Ctrl+Shift+Z; both work on Windows and Linux
  // (the second one through a hidden item, whose accelerator still fires there).
  const redoShown = isWindows ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z';
  const redoHidden = isWindows ? 'Ctrl+Shift+Z' : 'Ctrl+Y';
  const editMenu: MenuItemConstructorOptions = {
    label: s('menu.edit'),
    submenu: [
      {
        id: 'undo',
        label: literal(historyItemLabel('Undo', model.undoLabel, lang)),
        accelerator: 'CmdOrCtrl+Z',
        enabled: Boolean(model.undoLabel),
        click: send('undo'),
      },
      {
        id: 'redo',
        label: literal(historyItemLabel('Redo', model.redoLabel, lang)),
        accelerator: redoShown,
        enabled: Boolean(model.redoLabel),
        click: send('redo'),
      },
      ...(isMac
        ? []
        : [{ id: 'redo-alt', label: s('edit.redo'), accelerator: redoHidden, visible: false, enabled: Boolean(model.redoLabel), click: send('redo') }]),
      separator,
      { role: 'cut', label: s('edit.cut') },
      { role: 'copy', label: s('edit.copy') },
      { role: 'paste', label: s('edit.paste') },
      // Delete is shown but left to the page (registerAccelerator: false), which deletes the
      // selected features, or a character when a text field has the focus.
      {
        id: 'delete',
        label: s('edit.delete'),
        ...(isMac ? {} : { accelerator: 'Delete', registerAccelerator: false }),
        click: send('delete'),
      },
      { role: 'selectAll', label: s('edit.selectAll') },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: s('menu.view'),
    submenu: [
      { id: 'toggle-legend', label: s('view.legend'), type: 'checkbox', checked: view.legend, accelerator: 'CmdOrCtrl+1', click: send('toggle-legend') },
      { id: 'toggle-features', label: s('view.features'), type: 'checkbox', checked: view.features, accelerator: 'CmdOrCtrl+2', click: send('toggle-features') },
      { id: 'toggle-3d', label: s('view.view3d'), type: 'checkbox', checked: view.view3d, accelerator: 'CmdOrCtrl+3', click: send('toggle-3d') },
      separator,
      { id: 'zoom-to-park', label: s('view.zoomToPark'), accelerator: 'CmdOrCtrl+Shift+F', click: send('zoom-to-park') },
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
      { id: 'show-land-use', label: s('analysis.landUse'), click: send('show-land-use') },
      { id: 'show-compliance', label: s('analysis.compliance'), click: send('show-compliance') },
      { id: 'show-plots', label: s('analysis.plots'), click: send('show-plots') },
      { id: 'show-solar', label: s('analysis.solar'), click: send('show-solar') },
      { id: 'show-compare', label: s('analysis.compare'), click: send('show-compare') },
      separator,
      // Same command as File ▸ Export report…; the accelerator lives there only.
      { id: 'analysis-export-report', label: s('analysis.exportReport'), click: send('export-report') },
    ],
  };

  const aboutItem: MenuItemConstructorOptions = { id: 'about', label: s('help.about'), click: send('about') };
  const helpMenu: MenuItemConstructorOptions = {
    label: s('menu.help'),
    role: 'help',
    submenu: [
      { id: 'help', label: s('help.shortcuts'), accelerator: 'F1', click: send('help') },
      { id: 'guide', label: s('help.guide'), click: send('guide') },
      { id: 'tour', label: s('help.tour'), click: send('tour') },
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
