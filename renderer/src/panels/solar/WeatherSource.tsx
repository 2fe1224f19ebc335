import { describeWeatherProblem } from '../../../../shared/solar/weather-validation';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { importWeatherFile } from './solar-runner';
import { useSolarStore } from './solar-store';

/** The weather source in use (always shown) and the hourly-weather import. */
export function WeatherSource({ source }: { source: string | null }) {
  const t = useT();
  const imported = useSolarStore((s) => s.importedWeather);
  const error = useSolarStore((s) => s.weatherError);
  const lang = useUiStore((s) => s.lang);
  return (
    <section className="solar-weather" aria-label={t('solar.weather')}>
      <p>
        <strong>{t('solar.weather')}:</strong> <span data-testid="solar-weather-source">{imported?.source ?? source ?? '…'}</span>
      </p>
      <label className="solar-import">
        <span>{t('solar.importWeather')}</span>
        <input
          type="file"
          accept=".epw,.csv"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (!file) return;
            importWeatherFile(await file.text(), file.name);
          }}
        />
      </label>
      {imported && (
        <>
          <p className="solar-note">{t('solar.weatherInMemory')}</p>
          <button type="button" onClick={() => useSolarStore.getState().set({ importedWeather: null })}>
            {t('solar.clearWeather')}
          </button>
        </>
      )}
      {error && (
        <p className="solar-warning" role="alert">
          {t('solar.weatherError', { file: error.fileName, reason: `${t(`solar.weatherReason.${error.reason}`)} (${error.problem ? describeWeatherProblem(error.problem, lang) : error.detail})` })}
        </p>
      )}
    </section>
  );
}
