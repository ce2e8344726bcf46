export { ruleSetSchema, stageDefSchema, STAGE_CHECKS, SCHEMES, EXPECT } from "./schema";
export type { RuleSet, StageDef, StageCheck, Scheme, PresetScheme, RuleError } from "./schema";
export { DEFAULT_RULES, STAGE_PRESETS, presetStages } from "./presets";
export { resolveRules, formatRuleErrors, formatRulePath, applyScheme, withBatchStart } from "./resolve";
export type { ResolveResult } from "./resolve";
export { ruleFingerprint, canonicalJson } from "./fingerprint";
