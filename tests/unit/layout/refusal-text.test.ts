import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messages, type CliMessageKey } from '../../../cli/i18n';
import { translate, type MessageKey } from '../../../renderer/src/i18n/strings';
import { PARAMETER_REASONS, SITE_REASONS } from '../../../shared/layout';
import { layoutRefusalMessages, type LayoutFrontEnd, type LayoutRefusalLang, type LayoutRefusalReason } from '../../../shared/layout/refusal-text';

/**
 * The generator's refusal sentences live in one table (shared/layout/refusal-text.ts) that the
 * CLI's messages and the app's strings both read. TODAY (tests/fixtures/layout-refusal-text.json,
 * frozen, never regenerated) is the text each front end showed before the table was shared, taken
 * from cli/i18n.ts, cli/i18n-vi.ts and renderer/src/i18n/layout.ts as they were: moving the
 * sentences must not change a word a person reads. Two edits since, on purpose: the English
 * no_room and sme of the two front ends now share the clearer wording ("isolation strip",
 * "SME plot range"), which the CLI and the app respectively already had.
 */
const REASONS: readonly LayoutRefusalReason[] = [...SITE_REASONS, ...PARAMETER_REASONS, 'no_room', 'geometry_failed'];

const TODAY = JSON.parse(readFileSync(new URL('../../fixtures/layout-refusal-text.json', import.meta.url), 'utf8')) as Record<LayoutFrontEnd, Record<LayoutRefusalLang, Record<LayoutRefusalReason, string>>>;

const LANGS: readonly LayoutRefusalLang[] = ['en', 'vi'];
const cases = REASONS.flatMap((reason) => LANGS.map((lang) => [reason, lang] as const));

describe('layout refusal sentences: one shared table', () => {
  it.each(cases)('%s (%s): the CLI prints the shared sentence, unchanged', (reason, lang) => {
    const key = `layout.reason.${reason}` as const;
    const shown = messages(lang).t(key satisfies CliMessageKey);
    expect(shown).toBe(layoutRefusalMessages('cli', lang)[key]);
    expect(shown).toBe(TODAY.cli[lang][reason]);
  });

  it.each(cases)('%s (%s): the app shows the shared sentence, unchanged', (reason, lang) => {
    const key = `layout.reason.${reason}` as const;
    const shown = translate(lang, key satisfies MessageKey);
    expect(shown).toBe(layoutRefusalMessages('app', lang)[key]);
    expect(shown).toBe(TODAY.app[lang][reason]);
  });

  it('words every reason the generator gives, and nothing else', () => {
    const keys = REASONS.map((r) => `layout.reason.${r}`).sort();
    for (const frontEnd of ['cli', 'app'] as const) for (const lang of LANGS) expect(Object.keys(layoutRefusalMessages(frontEnd, lang)).sort()).toEqual(keys);
  });

  it('gives the front ends sentences of their own only for these reasons', () => {
    const differing = (lang: LayoutRefusalLang) => {
      const [cli, app] = [layoutRefusalMessages('cli', lang), layoutRefusalMessages('app', lang)];
      return REASONS.filter((r) => cli[`layout.reason.${r}`] !== app[`layout.reason.${r}`]);
    };
    // The remedy names a front end's control (geometry_failed, entrance), the app asks to draw
    // the boundary (no_boundary).
    expect(differing('en')).toEqual(['no_boundary', 'entrance', 'geometry_failed']);
    expect(differing('vi')).toEqual(['no_boundary', 'entrance', 'geometry_failed']);
  });
});
