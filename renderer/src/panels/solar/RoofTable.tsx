import { Fragment, useDeferredValue, useMemo, useState, memo } from 'react';
import { usableSharePercent, type RoofResult } from '../../../../shared/solar';
import { activeScenario, type ParkFeature } from '../../../../shared/model';
import { featureLabel } from '../../components/feature-groups';
import { useDocumentStore } from '../../state/document-store';
import type { MessageKey } from '../../i18n/strings';
import { fmt } from './format';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { idLabel } from '../../../../shared/i18n/id-label';

/** What a roof's row is called: the short text shown, the whole label in its tooltip. */
type RoofName = { short: string; full: string };
type Names = ReadonlyMap<string, RoofName>;
type Column = { key: string; label: MessageKey; value: (b: RoofResult, names: Names) => number | string; digits: number; title?: MessageKey };
/**
 * The columns fit the side panel at its default width (issue 13): the headers are the units,
 * their tooltips say what is measured; the split of the shading loss into sun and sky is in the
 * Shading cell's tooltip and under "Selected roof", with the energy per m² of roof. A building
 * is named by its code where it has one ("CN-45-B1"; the name in full in the tooltip).
 */
const COLUMNS: Column[] = [
  { key: 'name', label: 'solar.col.name', value: (b, names) => nameOf(b, names).short, digits: 0 },
  { key: 'kwp', label: 'solar.col.kwp', value: (b) => b.kwp, digits: 0, title: 'solar.col.kwpTitle' },
  { key: 'mwh', label: 'solar.col.mwh', value: (b) => b.annualKwh / 1000, digits: 0, title: 'solar.col.mwhTitle' },
  { key: 'yield', label: 'solar.col.yield', value: (b) => b.specificYield, digits: 0, title: 'solar.col.yieldTitle' },
  { key: 'usable', label: 'solar.col.usableShare', value: (b) => usableSharePercent(b.usableAreaM2, b.roofAreaM2), digits: 0, title: 'solar.col.usableShareTitle' },
  { key: 'shading', label: 'solar.col.shading', value: (b) => b.shadingLossPercent, digits: 1, title: 'solar.col.shadingTitle' },
];
const nameOf = (b: RoofResult, names: Names): RoofName => names.get(b.id) ?? { short: b.name ?? idLabel(b.id), full: b.name ?? b.id };

/** The buildings of the active scenario by id: code first (as the plan labels them), then the name. */
function buildingNames(features: readonly ParkFeature[]): Names {
  const names = new Map<string, RoofName>();
  for (const f of features) {
    if (f.kind !== 'building') continue;
    const short = f.code?.trim() || f.name?.trim();
    if (short) names.set(f.id, { short, full: featureLabel(f) });
  }
  return names;
}

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
function sortedRoofs(buildings: RoofResult[], col: Column, desc: boolean, names: Names): RoofResult[] {
  const keyed = buildings.map((b) => ({ b, key: col.value(b, names) }));
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
  const document = useDocumentStore((s) => s.document);
  const names = useMemo(() => buildingNames(document ? activeScenario(document).features : []), [document]);
  const rows = useMemo(() => sortedRoofs(buildings, COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[2], sort.desc, names), [buildings, sort, names]);
  return (
    <section className="solar-table solar-roofs" aria-label={t('solar.roofs')}>
      <h4>{t('solar.roofs')} ({buildings.length})</h4>
      <table>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button type="button" title={c.title ? t(c.title) : undefined} onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.key !== 'name' }))}>
                  <HeaderWords text={t(c.label)} />
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((b) => (
            <tr key={b.id} data-id={b.id} aria-selected={selected.includes(b.id)} onClick={() => useUiStore.getState().select([b.id])} className={b.shadingNeighbourIds.length > 0 && b.shadingLossPercent >= 5 ? 'shaded' : undefined}>
              {COLUMNS.map((c) => {
                const v = c.value(b, names);
                if (typeof v === 'string') {
                  // Cut with an ellipsis at the panel's width; the whole label in the tooltip.
                  return (
                    <td key={c.key} className="solar-roof-name">
                      <span title={nameOf(b, names).full}>{v}</span>
                    </td>
                  );
                }
                const split = c.key === 'shading' ? t('solar.shadingLossSplit', { total: fmt(lang, v, 1), beam: fmt(lang, b.beamShadingLossPercent, 1), sky: fmt(lang, b.diffuseShadingLossPercent, 1) }) : undefined;
                return (
                  <td key={c.key} title={split}>
                    {fmt(lang, v, c.digits)}
                  </td>
                );
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

/** A header that wraps between its words, never inside one ("kWh/kWp" stays whole). */
function HeaderWords({ text }: { text: string }) {
  const words = text.split(' ');
  return (
    <>
      {words.map((word, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <span className="solar-header-word">{word}</span>
        </Fragment>
      ))}
    </>
  );
}

/** Memoised: the panel re-renders on every progress message of a run. */
export const RoofTable = memo(RoofTableView);
