import { EIP_CRITERIA, type EcoMetric, type EipCriterion } from './data';
import type { EcoLang } from './sectors';
import type { ChecklistAnswer } from './settings';

/**
 * The eco-industrial park criteria (data/eco/eip-criteria.json) evaluated on a scenario: a
 * criterion with a metric is judged from the model (pass / fail, or info when the source gives
 * no threshold, or open when the model lacks the figure); a checklist criterion takes the user's
 * answer and evidence note (open until answered).
 */

export const CRITERION_STATUSES = ['pass', 'fail', 'info', 'open'] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

/** The model's figures the criteria read; null where the model cannot tell. */
export type EcoMetrics = Record<EcoMetric, number | null>;

export interface CriterionResult {
  id: string;
  criterion: EipCriterion;
  status: CriterionStatus;
  value: number | null;
  threshold: number | null;
  /** "Decree 35/2022/ND-CP, Art. 37(1)(b)" in the reader's language. */
  citation: string;
  evidence?: string;
}

export function citationText(c: EipCriterion, lang: EcoLang): string {
  return `${c.citation.document[lang]}, ${c.citation.article[lang]}`;
}

function judge(value: number | null, comparator: '>=' | '<=' | undefined, threshold: number | null): CriterionStatus {
  if (value === null) return 'open';
  if (threshold === null) return 'info';
  return (comparator === '<=' ? value <= threshold : value >= threshold) ? 'pass' : 'fail';
}

export function evaluateCriteria(metrics: EcoMetrics, checklist: Readonly<Record<string, ChecklistAnswer>>, lang: EcoLang = 'en'): CriterionResult[] {
  return EIP_CRITERIA.criteria.map((criterion) => {
    const citation = citationText(criterion, lang);
    if (criterion.evaluation === 'checklist') {
      const answer = Object.hasOwn(checklist, criterion.id) ? checklist[criterion.id] : undefined;
      const status: CriterionStatus = answer ? (answer.answer === 'yes' ? 'pass' : 'fail') : 'open';
      return { id: criterion.id, criterion, status, value: null, threshold: null, citation, ...(answer ? { evidence: answer.evidence } : {}) };
    }
    const value = criterion.metric ? metrics[criterion.metric] : null;
    const threshold = criterion.threshold ?? null;
    return { id: criterion.id, criterion, status: judge(value, criterion.comparator, threshold), value, threshold, citation };
  });
}
