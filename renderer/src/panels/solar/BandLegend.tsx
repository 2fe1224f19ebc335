import { NO_MODULES_COLOUR } from '../../../../shared/solar';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { legendEntries } from './colour-scale';
import { fmt } from './format';
import type { RoofMetric } from './solar-store';

/** The fixed colour bands of the roof metric, labelled (the same bands as the map legend and the report). */
export function BandLegend({ metric }: { metric: RoofMetric }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const rows = legendEntries(metric, lang, (v) => fmt(lang, v, 0));
  return (
    <ul className="solar-bands" aria-label={t('solar.legend')} title={t('solar.legendFixed')}>
      {rows.map((r) => (
        <li key={r.colour}>
          <i style={{ background: r.colour }} />
          {r.range} · {r.name}
        </li>
      ))}
      <li>
        <i style={{ background: NO_MODULES_COLOUR }} />
        {t('solar.legendNoModules')}
      </li>
    </ul>
  );
}
