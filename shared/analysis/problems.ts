import { featureLabel, validateLayout, type ValidationReason } from '../geometry/validate';
import { issueSentence, type IssueParams } from '../geometry/issue-sentence';
import { clipText } from '../i18n/clip-text';
import { idLabel } from '../i18n/id-label';
import { buildingCrossingIssues } from './building-crossings';
import type { ParkFeature } from '../model/feature';
import type { AnalysisResult } from './types';

/**
 * The geometry problems of a scenario as every front end reports them: the renderer's Problems
 * list, `ecopark info|analyze|report|convert` (stderr, `analyze --json`) and the PDF report all
 * read this one list, computed by shared/geometry/validate.ts (one implementation).
 */
export interface Problem {
  featureId: string;
  reason: ValidationReason;
  /** What the sentence says besides names and place; describeProblem words it in either language. */
  params?: IssueParams;
  /** The English sentence (for `--json` and logs), with long names clipped. */
  message: string;
  /** The other feature, for overlaps. */
  otherId?: string;
  /** Where, [lon, lat]. */
  at?: [number, number];
}

/**
 * Problems that make a feature's own figures untrustworthy: an outline that crosses itself
 * (a bow-tie's signed halves cancel, and clipping against it gives arbitrary pieces), is not
 * closed, has too few vertices or bad coordinates. Analysis still computes with the geometry as
 * drawn (the map does the same, so the two agree), and every figure that depends on such a
 * feature is marked. Duplicate vertices, slivers, overlaps and parts outside the boundary are
 * reported too, but leave the figures right: overlaps and outside areas are shown as such.
 */
export const FIGURE_BREAKING_REASONS: readonly ValidationReason[] = ['invalid_coordinate', 'ring_not_closed', 'too_few_vertices', 'self_intersection'];

/** A name in a problem sentence is clipped: a 10 MB name must not make a 10 MB line. */
export const PROBLEM_NAME_CHARS = 80;

/** The validation problems of one scenario's features, in the order the map lists them. */
export function scenarioProblems(features: readonly ParkFeature[]): Problem[] {
  const byId = new Map(features.map((f) => [f.id, f]));
  return [...validateLayout([...features]), ...buildingCrossingIssues(features)].map((issue) => {
    let message = issue.message;
    for (const id of [issue.featureId, issue.otherId]) {
      const f = id ? byId.get(id) : undefined;
      if (!f) continue;
      const label = featureLabel(f);
      const short = clippedLabel(f, 'en');
      if (label !== short) message = message.split(label).join(short);
    }
    return {
      featureId: issue.featureId,
      reason: issue.reason,
      ...(issue.params ? { params: issue.params } : {}),
      message,
      ...(issue.otherId ? { otherId: issue.otherId } : {}),
      ...(issue.at ? { at: issue.at } : {}),
    };
  });
}

/** Ids of the features whose own figures cannot be trusted (see FIGURE_BREAKING_REASONS). */
export function invalidFeatureIds(problems: readonly Problem[]): Set<string> {
  return new Set(problems.filter((p) => FIGURE_BREAKING_REASONS.includes(p.reason)).map((p) => p.featureId));
}

/**
 * The plots whose indicators come from an invalid feature: the plot itself, or a building or
 * green polygon counted in it. Their area, footprint, density, FAR and green ratio are marked.
 */
export function plotsFromInvalid(result: AnalysisResult, invalid: ReadonlySet<string>): Set<string> {
  const marked = new Set<string>();
  for (const p of result.plots) {
    if (invalid.has(p.id) || p.buildingIds.some((id) => invalid.has(id)) || p.greenIds.some((id) => invalid.has(id))) marked.add(p.id);
  }
  return marked;
}

/** Whether the park area itself comes from an invalid boundary (then every share is marked). */
export function boundaryInvalid(result: AnalysisResult, invalid: ReadonlySet<string>): boolean {
  return result.boundaryIds.some((id) => invalid.has(id));
}

export type ProblemLang = 'en' | 'vi';

const KIND_NAMES_VI: Record<ParkFeature['kind'], string> = {
  boundary: 'Ranh giới khu',
  landuse: 'Vùng sử dụng đất',
  building: 'Công trình',
  road: 'Đường',
  point: 'Điểm',
};

/** How a problem names a feature, as featureLabel does, with the name clipped. */
export function clippedLabel(f: ParkFeature, lang: ProblemLang): string {
  const name = f.name ?? f.code;
  if (lang === 'en') return name ? featureLabel({ ...f, name: clipText(name, PROBLEM_NAME_CHARS) } as ParkFeature) : featureLabel(f);
  return name ? `${KIND_NAMES_VI[f.kind]} “${clipText(name, PROBLEM_NAME_CHARS)}”` : `${KIND_NAMES_VI[f.kind]} ${idLabel(f.id)}`;
}

/**
 * A problem in the reader's language, worded from its reason, parameters, features and place
 * (issue-sentence.ts); the English one equals `message`.
 */
export function describeProblem(problem: Problem, features: ReadonlyMap<string, ParkFeature>, lang: ProblemLang): string {
  const label = (id: string | undefined) => {
    const f = id ? features.get(id) : undefined;
    return f ? clippedLabel(f, lang) : idLabel(id ?? '');
  };
  return issueSentence(problem, label(problem.featureId), problem.otherId ? label(problem.otherId) : undefined, lang);
}
