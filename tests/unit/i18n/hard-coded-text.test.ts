import { describe, expect, it } from 'vitest';
import { hasTranslatableText, scanSource, scanTree } from './scan-jsx';

describe('no hard-coded user-visible text in renderer/src/**/*.tsx', () => {
  it('every JSX text and text prop goes through i18n', () => {
    const offenders = scanTree(process.cwd(), 'renderer/src');
    const list = offenders.map((o) => `${o.file}:${o.line}  ${o.text}`).join('\n');
    expect(offenders, `hard-coded text (put it in renderer/src/i18n/<area>.ts in EN and VI):\n${list}`).toEqual([]);
  });
});

describe('the scanner', () => {
  const source = [
    'export function A({ t, n }: { t: (k: string) => string; n: number }) {',
    '  const rows = [[t("annual"), `${n} MWh/yr`], [t("area"), `${n} m²`]];', // 2: offender (after the value)
    '  return (',
    '    <div aria-label="Main toolbar" className={`bar ${n} wide`} data-testid="x">', // 4: offender
    '      <button title={t("save")}>{t("save")}</button>',
    '      <span>Save changes</span>', // 6: offender
    '      <span>{n} m²</span>',
    '      <span>{`${n} plots`}</span>', // 8: offender
    '      <input placeholder={n > 1 ? "Many" : t("one")} />', // 9: offender
    '      <span title={`${t("new")} (Ctrl+N)`}>×</span>',
    '      <img alt="" src="a.png" />',
    '      <p>{/* a comment, not text */}{n < 2 && <b>{t("x")}</b>}</p>',
    '      <b>Xin chào</b>', // 13: offender (Vietnamese is no less hard-coded)
    '    </div>',
    '  );',
    '}',
  ].join('\n');

  it('reports text children, text props and literal expressions with their line', () => {
    expect(scanSource('a.tsx', source).map((o) => [o.line, o.text])).toEqual([
      [2, '`${n} MWh/yr`'],
      [4, 'aria-label=Main toolbar'],
      [6, 'Save changes'],
      [8, '… plots'],
      [9, 'placeholder=Many'],
      [13, 'Xin chào'],
    ]);
  });

  it('lets units, symbols, key names and example URLs through', () => {
    for (const ok of ['m²', '12 %', '(Ctrl+Shift+S)', '(F1)', ' × ', 'N', 'kWh/kWp', '3D', 'https://…/{z}/{x}/{y}.png', '—']) expect(hasTranslatableText(ok), ok).toBe(false);
    for (const bad of ['Save', 'Lưu', 'm² per plot', 'Press Ctrl+S to save']) expect(hasTranslatableText(bad), bad).toBe(true);
  });
});
