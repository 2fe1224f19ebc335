import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../../shared/format';

// vi writes dd/mm/yyyy as Vietnamese documents do; en spells the month so that 5 Jan is never
// read as 1 May. Local-time expectations are built from local Date fields, so they hold in
// every time zone the tests run in.

describe('dates', () => {
  it('a calendar day from a date-only ISO string, never shifted by the time zone', () => {
    expect(formatDate('vi', '2026-01-15')).toBe('15/01/2026');
    expect(formatDate('en', '2026-01-15')).toBe('15 Jan 2026');
    expect(formatDate('vi', '2025-12-31')).toBe('31/12/2025');
    expect(formatDate('en', '2025-09-09')).toBe('9 Sep 2025');
  });

  it('a local date and time', () => {
    const jan5 = new Date(2026, 0, 5, 14, 3, 7);
    expect(formatDate('vi', jan5)).toBe('05/01/2026');
    expect(formatDate('en', jan5)).toBe('5 Jan 2026');
    expect(formatDateTime('vi', jan5)).toBe('05/01/2026 14:03');
    expect(formatDateTime('en', jan5)).toBe('5 Jan 2026, 14:03');
    expect(formatDateTime('vi', jan5, { seconds: true })).toBe('05/01/2026 14:03:07');
    expect(formatDateTime('en', new Date(2026, 6, 4, 9, 5).toISOString())).toBe('4 Jul 2026, 09:05');
  });

  it('a stored UTC timestamp, said to be UTC', () => {
    expect(formatDateTime('vi', '2026-01-15T08:00:00.000Z', { utc: true })).toBe('15/01/2026 08:00 UTC');
    expect(formatDateTime('en', '2026-01-15T23:30:59Z', { utc: true, seconds: true })).toBe('15 Jan 2026, 23:30:59 UTC');
    // 01:00 on 1 Feb at UTC+7 (Hanoi) is still 31 Jan in UTC.
    expect(formatDateTime('en', '2026-02-01T01:00:00+07:00', { utc: true })).toBe('31 Jan 2026, 18:00 UTC');
  });

  it('a dash for what is not a date', () => {
    expect(formatDate('en', 'not a date')).toBe('—');
    expect(formatDate('vi', new Date(Number.NaN))).toBe('—');
    expect(formatDateTime('en', '2026-13-45T00:00:00Z')).toBe('—');
  });
});
