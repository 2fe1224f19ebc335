import qcvnJson from '../../data/rules/qcvn-01-2021-bxd-ip.json';
import eipJson from '../../data/rules/eip-decree-35-2022.json';
import type { ParkDocument } from '../model/document';
import { RULE_SETTINGS_KEY, ruleSchemas, type Rule, type RuleSet, type RuleSettings } from './rule-schema';

/**
 * The shipped rule sets. Each file is checked against ruleSetSchema by the unit tests, which also
 * find that it parses to itself (rules.test.ts), so a broken file fails before it ships; parsing
 * them again at every start cost each CLI command 8 ms.
 */
export const RULE_SETS: readonly RuleSet[] = [qcvnJson as RuleSet, eipJson as RuleSet];

/** Storey height (m) used for floors when a building has only a height (issue 4; editable). */
export { DEFAULT_STOREY_HEIGHT_M } from '../model/building';

/** A rule as applied to a project: where it comes from and whether the project changed it. */
export interface ActiveRule extends Rule {
  ruleSetId: string;
  /** 'ruleset' for shipped rules, 'project' for the project's own rules. */
  origin: 'ruleset' | 'project';
  /** The project overrides this rule's threshold; `originalThreshold` keeps the shipped one. */
  overridden: boolean;
  originalThreshold?: number | null;
}

export const RULE_SETTINGS_REASONS = { invalid_settings: 'invalid_settings', unknown_rule_set: 'unknown_rule_set' } as const;
export type RuleSettingsReason = keyof typeof RULE_SETTINGS_REASONS;

export type RuleSettingsResult =
  | { ok: true; settings: RuleSettings }
  | { ok: false; reason: RuleSettingsReason; detail: string; settings: RuleSettings };

/** Reads `doc.settings.rules`; invalid settings fall back to none, with the reason. */
export function readRuleSettings(doc: Pick<ParkDocument, 'settings'>): RuleSettingsResult {
  const raw = doc.settings[RULE_SETTINGS_KEY];
  if (raw === undefined) return { ok: true, settings: {} };
  const parsed = ruleSchemas().ruleSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid_settings', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), settings: {} };
  }
  const unknown = (parsed.data.ruleSets ?? []).filter((id) => !RULE_SETS.some((s) => s.id === id));
  if (unknown.length > 0) return { ok: false, reason: 'unknown_rule_set', detail: unknown.join(', '), settings: parsed.data };
  return { ok: true, settings: parsed.data };
}

/**
 * The rules that apply: the chosen rule sets (all shipped ones by default, or `only`), with the
 * project's threshold overrides and disabled rules, then the project's own rules.
 */
export function activeRules(settings: RuleSettings, only?: readonly string[]): ActiveRule[] {
  const wanted = only ?? settings.ruleSets ?? RULE_SETS.map((s) => s.id);
  const overrides = settings.overrides ?? {};
  const rules: ActiveRule[] = [];
  for (const set of RULE_SETS) {
    if (!wanted.includes(set.id)) continue;
    for (const rule of set.rules) {
      const o = overrides[rule.id];
      if (o?.disabled) continue;
      const overridden = o !== undefined && o.threshold !== undefined && o.threshold !== rule.threshold;
      rules.push({
        ...rule,
        ruleSetId: set.id,
        origin: 'ruleset',
        overridden,
        ...(overridden ? { threshold: o.threshold ?? null, originalThreshold: rule.threshold } : {}),
      });
    }
  }
  for (const rule of settings.custom ?? []) {
    if (overrides[rule.id]?.disabled) continue;
    rules.push({ ...rule, ruleSetId: 'project', origin: 'project', overridden: false });
  }
  return rules;
}

/** Whether a rule is in force on `date` (ISO yyyy-mm-dd). */
export function inForce(rule: Pick<Rule, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return rule.effectiveFrom <= date && (rule.effectiveTo == null || date < rule.effectiveTo);
}

/**
 * The settings with a rule's threshold overridden (`threshold` in the rule's unit), or the
 * override removed (`undefined`). Pure: the UI saves the result under doc.settings.rules.
 */
export function withThresholdOverride(settings: RuleSettings, ruleId: string, threshold: number | null | undefined): RuleSettings {
  const overrides = { ...(settings.overrides ?? {}) };
  const { threshold: _old, ...rest } = overrides[ruleId] ?? {};
  if (threshold === undefined) {
    if (Object.keys(rest).length > 0) overrides[ruleId] = rest;
    else delete overrides[ruleId];
  } else overrides[ruleId] = { ...rest, threshold };
  return { ...settings, overrides };
}
