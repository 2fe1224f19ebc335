import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Electron ships Chromium, and only its three newest stable majors get Chromium security fixes,
 * one new major about every 8 weeks (electronjs.org/docs/latest/tutorial/electron-timelines).
 * DEVELOPERS.md ("Keeping Electron current") records the major in use and its release date;
 * these tests hold package.json, the lock file and the installed package to that record, and
 * fail once the recorded line is expected to have left support — without any network access.
 */

const root = path.resolve(__dirname, '../../..');
const readJson = (relative: string) => JSON.parse(readFileSync(path.join(root, relative), 'utf8'));

const SUPPORTED_MAJORS = 3;
const RELEASE_CADENCE_DAYS = 8 * 7;
const DAY_MS = 24 * 60 * 60 * 1000;

const majorOf = (version: string): number => Number(/^\D*(\d+)\./.exec(version)?.[1] ?? NaN);

function recordedLine(): { major: number; releasedOn: Date } {
  const developers = readFileSync(path.join(root, 'DEVELOPERS.md'), 'utf8');
  const match = /Current line: Electron (\d+) \((\d+)\.0\.0 released (\d{4}-\d{2}-\d{2})/.exec(developers);
  expect(match, 'DEVELOPERS.md records "Current line: Electron N (N.0.0 released YYYY-MM-DD"').not.toBeNull();
  expect(match![2], 'the release date is that of the same major').toBe(match![1]);
  return { major: Number(match![1]), releasedOn: new Date(`${match![3]}T00:00:00Z`) };
}

describe('the Electron line', () => {
  it('is the same major in package.json, the lock file, node_modules and DEVELOPERS.md', () => {
    const range: string = readJson('package.json').devDependencies.electron;
    // A caret range on one major: patch and minor updates come with `npm update`, a new major
    // only by the upgrade steps in DEVELOPERS.md.
    expect(range).toMatch(/^\^\d+\.\d+\.\d+$/);
    const locked: string = readJson('package-lock.json').packages['node_modules/electron'].version;
    const installed: string = readJson('node_modules/electron/package.json').version;
    const { major } = recordedLine();
    expect({ range: majorOf(range), locked: majorOf(locked), installed: majorOf(installed) }).toEqual({ range: major, locked: major, installed: major });
  });

  it('has not outlived its support window (three newest majors, one every 8 weeks)', () => {
    const { major, releasedOn } = recordedLine();
    // The recorded major leaves support when the third major after it is released: about
    // 3 × 8 weeks after its own release (41.0.0 2026-03-11 → 44.0.0 2026-08-25 was 167 days).
    const expectedEndOfSupport = new Date(releasedOn.getTime() + SUPPORTED_MAJORS * RELEASE_CADENCE_DAYS * DAY_MS);
    const today = new Date();
    expect(
      today.getTime() <= expectedEndOfSupport.getTime(),
      `Electron ${major} (released ${releasedOn.toISOString().slice(0, 10)}) is expected out of support since ` +
        `${expectedEndOfSupport.toISOString().slice(0, 10)}: upgrade to the current major (DEVELOPERS.md, "Keeping Electron current").`,
    ).toBe(true);
  });
});
