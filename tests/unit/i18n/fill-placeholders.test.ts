import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from '../../../shared/i18n/fill-placeholders';

describe('fillPlaceholders', () => {
  it('fills every occurrence, numbers included, and leaves unknown placeholders visible', () => {
    expect(fillPlaceholders('{file}: {n} of {total} — {file}', { file: 'park.gpkg', n: 3, total: 0 })).toBe('park.gpkg: 3 of 0 — park.gpkg');
    expect(fillPlaceholders('Saved {file} ({size})', { file: 'a.gpkg' })).toBe('Saved a.gpkg ({size})');
  });

  it('takes only the parameters given, never inherited properties', () => {
    expect(fillPlaceholders('{toString} {constructor}', {})).toBe('{toString} {constructor}');
  });
});
