import { memo, useMemo, useState } from 'react';
import type { PlotIndicators } from '../../../../shared/analysis';
import { formatNumber, type Lang, type MessageKey } from '../../i18n/strings';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { formatRatio } from './format';
import { useAnalysis, useNoAnalysisMessage } from './use-analysis';
import './analysis.css';
import { idLabel } from '../../../../shared/i18n/id-label';

type Column = 'code' | 'areaM2' | 'footprintM2' | 'buildingDensity' | 'far' | 'maxFloors' | 'greenRatio';
const COLUMNS: [Column, MessageKey][] = [
  ['code', 'analysis.col.code'],
  ['areaM2', 'analysis.col.area'],
  ['footprintM2', 'analysis.col.footprint'],
  ['buildingDensity', 'analysis.col.density'],
  ['far', 'analysis.col.far'],
  ['maxFloors', 'analysis.col.floors'],
  ['greenRatio', 'analysis.col.green'],
];

function sortValue(p: PlotIndicators, c: Column): string | number {
  if (c === 'code') return p.code ?? p.name ?? p.id;
  return p[c] ?? -1;
}

/** The "Plots" panel: one row per industrial plot, sortable; plots breaking a rule in red; click selects. */
export function PlotsPanel() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const select = useUiStore((s) => s.select);
  const selectedIds = useUiStore((s) => s.selectedIds);
  const r = useAnalysis();
  const noAnalysis = useNoAnalysisMessage();
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'code', descending: false });
  const failures = useMemo(() => {
    const byPlot = new Map<string, string[]>();
    for (const rule of r?.rules ?? []) {
      if (rule.scope !== 'plot') continue;
      for (const item of rule.items) if (item.status === 'fail' || item.status === 'warn') byPlot.set(item.featureId, [...(byPlot.get(item.featureId) ?? []), rule.title[lang]]);
    }
    return byPlot;
  }, [r, lang]);
  const rows = useMemo(() => {
    const list = [...(r?.plots ?? [])];
    list.sort((a, b) => {
      const x = sortValue(a, sort.column);
      const y = sortValue(b, sort.column);
      const order = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y), undefined, { numeric: true }) : x - y;
      return sort.descending ? -order : order;
    });
    return list;
  }, [r, sort]);
  if (!r) return <p>{t(noAnalysis)}</p>;
  if (r.plots.length === 0) return <p>{t('analysis.noPlots')}</p>;
  return (
    <div className="analysis-panel" data-testid="plots-panel">
      <table className="analysis-plots">
        <thead>
          <tr>
            {COLUMNS.map(([column, key]) => (
              <th key={column} aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button
                  type="button"
                  title={t('analysis.sortBy', { column: t(key) })}
                  onClick={() => setSort((s) => ({ column, descending: s.column === column ? !s.descending : false }))}
                >
                  {t(key)}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <PlotRow
              key={p.id}
              plot={p}
              lang={lang}
              selected={selectedIds.includes(p.id)}
              failed={failures.get(p.id)?.join('; ') ?? null}
              failedLabel={t('analysis.failedRules', { rules: failures.get(p.id)?.join('; ') ?? '' })}
              onSelect={select}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface PlotRowProps {
  plot: PlotIndicators;
  lang: Lang;
  selected: boolean;
  failed: string | null;
  failedLabel: string;
  onSelect: (ids: string[], options?: { zoom?: boolean }) => void;
}

/**
 * One plot row. Memoised: an edit keeps the indicator objects of untouched plots (the engine's
 * cache), so only the rows that changed re-render in a park of a thousand plots.
 */
const PlotRow = memo(function PlotRow({ plot: p, lang, selected, failed, failedLabel, onSelect }: PlotRowProps) {
  return (
    <tr
      data-plot={p.id}
      className={failed ? 'analysis-fail' : undefined}
      aria-selected={selected}
      title={failed ? failedLabel : undefined}
      onClick={() => onSelect([p.id], { zoom: true })}
    >
      <td>{p.code ?? p.name ?? idLabel(p.id)}</td>
      <td>{formatNumber(lang, p.areaM2)}</td>
      <td>{formatNumber(lang, p.footprintM2)}</td>
      <td>{formatRatio(lang, p.buildingDensity)}</td>
      <td>{Number.isFinite(p.far) ? formatNumber(lang, p.far, 2) : '—'}</td>
      <td>{formatNumber(lang, p.maxFloors)}</td>
      <td>{formatRatio(lang, p.greenRatio)}</td>
    </tr>
  );
});
