import { memo } from 'react';
import type { ParkSolarResult } from '../../../../shared/solar';
import { fmt } from './format';
import { useT } from '../../i18n/use-t';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';
import { idLabel } from '../../../../shared/i18n/id-label';

/** The numbers of the selected building's roof, with the neighbours that shade it. */
function SelectedRoofView({ result }: { result: ParkSolarResult }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const selectedIds = useUiStore((s) => s.selectedIds);
  const document = useDocumentStore((s) => s.document);
  const roof = result.buildings.find((b) => selectedIds.includes(b.id));
  if (!roof) return <p className="solar-note solar-selected-empty">{t('solar.selectRoof')}</p>;
  const n = (v: number, d = 0) => fmt(lang, v, d);
  const nameOf = (id: string) => {
    const f = document?.scenarios.find((s) => s.id === document.activeScenarioId)?.features.find((x) => x.id === id);
    return f?.name ?? f?.code ?? idLabel(id);
  };
  const rows: [string, string][] = [
    [t('solar.roofArea'), `${n(roof.roofAreaM2)} m²`],
    [t('solar.usableArea'), `${n(roof.usableAreaM2)} m²`],
    [t('solar.modules'), n(roof.moduleCount)],
    [t('solar.totalKwp'), `${n(roof.kwp, 1)} kWp`],
    [t('solar.annual'), `${n(roof.annualKwh / 1000, 1)} ${t('solar.col.mwh')}`],
    [t('solar.specificYield'), `${n(roof.specificYield)} kWh/kWp`],
    [t('solar.metric.kwhPerM2'), `${n(roof.kwhPerM2Roof)} kWh/m²`],
    [t('solar.pr'), n(roof.performanceRatio, 2)],
    [t('solar.shadingLoss'), t('solar.shadingLossSplit', { total: n(roof.shadingLossPercent, 1), beam: n(roof.beamShadingLossPercent, 1), sky: n(roof.diffuseShadingLossPercent, 1) })],
  ];
  return (
    <section className="solar-selected" aria-label={t('solar.selected')}>
      <h4>
        {t('solar.selected')}: {roof.name ?? nameOf(roof.id)}
      </h4>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {roof.shadingNeighbourIds.length > 0 && roof.shadingLossPercent >= 0.05 && (
        <p className={roof.shadingLossPercent >= 5 ? 'solar-warning' : 'solar-note'} role={roof.shadingLossPercent >= 5 ? 'alert' : undefined}>
          {t('solar.shadedBy', { names: roof.shadingNeighbourIds.map(nameOf).join(', ') })}
        </p>
      )}
    </section>
  );
}

/** Memoised: the panel re-renders on every progress message of a run. */
export const SelectedRoof = memo(SelectedRoofView);
