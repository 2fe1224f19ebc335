import type { CriterionResult } from '../../../../shared/eco/criteria';
import { formatNumber } from '../../../../shared/format';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { answerCriterion } from './eco-actions';

/** The EIP criteria: status, value against threshold, citation; checklist items answered here with an evidence note. */
export function Scorecard({ criteria }: { criteria: CriterionResult[] }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const show = (c: CriterionResult, v: number) => (c.criterion.unit === 'ratio' ? `${formatNumber(lang, v * 100, 1)} %` : formatNumber(lang, v));
  return (
    <>
      <h4>{t('eco.scorecard')}</h4>
      <ul className="eco-list" aria-label={t('eco.scorecard')}>
        {criteria.map((c) => (
          <li key={c.id} className="eco-criterion" data-criterion={c.id}>
            <span>
              <span className="eco-status" data-status={c.status}>
                {t(`eco.criterion.${c.status}`)}
              </span>{' '}
              {c.criterion.title[lang]}
              {c.value !== null && ` — ${show(c, c.value)}${c.threshold !== null ? ` (${c.criterion.comparator === '<=' ? '≤' : '≥'} ${show(c, c.threshold)})` : ''}`}
            </span>
            <span className="eco-citation">{c.citation}</span>
            {c.criterion.evaluation === 'checklist' && (
              <span className="eco-actions">
                <button type="button" aria-pressed={c.status === 'pass'} onClick={() => answerCriterion(c.id, { answer: 'yes', evidence: c.evidence ?? '' })}>
                  {t('eco.yes')}
                </button>
                <button type="button" aria-pressed={c.status === 'fail'} onClick={() => answerCriterion(c.id, { answer: 'no', evidence: c.evidence ?? '' })}>
                  {t('eco.no')}
                </button>
                <input
                  aria-label={t('eco.evidence')}
                  placeholder={t('eco.evidence')}
                  key={`${c.id}:${c.evidence ?? ''}`}
                  defaultValue={c.evidence ?? ''}
                  disabled={c.status === 'open'}
                  onBlur={(e) => {
                    const evidence = e.currentTarget.value;
                    if (c.status !== 'open' && evidence !== (c.evidence ?? '')) answerCriterion(c.id, { answer: c.status === 'pass' ? 'yes' : 'no', evidence });
                  }}
                />
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
