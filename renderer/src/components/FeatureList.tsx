import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { activeScenario, landUseCategory } from '../../../shared/model';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { featureLabel, groupFeatures, type FeatureGroup } from './feature-groups';
import { listKeyAction, listRows, rowKey, scrollToShow, selectionAfter, selectMode } from './feature-list-keys';

export { listRows } from './feature-list-keys';

/** Height of one row in CSS px (styles.css `.feature-rows > *` uses the same). */
export const FEATURE_ROW_PX = 22;
/** Rows rendered above and below the visible ones, so a quick scroll shows no gap. */
const OVERSCAN_ROWS = 12;

/**
 * Features of the active scenario grouped by category; clicking a row selects and frames it.
 * Only the rows in view are rendered (a 5,000-feature park would otherwise cost seconds of
 * rendering on every open and every selection); rows have one fixed height so the list knows
 * where each one is without measuring.
 *
 * The list is one Tab stop (issue 13): the scroller holds the focus and `aria-activedescendant`
 * names the row the keys act on (feature-list-keys.ts), which is always scrolled into view and
 * so always rendered. Feature rows are options; a group's header is a labelled group row with
 * `aria-expanded`, reachable by the arrows and opened or closed by ←/→, Enter or Space.
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
  // Key of the row the keyboard is on (null until the list is first used).
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const rowIdPrefix = useId();
  const groups = useMemo(() => (document ? groupFeatures(activeScenario(document).features, filter) : []), [document, filter]);
  const rows = useMemo(() => listRows(groups, closed), [groups, closed]);
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  const activeIndex = activeKey === null ? -1 : rows.findIndex((row) => rowKey(row) === activeKey);

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
    setActiveKey(selectedIds[0]);
    const top = index * FEATURE_ROW_PX;
    if (top < element.scrollTop || top + FEATURE_ROW_PX > element.scrollTop + element.clientHeight) element.scrollTop = top - element.clientHeight / 2;
    // Only a new selection scrolls (not `rows`): an edit that regroups the rows leaves the scroll alone.
  }, [selectedIds]);

  const groupTitle = (group: FeatureGroup) =>
    group.kind === 'landuse' && group.landUse ? landUseCategory(group.landUse)[lang] : t(`group.${group.kind}` as 'group.boundary');
  const setOpen = (key: string, open: boolean) =>
    setClosed((previous) => {
      const next = new Set(previous);
      if (open) next.delete(key);
      else next.add(key);
      return next;
    });

  /** Makes row `index` the keyboard's row and scrolls it into view (so it is rendered). */
  const activate = (index: number) => {
    setActiveKey(rowKey(rows[index]));
    const element = scroller.current;
    if (!element) return;
    const top = scrollToShow(index, FEATURE_ROW_PX, element.scrollTop, element.clientHeight);
    if (top === element.scrollTop) return;
    element.scrollTop = top;
    // Rendered now, not at the next scroll event: the active row must exist for aria-activedescendant.
    setView({ top: element.scrollTop, height: element.clientHeight });
  };

  /** The selected feature's row if it is in view, else the top row in view. */
  const firstInView = () => {
    const top = Math.min(rows.length - 1, Math.ceil(view.top / FEATURE_ROW_PX));
    const bottom = Math.floor((view.top + view.height) / FEATURE_ROW_PX) - 1;
    const chosen = rows.findIndex((row, i) => i >= top && i <= bottom && row.kind === 'feature' && selected.has(row.feature.id));
    return chosen >= 0 ? chosen : top;
  };

  // Tabbing in shows the keyboard's row (scrolled to if the wheel took it away); a click picks its own row.
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (rows.length > 0 && event.currentTarget.matches(':focus-visible')) activate(activeIndex >= 0 ? activeIndex : firstInView());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.floor((scroller.current?.clientHeight ?? 0) / FEATURE_ROW_PX) - 1;
    const action = listKeyAction(event.key, event, rows, activeIndex < 0 ? 0 : activeIndex, pageRows);
    if (!action) return;
    event.preventDefault();
    if (activeIndex < 0) activate(firstInView());
    else if (action.kind === 'move') activate(action.index);
    else if (action.kind === 'open') {
      setOpen(action.groupKey, action.open);
      setActiveKey(`group:${action.groupKey}`);
    } else select(selectionAfter(selectedIds, action.id, action.mode), { zoom: true });
  };

  const first = Math.max(0, Math.floor(view.top / FEATURE_ROW_PX) - OVERSCAN_ROWS);
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / FEATURE_ROW_PX) + OVERSCAN_ROWS);
  const rowId = (index: number) => `${rowIdPrefix}-row-${index}`;

  return (
    <section className="panel feature-list" aria-label={t('features.title')}>
      <h2>{t('features.title')}</h2>
      <input type="search" placeholder={t('features.filter')} aria-label={t('features.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      {groups.length === 0 && <p className="hint">{t('features.empty')}</p>}
      <div
        ref={scroller}
        className="feature-rows"
        data-testid="feature-rows"
        role="listbox"
        aria-label={t('features.title')}
        aria-multiselectable="true"
        aria-activedescendant={activeIndex >= 0 ? rowId(activeIndex) : undefined}
        tabIndex={rows.length > 0 ? 0 : -1}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      >
        <div role="presentation" style={{ height: rows.length * FEATURE_ROW_PX, position: 'relative' }}>
          {rows.slice(first, last).map((row, offset) => {
            const index = first + offset;
            const common = {
              id: rowId(index),
              style: { position: 'absolute', top: index * FEATURE_ROW_PX, left: 0, right: 0 },
              className: index === activeIndex ? 'is-active' : undefined,
            } as const;
            if (row.kind === 'group') {
              const { group } = row;
              const title = `${groupTitle(group)} (${group.features.length})`;
              return (
                <div
                  key={`group:${group.key}`}
                  {...common}
                  role="group"
                  aria-label={title}
                  aria-expanded={row.open}
                  className={`feature-group ${common.className ?? ''}`}
                  onClick={() => {
                    setOpen(group.key, !row.open);
                    setActiveKey(rowKey(row));
                  }}
                  onMouseEnter={() => setHovered(group.features.map((f) => f.id))}
                  onMouseLeave={() => setHovered([])}
                >
                  <span aria-hidden="true">{row.open ? '▾' : '▸'}</span>
                  {group.landUse && <span className="swatch" style={{ background: landUseCategory(group.landUse).fill }} />}
                  {groupTitle(group)} <span className="count">({group.features.length})</span>
                </div>
              );
            }
            const { feature } = row;
            return (
              <div
                key={feature.id}
                {...common}
                role="option"
                aria-selected={selected.has(feature.id)}
                onClick={(e) => {
                  setActiveKey(feature.id);
                  select(selectionAfter(selectedIds, feature.id, selectMode(e)), { zoom: true });
                }}
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
