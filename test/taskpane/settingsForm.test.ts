import { applyScheme, DEFAULT_RULES } from "../../src/engine";
import { fieldForPath, rulesFromValues, valuesFromRules } from "../../src/taskpane/settingsForm";

test("the form shows the rule set without float noise and saves it back unchanged", () => {
  const values = valuesFromRules(DEFAULT_RULES);
  expect(values).toMatchObject({ minHours: "50", minConcentratedDays: "3", rewriteBelow: "70", minRate: "", maxMonths: "6", maxShare: "0.3333", scheme: "三阶段", batchStart: "", unitName: "" });
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

test("every field's error is the schema's own Chinese expectation, at that field", () => {
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
  expect(outcome.fieldErrors).toEqual({
    minHours: "应为不小于 0 的数字",
    rewriteBelow: "应为 0–100 之间的数字",
    maxMonths: "应为不小于 1 的整数",
    maxShare: "应为 0–1 之间的数字（如 0.5 表示半数）",
    batchStart: "应为 YYYY-MM-DD 格式的日期",
  });
  expect(outcome.otherErrors).toEqual([]);
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
