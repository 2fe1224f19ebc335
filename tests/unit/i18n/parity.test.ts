import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EN as UI_EN, VI as UI_VI } from '../../../renderer/src/i18n/strings';
import { EN as CLI_EN } from '../../../cli/i18n';
import { VI as CLI_VI } from '../../../cli/i18n-vi';
import { reportStrings, statusLabel } from '../../../shared/report/strings';
import { EN as MAIN_EN, VI as MAIN_VI } from '../../../electron/main-strings';

/**
 * Every string table of the product has English and Vietnamese with exactly the same keys, no
 * empty value, the same {placeholders}, and a Vietnamese text that differs from the English one
 * unless the key is on the table's short allow-list (units, product and format names).
 */

type Table = Record<string, string>;

/** Values that read the same in both languages, by table: units, acronyms, proper names. */
const SAME_IN_BOTH: Record<string, readonly string[]> = {
  ui: [
    'app.title', // EcoPark Planner
    'basemap.osm', // OpenStreetMap
    'solar.lcoe', // LCOE
    'solar.npv', // NPV
    'solar.col.kwp', // kWp
    'solar.col.yield', // kWh/kWp
    'solar.col.kwhM2', // kWh/m²
    'solar.opt.hayDavies', // Hay–Davies (a model's name)
    'analysis.percent', // %
    'report.pdf', // PDF
    'report.xlsx', // XLSX
    'report.csv', // CSV
    'exchange.fmt.kml', // KML (Google Earth)
    'settings.langVi', // Tiếng Việt: a language is offered by its own name
    'settings.langEn', // English
    'about.runtime', // Electron {electron} · Chromium {chrome} · Node.js {node}
    'about.fontLicence', // SIL Open Font License 1.1 (Noto Sans)
  ],
  report: ['lcoe', 'kwp', 'kwhPerKwp'],
  cli: ['convert.done'], // "{input} -> {output}: {summary}"
  main: [],
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every problem of one EN/VI pair, one line each, so a failure names the offending keys. */
export function parityProblems(name: string, en: Table, vi: Table, sameAllowed: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(en)) if (!(key in vi)) problems.push(`${name}: "${key}" missing in VI`);
  for (const key of Object.keys(vi)) if (!(key in en)) problems.push(`${name}: "${key}" missing in EN`);
  for (const key of Object.keys(en)) {
    if (!(key in vi)) continue;
    const [e, v] = [en[key], vi[key]];
    if (typeof e !== 'string' || e.trim() === '') problems.push(`${name}: "${key}" empty in EN`);
    if (typeof v !== 'string' || v.trim() === '') problems.push(`${name}: "${key}" empty in VI`);
    if (typeof e !== 'string' || typeof v !== 'string') continue;
    if (placeholders(e).join() !== placeholders(v).join()) problems.push(`${name}: "${key}" placeholders differ: EN {${placeholders(e)}} VI {${placeholders(v)}}`);
    if (e === v && !sameAllowed.includes(key)) problems.push(`${name}: "${key}" is not translated ("${v}")`);
    if (e !== v && sameAllowed.includes(key)) problems.push(`${name}: "${key}" is on the allow-list but differs: remove it from the list`);
  }
  return problems;
}

/** The renderer's area files (renderer/src/i18n/<area>.ts exporting EN and VI). */
const I18N_DIR = 'renderer/src/i18n';
const NOT_TABLES = new Set(['strings.ts', 'use-t.ts', 'format.ts', 'refusal-text.ts']);
const areaFiles = readdirSync(I18N_DIR).filter((f) => f.endsWith('.ts') && !NOT_TABLES.has(f)).sort();

describe('UI strings (renderer/src/i18n)', () => {
  it('finds the area files', () => {
    // drawing, solar, analysis, exchange, overlay, report existed before issue 7.
    expect(areaFiles).toEqual(expect.arrayContaining(['analysis.ts', 'drawing.ts', 'exchange.ts', 'overlay.ts', 'report.ts', 'solar.ts']));
  });

  it.each(areaFiles)('%s: EN and VI have the same keys, placeholders and translated values', async (file) => {
    const mod = (await import(/* @vite-ignore */ `../../../${I18N_DIR}/${file}`)) as { EN?: Table; VI?: Table };
    expect(mod.EN, `${file} exports EN`).toBeTypeOf('object');
    expect(mod.VI, `${file} exports VI`).toBeTypeOf('object');
    const problems = parityProblems(file, mod.EN!, mod.VI!, SAME_IN_BOTH.ui);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it.each(areaFiles)('%s is spread into the merged tables of strings.ts', async (file) => {
    const mod = (await import(/* @vite-ignore */ `../../../${I18N_DIR}/${file}`)) as { EN: Table; VI: Table };
    const missing = Object.keys(mod.EN).filter((k) => !(k in UI_EN) || (UI_EN as Table)[k] !== mod.EN[k] || (UI_VI as Table)[k] !== mod.VI[k]);
    expect(missing, `not (or differently) in strings.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('the merged tables: same keys, non-empty, same placeholders, translated', () => {
    const problems = parityProblems('strings.ts', UI_EN, UI_VI, SAME_IN_BOTH.ui);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(Object.keys(UI_EN).length).toBeGreaterThan(500);
  });
});

describe('report strings (shared/report/strings.ts)', () => {
  it('EN and VI have the same keys, placeholders and translated values', () => {
    const problems = parityProblems('report', reportStrings('en'), reportStrings('vi'), SAME_IN_BOTH.report);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every rule status has a label in both languages', () => {
    for (const status of ['pass', 'fail', 'warn', 'n/a'] as const) {
      expect(statusLabel(status, 'en')).not.toBe('');
      expect(statusLabel(status, 'vi')).not.toBe('');
      expect(statusLabel(status, 'vi')).not.toBe(statusLabel(status, 'en'));
    }
  });
});

describe('CLI strings (cli/i18n.ts)', () => {
  it('EN and VI have the same keys, placeholders and translated values', () => {
    const problems = parityProblems('cli', CLI_EN, CLI_VI, SAME_IN_BOTH.cli);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

// electron/main-strings.ts holds the native menus' labels; imported statically so the check can never skip.
describe('main-process strings (electron/main-strings.ts)', () => {
  it('EN and VI have the same keys, placeholders and translated values', () => {
    const problems = parityProblems('main', MAIN_EN, MAIN_VI, SAME_IN_BOTH.main);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('parityProblems (the checker itself)', () => {
  it('names each kind of problem', () => {
    const en = { a: 'Open {file}', b: 'Save', c: 'Close', d: '', f: 'PDF' };
    const vi = { a: 'Mở {path}', b: 'Save', d: 'Trống', e: 'Thừa', f: 'PDF' };
    expect(parityProblems('t', en, vi, ['f']).sort()).toEqual(
      [
        't: "a" placeholders differ: EN {file} VI {path}',
        't: "b" is not translated ("Save")',
        't: "c" missing in VI',
        't: "d" empty in EN',
        't: "e" missing in EN',
      ].sort(),
    );
  });
});
