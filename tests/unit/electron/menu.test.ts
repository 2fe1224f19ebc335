import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../shared/host-api';
import { buildMenuTemplate, historyItemLabel, type MenuModel } from '../../../electron/menu';

function build(overrides: Partial<MenuModel> = {}) {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  let about = 0;
  const template = buildMenuTemplate(
    { platform: 'linux', isDev: false, recent: [], ...overrides },
    { sendCommand: (c) => sent.push(c), openRecent: (p) => opened.push(p), showAbout: () => about++ },
  );
  return { template, sent, opened, about: () => about };
}

const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[];
const top = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label === label);
const byId = (items: MenuItemConstructorOptions[], id: string) => items.find((i) => i.id === id);
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as (() => void) | undefined)?.();

describe('menu template', () => {
  it('has the File items with their accelerators, each sending its MenuCommand', () => {
    const { template, sent } = build();
    const file = submenu(top(template, '&File'));
    const expected: [string, string, string | undefined][] = [
      ['new', 'New project', 'CmdOrCtrl+N'],
      ['open', 'Open…', 'CmdOrCtrl+O'],
      ['open-sample', 'Open sample', undefined],
      ['save', 'Save', 'CmdOrCtrl+S'],
      ['save-as', 'Save as…', 'CmdOrCtrl+Shift+S'],
      ['export-report', 'Export report…', 'CmdOrCtrl+P'],
      ['import', 'Import…', 'CmdOrCtrl+I'],
      ['export', 'Export…', 'CmdOrCtrl+E'],
      ['close', 'Close', 'CmdOrCtrl+W'],
    ];
    for (const [id, label, accelerator] of expected) {
      const item = byId(file, id);
      expect(item?.label).toBe(label);
      expect(item?.accelerator).toBe(accelerator);
      click(item);
    }
    expect(sent).toEqual(['new', 'open', 'open-sample', 'save', 'save-as', 'export-report', 'import', 'export', 'close']);
    expect(byId(file, 'open-recent')?.label).toBe('Open Recent');
    expect(byId(file, 'quit')).toMatchObject({ label: 'Quit', role: 'quit' });
  });

  it('lists recent files (literal ampersands) and opens the clicked one', () => {
    const { template, opened } = build({
      recent: [
        { path: '/p/R&D park.gpkg', fileName: 'R&D park.gpkg', openedAt: '' },
        { path: '/p/b.gpkg', fileName: 'b.gpkg', openedAt: '' },
      ],
    });
    const items = submenu(byId(submenu(top(template, '&File')), 'open-recent'));
    expect(items.map((i) => i.label)).toEqual(['R&&D park.gpkg', 'b.gpkg']);
    click(items[1]);
    expect(opened).toEqual(['/p/b.gpkg']);
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
    expect(sent).toEqual(['undo', 'redo']);
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(historyItemLabel('Redo', '  Draw plot ')).toBe('Redo Draw plot');
  });

  it('offers reload and devtools only in development', () => {
    const roles = (isDev: boolean) => submenu(top(build({ isDev }).template, '&View')).map((i) => i.role).filter(Boolean);
    expect(roles(false)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(true)).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('has Help ▸ About', () => {
    const built = build();
    const about = byId(submenu(top(built.template, '&Help')), 'about');
    expect(about?.label).toBe('About EcoPark Planner');
    click(about);
    expect(built.about()).toBe(1);
  });

  it('on macOS puts Quit in the app menu', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template.map((m) => m.label)).toEqual(['EcoPark Planner', '&File', '&Edit', '&View', '&Help']);
    expect(byId(submenu(template[0]), 'quit')?.role).toBe('quit');
    expect(byId(submenu(top(template, '&File')), 'quit')).toBeUndefined();
  });
});
