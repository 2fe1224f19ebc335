import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../shared/host-api';
import { APP_NAME } from './window-title';

/**
 * The native menu as a pure template builder (type-only Electron import), rebuilt whenever
 * the recent list or the undo/redo labels change. Items that act on the document send a
 * MenuCommand to the renderer, which owns the document and calls back HostApi.
 */

export interface MenuModel {
  platform: NodeJS.Platform;
  /** Reload and devtools exist only in development builds. */
  isDev: boolean;
  recent: RecentFile[];
  /** Label of the next undo/redo ("Subdivide block"), or null when there is none. */
  undoLabel?: string | null;
  redoLabel?: string | null;
}

export interface MenuActions {
  sendCommand(command: MenuCommand): void;
  openRecent(filePath: string): void;
  showAbout(): void;
}

/** "Undo Subdivide block", or plain "Undo" when there is nothing to undo. */
export function historyItemLabel(verb: 'Undo' | 'Redo', label: string | null | undefined): string {
  return label && label.trim() !== '' ? `${verb} ${label.trim()}` : verb;
}

/** Menu labels treat "&" as a mnemonic marker on Windows/Linux; file names must show literally. */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

export function buildMenuTemplate(model: MenuModel, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = model.platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.sendCommand(command);

  const recentItems: MenuItemConstructorOptions[] =
    model.recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : model.recent.map((file) => ({
          label: literal(file.fileName),
          toolTip: file.path,
          click: () => actions.openRecent(file.path),
        }));

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new', label: 'New project', accelerator: 'CmdOrCtrl+N', click: send('new') },
      { id: 'open', label: 'Open…', accelerator: 'CmdOrCtrl+O', click: send('open') },
      { id: 'open-recent', label: 'Open Recent', submenu: recentItems },
      { id: 'open-sample', label: 'Open sample', click: send('open-sample') },
      { type: 'separator' },
      { id: 'save', label: 'Save', accelerator: 'CmdOrCtrl+S', click: send('save') },
      { id: 'save-as', label: 'Save as…', accelerator: 'CmdOrCtrl+Shift+S', click: send('save-as') },
      { type: 'separator' },
      { id: 'export-report', label: 'Export report…', accelerator: 'CmdOrCtrl+P', click: send('export-report') },
      { id: 'import', label: 'Import…', accelerator: 'CmdOrCtrl+I', click: send('import') },
      { id: 'export', label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
      { type: 'separator' },
      { id: 'close', label: 'Close', accelerator: 'CmdOrCtrl+W', click: send('close') },
      ...(isMac ? [] : [{ type: 'separator' as const }, { id: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q', role: 'quit' as const }]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      {
        id: 'undo',
        label: literal(historyItemLabel('Undo', model.undoLabel)),
        accelerator: 'CmdOrCtrl+Z',
        enabled: Boolean(model.undoLabel),
        click: send('undo'),
      },
      {
        id: 'redo',
        label: literal(historyItemLabel('Redo', model.redoLabel)),
        accelerator: 'CmdOrCtrl+Shift+Z',
        enabled: Boolean(model.redoLabel),
        click: send('redo'),
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(model.isDev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ id: 'about', label: `About ${APP_NAME}`, click: () => actions.showAbout() }],
  };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: APP_NAME,
          submenu: [
            { label: `About ${APP_NAME}`, click: () => actions.showAbout() },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { id: 'quit', role: 'quit', label: `Quit ${APP_NAME}` },
          ],
        },
      ]
    : [];

  return [...appMenu, fileMenu, editMenu, viewMenu, helpMenu];
}
