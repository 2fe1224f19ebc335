import { useDeferredValue, useMemo, useState, memo } from 'react';
import { usableSharePercent, type RoofResult } from '../../../../shared/solar';
import type { MessageKey } from '../../i18n/strings';
import { fmt } from './format';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';

type Column = { key: string; label: MessageKey; value: (b: RoofResult) => number | string; digits: number; title?: MessageKey };
const COLUMNS: Column[] = [
  { key: 'name', label: 'solar.col.name', value: (b) => b.name ?? b.id.slice(0, 8), digits: 0 },
  { key: 'kwp', label: 'solar.col.kwp', value: (b) => b.kwp, digits: 1 },
  { key: 'mwh', label: 'solar.col.mwh', value: (b) => b.annualKwh / 1000, digits: 1 },
  { key: 'yield', label: 'solar.col.yield', value: (b) => b.specificYield, digits: 0 },
  { key: 'kwhM2', label: 'solar.col.kwhM2', value: (b) => b.kwhPerM2Roof, digits: 0 },
  { key: 'usable', label: 'solar.col.usableShare', value: (b) => usableSharePercent(b.usableAreaM2, b.roofAreaM2), digits: 0, title: 'solar.col.usableShareTitle' },
  { key: 'shading', label: 'solar.col.shading', value: (b) => b.shadingLossPercent, digits: 1, title: 'solar.col.shadingTitle' },
  { key: 'shadingBeam', label: 'solar.col.shadingBeam', value: (b) => b.beamShadingLossPercent, digits: 1, title: 'solar.col.shadingBeamTitle' },
  { key: 'shadingSky', label: 'solar.col.shadingSky', value: (b) => b.diffuseShadingLossPercent, digits: 1, title: 'solar.col.shadingSkyTitle' },
];
/**
 * Rows rendered at first, and added by "Show more": every new result rewrites the numbers of the
 * rows shown in one commit, so few are shown until asked for (thousands would block the page).
 */
const FIRST_ROWS = 25;
const MORE_ROWS = 100;

/**
 * Roofs in the column's order. Each roof's key is computed once, not per comparison (thousands of
 * roofs make tens of thousands of comparisons), and names compare with one shared collator.
 */
function sortedRoofs(buildings: RoofResult[], col: Column, desc: boolean): RoofResult[] {
  const keyed = buildings.map((b) => ({ b, key: col.value(b) }));
  const collator = new Intl.Collator();
  keyed.sort((p, q) => {
    const [x, y] = [p.key, q.key];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return desc ? -c : c;
  });
  return keyed.map((k) => k.b);
}

/** Per-building table, sortable by any column; a row click selects the building. */
function RoofTableView({ buildings: latest }: { buildings: RoofResult[] }) {
  // Sorting and rendering thousands of rows yields to input (a transition), never one long task.
  const buildings = useDeferredValue(latest);
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const selected = useUiStore((s) => s.selectedIds);
  const [sort, setSort] = useState<{ key: string; desc: boolean }>({ key: 'mwh', desc: true });
  const [shown, setShown] = useState(FIRST_ROWS);
  const rows = useMemo(() => sortedRoofs(buildings, COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[2], sort.desc), [buildings, sort]);
  return (
    <section className="solar-table" aria-label={t('solar.roofs')}>
      <h4>{t('solar.roofs')} ({buildings.length})</h4>
      <table>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button type="button" title={c.title ? t(c.title) : undefined} onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.key !== 'name' }))}>
                  {t(c.label)}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((b) => (
            <tr key={b.id} data-id={b.id} aria-selected={selected.includes(b.id)} onClick={() => useUiStore.getState().select([b.id])} className={b.shadingNeighbourIds.length > 0 && b.shadingLossPercent >= 5 ? 'shaded' : undefined}>
              {COLUMNS.map((c) => {
                const v = c.value(b);
                return <td key={c.key}>{typeof v === 'number' ? fmt(lang, v, c.digits) : v}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + MORE_ROWS)}>
          {t('solar.showMore', { n: Math.min(MORE_ROWS, rows.length - shown) })}
        </button>
      )}
    </section>
  );
}

/** Memoised: the panel re-renders on every progress message of a run. */
export const RoofTable = memo(RoofTableView);
