import type { PresetScheme, RuleSet, StageDef } from "./schema";

/** Freezes a plain-data tree so a shared default cannot be edited by accident. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The stage schemes of CAMPAIGN_RULES.md §3: 三阶段 (seed 000) and 四阶段 (seed 004). */
export const STAGE_PRESETS: Record<PresetScheme, StageDef[]> = deepFreeze({
  三阶段: [
    { name: "学习动员", days: 45, checks: ["study"] },
    { name: "分析评议", days: 30, checks: ["review"] },
    { name: "整改提高", days: 30, checks: ["rectify", "final"] },
  ],
  四阶段: [
    { name: "教育学习", days: 30, checks: ["study"] },
    { name: "分析评议", days: 30, checks: ["review"] },
    { name: "整改建设", days: 60, checks: ["rectify"] },
    { name: "巩固提高", days: 15, checks: ["final"] },
  ],
});

/** A fresh copy of a preset's stage list (callers may keep and edit it). */
export function presetStages(scheme: PresetScheme): StageDef[] {
  return STAGE_PRESETS[scheme].map((s) => ({ name: s.name, days: s.days, checks: [...s.checks] }));
}

/** The defaults of CAMPAIGN_RULES.md §2–§4 (frozen: derive new rule sets with resolveRules). */
export const DEFAULT_RULES: RuleSet = deepFreeze({
  study: { minHours: 50, minConcentratedDays: 3 },
  attendance: { minRate: null },
  absence: { maxMonths: 6 },
  satisfaction: { rewriteBelow: 70 },
  excellent: { maxShare: 1 / 3 },
  ballot: { quorumShare: 0.5, passShare: 0.5 },
  unitSurvey: { remedialAbove: 0.5 },
  stages: { scheme: "三阶段", list: presetStages("三阶段") },
  batchStart: null,
  batches: { 第一批: null, 第二批: null, 第三批: null },
  unitName: null,
  reportEmail: null,
});
