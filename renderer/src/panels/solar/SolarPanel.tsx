import { useEffect, useMemo } from 'react';
import { describeWeatherSource, readSolarSettings } from '../../../../shared/solar';
import { useT } from '../../i18n/use-t';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';
import { formatNumber } from '../../i18n/format';
import { AssumptionsEditor } from './AssumptionsEditor';
import { MonthlyChart } from './MonthlyChart';
import { MonthlySky } from './MonthlySky';
import { PlotDemand } from './PlotDemand';
import { RoofTable } from './RoofTable';
import { SelectedRoof } from './SelectedRoof';
import { Totals } from './Totals';
import { WeatherSource } from './WeatherSource';
import { ensureSolarRunner } from './solar-runner';
import { useSolarStore, type RoofMetric } from './solar-store';
import { BandLegend } from './BandLegend';
import './solar.css';

/** Progress of the running calculation: its own component, so progress messages re-render only it. */
function Progress() {
  const t = useT();
  const progress = useSolarStore((s) => s.progress);
  return (
    <p className="solar-progress" role="status">
      {t('solar.running', { done: progress.done, total: progress.total })}
      <progress max={Math.max(1, progress.total)} value={progress.done} />
    </p>
  );
}

/** The Solar side panel: totals, selected roof, monthly chart, roof table and assumptions. */
export function SolarPanel() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const document = useDocumentStore((s) => s.document);
  const status = useSolarStore((s) => s.status);
  const result = useSolarStore((s) => s.result);
  const error = useSolarStore((s) => s.error);
  const metric = useSolarStore((s) => s.metric);
  const lastRunMs = useSolarStore((s) => s.lastRunMs);
  const settings = useMemo(() => readSolarSettings(document?.settings ?? {}), [document?.settings]);
  useEffect(() => {
    ensureSolarRunner();
    useSolarStore.getState().set({ panelOpen: true });
    return () => useSolarStore.getState().set({ panelOpen: false });
  }, []);
  return (
    <div className="solar-panel" aria-busy={status === 'running'} data-result-weather={result?.weatherSource}>
      <WeatherSource source={result ? describeWeatherSource({ source: result.weatherSource, station: result.weatherStation }, lang) : null} />
      {result && <MonthlySky sky={result.monthlySky} />}
      {status === 'running' && <Progress />}
      {error && <p className="solar-warning" role="alert">{error}</p>}
      {result && result.buildings.length === 0 && <p className="solar-note">{t('solar.noRoofs')}</p>}
      {result && result.buildings.length > 0 && (
        <>
          <Totals result={result} />
          <p className="solar-note" data-run-ms={Math.round(lastRunMs)}>
            {t('solar.calculatedIn', { s: formatNumber(lang, lastRunMs / 1000, 2) })}
          </p>
          <SelectedRoof result={result} />
          <MonthlyChart monthlyKwh={result.monthlyKwh} />
          <label className="solar-field">
            <span>{t('solar.colourBy')}</span>
            <select value={metric} onChange={(e) => useSolarStore.getState().set({ metric: e.currentTarget.value as RoofMetric })}>
              <option value="specificYield">{t('solar.metric.specificYield')}</option>
              <option value="kwhPerM2Roof">{t('solar.metric.kwhPerM2')}</option>
            </select>
          </label>
          <BandLegend metric={metric} />
          <RoofTable buildings={result.buildings} />
        </>
      )}
      <PlotDemand settings={settings} />
      <AssumptionsEditor settings={settings} />
    </div>
  );
}
