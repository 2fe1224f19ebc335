import { describeProblem, scenarioProblems, type Problem } from '../shared/analysis';
import type { ParkDocument, Scenario } from '../shared/model';
import { clipText } from '../shared/i18n/clip-text';
import { warn, type CliIo } from './io';
import type { Messages } from './i18n';

/** More than this many problems in one scenario are summed up in one line (the JSON has them all). */
export const MAX_PROBLEM_LINES = 20;

/**
 * Writes the geometry problems of the given scenarios (all by default) to stderr in the user's
 * language, the same list the map shows, and returns them by scenario id. stdout is untouched,
 * so pipes and --json keep working.
 */
export function warnProblems(io: CliIo, m: Messages, doc: ParkDocument, scenarioIds?: readonly string[]): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const scenario of doc.scenarios) {
    if (scenarioIds && !scenarioIds.includes(scenario.id)) continue;
    const problems = scenarioProblems(scenario.features);
    out.set(scenario.id, problems);
    printProblems(io, m, scenario, problems);
  }
  return out;
}

/** Writes one scenario's problems (checked here or on another thread) to stderr as warnProblems does. */
export function printProblems(io: CliIo, m: Messages, scenario: Scenario, problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  const byId = new Map(scenario.features.map((f) => [f.id, f]));
  warn(io, m, m.t(problems.length === 1 ? 'problems.countOne' : 'problems.count', { name: clipText(scenario.name, 80), count: m.num(problems.length) }));
  for (const p of problems.slice(0, MAX_PROBLEM_LINES)) io.stderr(`  ${describeProblem(p, byId, m.lang)}`);
  if (problems.length > MAX_PROBLEM_LINES) io.stderr(m.t('problems.more', { count: m.num(problems.length - MAX_PROBLEM_LINES) }));
}
