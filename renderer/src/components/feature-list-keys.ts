import type { ParkFeature } from '../../../shared/model';
import type { FeatureGroup } from './feature-groups';

/** One row of the feature list: a group's header, or a feature under its group. */
export type Row = { kind: 'group'; group: FeatureGroup; open: boolean } | { kind: 'feature'; feature: ParkFeature; groupKey: string };

/** The rows of the list: each group's header, then its features when the group is open. */
export function listRows(groups: FeatureGroup[], closed: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  for (const group of groups) {
    const open = !closed.has(group.key);
    rows.push({ kind: 'group', group, open });
    if (open) for (const feature of group.features) rows.push({ kind: 'feature', feature, groupKey: group.key });
  }
  return rows;
}

/** A stable key for a row, so the keyboard's place survives an edit that regroups the rows. */
export const rowKey = (row: Row): string => (row.kind === 'group' ? `group:${row.group.key}` : row.feature.id);

/**
 * How a row's feature joins the selection, as on the map: a plain Enter/Space/click selects it
 * alone, Shift adds it to the selection, Ctrl (⌘ on macOS) toggles it in or out.
 */
export type SelectMode = 'only' | 'add' | 'toggle';

export function selectMode(event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): SelectMode {
  if (event.ctrlKey || event.metaKey) return 'toggle';
  return event.shiftKey ? 'add' : 'only';
}

export function selectionAfter(selected: readonly string[], id: string, mode: SelectMode): string[] {
  if (mode === 'only') return [id];
  if (selected.includes(id)) return mode === 'toggle' ? selected.filter((s) => s !== id) : [...selected];
  return [...selected, id];
}

/** What a key does in the list (WAI-ARIA tree pattern); null: not the list's key. */
export type ListKeyAction =
  | { kind: 'move'; index: number }
  | { kind: 'open'; groupKey: string; open: boolean }
  | { kind: 'select'; id: string; mode: SelectMode };

/**
 * ↑/↓ move by a row, Home/End to the ends, PageUp/PageDown by a screenful (`pageRows`).
 * → opens a closed group, or steps into an open one; ← closes an open group, or steps from a
 * feature up to its group. Enter/Space on a group opens or closes it, on a feature selects it.
 */
export function listKeyAction(
  key: string,
  modifiers: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean },
  rows: readonly Row[],
  index: number,
  pageRows: number,
): ListKeyAction | null {
  if (rows.length === 0) return null;
  const last = rows.length - 1;
  const at = Math.min(Math.max(index, 0), last);
  const move = (to: number): ListKeyAction => ({ kind: 'move', index: Math.min(Math.max(to, 0), last) });
  const row = rows[at];
  switch (key) {
    case 'ArrowDown':
      return move(at + 1);
    case 'ArrowUp':
      return move(at - 1);
    case 'Home':
      return move(0);
    case 'End':
      return move(last);
    case 'PageDown':
      return move(at + Math.max(1, pageRows));
    case 'PageUp':
      return move(at - Math.max(1, pageRows));
    case 'ArrowRight':
      if (row.kind !== 'group') return null;
      return row.open ? move(at + 1) : { kind: 'open', groupKey: row.group.key, open: true };
    case 'ArrowLeft':
      if (row.kind === 'group') return row.open ? { kind: 'open', groupKey: row.group.key, open: false } : null;
      return move(rows.findIndex((r) => r.kind === 'group' && r.group.key === row.groupKey));
    case 'Enter':
    case ' ':
      if (row.kind === 'group') return { kind: 'open', groupKey: row.group.key, open: !row.open };
      return { kind: 'select', id: row.feature.id, mode: selectMode(modifiers) };
    default:
      return null;
  }
}

/**
 * The scroll position that brings row `index` fully into a view of `viewPx` scrolled to
 * `scrollTop`: unchanged when it is in view already, else the nearest edge.
 */
export function scrollToShow(index: number, rowPx: number, scrollTop: number, viewPx: number): number {
  const top = index * rowPx;
  if (top < scrollTop) return top;
  if (top + rowPx > scrollTop + viewPx) return top + rowPx - viewPx;
  return scrollTop;
}
