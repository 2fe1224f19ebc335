import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/host-api';
import { translate, type MessageKey } from '../../../renderer/src/i18n/strings';
import { GUIDE_STEP_COUNT, guideKeys, namedSegments, NAMED_ELEMENTS, placePopover, TOUR_STEPS } from '../../../renderer/src/help/guide';
import { parseIntervalInput } from '../../../renderer/src/settings/interval';
import { ANALYSIS_TABS, runDesktopCommand } from '../../../renderer/src/help/commands';
import { useDesktopStore } from '../../../renderer/src/help/desktop-store';
import { useUiStore } from '../../../renderer/src/state/ui-store';
import { useSettingsStore } from '../../../renderer/src/state/settings-store';

const LANGS = ['en', 'vi'] as const;
const textKeys: MessageKey[] = [
  ...Array.from({ length: GUIDE_STEP_COUNT }, (_, i) => guideKeys(i + 1).body),
  ...TOUR_STEPS.map((s) => s.body),
];

describe('the guide and the tour name the real buttons', () => {
  it('has eight guide steps and six tour steps with a title and a body in both languages', () => {
    expect(GUIDE_STEP_COUNT).toBe(8);
    expect(TOUR_STEPS).toHaveLength(6);
    for (const lang of LANGS) {
      for (let i = 1; i <= GUIDE_STEP_COUNT; i++) expect(translate(lang, guideKeys(i).title)).not.toMatch(/^guide\./);
      for (const step of TOUR_STEPS) expect(translate(lang, step.title)).not.toMatch(/^tour\./);
    }
  });

  it('fills every placeholder: no {name} is left in any guide or tour text', () => {
    for (const lang of LANGS) {
      for (const key of textKeys) {
        const text = namedSegments(lang, key).map((s) => s.text).join('');
        expect(text, `${lang} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('puts in bold exactly the labels the buttons, tabs and palette show', () => {
    // guide.1: Park boundary / Draw polygon / Draw rectangle / Properties, as on screen.
    const named = (lang: 'en' | 'vi', key: MessageKey) => namedSegments(lang, key).filter((s) => s.name).map((s) => s.text);
    expect(named('en', 'guide.1.body')).toEqual(['Park boundary', 'Draw polygon', 'Draw rectangle', 'Properties']);
    expect(named('vi', 'guide.1.body')).toEqual(['Ranh giới khu', 'Vẽ đa giác', 'Vẽ hình chữ nhật', 'Thuộc tính']);
    // Land-use names come from data/land-use-categories.json.
    const categories = JSON.parse(readFileSync('data/land-use-categories.json', 'utf8')) as { categories: { code: string; en: string; vi: string }[] };
    const green = categories.categories.find((c) => c.code === 'green')!;
    expect(named('vi', 'guide.4.body')).toContain(green.vi);
    expect(named('en', 'guide.4.body')).toContain(green.en);
    // Every named element is a real key of the string tables.
    for (const key of Object.values(NAMED_ELEMENTS)) expect(translate('en', key), key).not.toBe(key);
  });

  it('points the tour at elements the app renders', () => {
    const sources = ['renderer/src/components/Toolbar.tsx', 'renderer/src/drawing/EditToolbar.tsx', 'renderer/src/components/FeatureList.tsx', 'renderer/src/App.tsx', 'renderer/src/components/SidePanel.tsx']
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const step of TOUR_STEPS) {
      const marker = step.target.split(' ').pop()!;
      const pattern = marker.startsWith('.') ? new RegExp(`className="[^"]*\\b${marker.slice(1)}\\b`) : new RegExp(marker.replace(/^\[|\]$/g, ''));
      expect(sources, step.target).toMatch(pattern);
    }
  });
});

describe('tour popover placement', () => {
  const viewport = { width: 1400, height: 860 };
  const size = { width: 340, height: 180 };
  it('goes below its target, aligned to its left edge', () => {
    expect(placePopover({ top: 0, left: 0, width: 1400, height: 38 }, size, viewport)).toEqual({ top: 48, left: 12, placement: 'below' });
    expect(placePopover({ top: 140, left: 1300, width: 90, height: 30 }, size, viewport)).toEqual({ top: 180, left: 1400 - 340 - 12, placement: 'below' });
  });
  it('goes above, then beside, when there is no room below', () => {
    expect(placePopover({ top: 700, left: 100, width: 200, height: 100 }, size, viewport)).toEqual({ top: 510, left: 100, placement: 'above' });
    expect(placePopover({ top: 100, left: 0, width: 250, height: 740 }, size, viewport)).toEqual({ top: 100, left: 260, placement: 'right' });
    expect(placePopover({ top: 100, left: 1060, width: 340, height: 740 }, size, viewport)).toEqual({ top: 100, left: 710, placement: 'left' });
  });
  it('sits inside a target that fills the screen (the map), and centres without a target', () => {
    expect(placePopover({ top: 140, left: 250, width: 810, height: 720 }, size, viewport)).toEqual({ top: 164, left: 274, placement: 'inside' });
    expect(placePopover(null, size, viewport)).toEqual({ top: 340, left: 530, placement: 'center' });
  });
});

describe('Settings: autosave interval input', () => {
  it('accepts whole and decimal seconds, with a Vietnamese decimal comma, rounded like the store', () => {
    expect(parseIntervalInput('30')).toEqual({ ok: true, seconds: 30 });
    expect(parseIntervalInput(' 45,5 ')).toEqual({ ok: true, seconds: 46 });
    expect(parseIntervalInput('10')).toEqual({ ok: true, seconds: 10 });
    expect(parseIntervalInput('600')).toEqual({ ok: true, seconds: 600 });
  });
  it('refuses what is not a number or out of 10–600 s, without clamping', () => {
    for (const bad of ['', 'abc', '-5', '1e3', '30s', '3,0,0']) expect(parseIntervalInput(bad), bad).toEqual({ ok: false, reason: 'not_number' });
    for (const far of ['9', '9.9', '600.5', '3600']) expect(parseIntervalInput(far), far).toEqual({ ok: false, reason: 'out_of_range' });
  });
});

describe('menu commands of the desktop conventions', () => {
  // Handled by App's runMenuCommand ('offline-basemap-changed': the offline map file, issue 7 basemaps).
  const FILE_COMMANDS: MenuCommand[] = ['new', 'open', 'open-queued', 'open-sample', 'save', 'save-as', 'revert', 'export-report', 'import', 'export', 'close', 'undo', 'redo', 'offline-basemap-changed'];

  it('handles every menu command App does not (no menu item does nothing)', () => {
    for (const command of MENU_COMMANDS) {
      if (FILE_COMMANDS.includes(command) || command === 'delete') continue;
      expect(runDesktopCommand(command), command).toBe(true);
    }
    for (const command of FILE_COMMANDS) expect(runDesktopCommand(command), command).toBe(false);
  });

  it('opens the dialogs, the tour and the analysis tabs', () => {
    runDesktopCommand('settings');
    expect(useDesktopStore.getState().dialog).toBe('settings');
    runDesktopCommand('guide');
    expect(useDesktopStore.getState()).toMatchObject({ dialog: 'help', helpTab: 'guide' });
    runDesktopCommand('help');
    expect(useDesktopStore.getState()).toMatchObject({ dialog: 'help', helpTab: 'shortcuts' });
    runDesktopCommand('tour');
    expect(useDesktopStore.getState()).toMatchObject({ dialog: null, tourStep: 0 });
    useDesktopStore.getState().endTour();
    expect(useSettingsStore.getState().tourDone).toBe(true);
    runDesktopCommand('show-solar');
    expect(useUiStore.getState().sidePanelTab).toBe('solar');
    const registry = readFileSync('renderer/src/panels/registry.tsx', 'utf8');
    for (const tab of Object.values(ANALYSIS_TABS)) expect(registry, tab).toContain(`id: '${tab}'`);
  });

  it('toggles the View panels', () => {
    const before = useUiStore.getState();
    runDesktopCommand('toggle-legend');
    runDesktopCommand('toggle-3d');
    const after = useUiStore.getState();
    expect([after.legendOpen, after.featuresOpen, after.view3d]).toEqual([!before.legendOpen, before.featuresOpen, !before.view3d]);
  });
});
