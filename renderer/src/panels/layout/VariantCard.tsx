import type { RuleResult } from '../../../../shared/analysis';
import type { Variant } from '../../../../shared/layout';
import { formatNumber, formatPercent } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { formatRuleValue } from '../analysis/format';
import { LayoutThumbnail } from './LayoutThumbnail';

const SYMBOL: Record<RuleResult['comparator'], string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>' };

/** One generated variant: its drawing, figures, unmet rules as sentences, and "Use this variant". */
export function VariantCard({ variant, onUse }: { variant: Variant; onUse: () => void }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const f = variant.figures;
  const rules = new Map(variant.layout.analysis.rules.map((r) => [r.id, r]));
  const figures: [string, string, string][] = [
    ['plots', t('layout.fig.plots'), formatNumber(lang, f.plotCount)],
    ...(f.smePlotCount > 0 ? [['sme-plots', t('layout.fig.smePlots'), formatNumber(lang, f.smePlotCount)] as [string, string, string]] : []),
    ['saleable', t('layout.fig.saleable'), formatPercent(lang, f.saleableShare)],
    ['green', t('layout.fig.green'), formatPercent(lang, f.greenShare)],
    ['traffic', t('layout.fig.traffic'), formatPercent(lang, f.trafficShare)],
    ['road-per-ha', t('layout.fig.roadPerHa'), `${formatNumber(lang, f.roadLengthPerHaM)} m`],
    ['rules-failed', t('layout.fig.rulesFailed'), formatNumber(lang, f.rulesFailed)],
    ['pv', t('layout.fig.pv'), `${formatNumber(lang, f.pvKwp)} kWp`],
  ];
  return (
    <article className="layout-card" aria-label={t('layout.variant', { rank: variant.rank })} data-rank={variant.rank}>
      <h4>{t('layout.variant', { rank: variant.rank })}</h4>
      <LayoutThumbnail features={variant.layout.features} label={t('layout.thumbnail', { rank: variant.rank })} />
      <dl className="layout-figures">
        {figures.map(([id, label, value]) => (
          <div key={id} data-figure={id}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ul className="layout-unmet">
        {variant.layout.unmet.length === 0 && <li>{t('layout.allMet')}</li>}
        {variant.layout.unmet.map((u) => {
          const rule = rules.get(u.ruleId);
          const show = (v: number | null) => (rule ? formatRuleValue(lang, rule, v) : formatNumber(lang, v, 2));
          return (
            <li key={u.ruleId} data-status={u.status}>
              {t(u.status === 'fail' ? 'layout.unmetFail' : 'layout.unmetWarn', {
                rule: rule ? rule.title[lang] : u.ruleId,
                value: show(u.value),
                comparator: rule ? SYMBOL[rule.comparator] : '',
                threshold: show(u.threshold),
              })}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={onUse}>
        {t('layout.use')}
      </button>
    </article>
  );
}
