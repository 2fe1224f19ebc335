import { readRuleSettings, withThresholdOverride, type RuleResult, type RuleSettings } from '../../../../shared/analysis';
import { formatNumber, type Lang } from '../../i18n/strings';
import { useT } from '../../i18n/use-t';
import { parseLocaleNumber } from '../../i18n/format';
import { useDocumentStore } from '../../state/document-store';

/** Saves the project's rule settings (doc.settings.rules) as one undoable step (inputs commit on blur or Enter). */
function saveRuleSettings(update: (settings: RuleSettings) => RuleSettings, label: string): void {
  const store = useDocumentStore.getState();
  if (!store.document) return;
  store.setSettings('rules', update(readRuleSettings(store.document).settings), label);
}

/**
 * A number typed in either convention ("12,5" or "12.5"), including the pre-filled value with
 * thousands marks ("1.000,00" in vi); null when it is not one.
 */
function parseNumber(lang: Lang, text: string): number | null {
  return parseLocaleNumber(lang, text);
}

/** The project's own threshold for one rule, in the unit shown (% for ratios); empty: the rule set's. */
export function ThresholdInput({ rule, lang }: { rule: RuleResult; lang: Lang }) {
  const t = useT();
  const scale = rule.unit === 'ratio' ? 100 : 1;
  const shown = (v: number | null | undefined) => (v === null || v === undefined ? '' : formatNumber(lang, v * scale, rule.unit === 'count' ? 0 : 2));
  const commit = (text: string) => {
    const value = parseNumber(lang, text);
    if (text.trim() === '') saveRuleSettings((s) => withThresholdOverride(s, rule.id, undefined), t('analysis.command.threshold'));
    else if (value !== null) saveRuleSettings((s) => withThresholdOverride(s, rule.id, value / scale), t('analysis.command.threshold'));
  };
  return (
    <label className="analysis-threshold">
      {t('analysis.projectThreshold')}{' '}
      <input
        key={`${rule.id}:${rule.overridden ? rule.threshold : 'default'}:${lang}`}
        type="text"
        inputMode="decimal"
        defaultValue={rule.overridden ? shown(rule.threshold) : ''}
        placeholder={shown(rule.overridden ? rule.originalThreshold : rule.threshold)}
        aria-label={`${t('analysis.projectThreshold')}: ${rule.title[lang]}`}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />{' '}
      {rule.unit === 'ratio' ? '%' : rule.unit === 'm' ? 'm' : ''}
      {rule.overridden && (
        <button type="button" onClick={() => saveRuleSettings((s) => withThresholdOverride(s, rule.id, undefined), t('analysis.command.threshold'))}>
          {t('analysis.resetThreshold')}
        </button>
      )}
    </label>
  );
}

/** Storey height used for buildings that have a height but no floor count. */
export function StoreyHeightInput({ valueM, lang }: { valueM: number; lang: Lang }) {
  const t = useT();
  const commit = (text: string) => {
    const value = parseNumber(lang, text);
    if (value !== null && value > 0) saveRuleSettings((s) => ({ ...s, storeyHeightM: value }), t('analysis.command.storeyHeight'));
  };
  return (
    <label className="analysis-threshold">
      {t('analysis.storeyHeight')}{' '}
      <input
        key={`${valueM}:${lang}`}
        type="text"
        inputMode="decimal"
        defaultValue={formatNumber(lang, valueM, 2)}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />{' '}
      m
    </label>
  );
}
