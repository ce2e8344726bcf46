import { applyScheme, DEFAULT_RULES, resolveRules } from "../../src/engine";
import { t } from "../../src/i18n/t";
import { describeRuleErrors, fieldForPath, isoDate, rulesFromValues, settingsDirty, valuesFromRules } from "../../src/taskpane/settingsForm";
import { runBasis } from "../../src/taskpane/staleness";

test("the form shows the rule set without float noise and saves it back unchanged", () => {
  const values = valuesFromRules(DEFAULT_RULES);
  expect(values).toMatchObject({ minHours: "50", minConcentratedDays: "3", rewriteBelow: "70", minRate: "", maxMonths: "6", maxShare: "1/3", scheme: "三阶段", batchStart: "", unitName: "" });
  const outcome = rulesFromValues(values, DEFAULT_RULES);
  expect(outcome).toEqual({ ok: true, rules: DEFAULT_RULES });
});

test("typed values become numbers; blanks become null where the rule allows it", () => {
  const values = { ...valuesFromRules(DEFAULT_RULES), minHours: " ４０ ", minRate: "80", batchStart: "2025-03-01", unitName: " 市直机关工委 " };
  const outcome = rulesFromValues(values, DEFAULT_RULES);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  expect(outcome.rules.study.minHours).toBe(40);
  expect(outcome.rules.attendance.minRate).toBe(80);
  expect(outcome.rules.batchStart).toBe("2025-03-01");
  expect(outcome.rules.unitName).toBe("市直机关工委");
});

test("every field's error is the schema's expectation in the pane's words, at that field", () => {
  const values = {
    ...valuesFromRules(DEFAULT_RULES),
    minHours: "五十",
    rewriteBelow: "120",
    maxMonths: "2.5",
    maxShare: "",
    batchStart: "2025-02-30",
  };
  const outcome = rulesFromValues(values, DEFAULT_RULES);
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  const words = Object.fromEntries(Object.entries(outcome.fieldErrors).map(([field, problem]) => [field, "key" in problem ? t(problem.key) : problem.text]));
  expect(words).toEqual({
    minHours: "应为不小于 0 的数字",
    rewriteBelow: "应为 0–100 之间的数字",
    maxMonths: "应为不小于 1 的整数",
    maxShare: "应为 0–1 之间的比例，可写成 1/3、30% 或 0.3",
    batchStart: "应为实际存在的日期，写成 YYYY-MM-DD，如 2026-09-01",
  });
  expect(outcome.otherErrors).toEqual([]);
});

test("a blank attendance box is the check switched off, said as 留空 rather than the rule file's null, in either language", () => {
  const outcome = rulesFromValues({ ...valuesFromRules(DEFAULT_RULES), minRate: "120" }, DEFAULT_RULES);
  if (outcome.ok) throw new Error("accepted 120%");
  const problem = outcome.fieldErrors.minRate!;
  expect("key" in problem && t(problem.key)).toBe("应为 0–100 之间的数字；留空则不检查");
  expect("key" in problem && t(problem.key, {}, "en")).toBe("should be a number from 0 to 100; leave it blank to switch the check off");
});

test("stored settings that fail are described in the pane's language, path first", () => {
  const resolved = resolveRules({ study: { minHours: "很多" }, attendance: { minRate: 0.8 } });
  if (resolved.ok) throw new Error("accepted");
  expect(describeRuleErrors(resolved.errors, "zh-CN").split("\n")).toEqual(["study.minHours：应为不小于 0 的数字", "attendance.minRate：应为百分数（如 70 表示 70%），不能写成 0.7 这样的小数"]);
  expect(describeRuleErrors(resolved.errors, "en").split("\n")).toEqual(["study.minHours: should be a number, 0 or more", "attendance.minRate: should be a percentage (70 means 70%), not a fraction such as 0.7"]);
});

test("shares, percentages and dates are taken as secretaries write them", () => {
  const base = valuesFromRules(DEFAULT_RULES);
  const read = (values: Partial<typeof base>) => {
    const outcome = rulesFromValues({ ...base, ...values }, DEFAULT_RULES);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
    return outcome.rules;
  };
  expect(read({ maxShare: "1/4" }).excellent.maxShare).toBe(0.25);
  expect(read({ maxShare: "30%" }).excellent.maxShare).toBeCloseTo(0.3, 12);
  expect(read({ maxShare: "３０％" }).excellent.maxShare).toBeCloseTo(0.3, 12);
  expect(read({ maxShare: "0.3" }).excellent.maxShare).toBe(0.3);
  expect(read({ minRate: "80%", rewriteBelow: "75％" })).toMatchObject({ attendance: { minRate: 80 }, satisfaction: { rewriteBelow: 75 } });
  expect(read({ batchStart: "2026/9/1" }).batchStart).toBe("2026-09-01");
  expect(read({ batchStart: "2026年9月1日" }).batchStart).toBe("2026-09-01");
  expect(isoDate("2026.10.08")).toBe("2026-10-08");
  // 1/3 is shown as a fraction and, untouched, saved back exactly
  expect(valuesFromRules({ ...DEFAULT_RULES, excellent: { maxShare: 0.25 } }).maxShare).toBe("0.25");
  expect(read({}).excellent.maxShare).toBe(1 / 3);
  // a percentage is still not a share in a number box, nor a fraction a percentage
  expect(rulesFromValues({ ...base, minHours: "50%" }, DEFAULT_RULES).ok).toBe(false);
  expect(rulesFromValues({ ...base, rewriteBelow: "2/3" }, DEFAULT_RULES).ok).toBe(false);
  expect(rulesFromValues({ ...base, batchStart: "2026-02-30" }, DEFAULT_RULES).ok).toBe(false);
});

test("changing the scheme brings that preset's stages; keeping it keeps a custom list", () => {
  const four = rulesFromValues({ ...valuesFromRules(DEFAULT_RULES), scheme: "四阶段" }, DEFAULT_RULES);
  expect(four.ok && four.rules.stages.list.map((s) => s.name)).toEqual(["教育学习", "分析评议", "整改建设", "巩固提高"]);
  const custom = { ...applyScheme(DEFAULT_RULES, "三阶段"), stages: { scheme: "自定义" as const, list: [{ name: "集中学习", days: 20, checks: ["study" as const] }] } };
  const kept = rulesFromValues(valuesFromRules(custom), custom);
  expect(kept.ok && kept.rules.stages).toEqual(custom.stages);
});

test("rule paths map to the form's fields", () => {
  expect(fieldForPath("study.minHours")).toBe("minHours");
  expect(fieldForPath("stages.list[2].days")).toBe("scheme");
  expect(fieldForPath("ballot.quorumShare")).toBeNull();
});

test("the form holds unsaved changes only when it would save something else, or cannot be saved", () => {
  const saved = resolveRules({ study: { minHours: 40 }, batchStart: "2026-09-01", unitName: "市直机关工委" });
  if (!saved.ok) throw new Error("rules");
  const shown = valuesFromRules(saved.rules);
  expect(settingsDirty(shown, saved.rules)).toBe(false);
  // written differently, the same: 40.0, a date with slashes, the name with spaces around it
  expect(settingsDirty({ ...shown, minHours: "40.0", batchStart: "2026/9/1", unitName: " 市直机关工委 " }, saved.rules)).toBe(false);
  expect(settingsDirty({ ...shown, minHours: "45" }, saved.rules)).toBe(true);
  expect(settingsDirty({ ...shown, scheme: "四阶段" }, saved.rules)).toBe(true);
  expect(settingsDirty({ ...shown, unitName: "" }, saved.rules)).toBe(true);
  expect(settingsDirty({ ...shown, minHours: "很多" }, saved.rules)).toBe(true);
});

test("what a run depended on: the rules and the mappings, an emptied mapping the same as none", () => {
  const basis = runBasis(DEFAULT_RULES, {});
  expect(runBasis(DEFAULT_RULES, { 党员名单: {} })).toBe(basis);
  expect(runBasis(DEFAULT_RULES, { 党员名单: { studyHours: 4 } })).not.toBe(basis);
  expect(runBasis(DEFAULT_RULES, { 党员名单: { studyHours: null } })).not.toBe(basis);
  const fortyHours = resolveRules({ study: { minHours: 40 } });
  if (!fortyHours.ok) throw new Error("rules");
  expect(runBasis(fortyHours.rules, {})).not.toBe(basis);
  // the unit's name goes into the exported summary: changing it makes the results stale too
  const named = resolveRules({ unitName: "市直机关工委" });
  if (!named.ok) throw new Error("rules");
  expect(runBasis(named.rules, {})).not.toBe(basis);
});
