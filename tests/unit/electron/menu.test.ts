import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/host-api';
import { buildMenuTemplate, historyItemLabel, type MenuModel } from '../../../electron/menu';
import { EN, VI, mainText } from '../../../electron/main-strings';

function build(overrides: Partial<MenuModel> = {}) {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  let cleared = 0;
  let newWindows = 0;
  const template = buildMenuTemplate(
    { platform: 'linux', isDev: false, recent: [], ...overrides },
    { sendCommand: (c) => sent.push(c), openRecent: (p) => opened.push(p), clearRecent: () => cleared++, newWindow: () => newWindows++ },
  );
  return { template, sent, opened, cleared: () => cleared, newWindows: () => newWindows };
}

const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[];
const top = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label === label);
const byId = (items: MenuItemConstructorOptions[], id: string) => items.find((i) => i.id === id);
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as (() => void) | undefined)?.();

/** Every item of the template, depth first. */
function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...allItems(submenu(item))]);
}

/**
 * Default accelerators Electron gives these roles (electronjs.org/docs/latest/api/menu-item#roles),
 * written out here so the uniqueness check covers keys the template does not spell.
 */
const ROLE_ACCELERATORS: Record<string, string> = {
  cut: 'CmdOrCtrl+X',
  copy: 'CmdOrCtrl+C',
  paste: 'CmdOrCtrl+V',
  selectAll: 'CmdOrCtrl+A',
  undo: 'CmdOrCtrl+Z',
  reload: 'CmdOrCtrl+R',
  toggleDevTools: 'Ctrl+Shift+I',
  resetZoom: 'CmdOrCtrl+0',
  zoomIn: 'CmdOrCtrl+Plus',
  zoomOut: 'CmdOrCtrl+-',
  togglefullscreen: 'F11',
  quit: 'CmdOrCtrl+Q',
  hide: 'Command+H',
  hideOthers: 'Command+Alt+H',
};

/** "CmdOrCtrl+Shift+S" → "ctrl+shift+s" on Windows/Linux (Cmd on macOS), modifiers sorted. */
function normalise(accelerator: string, platform: NodeJS.Platform): string {
  const parts = accelerator.split('+').map((p) => p.toLowerCase());
  const key = parts.pop() ?? '';
  const mods = parts.map((m) => (m === 'cmdorctrl' || m === 'commandorcontrol' ? (platform === 'darwin' ? 'cmd' : 'ctrl') : m === 'command' ? 'cmd' : m));
  return [...mods.sort(), key].join('+');
}

/** Registered accelerators (explicit and role defaults), skipping display-only ones. */
function registeredAccelerators(template: MenuItemConstructorOptions[], platform: NodeJS.Platform): string[] {
  return allItems(template)
    .filter((item) => item.registerAccelerator !== false)
    .map((item) => item.accelerator ?? (item.role ? ROLE_ACCELERATORS[item.role] : undefined))
    .filter((a): a is string => typeof a === 'string')
    .map((a) => normalise(a, platform));
}

describe('menu template', () => {
  it('has the File items with their accelerators, each sending its MenuCommand', () => {
    const { template, sent } = build({ fileName: 'a.gpkg', hasFile: true, dirty: true });
    const file = submenu(top(template, '&File'));
    const expected: [string, string, string | undefined][] = [
      ['new', 'New project', 'CmdOrCtrl+N'],
      ['open', 'Open…', 'CmdOrCtrl+O'],
      ['open-sample', 'Open sample park', undefined],
      ['save', 'Save', 'CmdOrCtrl+S'],
      ['save-as', 'Save as…', 'CmdOrCtrl+Shift+S'],
      ['revert', 'Revert to saved', undefined],
      ['import', 'Import…', 'CmdOrCtrl+I'],
      ['export', 'Export…', 'CmdOrCtrl+E'],
      ['export-report', 'Export report…', 'CmdOrCtrl+P'],
      ['settings', 'Settings…', 'CmdOrCtrl+,'],
      ['close', 'Close project', 'CmdOrCtrl+W'],
    ];
    for (const [id, label, accelerator] of expected) {
      const item = byId(file, id);
      expect(item?.label).toBe(label);
      expect(item?.accelerator).toBe(accelerator);
      click(item);
    }
    expect(sent).toEqual(['new', 'open', 'open-sample', 'save', 'save-as', 'revert', 'import', 'export', 'export-report', 'settings', 'close']);
    expect(byId(file, 'open-recent')?.label).toBe('Open Recent');
    expect(byId(file, 'quit')).toMatchObject({ label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q' });
  });

  it('enables Revert to saved only for a saved file with unsaved changes', () => {
    const revert = (model: Partial<MenuModel>) => byId(submenu(top(build(model).template, '&File')), 'revert')?.enabled;
    expect(revert({ fileName: 'a.gpkg', hasFile: true, dirty: true })).toBe(true);
    expect(revert({ fileName: 'a.gpkg', hasFile: true, dirty: false })).toBe(false);
    expect(revert({ fileName: null, hasFile: false, dirty: true })).toBe(false);
    // Recovered work keeps its original file name but has no file behind it: nothing to revert to.
    expect(revert({ fileName: 'a.gpkg', hasFile: false, dirty: true })).toBe(false);
    expect(revert({ fileName: 'a.gpkg', dirty: true })).toBe(false);
  });

  it('File ▸ New window (Ctrl+Shift+N) opens another window, in both languages', () => {
    for (const [lang, label] of [['en', 'New window'], ['vi', 'Cửa sổ mới']] as const) {
      const built = build({ lang });
      const item = byId(submenu(built.template[0]), 'new-window');
      expect(item).toMatchObject({ label, accelerator: 'CmdOrCtrl+Shift+N' });
      click(item);
      expect(built.newWindows()).toBe(1);
      expect(built.sent).toEqual([]);
    }
  });

  it('lists recent files (literal ampersands), opens the clicked one and offers to clear the list', () => {
    const built = build({
      recent: [
        { path: '/p/R&D park.gpkg', fileName: 'R&D park.gpkg', openedAt: '' },
        { path: '/p/b.gpkg', fileName: 'b.gpkg', openedAt: '' },
      ],
    });
    const items = submenu(byId(submenu(top(built.template, '&File')), 'open-recent'));
    expect(items.map((i) => i.label ?? i.type)).toEqual(['R&&D park.gpkg', 'b.gpkg', 'separator', 'Clear recent files']);
    expect(items[0].toolTip).toBe('/p/R&D park.gpkg');
    click(items[1]);
    expect(built.opened).toEqual(['/p/b.gpkg']);
    click(byId(items, 'clear-recent'));
    expect(built.cleared()).toBe(1);
    const empty = submenu(byId(submenu(top(build().template, '&File')), 'open-recent'));
    expect(empty).toEqual([{ label: 'No recent files', enabled: false }]);
  });

  it('labels Undo/Redo with what they will do and disables them when there is nothing', () => {
    const { template, sent } = build({ undoLabel: 'Subdivide block', redoLabel: null });
    const edit = submenu(top(template, '&Edit'));
    const undo = byId(edit, 'undo');
    const redo = byId(edit, 'redo');
    expect(undo).toMatchObject({ label: 'Undo Subdivide block', accelerator: 'CmdOrCtrl+Z', enabled: true });
    expect(redo).toMatchObject({ label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', enabled: false });
    click(undo);
    click(redo);
    click(byId(edit, 'delete'));
    expect(sent).toEqual(['undo', 'redo', 'delete']);
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(historyItemLabel('Redo', '  Draw plot ')).toBe('Redo Draw plot');
    expect(historyItemLabel('Undo', 'Vẽ lô', 'vi')).toBe('Hoàn tác Vẽ lô');
    expect(historyItemLabel('Undo', '   ', 'vi')).toBe('Hoàn tác');
  });

  it('binds Redo to Ctrl+Y on Windows and keeps Ctrl+Shift+Z working through a hidden item', () => {
    const edit = (platform: NodeJS.Platform) => submenu(top(build({ platform, redoLabel: 'Move' }).template, '&Edit'));
    expect(byId(edit('win32'), 'redo')?.accelerator).toBe('Ctrl+Y');
    expect(byId(edit('win32'), 'redo-alt')).toMatchObject({ accelerator: 'Ctrl+Shift+Z', visible: false, enabled: true });
    expect(byId(edit('linux'), 'redo-alt')).toMatchObject({ accelerator: 'Ctrl+Y', visible: false });
    expect(byId(edit('darwin'), 'redo-alt')).toBeUndefined();
  });

  it('shows Delete without registering it, so text fields and the map keep their own Delete key', () => {
    expect(byId(submenu(top(build().template, '&Edit')), 'delete')).toMatchObject({ accelerator: 'Delete', registerAccelerator: false });
    expect(byId(submenu(top(build({ platform: 'darwin' }).template, '&Edit')), 'delete')?.accelerator).toBeUndefined();
  });

  it('View: panel checkboxes mirror the page, zoom to park, and reload/devtools only in development', () => {
    const { template, sent } = build({ view: { legend: false, features: true, view3d: false } });
    const viewItems = submenu(top(template, '&View'));
    const checks = ['toggle-legend', 'toggle-features', 'toggle-3d'].map((id) => byId(viewItems, id));
    expect(checks.map((c) => [c?.type, c?.checked, c?.accelerator])).toEqual([
      ['checkbox', false, 'CmdOrCtrl+1'],
      ['checkbox', true, 'CmdOrCtrl+2'],
      ['checkbox', false, 'CmdOrCtrl+3'],
    ]);
    for (const c of checks) click(c);
    click(byId(viewItems, 'zoom-to-park'));
    expect(sent).toEqual(['toggle-legend', 'toggle-features', 'toggle-3d', 'zoom-to-park']);
    const roles = (isDev: boolean) => submenu(top(build({ isDev }).template, '&View')).map((i) => i.role).filter(Boolean);
    expect(roles(false)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(true)).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('Analysis opens each panel and the report', () => {
    const { template, sent } = build();
    const items = submenu(top(template, '&Analysis')).filter((i) => i.type !== 'separator');
    expect(items.map((i) => i.label)).toEqual([
      'Land-use structure',
      'Compliance with the rules',
      'Plot indicators',
      'Rooftop solar',
      'Compare scenarios',
      'Export report…',
    ]);
    items.forEach(click);
    expect(sent).toEqual(['show-land-use', 'show-compliance', 'show-plots', 'show-solar', 'show-compare', 'export-report']);
  });

  it('Help: shortcuts on F1, the guide, the tour and About', () => {
    const { template, sent } = build();
    const help = submenu(top(template, '&Help'));
    expect(byId(help, 'help')).toMatchObject({ label: 'Keyboard shortcuts', accelerator: 'F1' });
    expect(help.filter((i) => i.id).map((i) => i.label)).toEqual(['Keyboard shortcuts', 'How to design a park', 'Start the tour', 'About EcoPark Planner']);
    help.forEach(click);
    expect(sent).toEqual(['help', 'guide', 'tour', 'about']);
  });

  it('on macOS puts About, Settings (Cmd+,) and Quit in the app menu', () => {
    const { template, sent } = build({ platform: 'darwin' });
    expect(template.map((m) => m.label)).toEqual(['EcoPark Planner', '&File', '&Edit', '&View', '&Analysis', '&Help']);
    const app = submenu(template[0]);
    expect(byId(app, 'quit')?.role).toBe('quit');
    expect(byId(app, 'settings')?.accelerator).toBe('CmdOrCtrl+,');
    click(byId(app, 'about'));
    click(byId(app, 'settings'));
    expect(sent).toEqual(['about', 'settings']);
    expect(byId(submenu(top(template, '&File')), 'quit')).toBeUndefined();
    expect(byId(submenu(top(template, '&File')), 'settings')).toBeUndefined();
    expect(byId(submenu(top(template, '&Help')), 'about')).toBeUndefined();
  });

  it('speaks Vietnamese when the page does, for every label including roles', () => {
    const { template } = build({ lang: 'vi', undoLabel: 'Chia lô' });
    expect(template.map((m) => m.label)).toEqual(['&Tệp', '&Sửa', '&Xem', '&Phân tích', 'Trợ &giúp']);
    const file = submenu(template[0]);
    expect(byId(file, 'save-as')?.label).toBe('Lưu thành…');
    expect(byId(file, 'revert')?.label).toBe('Quay về bản đã lưu');
    expect(byId(submenu(template[1]), 'undo')?.label).toBe('Hoàn tác Chia lô');
    expect(submenu(template[1]).find((i) => i.role === 'paste')?.label).toBe('Dán');
    expect(byId(submenu(template[4]), 'about')?.label).toBe('Giới thiệu EcoPark Planner');
    // Every visible item has a label: nothing falls back to Electron's English role names.
    for (const item of allItems(template)) if (item.type !== 'separator') expect(item.label, JSON.stringify(item.role ?? item.id)).toBeTruthy();
  });

  it('has every string in both languages, with the same placeholders', () => {
    expect(Object.keys(VI).sort()).toEqual(Object.keys(EN).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      expect(VI[key].trim(), key).not.toBe('');
      expect(placeholders(VI[key]), key).toEqual(placeholders(EN[key]));
    }
    expect(mainText('vi', 'close.message', { file: 'A&B.gpkg' })).toBe('Lưu các thay đổi của A&B.gpkg trước khi đóng?');
    expect(mainText('en', 'close.message')).toBe('Save changes to {file} before closing?');
  });

  it('sends only commands the page knows', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { template, sent } = build({ platform, isDev: true, undoLabel: 'x', redoLabel: 'y', fileName: 'a', dirty: true });
      allItems(template).forEach(click);
      expect(sent.length).toBeGreaterThan(20);
      for (const command of sent) expect(MENU_COMMANDS).toContain(command);
    }
  });

  it('registers no accelerator twice and none the drawing tools own, on every platform', () => {
    // Keys use-drawing-keys.ts handles in the page (renderer/src/drawing/ShortcutsPanel.tsx lists them).
    const pageOwned = ['v', 'p', 'r', 'l', 'b', 'o', 's', 'enter', 'escape', 'delete', 'backspace', 'left', 'right', 'up', 'down', 'ctrl+d', 'cmd+d',
      ...'0123456789'.split('')];
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const lang of ['en', 'vi'] as const) {
        const accelerators = registeredAccelerators(build({ platform, lang, isDev: true }).template, platform);
        expect(accelerators.length).toBeGreaterThan(20);
        const duplicates = accelerators.filter((a, i) => accelerators.indexOf(a) !== i);
        expect(duplicates, `${platform}/${lang}`).toEqual([]);
        for (const key of pageOwned) expect(accelerators, `${platform}: ${key}`).not.toContain(key);
      }
    }
  });
});
