import { formatNumber, formatPercent, type Lang } from '../../i18n/format';
import type { RuleResult } from '../../../../shared/analysis';

/** How a rule's comparator is written beside its threshold (Compliance, Land-use structure, the metrics strip). */
export const COMPARATOR_SYMBOL: Record<RuleResult['comparator'], string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>' };

/** A ratio 0–1 as a percentage with `digits` decimals; "—" for null. */
export const formatRatio = formatPercent;

/** A rule's measured value or threshold in its unit. */
export function formatRuleValue(lang: Lang, rule: Pick<RuleResult, 'unit'>, value: number | null): string {
  if (value === null) return '—';
  switch (rule.unit) {
    case 'ratio':
      return formatPercent(lang, value, 2);
    case 'm':
      return `${formatNumber(lang, value, 2)} m`;
    case 'factor':
      return formatNumber(lang, value, 2);
    case 'count':
      return formatNumber(lang, value, 0);
  }
}
