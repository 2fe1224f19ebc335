import { memo, useEffect, useMemo } from 'react';
import { analyzeEco, type EcoResult } from '../../../../shared/eco';
import { rooftopPvFromRun } from '../../../../shared/eco/pv';
import { activeScenario } from '../../../../shared/model';
import { formatNumber } from '../../../../shared/format';
import { useT } from '../../i18n/use-t';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';
import { useAnalysis } from '../analysis/use-analysis';
import { TenantEditor } from './TenantEditor';
import { SymbiosisList } from './SymbiosisList';
import { Scorecard } from './Scorecard';
import { ensureSolarRunner } from '../solar/solar-runner';
import { useSolarStore } from '../solar/solar-store';
import { useEcoFlows } from './eco-flows-store';
import './eco.css';
import { idLabel } from '../../../../shared/i18n/id-label';

/** Balances, carbon and CBAM of the active scenario (shared/eco; docs/eco-performance.md). */
function Balances({ result }: { result: EcoResult }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const n = (v: number, d = 0) => formatNumber(lang, v, d);
  const e = result.electricity;
  const w = result.water;
  const c = result.carbon;
  const rows: [string, string, string][] = [
    ['plots', t('eco.plots'), t('eco.plotsValue', { count: n(result.plots.length), sectors: n(result.plots.filter((p) => p.sector !== null).length) })],
    ['electricity', t('eco.electricity'), t('eco.unit.mwhYear', { v: n(e.demandMwhPerYear) })],
    ...(result.pvHourly
      ? ([
          ['pv', t('eco.pvGenerated'), t('eco.unit.mwhYear', { v: n(e.rooftopPvMwhPerYear) })],
          ['pvOnSite', t('eco.pvOnSite'), t('eco.pvOnSiteValue', { v: n(e.selfConsumedMwhPerYear), share: `${n(e.pvShareOfDemand * 100, 1)} %` })],
        ] as [string, string, string][])
      : []),
    ['grid', t('eco.gridElectricity'), t('eco.unit.mwhYear', { v: n(e.gridMwhPerYear) })],
    ['water', t('eco.water'), t('eco.unit.m3Day', { v: n(w.waterM3PerDay) })],
    ['supply', t('eco.supplyCapacity'), w.supplyCapacityM3PerDay === null ? t('eco.notGiven') : t('eco.unit.m3Day', { v: n(w.supplyCapacityM3PerDay) })],
    ['wastewater', t('eco.wastewater'), t('eco.unit.m3Day', { v: n(w.wastewaterM3PerDay) })],
    ['wwtp', t('eco.wwtpCapacity'), w.wwtpCapacityM3PerDay === null ? t('eco.notGiven') : t('eco.unit.m3Day', { v: n(w.wwtpCapacityM3PerDay) })],
    ['waste', t('eco.waste'), t('eco.unit.tYear', { v: n(result.solidWasteTPerYear) })],
    ['scope1', t('eco.scope1'), t('eco.unit.tYear', { v: n(c.scope1T) })],
    ['scope2', t('eco.scope2'), t('eco.unit.tYear', { v: n(c.scope2T) })],
  ];
  const cbam = result.plots.filter((p) => p.carbon.cbam);
  return (
    <>
      <h4>{t('eco.balances')}</h4>
      <dl>
        {rows.map(([id, label, value]) => (
          <div key={id} data-row={id}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {w.wwtpCapacityRatio !== null && w.wwtpCapacityRatio < 1 && <p className="eco-warning">{t('eco.undersized')}</p>}
      <p className="eco-note">{t('eco.gridFactor', { factor: n(c.gridEmissionFactorTPerMwh, 4), year: c.gridEmissionFactorYear === null ? t('eco.notGiven') : String(c.gridEmissionFactorYear) })}</p>
      <p className="eco-note">{t(result.pvHourly ? 'eco.pvNote' : 'eco.pvPending')}</p>
      <h4>{t('eco.cbam')}</h4>
      {cbam.length === 0 ? (
        <p className="eco-note">{t('eco.cbamNone')}</p>
      ) : (
        <ul className="eco-list" aria-label={t('eco.cbam')}>
          {cbam.map((p) => (
            <li key={p.id}>
              {t('eco.cbamPlot', { plot: p.name ?? p.code ?? p.id, t: n(p.carbon.cbam?.embeddedT ?? 0), cost: n(p.carbon.cbam?.costEur ?? 0), price: n(result.settings.carbonPriceEurPerT) })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The "Eco" side panel: the selected plot's tenant, balances, CBAM, symbiosis and the EIP scorecard. */
function EcoPanelView() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const document = useDocumentStore((s) => s.document);
  const analysis = useAnalysis();
  const greenSpaceRatio = analysis?.green.greenSpaceRatio ?? null;
  // Rooftop PV hour by hour from the Solar panel's worker, which the Eco panel starts too.
  useEffect(ensureSolarRunner, []);
  const solar = useSolarStore((s) => s.result);
  const hourly = useSolarStore((s) => s.hourly);
  const showFlows = useEcoFlows((s) => s.showFlows);
  const setShowFlows = useEcoFlows((s) => s.setShowFlows);
  const pv = useMemo(() => (document && solar && hourly ? rooftopPvFromRun(solar, hourly.acKw, hourly.weight, document.settings) : null), [document, solar, hourly]);
  const result = useMemo(() => (document ? analyzeEco(document, { greenSpaceRatio, lang, pv }) : null), [document, greenSpaceRatio, lang, pv]);
  if (!document || !result) return null;
  const names = new Map(activeScenario(document).features.map((f) => [f.id, f.name ?? f.code ?? idLabel(f.id)]));
  return (
    <div className="eco-panel">
      <TenantEditor />
      {result.plots.length === 0 ? <p className="eco-note">{t('eco.noPlots')}</p> : <Balances result={result} />}
      <SymbiosisList exchanges={result.symbiosis} names={names} />
      <label className="eco-flows-toggle">
        <input type="checkbox" checked={showFlows} onChange={(ev) => setShowFlows(ev.currentTarget.checked)} />
        {t('eco.flows.show')}
      </label>
      <Scorecard criteria={result.criteria} />
    </div>
  );
}

export const EcoPanel = memo(EcoPanelView);
