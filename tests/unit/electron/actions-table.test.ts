import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { ACTIONS, actionForKey, chordsOf, matchesChord, pageKeyActions, shortcutLabel, shortcutLabels, type ActionSpec, type KeyPress } from '../../../shared/actions';
import { MENU_COMMANDS } from '../../../shared/host-api';
import { buildMenuTemplate } from '../../../electron/menu';
import { EN as MAIN_EN, VI as MAIN_VI } from '../../../electron/main-strings';
import { EN as PAGE_EN, VI as PAGE_VI } from '../../../renderer/src/i18n/strings';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
const PLATFORMS = ['other', 'win32', 'darwin'] as const;

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...allItems((item.submenu ?? []) as MenuItemConstructorOptions[])]);
}

describe('the actions table (shared/actions.ts)', () => {
  it('has unique ids and labels that exist in both languages of the page and of the menu', () => {
    const ids = ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of ACTIONS as readonly ActionSpec[]) {
      if (a.labelKey) expect([a.id, a.labelKey in PAGE_EN && a.labelKey in PAGE_VI]).toEqual([a.id, true]);
      if (a.menuLabelKey) expect([a.id, a.menuLabelKey in MAIN_EN && a.menuLabelKey in MAIN_VI]).toEqual([a.id, true]);
    }
  });

  it('gives no chord to two actions on any platform', () => {
    for (const platform of PLATFORMS) {
      const chords = ACTIONS.flatMap((a) => chordsOf(a, platform).map((c) => c.toLowerCase()));
      expect(chords.filter((c, i) => chords.indexOf(c) !== i), platform).toEqual([]);
    }
  });

  it('matches key presses: Ctrl and Cmd alike, Shift exact with Ctrl, ignored on plain keys, never with Alt', () => {
    expect(matchesChord('CmdOrCtrl+Z', press('z', { ctrlKey: true }))).toBe(true);
    expect(matchesChord('CmdOrCtrl+Z', press('Z', { metaKey: true }))).toBe(true);
    expect(matchesChord('CmdOrCtrl+Z', press('z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesChord('CmdOrCtrl+Shift+Z', press('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesChord('V', press('v'))).toBe(true);
    expect(matchesChord('V', press('V', { shiftKey: true }))).toBe(true);
    expect(matchesChord('V', press('v', { ctrlKey: true }))).toBe(false);
    expect(matchesChord('V', press('v', { altKey: true }))).toBe(false);
    expect(matchesChord('?', press('?', { shiftKey: true }))).toBe(true);
    expect(matchesChord('Escape', press('Escape'))).toBe(true);
  });

  it('finds the action of a key press the way the page always handled them', () => {
    const id = (p: KeyPress, platform: (typeof PLATFORMS)[number] = 'other') => actionForKey(p, platform)?.id ?? null;
    expect(id(press('v'))).toBe('tool-select');
    expect(id(press('o'))).toBe('tool-point');
    expect(id(press('s'))).toBe('snapping');
    expect(id(press('s', { ctrlKey: true }))).toBe('save');
    expect(id(press('S', { ctrlKey: true, shiftKey: true }))).toBe('save-as');
    expect(id(press('z', { ctrlKey: true }))).toBe('undo');
    expect(id(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(id(press('y', { ctrlKey: true }))).toBe('redo');
    expect(id(press('y', { ctrlKey: true }), 'win32')).toBe('redo');
    expect(id(press('d', { ctrlKey: true }))).toBe('duplicate');
    expect(id(press('Delete'))).toBe('delete');
    expect(id(press('Backspace'))).toBe('delete');
    expect(id(press('Enter'))).toBe('finish');
    expect(id(press('Escape'))).toBe('cancel');
    expect(id(press('?', { shiftKey: true }))).toBe('shortcuts');
    expect(id(press('F1'))).toBe('help');
    expect(id(press('x'))).toBeNull();
  });

  it('lets the page handle the menu chords only in the browser', () => {
    const desktop = pageKeyActions(false).map((a) => a.id);
    const browser = pageKeyActions(true).map((a) => a.id);
    expect(desktop).not.toContain('save');
    expect(desktop).toContain('duplicate');
    expect(browser).toEqual(expect.arrayContaining(['save', 'save-as', 'open', 'undo', 'redo', 'help', 'settings', 'duplicate']));
    expect(browser).not.toContain('new');
  });

  it('shows chords per platform', () => {
    const save = ACTIONS.find((a) => a.id === 'save-as')!;
    expect(shortcutLabel(save, 'other')).toBe('Ctrl+Shift+S');
    expect(shortcutLabel(save, 'darwin')).toBe('Cmd+Shift+S');
    expect(shortcutLabels(ACTIONS.find((a) => a.id === 'redo')!, 'win32')).toBe('Ctrl+Y, Ctrl+Shift+Z');
    expect(shortcutLabels(ACTIONS.find((a) => a.id === 'cancel')!, 'other')).toBe('Esc');
  });

  it('is what the native menu registers: every menu action with its table chord, in both languages', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const lang of ['en', 'vi'] as const) {
        const sent: string[] = [];
        const template = buildMenuTemplate({ platform, lang, isDev: false, recent: [] }, { sendCommand: (c) => sent.push(c), openRecent: () => {}, clearRecent: () => {}, newWindow: () => {} });
        const items = allItems(template);
        for (const a of ACTIONS as readonly ActionSpec[]) {
          if (!a.menuLabelKey) continue;
          const item = items.find((i) => i.id === a.id);
          expect(item, `${platform}/${a.id}`).toBeDefined();
          const shown = chordsOf(a, platform === 'linux' ? 'other' : platform)[0];
          const expected = a.owner === 'page' && platform === 'darwin' ? undefined : shown;
          expect([a.id, item?.accelerator]).toEqual([a.id, expected]);
        }
        // The menu sends only commands the table and the page know.
        items.forEach((i) => (i.click as unknown as (() => void) | undefined)?.());
        for (const c of sent) expect(MENU_COMMANDS).toContain(c);
      }
    }
  });
});
