import { memo } from 'react';
import type { SolarSettings } from '../../../../shared/solar';
import { activeScenario } from '../../../../shared/model';
import { useT } from '../../i18n/use-t';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';
import { fmt } from './format';
import { updateSolarSettings } from './settings-actions';
import { idLabel } from '../../../../shared/i18n/id-label';

/** Per-plot electricity demand: editable when one land-use plot is selected; totals shown. */
function PlotDemandView({ settings }: { settings: SolarSettings }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const selectedIds = useUiStore((s) => s.selectedIds);
  const document = useDocumentStore((s) => s.document);
  const plot = document && selectedIds.length === 1 ? activeScenario(document).features.find((f) => f.id === selectedIds[0] && f.kind === 'landuse') : undefined;
  const entries = Object.entries(settings.plotDemandKwhPerYear);
  const total = entries.reduce((a, [, v]) => a + v, 0);
  const current = plot ? settings.plotDemandKwhPerYear[plot.id] ?? 0 : 0;
  return (
    <>
      {plot && (
        <label className="solar-field">
          <span>{t('solar.plotDemand', { name: plot.name ?? plot.code ?? idLabel(plot.id) })}</span>
          <input
            type="number"
            min={0}
            step="any"
            defaultValue={current}
            key={`${plot.id}:${current}`}
            onBlur={(e) => {
              const v = Number(e.currentTarget.value);
              if (!Number.isFinite(v) || v < 0 || v === current) return;
              const next = { ...settings.plotDemandKwhPerYear };
              if (v === 0) delete next[plot.id];
              else next[plot.id] = v;
              updateSolarSettings({ plotDemandKwhPerYear: next });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
            }}
          />
        </label>
      )}
      {entries.length > 0 && <p className="solar-note">{t('solar.plotDemandTotal', { count: entries.length, kwh: fmt(lang, total) })}</p>}
    </>
  );
}

/** Memoised: the panel re-renders with every run's start, result and status. */
export const PlotDemand = memo(PlotDemandView);
