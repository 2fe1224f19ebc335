import { memo } from 'react';
import type { ParkSolarResult } from '../../../../shared/solar';
import { fmt } from './format';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';

/**
 * The weather as simulated, month by month: mean daily global horizontal irradiation and the
 * share of it that is diffuse (typical days or an imported file, after any decomposition).
 */
function MonthlySkyView({ sky }: { sky: ParkSolarResult['monthlySky'] }) {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const pct = (share: number) => `${fmt(lang, share * 100, 0)} %`;
  return (
    <details className="solar-sky solar-table" open>
      <summary>{t('solar.sky.title')}</summary>
      <table data-testid="solar-monthly-sky">
        <thead>
          <tr>
            <th scope="col">{t('solar.sky.month')}</th>
            <th scope="col">{t('solar.sky.ghi')}</th>
            <th scope="col">{t('solar.sky.diffuse')}</th>
          </tr>
        </thead>
        <tbody>
          {sky.ghiKWhM2Day.map((ghi, m) => (
            <tr key={m}>
              <td>{m + 1}</td>
              <td>{fmt(lang, ghi, 2)}</td>
              <td>{pct(sky.diffuseShare[m])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('solar.sky.year')}</th>
            <td>{fmt(lang, sky.yearlyGhiKWhM2Day, 2)}</td>
            <td>{pct(sky.yearlyDiffuseShare)}</td>
          </tr>
        </tfoot>
      </table>
    </details>
  );
}

/** Memoised: the panel re-renders on every progress message of a run. */
export const MonthlySky = memo(MonthlySkyView);
