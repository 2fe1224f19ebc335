import { memo } from 'react';
import type { ParkSolarResult } from '../../../../shared/solar';
import { fmt } from './format';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';

/** Park totals of the last run. */
function TotalsView({ result }: { result: ParkSolarResult }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const n = (v: number, d = 0) => fmt(lang, v, d);
  const e = result.economics;
  const hasDemand = result.demandKwhPerYear > 0;
  const rows: [string, string, string][] = [
    ['totalKwp', t('solar.totalKwp'), `${n(result.totalKwp, 1)} kWp`],
    ['annual', t('solar.annual'), `${n(result.annualKwh / 1000, 1)} ${t('solar.col.mwh')}`],
    ['specificYield', t('solar.specificYield'), `${n(result.specificYieldKwhPerKwp)} kWh/kWp`],
    ['demandShare', t('solar.demandShare'), hasDemand ? `${n(result.balance.demandShare * 100, 1)} %` : t('solar.demandUnknown')],
    ...(hasDemand
      ? ([
          ['selfConsumed', t('solar.selfConsumed'), `${n(result.balance.selfConsumedKwh / 1000, 1)} ${t('solar.col.mwh')}`],
          ['exported', t('solar.exported'), `${n(result.balance.exportedKwh / 1000, 1)} ${t('solar.col.mwh')}`],
          ['curtailed', t('solar.curtailed'), `${n(result.balance.curtailedKwh / 1000, 1)} ${t('solar.col.mwh')}`],
        ] as [string, string, string][])
      : []),
    ['co2', t('solar.co2'), `${n(result.co2AvoidedT, 1)} ${t('solar.unit.tco2Year')}`],
    ['payback', t('solar.payback'), Number.isFinite(e.simplePaybackYears) ? t('solar.years', { n: n(e.simplePaybackYears, 1) }) : t('solar.never')],
    ['lcoe', t('solar.lcoe'), Number.isFinite(e.lcoeVndPerKwh) ? `${n(e.lcoeVndPerKwh)} VND/kWh` : '—'],
    ['npv', t('solar.npv'), `${n(e.npvVnd / 1e9, 2)} × 10⁹ VND`],
  ];
  return (
    <section className="solar-totals" aria-label={t('solar.totals')}>
      <h4>{t('solar.totals')}</h4>
      <dl>
        {rows.map(([key, label, value]) => (
          <div key={key} data-total={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="solar-note">{result.shadingSunPositions > 0 ? t('solar.shadingNote', { n: result.shadingSunPositions }) : t('solar.shadingOff')}</p>
      {hasDemand && <p className="solar-note">{t('solar.demandNote')}</p>}
    </section>
  );
}

/** Memoised: the panel re-renders on every progress message of a run. */
export const Totals = memo(TotalsView);
