import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { activeScenario, landUseCategory, type ParkFeature } from '../../../shared/model';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { featureLabel, groupFeatures, type FeatureGroup } from './feature-groups';

/** Height of one row in CSS px (styles.css `.feature-rows > *` uses the same). */
export const FEATURE_ROW_PX = 22;
/** Rows rendered above and below the visible ones, so a quick scroll shows no gap. */
const OVERSCAN_ROWS = 12;

type Row = { kind: 'group'; group: FeatureGroup; open: boolean } | { kind: 'feature'; feature: ParkFeature };

/** The rows of the list: each group's header, then its features when the group is open. */
export function listRows(groups: FeatureGroup[], closed: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  for (const group of groups) {
    const open = !closed.has(group.key);
    rows.push({ kind: 'group', group, open });
    if (open) for (const feature of group.features) rows.push({ kind: 'feature', feature });
  }
  return rows;
}

/**
 * Features of the active scenario grouped by category; clicking a row selects and frames it.
 * Only the rows in view are rendered (a 5,000-feature park would otherwise cost seconds of
 * rendering on every open and every selection); rows have one fixed height so the list knows
 * where each one is without measuring.
 */
export function FeatureList() {
  const t = useT();
  const document = useDocumentStore((s) => s.document);
  const lang = useUiStore((s) => s.lang);
  const selectedIds = useUiStore((s) => s.selectedIds);
  const { select, setHovered } = useUiStore.getState();
  const [filter, setFilter] = useState('');
  // Buildings start folded: they outnumber everything else.
  const [closed, setClosed] = useState<ReadonlySet<string>>(() => new Set(['building']));
  const [view, setView] = useState({ top: 0, height: 800 });
  const scroller = useRef<HTMLDivElement>(null);
  const groups = useMemo(() => (document ? groupFeatures(activeScenario(document).features, filter) : []), [document, filter]);
  const rows = useMemo(() => listRows(groups, closed), [groups, closed]);
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A feature selected elsewhere (on the map) is scrolled into view when its group is open.
  useEffect(() => {
    const element = scroller.current;
    if (!element || selectedIds.length !== 1) return;
    const index = rows.findIndex((row) => row.kind === 'feature' && row.feature.id === selectedIds[0]);
    if (index < 0) return;
    const top = index * FEATURE_ROW_PX;
    if (top < element.scrollTop || top + FEATURE_ROW_PX > element.scrollTop + element.clientHeight) element.scrollTop = top - element.clientHeight / 2;
    // Only a new selection scrolls (not `rows`): an edit that regroups the rows leaves the scroll alone.
  }, [selectedIds]);

  const groupTitle = (group: FeatureGroup) =>
    group.kind === 'landuse' && group.landUse ? landUseCategory(group.landUse)[lang] : t(`group.${group.kind}` as 'group.boundary');
  const toggle = (key: string) =>
    setClosed((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const first = Math.max(0, Math.floor(view.top / FEATURE_ROW_PX) - OVERSCAN_ROWS);
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / FEATURE_ROW_PX) + OVERSCAN_ROWS);

  return (
    <section className="panel feature-list" aria-label={t('features.title')}>
      <h2>{t('features.title')}</h2>
      <input type="search" placeholder={t('features.filter')} aria-label={t('features.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      {groups.length === 0 && <p className="hint">{t('features.empty')}</p>}
      <div ref={scroller} className="feature-rows" data-testid="feature-rows" onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
        <div role="listbox" aria-label={t('features.title')} style={{ height: rows.length * FEATURE_ROW_PX, position: 'relative' }}>
          {rows.slice(first, last).map((row, offset) => {
            const style = { position: 'absolute', top: (first + offset) * FEATURE_ROW_PX, left: 0, right: 0 } as const;
            if (row.kind === 'group') {
              const { group } = row;
              return (
                <div
                  key={`group:${group.key}`}
                  role="presentation"
                  className="feature-group"
                  style={style}
                  onMouseEnter={() => setHovered(group.features.map((f) => f.id))}
                  onMouseLeave={() => setHovered([])}
                >
                  <button type="button" aria-expanded={row.open} onClick={() => toggle(group.key)}>
                    <span aria-hidden="true">{row.open ? '▾' : '▸'}</span>
                    {group.landUse && <span className="swatch" style={{ background: landUseCategory(group.landUse).fill }} />}
                    {groupTitle(group)} <span className="count">({group.features.length})</span>
                  </button>
                </div>
              );
            }
            const { feature } = row;
            return (
              <div
                key={feature.id}
                role="option"
                aria-selected={selected.has(feature.id)}
                tabIndex={0}
                style={style}
                onClick={(e) => select(e.shiftKey ? [...selectedIds, feature.id] : [feature.id], { zoom: true })}
                onKeyDown={(e) => e.key === 'Enter' && select([feature.id], { zoom: true })}
                onMouseEnter={() => setHovered([feature.id])}
                onMouseLeave={() => setHovered([])}
              >
                {featureLabel(feature)}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
