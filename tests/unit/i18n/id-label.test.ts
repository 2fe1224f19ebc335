import { describe, expect, it } from 'vitest';
import { idLabel, WHOLE_ID_CHARS } from '../../../shared/i18n/id-label';
import { featureLabel } from '../../../shared/geometry/validate';
import { clippedLabel, describeProblem, scenarioProblems } from '../../../shared/analysis/problems';
import type { ParkFeature } from '../../../shared/model';

/**
 * A feature without a name or code is named by its id in problem sentences. Ids from imported
 * files ("road-000040") used to be cut to 8 characters, so 37 roads all read "Road road-000".
 */

const UUID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const codePoints = (s: string) => [...s].length;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** A road with one distinct vertex: the validator reports it (too_few_vertices) with no boundary needed. */
const road = (id: string): ParkFeature => ({ id, kind: 'road', widthM: 10, geometry: { type: 'LineString', coordinates: [[106, 21], [106, 21]] } });

describe('idLabel', () => {
  it('shows an id of 11 characters whole', () => {
    expect(idLabel('road-000040')).toBe('road-000040');
  });

  it('shows an id of exactly WHOLE_ID_CHARS (16) characters whole and clips a longer one to 16 with "…"', () => {
    expect(WHOLE_ID_CHARS).toBe(16);
    expect(idLabel('landuse-00000012')).toBe('landuse-00000012');
    // 17 characters: the first 15 and "…" make 16.
    expect(idLabel('landuse-000000123')).toBe('landuse-0000001…');
  });

  it('names a UUID by its first 8 hex digits, as before', () => {
    expect(idLabel(UUID)).toBe('1b4e28ba');
    expect(idLabel(UUID.toUpperCase())).toBe('1B4E28BA');
  });

  it('bounds a 10,000-character id', () => {
    const label = idLabel('x'.repeat(10_000));
    expect(codePoints(label)).toBe(WHOLE_ID_CHARS);
    expect(label).toBe(`${'x'.repeat(15)}…`);
  });

  it('keeps the label on one line whatever the id holds', () => {
    expect(idLabel('road\n0001')).toBe('road\uFFFD0001');
    expect(idLabel('a\r\tb\u2028c\u202Ed')).toBe('a\uFFFD\uFFFDb\uFFFDc\uFFFDd');
    const hostile = idLabel('\n'.repeat(10_000));
    expect(hostile).not.toMatch(LINE_BREAK);
    expect(codePoints(hostile)).toBe(WHOLE_ID_CHARS);
  });

  it('never splits a character made of two UTF-16 units', () => {
    // 20 emoji (2 units each): 15 whole emoji and "…".
    expect(idLabel('🛣'.repeat(20))).toBe(`${'🛣'.repeat(15)}…`);
  });
});

describe('problem labels of unnamed features', () => {
  it('tell short imported ids apart in both languages', () => {
    expect(featureLabel(road('road-000040'))).toBe('Road road-000040');
    expect(clippedLabel(road('road-000040'), 'en')).toBe('Road road-000040');
    expect(clippedLabel(road('traffic-000012'), 'vi')).toBe('Đường traffic-000012');
    const problems = scenarioProblems([road('road-000040'), road('road-000041')]);
    expect(problems.map((p) => p.message)).toEqual([
      'Road road-000040: it has 1 distinct vertices; a line needs at least 2.',
      'Road road-000041: it has 1 distinct vertices; a line needs at least 2.',
    ]);
  });

  it('name a UUID feature as before', () => {
    expect(featureLabel(road(UUID))).toBe('Road 1b4e28ba');
    expect(clippedLabel(road(UUID), 'vi')).toBe('Đường 1b4e28ba');
    expect(scenarioProblems([road(UUID)])[0].message).toBe('Road 1b4e28ba: it has 1 distinct vertices; a line needs at least 2.');
  });

  it('stay one bounded line for a hostile id, in the message and in either language', () => {
    const hostile = road(`evil\n${'y'.repeat(10_000)}`);
    const [problem] = scenarioProblems([hostile]);
    const features = new Map([[hostile.id, hostile]]);
    for (const text of [problem.message, describeProblem(problem, features, 'en'), describeProblem(problem, features, 'vi')]) {
      expect(text).not.toMatch(LINE_BREAK);
      expect(text).toContain('evil\uFFFDyyyyyyyyyy…');
    }
    expect(problem.message).toBe('Road evil\uFFFDyyyyyyyyyy…: it has 1 distinct vertices; a line needs at least 2.');
  });

  it('name a feature the map no longer has by its id, clipped the same way', () => {
    const [problem] = scenarioProblems([road('road-000040')]);
    expect(describeProblem(problem, new Map(), 'vi')).toBe('road-000040: chỉ có 1 đỉnh phân biệt; một đường cần ít nhất 2 đỉnh.');
    expect(describeProblem({ ...problem, featureId: UUID }, new Map(), 'en')).toBe('1b4e28ba: it has 1 distinct vertices; a line needs at least 2.');
  });
});
