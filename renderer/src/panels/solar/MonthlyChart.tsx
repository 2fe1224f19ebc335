import { memo } from 'react';
import { fmt } from './format';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';

const MONTHS = { en: ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'], vi: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] };

/** Bar chart of monthly production (SVG, no chart library). */
function MonthlyChartView({ monthlyKwh }: { monthlyKwh: number[] }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const max = Math.max(1, ...monthlyKwh);
  const [w, h, pad] = [264, 110, 16];
  const bw = (w - 8) / 12;
  return (
    <figure className="solar-chart">
      <figcaption>{t('solar.monthly')}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={t('solar.monthly')}>
        {monthlyKwh.map((v, m) => {
          const bh = ((h - 2 * pad) * v) / max;
          return (
            <g key={m}>
              <rect x={4 + m * bw + 2} y={h - pad - bh} width={bw - 4} height={bh} className="bar">
                <title>{`${m + 1}: ${fmt(lang, v / 1000, 1)} MWh`}</title>
              </rect>
              <text x={4 + m * bw + bw / 2} y={h - 4} textAnchor="middle">
                {MONTHS[lang][m]}
              </text>
            </g>
          );
        })}
        <text x={4} y={10} className="max">
          {fmt(lang, max / 1000, 0)}
        </text>
      </svg>
    </figure>
  );
}

/** Memoised: the panel re-renders on every progress message of a run. */
export const MonthlyChart = memo(MonthlyChartView);
