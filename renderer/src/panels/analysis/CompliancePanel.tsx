import { citationIn } from '../../../../shared/analysis';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { COMPARATOR_SYMBOL, formatRuleValue } from './format';
import { StoreyHeightInput, ThresholdInput } from './RuleSettingsInputs';
import { useAnalysis, useNoAnalysisMessage } from './use-analysis';
import './analysis.css';

/** The "Compliance" panel: every rule with its status, measured value, threshold, citation and confidence. */
export function CompliancePanel() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const select = useUiStore((s) => s.select);
  const setHovered = useUiStore((s) => s.setHovered);
  const r = useAnalysis();
  const noAnalysis = useNoAnalysisMessage();
  if (!r) return <p>{t(noAnalysis)}</p>;
  return (
    <div className="analysis-panel" data-testid="compliance-panel">
      {r.settingsIssue && <p className="analysis-warning" role="alert">{t('analysis.settingsIssue', { detail: r.settingsIssue.detail })}</p>}
      <StoreyHeightInput valueM={r.storeyHeightM} lang={lang} />
      <ul className="analysis-rules">
        {r.rules.map((rule) => (
          <li key={rule.id} className="analysis-rule" data-rule={rule.id} data-status={rule.status}>
            <div>
              <span className="analysis-status">{t(`analysis.status.${rule.status}`)}</span>
              {rule.title[lang]}
            </div>
            <div>
              {t('analysis.measured')}: <strong data-testid="rule-value">{formatRuleValue(lang, rule, rule.value)}</strong> {COMPARATOR_SYMBOL[rule.comparator]}{' '}
              {t('analysis.threshold')}: <strong>{formatRuleValue(lang, rule, rule.threshold)}</strong>
              {rule.overridden && <em> — {t('analysis.overridden', { original: formatRuleValue(lang, rule, rule.originalThreshold ?? null) })}</em>}
              {rule.origin === 'project' && <em> — {t('analysis.projectRule')}</em>}
              {rule.reason && <em> — {t(`analysis.reason.${rule.reason}`)}</em>}
            </div>
            {rule.featureIds.length > 0 && rule.status !== 'pass' && (
              <button
                type="button"
                className="analysis-rule-select"
                onClick={() => select(rule.featureIds, { zoom: true })}
                onMouseEnter={() => setHovered(rule.featureIds)}
                onMouseLeave={() => setHovered([])}
              >
                {t('analysis.failingCount', { count: rule.featureIds.length })}
              </button>
            )}
            <div className="analysis-citation">
              {rule.citation.url ? (
                <a href={rule.citation.url} target="_blank" rel="noopener noreferrer">
                  {citationIn(rule.citation, lang).document}
                </a>
              ) : (
                citationIn(rule.citation, lang).document
              )}
              {rule.citation.article && `, ${citationIn(rule.citation, lang).article}`} ·{' '}
              <span className={rule.confidence === 'unverified' ? 'analysis-unverified' : undefined}>{t(`analysis.confidence.${rule.confidence}`)}</span>
            </div>
            <ThresholdInput rule={rule} lang={lang} />
          </li>
        ))}
      </ul>
    </div>
  );
}
