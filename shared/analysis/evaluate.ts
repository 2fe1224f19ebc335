import type { LandUseCode } from '../model/land-use';
import { tableDistanceM } from './distances';
import { stretchesWhere } from './isolation-strip';
import type { Comparator, MetricId, WwtpType } from './rule-schema';
import { inForce, type ActiveRule } from './rule-sets';
import type { AnalysisResult, PlotIndicators, RuleItem, RuleResult, RuleStatus } from './types';

/** `value comparator threshold`, with a relative tolerance of 1e-9 so a value at the limit passes. */
export function compare(value: number, comparator: Comparator, threshold: number): boolean {
  const tol = 1e-9 * Math.max(1, Math.abs(threshold));
  switch (comparator) {
    case '<=':
      return value <= threshold + tol;
    case '<':
      return value < threshold - tol;
    case '>=':
      return value >= threshold - tol;
    case '>':
      return value > threshold + tol;
  }
}

type Measured = Omit<AnalysisResult, 'rules'>;

/** Park-scope metric values (null when the park has no boundary). */
export function parkMetric(m: Measured, metric: MetricId): number | null {
  if (m.parkAreaM2 <= 0) return null;
  const share = (codes: LandUseCode[]) => codes.reduce((s, c) => s + (m.landUse.find((r) => r.landUse === c)?.areaM2 ?? 0), 0) / m.parkAreaM2;
  switch (metric) {
    case 'park.greenSpaceRatio':
      return m.green.greenSpaceRatio;
    case 'park.totalGreenRatio':
      return m.green.totalGreenRatio;
    case 'park.share.industrial':
    case 'park.share.technical':
    case 'park.share.admin_services':
    case 'park.share.traffic':
    case 'park.share.green':
    case 'park.share.water':
      return share([metric.slice('park.share.'.length) as LandUseCode]);
    case 'park.share.infrastructure':
      return share(['green', 'traffic', 'technical']);
    case 'park.unassignedRatio':
      return m.unassignedAreaM2 / m.parkAreaM2;
    case 'park.roadAreaShare':
      return m.infrastructure.roadAreaShare;
    case 'park.isolationStripMinWidthM':
      return m.green.isolationMinWidthM;
    case 'park.adminInIsolationStripCount':
      return m.adminInIsolationStrip.length;
    default:
      return null;
  }
}

function plotMetric(p: PlotIndicators, metric: MetricId): number | null {
  switch (metric) {
    case 'plot.buildingDensity':
      return Number.isFinite(p.buildingDensity) ? p.buildingDensity : null;
    case 'plot.greenRatio':
      return p.greenRatio;
    case 'plot.far':
      return Number.isFinite(p.far) ? p.far : null;
    case 'plot.maxFloors':
      return p.maxFloors;
    default:
      return null;
  }
}

function statusOf(ok: boolean, rule: ActiveRule): RuleStatus {
  return ok ? 'pass' : rule.severity === 'warning' ? 'warn' : 'fail';
}

/** The worse of two values under a comparator (the one further on the failing side). */
function worse(a: number, b: number, comparator: Comparator): number {
  return comparator === '<=' || comparator === '<' ? Math.max(a, b) : Math.min(a, b);
}

/** Evaluates every active rule against the measured values, on `date` (ISO yyyy-mm-dd). */
export function evaluateRules(m: Measured, rules: readonly ActiveRule[], date: string): RuleResult[] {
  return rules.map((rule) => evaluateRule(m, rule, date));
}

function evaluateRule(m: Measured, rule: ActiveRule, date: string): RuleResult {
  const base: RuleResult = {
    id: rule.id,
    ruleSetId: rule.ruleSetId,
    title: rule.title,
    scope: rule.scope,
    metric: rule.metric,
    comparator: rule.comparator,
    unit: rule.unit,
    status: 'n/a',
    value: null,
    threshold: rule.threshold,
    citation: rule.citation,
    confidence: rule.confidence,
    severity: rule.severity,
    origin: rule.origin,
    overridden: rule.overridden,
    ...(rule.overridden ? { originalThreshold: rule.originalThreshold ?? null } : {}),
    featureIds: [],
    items: [],
  };
  if (!inForce(rule, date)) return { ...base, reason: 'not_in_force' };
  if (rule.scope === 'park') {
    const value = parkMetric(m, rule.metric);
    if (value === null) return { ...base, reason: 'no_data' };
    if (rule.threshold === null) return { ...base, value, reason: 'no_threshold' };
    const ok = compare(value, rule.comparator, rule.threshold);
    const result: RuleResult = { ...base, value, status: statusOf(ok, rule) };
    if (rule.metric === 'park.isolationStripMinWidthM') {
      const threshold = rule.threshold;
      result.segments = stretchesWhere(m.green.isolationSamples, (w) => compare(w, rule.comparator, threshold));
      if (!ok) result.featureIds = m.boundaryIds;
    }
    if (rule.metric === 'park.adminInIsolationStripCount' && !ok) result.featureIds = m.adminInIsolationStrip;
    return result;
  }
  const items: RuleItem[] = [];
  if (rule.scope === 'plot') {
    for (const p of m.plots) {
      if (rule.appliesWhen && !compare(plotMetric(p, rule.appliesWhen.metric) ?? NaN, rule.appliesWhen.comparator, rule.appliesWhen.value)) continue;
      const threshold = rule.thresholdFrom && !rule.overridden ? (p.limits[rule.thresholdFrom] ?? null) : rule.threshold;
      const value = plotMetric(p, rule.metric);
      if (threshold === null || value === null) continue;
      items.push({ featureId: p.id, value, threshold, status: statusOf(compare(value, rule.comparator, threshold), rule) });
    }
  } else {
    for (const w of m.wwtp) {
      const value = rule.metric === 'wwtp.distanceToBoundaryM'
        ? (Number.isFinite(w.distanceToBoundaryM) ? w.distanceToBoundaryM : null)
        : nearestOf(w.distanceToLandUseM, rule.landUses ?? []);
      const threshold = rule.table && w.capacityM3PerDay !== null && !rule.overridden
        ? tableDistanceM(rule.table, w.type as WwtpType, w.capacityM3PerDay)
        : rule.threshold;
      if (threshold === null || value === null) continue;
      items.push({ featureId: w.id, value, threshold, status: statusOf(compare(value, rule.comparator, threshold), rule) });
    }
  }
  if (items.length === 0) return { ...base, reason: rule.threshold === null && !rule.thresholdFrom && !rule.table ? 'no_threshold' : 'no_data' };
  const failing = items.filter((i) => i.status !== 'pass');
  // The headline value: the worst item, with its own threshold.
  const pick = (failing.length > 0 ? failing : items).reduce((a, b) => (worse(a.value!, b.value!, rule.comparator) === a.value ? a : b));
  return {
    ...base,
    status: failing.length > 0 ? failing[0].status : 'pass',
    value: pick.value,
    threshold: pick.threshold,
    featureIds: failing.map((i) => i.featureId),
    items,
  };
}

function nearestOf(d: Partial<Record<LandUseCode, { distanceM: number }>>, codes: LandUseCode[]): number | null {
  const values = codes.map((c) => d[c]?.distanceM).filter((v): v is number => v !== undefined);
  return values.length > 0 ? Math.min(...values) : null;
}
