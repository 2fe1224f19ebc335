import { describe, expect, it } from 'vitest';
import { buildingPlotCrossings } from '../../../shared/analysis/building-crossings';
import { describeProblem, scenarioProblems } from '../../../shared/analysis';
import type { ParkFeature } from '../../../shared/model';
import { poly, rect } from './fixtures';

// Issue 13, bug 4: a building standing across a plot line is a layout problem. Areas from
// /usr/bin/python3 with Debian's python3-geographiclib, Geodesic.WGS84.Polygon over each
// rectangle, frozen with repr():
const WEST = 2762.699656814337; // rect(106.0006, 21.0003, 106.001, 21.0009): the part in P1
const WHOLE = 6906.749142020941; // rect(106.0006, 21.0003, 106.0016, 21.0009)

const boundary: ParkFeature = { id: 'B', kind: 'boundary', geometry: poly(rect(105.999, 20.999, 106.004, 21.003)) };
const p1: ParkFeature = { id: 'P1', kind: 'landuse', landUse: 'industrial', code: 'CN-05a', geometry: poly(rect(106.0, 21.0, 106.001, 21.0015)) };
const p2: ParkFeature = { id: 'P2', kind: 'landuse', landUse: 'industrial', code: 'CN-05b', geometry: poly(rect(106.001, 21.0, 106.002, 21.0015)) };
const across: ParkFeature = { id: 'X', kind: 'building', name: 'Hall 1', geometry: poly(rect(106.0006, 21.0003, 106.0016, 21.0009)) };
const inside: ParkFeature = { id: 'I', kind: 'building', geometry: poly(rect(106.0002, 21.001, 106.0008, 21.0013)) };
// Its west edge on the plot line itself: touching is not crossing.
const onLine: ParkFeature = { id: 'L', kind: 'building', geometry: poly(rect(106.001, 21.001, 106.0015, 21.0013)) };
const nowhere: ParkFeature = { id: 'N', kind: 'building', geometry: poly(rect(106.003, 21.001, 106.0035, 21.0013)) };

describe('buildings across a plot line', () => {
  const features = [boundary, p1, p2, across, inside, onLine, nowhere];

  it('finds the building across the line, with the plot holding most of it and the part outside', () => {
    const found = buildingPlotCrossings(features);
    expect(found).toHaveLength(1);
    const [c] = found;
    expect(c.buildingId).toBe('X');
    expect(c.plotId).toBe('P2');
    expect(c.otherPlotIds).toEqual(['P1']);
    expect(c.buildingM2).toBeCloseTo(WHOLE, 4);
    expect(c.buildingM2 - c.insideM2).toBeCloseTo(WEST, 3);
    // The place shown lies in the part outside P2, west of the line.
    expect(c.at[0]).toBeGreaterThan(106.0006);
    expect(c.at[0]).toBeLessThan(106.001);
  });

  it('is a layout problem for the CLI, the report and the map, in both languages', () => {
    const problems = scenarioProblems(features).filter((p) => p.reason === 'building_crosses_plot');
    expect(problems).toHaveLength(1);
    expect(problems[0].featureId).toBe('X');
    expect(problems[0].otherId).toBe('P2');
    const byId = new Map(features.map((f) => [f.id, f]));
    // 6,907 and 2,763: WHOLE and WEST rounded to whole m².
    expect(describeProblem(problems[0], byId, 'en')).toMatch(/^Building “Hall 1” stands across the edge of Land-use polygon “CN-05b”: 2,763 m² of its 6,907 m² lie outside it near 21\.\d{6}° N, 106\.000\d{3}° E\.$/);
    expect(describeProblem(problems[0], byId, 'vi')).toMatch(/^Công trình “Hall 1” nằm vắt qua ranh giới của Vùng sử dụng đất “CN-05b”: 2\.763 m² trong tổng 6\.907 m² nằm ngoài lô gần 21,\d{6}° B, 106,000\d{3}° Đ\.$/);
  });

  it('with onlyIds checks the edited buildings and the buildings on edited plots only', () => {
    expect(buildingPlotCrossings(features, { onlyIds: ['I'] })).toEqual([]);
    expect(buildingPlotCrossings(features, { onlyIds: ['X'] }).map((c) => c.buildingId)).toEqual(['X']);
    expect(buildingPlotCrossings(features, { onlyIds: ['P1'] }).map((c) => c.buildingId)).toEqual(['X']);
  });
});
