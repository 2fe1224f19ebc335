import { describe, expect, it } from 'vitest';
import type { ParkFeature } from '../../../shared/model';
import { listKeyAction, listRows, rowKey, scrollToShow, selectionAfter, selectMode, type Row } from '../../../renderer/src/components/feature-list-keys';
import type { FeatureGroup } from '../../../renderer/src/components/feature-groups';

const feature = (id: string) => ({ id, kind: 'landuse' }) as ParkFeature;
const groups: FeatureGroup[] = [
  { key: 'boundary', kind: 'boundary', features: [feature('b1')] },
  { key: 'landuse:industrial', kind: 'landuse', landUse: 'industrial', features: [feature('i1'), feature('i2'), feature('i3')] },
  { key: 'building', kind: 'building', features: [feature('k1'), feature('k2')] },
];
const plain = { shiftKey: false, ctrlKey: false, metaKey: false };

describe('the rows of the feature list', () => {
  it('lists each header, then the features of open groups only', () => {
    const rows = listRows(groups, new Set(['building']));
    expect(rows.map(rowKey)).toEqual(['group:boundary', 'b1', 'group:landuse:industrial', 'i1', 'i2', 'i3', 'group:building']);
  });
});

describe('keys of the feature list (one Tab stop, WAI-ARIA tree keys)', () => {
  // Rows: 0 boundary header, 1 b1, 2 industrial header, 3 i1, 4 i2, 5 i3, 6 building header (closed).
  const rows: Row[] = listRows(groups, new Set(['building']));
  const key = (name: string, at: number, modifiers = plain, pageRows = 3) => listKeyAction(name, modifiers, rows, at, pageRows);

  it('moves by one row, to the ends and by a page, never past the ends', () => {
    expect(key('ArrowDown', 0)).toEqual({ kind: 'move', index: 1 });
    expect(key('ArrowDown', 6)).toEqual({ kind: 'move', index: 6 });
    expect(key('ArrowUp', 0)).toEqual({ kind: 'move', index: 0 });
    expect(key('Home', 4)).toEqual({ kind: 'move', index: 0 });
    expect(key('End', 1)).toEqual({ kind: 'move', index: 6 });
    expect(key('PageDown', 1)).toEqual({ kind: 'move', index: 4 }); // 1 + 3
    expect(key('PageDown', 5)).toEqual({ kind: 'move', index: 6 }); // clamped
    expect(key('PageUp', 5)).toEqual({ kind: 'move', index: 2 }); // 5 − 3
    expect(key('PageUp', 1, plain, 0)).toEqual({ kind: 'move', index: 0 }); // a page is at least one row
  });

  it('opens, enters, closes and leaves groups with → and ←', () => {
    expect(key('ArrowRight', 6)).toEqual({ kind: 'open', groupKey: 'building', open: true });
    expect(key('ArrowRight', 2)).toEqual({ kind: 'move', index: 3 }); // open: steps onto its first feature
    expect(key('ArrowRight', 4)).toBeNull();
    expect(key('ArrowLeft', 2)).toEqual({ kind: 'open', groupKey: 'landuse:industrial', open: false });
    expect(key('ArrowLeft', 5)).toEqual({ kind: 'move', index: 2 }); // from i3 up to its header
    expect(key('ArrowLeft', 6)).toBeNull(); // closed already
  });

  it('Enter and Space open a group or select a feature; other keys are not the list’s', () => {
    expect(key('Enter', 6)).toEqual({ kind: 'open', groupKey: 'building', open: true });
    expect(key(' ', 2)).toEqual({ kind: 'open', groupKey: 'landuse:industrial', open: false });
    expect(key('Enter', 4)).toEqual({ kind: 'select', id: 'i2', mode: 'only' });
    expect(key(' ', 4, { ...plain, shiftKey: true })).toEqual({ kind: 'select', id: 'i2', mode: 'add' });
    expect(key('Enter', 4, { ...plain, ctrlKey: true })).toEqual({ kind: 'select', id: 'i2', mode: 'toggle' });
    expect(key('a', 4)).toBeNull();
    expect(listKeyAction('ArrowDown', plain, [], 0, 3)).toBeNull();
  });
});

describe('selection from the list, as on the map', () => {
  it('selects alone, adds with Shift, toggles with Ctrl or ⌘', () => {
    expect(selectMode(plain)).toBe('only');
    expect(selectMode({ ...plain, shiftKey: true })).toBe('add');
    expect(selectMode({ ...plain, metaKey: true })).toBe('toggle');
    expect(selectionAfter(['a', 'b'], 'c', 'only')).toEqual(['c']);
    expect(selectionAfter(['a'], 'c', 'add')).toEqual(['a', 'c']);
    expect(selectionAfter(['a', 'c'], 'c', 'add')).toEqual(['a', 'c']);
    expect(selectionAfter(['a', 'c'], 'c', 'toggle')).toEqual(['a']);
    expect(selectionAfter(['a'], 'c', 'toggle')).toEqual(['a', 'c']);
  });
});

describe('scrolling the keyboard’s row into view', () => {
  // Rows of 22 px in a 220 px view (10 rows).
  it('leaves the scroll alone when the row is in view, else shows it at the nearest edge', () => {
    expect(scrollToShow(5, 22, 0, 220)).toBe(0);
    expect(scrollToShow(12, 22, 0, 220)).toBe(12 * 22 + 22 - 220); // bottom edge: 66
    expect(scrollToShow(2, 22, 110, 220)).toBe(44); // top edge: row 2 starts at 44
    expect(scrollToShow(9, 22, 0, 220)).toBe(0); // 198 + 22 = 220: just fits
  });
});
