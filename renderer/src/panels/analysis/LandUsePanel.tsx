import { useState } from 'react';
import { LAND_USE_CATALOGUE, landUseCategory, landUseLabel, type LandUseCode } from '../../../../shared/model';
import type { AnalysisResult } from '../../../../shared/analysis';
import { formatArea, formatNumber } from '../../i18n/strings';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { DonutChart } from './DonutChart';
import { COMPARATOR_SYMBOL, formatRatio, formatRuleValue } from './format';
import { lastAnalysisMs, useAnalysis, useNoAnalysisMessage } from './use-analysis';
import './analysis.css';

/** The rule metric that bounds each category's share, for the "Required" column. */
const SHARE_METRIC: Partial<Record<LandUseCode, string[]>> = {
  green: ['park.share.green', 'park.greenSpaceRatio'],
};

function requirement(code: LandUseCode, r: AnalysisResult, lang: 'en' | 'vi'): string {
  const metrics = SHARE_METRIC[code] ?? [`park.share.${code}`];
  const rule = r.rules.find((x) => metrics.includes(x.metric) && x.threshold !== null && x.status !== 'n/a');
  return rule ? `${COMPARATOR_SYMBOL[rule.comparator]} ${formatRuleValue(lang, rule, rule.threshold)}` : '';
}

/** The "Land-use structure" panel: donut and table of categories, unassigned and overlap lines, green and road figures. */
export function LandUsePanel() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const setHovered = useUiStore((s) => s.setHovered);
  const r = useAnalysis();
  const noAnalysis = useNoAnalysisMessage();
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  if (!r) return <p>{t(noAnalysis)}</p>;
  if (r.parkAreaM2 <= 0) return <p>{t('analysis.noBoundary')}</p>;
  const pct = (m2: number) => formatNumber(lang, (100 * m2) / r.parkAreaM2, 2);
  const hover = (ids: string[]) => () => setHovered(ids);
  const unhover = () => setHovered([]);
  const slices = [
    ...r.landUse.map((l) => ({ key: l.landUse, value: l.areaM2, fill: landUseCategory(l.landUse).fill, label: `${landUseLabel(l.landUse, lang)}: ${formatNumber(lang, l.percent, 1)} %` })),
    { key: 'unassigned', value: r.unassignedAreaM2, fill: LAND_USE_CATALOGUE.unassigned.fill, label: t('analysis.unassigned') },
  ];
  const onDonutHover = (key: string | null) => {
    setHoverKey(key);
    setHovered(key ? (r.landUse.find((l) => l.landUse === key)?.featureIds ?? []) : []);
  };
  return (
    <div className="analysis-panel" data-testid="land-use-panel" data-analysis-ms={lastAnalysisMs.toFixed(2)}>
      <p className="analysis-method">{t('analysis.method')}</p>
      <p>
        <strong>{t('analysis.parkArea')}:</strong> <span data-testid="park-area">{formatArea(lang, r.parkAreaM2)}</span>
      </p>
      <DonutChart slices={slices} label={t('analysis.chartLabel')} onHover={onDonutHover} />
      <table>
        <thead>
          <tr>
            <th>{t('analysis.category')}</th>
            <th>{t('analysis.area')} (m²)</th>
            <th>{t('analysis.percent')}</th>
            <th>{t('analysis.required')}</th>
          </tr>
        </thead>
        <tbody onMouseLeave={unhover}>
          {r.landUse.map((l) => (
            <FragmentRows key={l.landUse}>
              <tr data-landuse={l.landUse} onMouseEnter={hover(l.featureIds)} className={hoverKey === l.landUse ? 'analysis-hover' : undefined}>
                <td>
                  <span className="analysis-swatch" style={{ background: landUseCategory(l.landUse).fill }} />
                  {landUseLabel(l.landUse, lang)}
                </td>
                <td>{formatNumber(lang, l.areaM2)}</td>
                <td>{formatNumber(lang, l.percent, 2)}</td>
                <td>{requirement(l.landUse, r, lang)}</td>
              </tr>
              {l.subtypes.length > 1 &&
                l.subtypes.map((s) => (
                  <tr key={s.subtype} className="analysis-subtype">
                    <td>{s.subtype ? landUseLabel(l.landUse, lang, s.subtype).split(' — ').pop() : '—'}</td>
                    <td>{formatNumber(lang, s.areaM2)}</td>
                    <td>{formatNumber(lang, s.percent, 2)}</td>
                    <td />
                  </tr>
                ))}
            </FragmentRows>
          ))}
          <tr className="analysis-remainder" data-landuse="unassigned" onMouseEnter={hover([])}>
            <td>
              <span className="analysis-swatch" style={{ background: LAND_USE_CATALOGUE.unassigned.fill }} />
              {t('analysis.unassigned')}
            </td>
            <td>{formatNumber(lang, r.unassignedAreaM2)}</td>
            <td>{pct(r.unassignedAreaM2)}</td>
            <td />
          </tr>
          <tr className="analysis-remainder" data-landuse="overlap" onMouseEnter={hover(r.overlapFeatureIds)}>
            <td>{t('analysis.overlap')}</td>
            <td>{r.overlapAreaM2 > 0 ? '−' : ''}{formatNumber(lang, r.overlapAreaM2)}</td>
            <td>{r.overlapAreaM2 > 0 ? '−' : ''}{pct(r.overlapAreaM2)}</td>
            <td />
          </tr>
          <tr className="analysis-total">
            <td>{t('analysis.total')}</td>
            <td>{formatNumber(lang, r.landUse.reduce((s, l) => s + l.areaM2, 0) + r.unassignedAreaM2 - r.overlapAreaM2)}</td>
            <td>{pct(r.landUse.reduce((s, l) => s + l.areaM2, 0) + r.unassignedAreaM2 - r.overlapAreaM2)}</td>
            <td />
          </tr>
        </tbody>
      </table>
      {r.outsideBoundaryAreaM2 > 0.5 && <p className="analysis-warning">{t('analysis.outside', { area: formatArea(lang, r.outsideBoundaryAreaM2) })}</p>}
      <h4>{t('analysis.green')}</h4>
      <dl className="analysis-kpis">
        <dt>{t('analysis.greenRatio')}</dt>
        <dd data-testid="green-ratio">{formatRatio(lang, r.green.greenSpaceRatio, 2)}</dd>
        <dt>{t('analysis.greenLand')}</dt>
        <dd>{formatArea(lang, r.green.greenLandM2)}</dd>
        <dt>{t('analysis.greenInPlots')}</dt>
        <dd>{formatArea(lang, r.green.greenInPlotsM2)}</dd>
        <dt>{t('analysis.totalGreen')}</dt>
        <dd>{formatArea(lang, r.green.totalGreenM2)} ({formatRatio(lang, r.green.totalGreenRatio, 2)})</dd>
        <dt>{t('analysis.greenPerHa')}</dt>
        <dd>{r.green.greenPerIndustrialHaM2 === null ? '—' : `${formatNumber(lang, r.green.greenPerIndustrialHaM2)} m²/ha`}</dd>
        <dt>{t('analysis.stripMin')}</dt>
        <dd>{r.green.isolationMinWidthM === null ? '—' : `${formatNumber(lang, r.green.isolationMinWidthM, 2)} m`}</dd>
        <dt>{t('analysis.plotCount')}</dt>
        <dd>
          {formatNumber(lang, r.plotStats.count)}
          {r.plotStats.count > 0 &&
            ` (${t('analysis.plotMean', { mean: `${formatNumber(lang, r.plotStats.meanAreaM2)} m²`, min: formatNumber(lang, r.plotStats.minAreaM2), max: formatNumber(lang, r.plotStats.maxAreaM2) })})`}
        </dd>
        <dt>{t('analysis.roads')}</dt>
        <dd>
          {t('analysis.roadSummary', {
            length: `${formatNumber(lang, r.infrastructure.roadLengthM)} m`,
            area: `${formatNumber(lang, r.infrastructure.roadAreaM2)} m²`,
            share: formatRatio(lang, r.infrastructure.roadAreaShare, 2),
          })}
        </dd>
      </dl>
      {r.infrastructure.roadLengthM > 0 && <p className="analysis-method">{t('analysis.roadsAsTraffic')}</p>}
    </div>
  );
}

function FragmentRows({ children }: { children: React.ReactNode }) {
  return <>{children}</>;
}
