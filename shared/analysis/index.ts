export * from './types';
export * from './rule-schema';
export { RULE_SETS, DEFAULT_STOREY_HEIGHT_M, readRuleSettings, activeRules, inForce, RULE_SETTINGS_REASONS, withThresholdOverride } from './rule-sets';
export type { ActiveRule, RuleSettingsReason, RuleSettingsResult } from './rule-sets';
export { createAnalysisEngine, analyzeScenario } from './engine';
export type { AnalysisEngine, AnalyzeOptions } from './engine';
export { compare } from './evaluate';
export { floorsOf } from './plots';
export { STRIP_STEP_M } from './isolation-strip';
