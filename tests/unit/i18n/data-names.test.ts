import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Land-use and rule names shown to users come from the data files, in both languages: read the
 * JSON itself (not the app's parsed copy) so a file added or edited by hand is checked too.
 */

interface Named {
  code?: string;
  id?: string;
  en?: unknown;
  vi?: unknown;
}

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/** Problems of one {en, vi} pair: missing, empty, or the Vietnamese a copy of the English. */
/** Language-neutral words: numbers, codes and abbreviations, no English prose. */
const NEUTRAL = /^[A-Z0-9ĐĐ:/.\-–, ()]+$/;

function citationProblems(where: string, value: unknown, required: boolean): string[] {
  if (value === undefined) return required ? [`${where}: missing`] : [];
  if (typeof value === 'string') return NEUTRAL.test(value) ? [] : [`${where}: "${value}" has words, so it needs en and vi`];
  return nameProblems(where, value as { en?: unknown; vi?: unknown });
}

function nameProblems(where: string, n: { en?: unknown; vi?: unknown } | undefined): string[] {
  if (!n) return [`${where}: no name`];
  const problems: string[] = [];
  if (!filled(n.en)) problems.push(`${where}: empty en`);
  if (!filled(n.vi)) problems.push(`${where}: empty vi`);
  if (filled(n.en) && n.en === n.vi) problems.push(`${where}: vi is the English text ("${String(n.vi)}")`);
  return problems;
}

describe('data/land-use-categories.json', () => {
  const data = JSON.parse(readFileSync('data/land-use-categories.json', 'utf8')) as { categories: (Named & { subtypes?: Named[] })[]; unassigned: Named };

  it('names every category and subtype in English and Vietnamese', () => {
    const problems = [
      ...data.categories.flatMap((c) => [
        ...nameProblems(`category ${c.code}`, c),
        ...(c.subtypes ?? []).flatMap((s) => nameProblems(`subtype ${c.code}/${s.code}`, s)),
      ]),
      ...nameProblems('unassigned', data.unassigned),
    ];
    expect(problems, problems.join('\n')).toEqual([]);
    // The seven categories of DESIGN.md §3, and at least one subtype each but "other".
    expect(data.categories.map((c) => c.code)).toEqual(['industrial', 'technical', 'admin_services', 'traffic', 'green', 'water', 'other']);
    expect(data.categories.filter((c) => (c.subtypes ?? []).length > 0)).toHaveLength(6);
  });
});

describe('data/rules/*.json', () => {
  const files = readdirSync('data/rules').filter((f) => f.endsWith('.json')).sort();

  it('finds the rule sets', () => {
    expect(files).toEqual(expect.arrayContaining(['eip-decree-35-2022.json', 'qcvn-01-2021-bxd-ip.json']));
  });

  it.each(files)('%s: every rule set and rule has an en and vi title and a cited document', (file) => {
    const set = JSON.parse(readFileSync(`data/rules/${file}`, 'utf8')) as {
      id: string;
      title: Named;
      document: unknown;
      rules: { id: string; title: Named; citation?: { document?: unknown; article?: unknown; url?: unknown } }[];
    };
    const problems = [
      ...nameProblems(`rule set ${set.id}`, set.title),
      ...(filled(set.document) ? [] : [`rule set ${set.id}: no document`]),
      ...set.rules.flatMap((r) => [
        ...nameProblems(`rule ${r.id}`, r.title),
        // A citation's words are one string only where they are a document's number, the same
        // in every language; anything with English words in it must come in both languages.
        ...citationProblems(`rule ${r.id} document`, r.citation?.document, true),
        ...citationProblems(`rule ${r.id} article`, r.citation?.article, false),
      ]),
    ];
    expect(problems, problems.join('\n')).toEqual([]);
    expect(set.rules.length).toBeGreaterThan(0);
  });
});
