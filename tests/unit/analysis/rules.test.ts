import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activeRules, analyzeScenario, compare, METRIC_IDS, withThresholdOverride, readRuleSettings, RULE_SETS, ruleSchemas, type ActiveRule, type AnalysisResult, type MetricId, type PlotIndicators } from '../../../shared/analysis';
import { evaluateRules, parkMetric } from '../../../shared/analysis/evaluate';
import { DATE, docOf, poly, rect } from './fixtures';

type Measured = Omit<AnalysisResult, 'rules'>;
const PARK_M2 = 1_000_000;

/** A measured park where only `metric` is set (to `value`); everything else neutral. */
function measuredWith(metric: MetricId, value: number, plotLimits: PlotIndicators['limits'] = {}): Measured {
  const plot: PlotIndicators = {
    id: 'P', code: 'CN-01', name: null, areaM2: 10000, footprintM2: 0, buildingIds: [], buildingDensity: 0, floorAreaM2: 0, far: 0,
    maxFloors: 1, greenInsideM2: 0, greenRatio: 0.5, greenSource: 'declared', greenIds: [], limits: plotLimits,
  };
  const m: Measured = {
    scenarioId: 's', boundaryIds: ['b'], parkAreaM2: PARK_M2, landUse: [], unassignedAreaM2: 0, overlapAreaM2: 0, outsideBoundaryAreaM2: 0,
    overlapFeatureIds: [], plotStats: { count: 1, meanAreaM2: 10000, minAreaM2: 10000, maxAreaM2: 10000 },
    green: { greenLandM2: 0, greenSpaceRatio: 0, greenInPlotsM2: 0, totalGreenM2: 0, totalGreenRatio: 0, greenPerIndustrialHaM2: null, isolationMinWidthM: null, isolationSamples: [], isolationStepM: 10 },
    plots: [plot], wwtp: [], adminInIsolationStrip: [], infrastructure: { roadLengthM: 0, roadAreaM2: 0, roadAreaShare: 0, trafficLandM2: 0 }, storeyHeightM: 4.5,
  };
  if (metric.startsWith('park.share.')) {
    const code = metric.slice('park.share.'.length);
    m.landUse = [{ landUse: code === 'infrastructure' ? 'green' : (code as 'green'), areaM2: value * PARK_M2, percent: value * 100, featureIds: [], subtypes: [] }];
  } else if (metric === 'park.greenSpaceRatio') m.green.greenSpaceRatio = value;
  else if (metric === 'park.totalGreenRatio') m.green.totalGreenRatio = value;
  else if (metric === 'park.unassignedRatio') m.unassignedAreaM2 = value * PARK_M2;
  else if (metric === 'park.roadAreaShare') m.infrastructure.roadAreaShare = value;
  else if (metric === 'park.isolationStripMinWidthM') m.green.isolationMinWidthM = value;
  else if (metric === 'park.adminInIsolationStripCount') m.adminInIsolationStrip = Array.from({ length: value }, (_, i) => `a${i}`);
  else if (metric === 'plot.buildingDensity') plot.buildingDensity = value;
  else if (metric === 'plot.greenRatio') plot.greenRatio = value;
  else if (metric === 'plot.far') plot.far = value;
  else if (metric === 'plot.maxFloors') plot.maxFloors = value;
  else {
    m.wwtp = [{ id: 'W', code: 'HT-01', type: 'wwtp_enclosed', capacityM3PerDay: 8000, distanceToBoundaryM: 1000, distanceToLandUseM: { admin_services: { distanceM: 1000, featureId: 'A' } } }];
    if (metric === 'wwtp.distanceToBoundaryM') m.wwtp[0].distanceToBoundaryM = value;
    else m.wwtp[0].distanceToLandUseM = { admin_services: { distanceM: value, featureId: 'A' } };
  }
  return m;
}

/** The threshold a rule compares with in `measuredWith` (the plot's own limit, or the table's 30 m). */
function limitOf(rule: ActiveRule): { limit: number; limits: PlotIndicators['limits'] } {
  if (rule.thresholdFrom) return { limit: 0.5, limits: { [rule.thresholdFrom]: 0.5 } };
  // wwtp_enclosed at 8,000 m³/day: 5,000–50,000 column of the enclosed row = 30 m (standards.md §1).
  if (rule.table) return { limit: 30, limits: {} };
  return { limit: rule.threshold!, limits: {} };
}

/** A value just beyond the limit on the failing side (a count moves by one). */
function beyond(rule: ActiveRule, limit: number): number {
  const step = rule.unit === 'count' ? 1 : Math.max(1e-6, Math.abs(limit) * 1e-6);
  return rule.comparator.startsWith('<') ? limit + step : limit - step;
}

const ALL = activeRules({});
const WITH_THRESHOLD = ALL.filter((r) => r.threshold !== null || r.thresholdFrom || r.table);

describe('every shipped rule at its threshold', () => {
  it.each(WITH_THRESHOLD.map((r) => [r.id, r] as const))('%s passes at the limit and fails just beyond', (_id, rule) => {
    const { limit, limits } = limitOf(rule);
    // A plot rule that applies only above 5 floors needs such a plot.
    const applies = (m: Measured) => {
      if (rule.appliesWhen?.metric === 'plot.maxFloors') m.plots[0].maxFloors = rule.appliesWhen.comparator === '>' ? 6 : 5;
      return m;
    };
    const at = evaluateRules(applies(measuredWith(rule.metric, limit, limits)), [rule], DATE)[0];
    expect(at.status).toBe('pass');
    expect(at.value).toBe(limit);
    expect(at.threshold).toBe(limit);
    const out = evaluateRules(applies(measuredWith(rule.metric, beyond(rule, limit), limits)), [rule], DATE)[0];
    expect(out.status).toBe(rule.severity === 'warning' ? 'warn' : 'fail');
    if (rule.scope !== 'park') expect(out.featureIds).toEqual([rule.scope === 'plot' ? 'P' : 'W']);
  });

  it('the shipped thresholds are those of standards.md', () => {
    const t = (id: string) => ALL.find((r) => r.id === id)!.threshold;
    expect([t('qcvn.park.green-min'), t('qcvn.park.traffic-min'), t('qcvn.park.technical-min')]).toEqual([0.1, 0.08, 0.01]);
    expect([t('qcvn.plot.density-max'), t('qcvn.plot.density-max-tall'), t('qcvn.plot.green-min')]).toEqual([0.7, 0.6, 0.2]);
    expect(t('qcvn.park.isolation-strip-min')).toBe(10);
    const table = ALL.find((r) => r.id === 'qcvn.wwtp.safety-distance-boundary')!.table!;
    expect(table.distancesM.wwtp_biological).toEqual([80, 100, 250, 350]);
    expect(table.distancesM.biological_ponds).toEqual([200, 300, 400, null]);
  });

  it('rules without a published number are n/a until the project sets a target', () => {
    const rule = ALL.find((r) => r.id === 'eip.park.green-target')!;
    const r = evaluateRules(measuredWith('park.greenSpaceRatio', 0.12), [rule], DATE)[0];
    expect(r).toMatchObject({ status: 'n/a', reason: 'no_threshold', value: 0.12, confidence: 'unverified' });
  });

  it('a rule not yet in force is n/a', () => {
    const rule = ALL.find((r) => r.id === 'qcvn.park.green-min')!;
    expect(evaluateRules(measuredWith('park.greenSpaceRatio', 0.2), [rule], '2020-01-01')[0]).toMatchObject({ status: 'n/a', reason: 'not_in_force' });
  });

  it('compare keeps a value at the limit on the passing side despite rounding', () => {
    expect(compare(0.1 + 1e-12, '<=', 0.1)).toBe(true);
    expect(compare(0.1 - 1e-12, '>=', 0.1)).toBe(true);
    expect(compare(0.1, '<', 0.1)).toBe(false);
    expect(compare(0.1, '>', 0.1)).toBe(false);
  });

  it('every park metric a rule may name is computed', () => {
    for (const metric of METRIC_IDS.filter((m) => m.startsWith('park.'))) {
      const value = metric.endsWith('Count') ? 3 : 0.3;
      expect(parkMetric(measuredWith(metric, value), metric)).toBeCloseTo(value, 12);
    }
  });
});

describe('rule sets are data, checked against their schema', () => {
  const files = readdirSync('data/rules').filter((f) => f.endsWith('.json'));
  it.each(files)('%s', (file) => {
    const parsed = ruleSchemas().ruleSetSchema.safeParse(JSON.parse(readFileSync(`data/rules/${file}`, 'utf8')));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(file).toBe(`${parsed.data!.id}.json`);
    const ids = parsed.data!.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('all files are shipped as they parse (the app does not parse them again), and rule ids are unique across sets', () => {
    expect(RULE_SETS.map((s) => `${s.id}.json`).sort()).toEqual([...files].sort());
    // The schema adds no defaults and changes no value: what ships is what it would parse to.
    for (const set of RULE_SETS) expect(ruleSchemas().ruleSetSchema.parse(JSON.parse(readFileSync(`data/rules/${set.id}.json`, 'utf8')))).toStrictEqual(set);
    const ids = RULE_SETS.flatMap((s) => s.rules.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('an unverified citation is marked so (standards.md)', () => {
    const eip = RULE_SETS.find((s) => s.id === 'eip-decree-35-2022')!;
    expect(eip.rules.find((r) => r.id === 'eip.park.infrastructure-share')!.confidence).toBe('unverified');
  });
});

describe('project overrides (doc.settings.rules)', () => {
  const boundary = { id: 'b', kind: 'boundary' as const, geometry: poly(rect(106.0, 21.0, 106.01, 21.008)) };
  // 184178.2898464203 m² of green in 920879.3969287872 m² (python3-geographiclib): 0.2000 ratio.
  const green = { id: 'g', kind: 'landuse' as const, landUse: 'green' as const, geometry: poly(rect(106.006, 21.0, 106.01, 21.004)) };
  const ratio = 184178.2898464203 / 920879.3969287872;

  it('a threshold override changes the outcome and is marked', () => {
    const plain = analyzeScenario(docOf([boundary, green]), undefined, { date: DATE }).rules.find((r) => r.id === 'qcvn.park.green-min')!;
    expect(plain).toMatchObject({ status: 'pass', threshold: 0.1, overridden: false });
    expect(plain.value).toBeCloseTo(ratio, 9);
    const doc = docOf([boundary, green], { rules: { overrides: { 'qcvn.park.green-min': { threshold: 0.25 } } } });
    const r = analyzeScenario(doc, undefined, { date: DATE }).rules.find((x) => x.id === 'qcvn.park.green-min')!;
    expect(r).toMatchObject({ status: 'fail', threshold: 0.25, overridden: true, originalThreshold: 0.1 });
  });

  it('a target set by the project turns an n/a rule into a warning', () => {
    const doc = docOf([boundary, green], { rules: { overrides: { 'eip.park.green-target': { threshold: 0.3 } } } });
    const r = analyzeScenario(doc, undefined, { date: DATE }).rules.find((x) => x.id === 'eip.park.green-target')!;
    expect(r).toMatchObject({ status: 'warn', threshold: 0.3, overridden: true, originalThreshold: null });
  });

  it('disabled rules disappear; the project adds its own rules; rule sets can be chosen', () => {
    const own = {
      id: 'project.water-min', title: { en: 'Water at least 5 %', vi: 'Mặt nước tối thiểu 5 %' }, scope: 'park', metric: 'park.share.water', comparator: '>=',
      threshold: 0.05, unit: 'ratio', severity: 'warning', citation: { document: 'Project brief' }, confidence: 'exact', effectiveFrom: '2020-01-01',
    };
    const doc = docOf([boundary, green], { rules: { ruleSets: ['qcvn-01-2021-bxd-ip'], overrides: { 'qcvn.park.traffic-min': { disabled: true } }, custom: [own] } });
    const rules = analyzeScenario(doc, undefined, { date: DATE }).rules;
    expect(rules.some((r) => r.id === 'qcvn.park.traffic-min')).toBe(false);
    expect(rules.some((r) => r.ruleSetId === 'eip-decree-35-2022')).toBe(false);
    expect(rules.find((r) => r.id === 'project.water-min')).toMatchObject({ origin: 'project', status: 'warn', value: 0 });
    // The CLI's --rules choice wins over the project's.
    const only = analyzeScenario(doc, undefined, { date: DATE, ruleSets: ['eip-decree-35-2022'] }).rules;
    expect(new Set(only.map((r) => r.ruleSetId))).toEqual(new Set(['eip-decree-35-2022', 'project']));
  });

  it('withThresholdOverride sets and removes one override, keeping the rest', () => {
    const base = { storeyHeightM: 4, overrides: { a: { disabled: true }, b: { threshold: 0.3 } } };
    expect(withThresholdOverride(base, 'c', 0.2)).toEqual({ storeyHeightM: 4, overrides: { a: { disabled: true }, b: { threshold: 0.3 }, c: { threshold: 0.2 } } });
    expect(withThresholdOverride(base, 'b', undefined)).toEqual({ storeyHeightM: 4, overrides: { a: { disabled: true } } });
    expect(withThresholdOverride(base, 'a', 5)).toEqual({ storeyHeightM: 4, overrides: { a: { disabled: true, threshold: 5 }, b: { threshold: 0.3 } } });
    expect(withThresholdOverride({}, 'x', null)).toEqual({ overrides: { x: { threshold: null } } });
    expect(base.overrides).toEqual({ a: { disabled: true }, b: { threshold: 0.3 } });
  });

  it('invalid settings are reported with a reason code and ignored', () => {
    expect(readRuleSettings({ settings: { rules: { overrides: { x: { threshold: 'high' } } } } })).toMatchObject({ ok: false, reason: 'invalid_settings' });
    expect(readRuleSettings({ settings: { rules: { ruleSets: ['nope'] } } })).toMatchObject({ ok: false, reason: 'unknown_rule_set' });
    const r = analyzeScenario(docOf([boundary, green], { rules: { storeyHeightM: -1 } }), undefined, { date: DATE });
    expect(r.settingsIssue?.reason).toBe('invalid_settings');
    expect(r.rules.find((x) => x.id === 'qcvn.park.green-min')!.threshold).toBe(0.1);
  });
});
