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

/**
 * One line of fixed height for the run: its progress while it runs, then how long it took. It
 * is its own component and never changes height, so a progress step re-renders and repaints this
 * line only and the panel below it does not move when a run starts or ends.
 */
function RunStatus() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const status = useSolarStore((s) => s.status);
  const progress = useSolarStore((s) => s.progress);
  const lastRunMs = useSolarStore((s) => s.lastRunMs);
  const hasRoofs = useSolarStore((s) => (s.result?.buildings.length ?? 0) > 0);
  // The same element and class in both states: a change of style would lay out the whole panel.
  const running = status === 'running';
  return (
    <p className="solar-progress" role="status" data-run-ms={running ? undefined : Math.round(lastRunMs)}>
      {running && t('solar.running', { done: progress.done, total: progress.total })}
      {running && <progress max={Math.max(1, progress.total)} value={progress.done} />}
      {!running && hasRoofs && <span className="solar-note">{t('solar.calculatedIn', { s: formatNumber(lang, lastRunMs / 1000, 2) })}</span>}
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
      <RunStatus />
      {error && <p className="solar-warning" role="alert">{error}</p>}
      {result && result.buildings.length === 0 && <p className="solar-note">{t('solar.noRoofs')}</p>}
      {result && result.buildings.length > 0 && (
        <>
          <Totals result={result} />
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
