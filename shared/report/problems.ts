import { boundaryInvalid, clippedLabel, describeProblem, invalidFeatureIds, plotsFromInvalid, type AnalysisResult, type Problem } from '../analysis';
import type { ParkFeature } from '../model/feature';
import type { ReportStringKey } from './strings';
import type { ReportLang, ReportTable } from './types';
import { idLabel } from '../i18n/id-label';

/** At most this many problems are listed in the report; the rest are counted in the note. */
export const MAX_REPORT_PROBLEMS = 200;

/** The Problems section: one row per problem, in the report's language (shared/analysis/problems.ts). */
export function problemsTable(problems: readonly Problem[], features: readonly ParkFeature[], lang: ReportLang, s: Record<ReportStringKey, string>): ReportTable {
  const byId = new Map(features.map((f) => [f.id, f]));
  const shown = problems.slice(0, MAX_REPORT_PROBLEMS);
  const more = problems.length - shown.length;
  return {
    id: 'problems',
    title: s.problems,
    columns: [
      { header: s.problemFeature, align: 'left', weight: 2 },
      { header: s.problemReason, align: 'left', weight: 1.4 },
      { header: s.problemMessage, align: 'left', weight: 5 },
    ],
    rows: shown.map((p) => {
      const f = byId.get(p.featureId);
      return [
        { t: 'text', v: f ? clippedLabel(f, lang) : idLabel(p.featureId) },
        { t: 'text', v: p.reason },
        { t: 'text', v: describeProblem(p, byId, lang) },
      ];
    }),
    note: problems.length === 0 ? s.problemsNone : more > 0 ? `${s.problemsIntro} (+${more})` : s.problemsIntro,
  };
}

/**
 * Marks the plot rows whose figures come from invalid geometry: "*" after the code, the numeric
 * cells highlighted, and a note saying why (the numbers stay numbers for XLSX and CSV).
 */
export function markInvalidPlots(table: ReportTable, a: AnalysisResult, problems: readonly Problem[], s: Record<ReportStringKey, string>): void {
  const invalid = invalidFeatureIds(problems);
  const marked = plotsFromInvalid(a, invalid);
  const highlight: string[] = [];
  a.plots.forEach((p, r) => {
    if (!marked.has(p.id)) return;
    const code = table.rows[r][0];
    if (code.t === 'text') table.rows[r][0] = { t: 'text', v: `${code.v} *` };
    for (let c = 2; c <= 7; c++) highlight.push(`${r}:${c}`);
  });
  if (highlight.length > 0) {
    table.highlight = [...(table.highlight ?? []), ...highlight];
    table.note = [table.note, s.invalidPlotsNote].filter(Boolean).join(' ');
  }
  if (boundaryInvalid(a, invalid)) table.note = [table.note, s.invalidBoundaryNote].filter(Boolean).join(' ');
}
