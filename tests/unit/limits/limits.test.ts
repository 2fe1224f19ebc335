import { describe, expect, it } from 'vitest';
import {
  checkLimit,
  DEFAULT_LIMITS,
  describeLimitExceeded,
  formatLimitValue,
  LIMIT_IDS,
  LIMIT_SPECS,
  LimitExceededError,
  limitExceeded,
  raiseLimits,
  streamedLimitExceeded,
} from '../../../shared/limits';
import { run } from '../../../cli/run';
import { CONTEXT, memoryIo } from '../cli/helpers';

describe('limits as data', () => {
  it('every limit has a positive default, a unit and a name in both languages', () => {
    for (const id of LIMIT_IDS) {
      const spec = LIMIT_SPECS[id];
      expect(DEFAULT_LIMITS[id]).toBe(spec.max);
      expect(spec.max).toBeGreaterThan(0);
      expect(spec.en.length).toBeGreaterThan(5);
      expect(spec.vi.length).toBeGreaterThan(5);
      expect(spec.vi).not.toBe(spec.en);
    }
  });

  it('checkLimit passes at the maximum and throws one past it, naming the limit and the value', () => {
    expect(() => checkLimit(DEFAULT_LIMITS, 'vertices-per-feature', DEFAULT_LIMITS['vertices-per-feature'])).not.toThrow();
    try {
      checkLimit(DEFAULT_LIMITS, 'vertices-per-feature', 10_000_000, 'feature 3');
      expect.unreachable('a limit passed must throw');
    } catch (error) {
      expect(error).toBeInstanceOf(LimitExceededError);
      expect((error as LimitExceededError).exceeded).toEqual({ reason: 'limit_exceeded', limit: 'vertices-per-feature', max: 1_000_000, value: 10_000_000, where: 'feature 3' });
    }
  });

  it('words a refusal in English and Vietnamese with the value, the maximum and how to raise it', () => {
    const exceeded = limitExceeded('archive-entry-inflated-bytes', 256 * 1024 * 1024, 4 * 1024 ** 3, 'doc.kml');
    expect(describeLimitExceeded(exceeded, 'en', { raiseHint: true })).toBe(
      'The uncompressed size of one zip entry is 4,294,967,296 bytes (4096 MiB), more than the limit of 268,435,456 bytes (256 MiB) in doc.kml; if the file is genuine, raise the limit with --limit archive-entry-inflated-bytes=N.',
    );
    expect(describeLimitExceeded(exceeded, 'vi')).toBe(
      'Dung lượng giải nén của một mục trong tệp zip là 4.294.967.296 byte (4096 MiB), vượt giới hạn 268.435.456 byte (256 MiB) trong doc.kml.',
    );
    // A streamed inflate stops at the cap: the value is where reading stopped, not the real size.
    expect(describeLimitExceeded(streamedLimitExceeded('archive-entry-inflated-bytes', 256 * 1024 * 1024, 268_451_840, 'doc.kml'), 'en')).toBe(
      'The uncompressed size of one zip entry passed the limit of 268,435,456 bytes (256 MiB) (reading stopped at 268,451,840 bytes (256 MiB)) in doc.kml.',
    );
    // A limit that protects the program offers no way round it.
    const deep = limitExceeded('nesting-depth', 256, 100_000);
    expect(describeLimitExceeded(deep, 'en', { raiseHint: true })).toBe('The nesting depth of the document is 100,000 levels, more than the limit of 256 levels.');
  });

  it('formats small byte counts without MiB and counts without a unit', () => {
    expect(formatLimitValue('archive-entry-inflated-bytes', 1000, 'en')).toBe('1,000 bytes');
    expect(formatLimitValue('archive-entry-inflated-bytes', 1.5 * 1024 * 1024, 'vi')).toBe('1.572.864 byte (1,5 MiB)');
    expect(formatLimitValue('features-per-file', 1234567, 'en')).toBe('1,234,567');
  });

  it('raises only known, raisable limits, with k/M/G suffixes', () => {
    const raised = raiseLimits(DEFAULT_LIMITS, ['vertices-per-feature=2M', 'image-pixels=250000000']);
    expect(raised).toMatchObject({ ok: true });
    if (raised.ok) {
      expect(raised.limits['vertices-per-feature']).toBe(2_000_000);
      expect(raised.limits['image-pixels']).toBe(250_000_000);
      expect(raised.limits['nesting-depth']).toBe(DEFAULT_LIMITS['nesting-depth']);
    }
    expect(raiseLimits(DEFAULT_LIMITS, ['nesting-depth=100000'])).toEqual({ ok: false, reason: 'not_raisable', detail: 'nesting-depth' });
    expect(raiseLimits(DEFAULT_LIMITS, ['no-such-limit=3'])).toEqual({ ok: false, reason: 'unknown_limit', detail: 'no-such-limit' });
    expect(raiseLimits(DEFAULT_LIMITS, ['vertices-per-feature=-3'])).toMatchObject({ ok: false, reason: 'bad_value' });
    expect(raiseLimits(DEFAULT_LIMITS, ['vertices-per-feature=0'])).toMatchObject({ ok: false, reason: 'bad_value' });
  });
});

describe('ecopark --limit', () => {
  it('lists the raisable limits in the help', async () => {
    const { io, out } = memoryIo({});
    expect(await run(['--help'], io, CONTEXT)).toBe(0);
    const line = out.find((l) => l.includes('--limit'));
    expect(line).toContain('vertices-per-feature');
    expect(line).not.toContain('nesting-depth');
  });

  it('refuses an unknown, protected or malformed limit with a usage error in the reader’s language', async () => {
    for (const [args, pattern] of [
      [['--limit', 'nope=1', 'info', 'x.gpkg'], /no limit is called "nope"/],
      [['--limit=nesting-depth=9', 'info', 'x.gpkg'], /nesting-depth protects the program/],
      [['info', 'x.gpkg', '--limit'], /--limit takes ID=N/],
      [['--lang', 'vi', '--limit', 'vertices-per-feature=abc', 'info', 'x.gpkg'], /--limit nhận ID=N/],
    ] as const) {
      const { io, err } = memoryIo({});
      expect(await run([...args], io, CONTEXT)).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(pattern);
    }
  });
});
