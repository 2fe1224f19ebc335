import type { AnalysisResult, RuleResult, RuleStatus } from '../../../shared/analysis';
import { parkMetric } from '../../../shared/analysis/evaluate';
import type { MetricId } from '../../../shared/analysis/rule-schema';
import { formatNumber } from '../../../shared/format';
import { COMPARATOR_SYMBOL, formatRuleValue } from '../panels/analysis/format';
import { useAnalysis, useNoAnalysisMessage } from '../panels/analysis/use-analysis';
import { useSolarStore } from '../panels/solar/solar-store';
import { SIDE_PANELS } from '../panels/registry';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/strings';

/** A figure of the strip: its label, value, the rule it is judged by and the panel it opens. */
interface Figure {
  id: string;
  labelKey: MessageKey;
  /** The full wording for the tooltip, when the strip's label is a short form. */
  fullKey?: MessageKey;
  value: string;
  /** "≥ 10 %", or null when no rule of the active rule sets judges this figure. */
  target: string | null;
  status: RuleStatus | null;
  panel: string;
}

/** The park-scope rule on `metric` that decides its colour: a failing one first, then any that applies. */
function ruleOn(r: AnalysisResult, metric: MetricId): RuleResult | undefined {
  const rules = r.rules.filter((rule) => rule.scope === 'park' && rule.metric === metric);
  return rules.find((rule) => rule.status === 'fail') ?? rules.find((rule) => rule.status !== 'n/a') ?? rules[0];
}

/** A share of the park: the rule's own measured value when a rule judges it, worded as Compliance words it. */
function shareFigure(r: AnalysisResult, lang: 'en' | 'vi', id: string, labelKey: MessageKey, metric: MetricId, panel: string): Figure {
  const rule = ruleOn(r, metric);
  const value = rule?.value ?? parkMetric(r, metric);
  const target = rule && rule.threshold !== null ? `${COMPARATOR_SYMBOL[rule.comparator]} ${formatRuleValue(lang, { unit: 'ratio' }, rule.threshold)}` : null;
  return { id, labelKey, value: formatRuleValue(lang, { unit: 'ratio' }, value), target, status: rule && rule.threshold !== null ? rule.status : null, panel };
}

/**
 * The figures that matter, always in view under the map (issue 13): industrial, green and
 * traffic shares against their rules, the number of failing rules and the rooftop PV. Each is
 * coloured and worded by its status (never colour alone) and opens its panel when clicked.
 * Fed by the same analysis as the panels, so the strip and the panels never disagree.
 */
export function MetricsStrip() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const showPanel = useUiStore((s) => s.showSidePanel);
  const r = useAnalysis();
  const noAnalysis = useNoAnalysisMessage();
  const solar = useSolarStore((s) => s.result);
  if (!r) {
    // A large park is being analysed: the strip keeps its place (one row, as tall as its
    // buttons) so the map does not shrink and grow, each time a full software-WebGL redraw.
    if (noAnalysis !== 'analysis.computing') return null;
    return (
      <footer className="metrics-strip" role="group" aria-label={t('strip.label')} data-testid="metrics-strip">
        <span className="metric-pending" role="status">{t('analysis.computing')}</span>
      </footer>
    );
  }
  const failing = r.rules.filter((rule) => rule.status === 'fail').length;
  const figures: Figure[] = [
    shareFigure(r, lang, 'industrial', 'strip.industrial', 'park.share.industrial', 'land-use-structure'),
    shareFigure(r, lang, 'green', 'strip.green', 'park.greenSpaceRatio', 'compliance'),
    shareFigure(r, lang, 'traffic', 'strip.traffic', 'park.share.traffic', 'compliance'),
    { id: 'failing', labelKey: 'strip.failing', value: formatNumber(lang, failing), target: null, status: failing > 0 ? 'fail' : 'pass', panel: 'compliance' },
    {
      id: 'pv',
      labelKey: 'strip.pv',
      fullKey: 'strip.pvFull',
      value: solar ? `${formatNumber(lang, solar.totalKwp, 1)} kWp · ${formatNumber(lang, solar.annualKwh / 1000, 1)} ${t('solar.col.mwh')}` : t('strip.pvNone'),
      target: null,
      status: null,
      panel: 'solar',
    },
  ];
  const panelTitle = (id: string) => t(SIDE_PANELS.find((p) => p.id === id)!.titleKey);
  return (
    <footer className="metrics-strip" role="group" aria-label={t('strip.label')} data-testid="metrics-strip">
      {figures.map((f) => (
        <button key={f.id} type="button" data-metric={f.id} data-status={f.status ?? 'none'} onClick={() => showPanel(f.panel)} title={`${t(f.fullKey ?? f.labelKey)} — ${t('strip.open', { panel: panelTitle(f.panel) })}`}>
          <span>{t(f.labelKey)}</span>
          <strong data-testid="metric-value">{f.value}</strong>
          {f.target && <span className="metric-target">{f.target}</span>}
          {f.status && f.id !== 'failing' && <span className="metric-status">{t(`analysis.status.${f.status}`)}</span>}
          {f.id !== 'failing' && !f.target && f.id !== 'pv' && <span className="metric-status">{t('strip.noRule')}</span>}
        </button>
      ))}
    </footer>
  );
}
