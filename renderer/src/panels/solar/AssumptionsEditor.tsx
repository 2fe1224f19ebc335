import { memo } from 'react';
import { CLIMATE_STATIONS, combinedLossFraction, SOLAR_DEFAULT_SOURCES, type SolarSettings } from '../../../../shared/solar';
import type { MessageKey } from '../../i18n/strings';
import { fmt } from './format';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { resetSolarSettings, updateSolarSettings } from './settings-actions';

type NumberKey = { [K in keyof SolarSettings]: SolarSettings[K] extends number ? K : never }[keyof SolarSettings];

const SITE: NumberKey[] = ['albedo'];
/** Roof use: what the fire-safety layout takes from each roof (sources in SOLAR_DEFAULT_SOURCES). */
const ROOF_USE: NumberKey[] = ['edgeSetbackM', 'accessPathWidthM', 'maxArrayDimensionM', 'obstructionFraction'];
const MODULES: NumberKey[] = ['flatTiltDeg', 'flatAzimuthDeg', 'groundCoverageRatio', 'pitchedSlopeDeg', 'moduleDensityWPerM2', 'moduleAreaM2', 'tempCoeffPerC', 'windSpeedMs'];
const SYSTEM: NumberKey[] = ['inverterEfficiency', 'dcAcRatio'];
const ECONOMICS: NumberKey[] = ['parkDemandKwhPerYear', 'exportCapFraction', 'emissionFactorTPerMWh', 'capexVndPerKwp', 'omFractionOfCapex', 'tariffVndPerKwh', 'exportTariffVndPerKwh', 'discountRate', 'degradationPerYear', 'lifetimeYears'];

function NumberField({ name, value, onChange }: { name: string; value: number; onChange: (v: number) => void }) {
  const t = useT();
  const label = t(`solar.field.${name}` as MessageKey);
  const source = SOLAR_DEFAULT_SOURCES[name as keyof SolarSettings];
  return (
    <label className="solar-field" title={source}>
      <span>{label}</span>
      <input
        type="number"
        step="any"
        defaultValue={value}
        key={value}
        aria-label={label}
        onBlur={(e) => {
          const v = Number(e.currentTarget.value);
          if (Number.isFinite(v) && v !== value) onChange(v);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </label>
  );
}

/** Grouped editor of doc.settings.solar with defaults (sources in tooltips) and a reset. */
function AssumptionsEditorView({ settings }: { settings: SolarSettings }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const num = (keys: NumberKey[]) =>
    keys.map((k) => <NumberField key={k} name={k} value={settings[k]} onChange={(v) => updateSolarSettings({ [k]: k === 'lifetimeYears' ? Math.round(v) : v })} />);
  return (
    <section className="solar-assumptions" aria-label={t('solar.assumptions')}>
      <h4>{t('solar.assumptions')}</h4>
      <details>
        <summary>{t('solar.group.site')}</summary>
        <label className="solar-field">
          <span>{t('solar.station')}</span>
          <select value={settings.stationId ?? ''} onChange={(e) => updateSolarSettings({ stationId: e.currentTarget.value || null })} aria-label={t('solar.station')}>
            <option value="">{t('solar.stationNearest')}</option>
            {CLIMATE_STATIONS.map((s) => (
              <option key={s.id} value={s.id}>
                {lang === 'vi' ? s.nameVi : s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="solar-field">
          <span>{t('solar.field.transposition')}</span>
          <select value={settings.transposition} onChange={(e) => updateSolarSettings({ transposition: e.currentTarget.value as SolarSettings['transposition'] })}>
            <option value="hay-davies">{t('solar.opt.hayDavies')}</option>
            <option value="isotropic">{t('solar.opt.isotropic')}</option>
          </select>
        </label>
        <label className="solar-field">
          <span>{t('solar.field.shading')}</span>
          <select value={settings.shading ? 'on' : 'off'} onChange={(e) => updateSolarSettings({ shading: e.currentTarget.value === 'on' })}>
            <option value="on">{t('solar.opt.on')}</option>
            <option value="off">{t('solar.opt.off')}</option>
          </select>
        </label>
        {num(SITE)}
      </details>
      <details className="solar-roof-use">
        <summary>{t('solar.group.roofUse')}</summary>
        {num(ROOF_USE)}
        <p className="solar-note">{t('solar.roofUseNote')}</p>
      </details>
      <details>
        <summary>{t('solar.group.modules')}</summary>
        <label className="solar-field">
          <span>{t('solar.field.rowSpacing')}</span>
          <select value={settings.rowSpacing} onChange={(e) => updateSolarSettings({ rowSpacing: e.currentTarget.value as SolarSettings['rowSpacing'] })}>
            <option value="solstice">{t('solar.opt.solstice')}</option>
            <option value="gcr">{t('solar.opt.gcr')}</option>
          </select>
        </label>
        {num(MODULES)}
      </details>
      <details>
        <summary>{t('solar.group.losses')}</summary>
        {(Object.keys(settings.losses) as (keyof SolarSettings['losses'])[]).map((k) => (
          <label key={k} className="solar-field" title={SOLAR_DEFAULT_SOURCES.losses}>
            <span>{t(`solar.loss.${k}` as MessageKey)}</span>
            <input
              type="number"
              step="any"
              defaultValue={settings.losses[k]}
              key={settings.losses[k]}
              onBlur={(e) => {
                const v = Number(e.currentTarget.value);
                if (Number.isFinite(v) && v !== settings.losses[k]) updateSolarSettings({ losses: { ...settings.losses, [k]: v } });
              }}
            />
          </label>
        ))}
        <p className="solar-note">{t('solar.lossTotal', { pct: fmt(lang, combinedLossFraction(settings.losses) * 100, 2) })}</p>
        {num(SYSTEM)}
      </details>
      <details>
        <summary>{t('solar.group.economics')}</summary>
        {num(ECONOMICS)}
      </details>
      <button type="button" onClick={resetSolarSettings}>
        {t('solar.reset')}
      </button>
    </section>
  );
}

/** Memoised: the panel re-renders on every progress message of a run. */
export const AssumptionsEditor = memo(AssumptionsEditorView);
