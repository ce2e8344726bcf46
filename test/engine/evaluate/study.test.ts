import { evaluateMembers } from "../../../src/engine/evaluate";
import { DEFAULT_RULES, resolveRules, type RuleSet } from "../../../src/engine/rules";
import type { FieldId } from "../../../src/engine/types";
import { fields, roster, type Row } from "./fixtures";

function rulesWith(override: unknown): RuleSet {
  const r = resolveRules(override);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.rules;
}

function run(rows: Row[], present: Set<FieldId>, rules: RuleSet = DEFAULT_RULES) {
  return evaluateMembers(roster(rows, present), present, rules);
}

describe("R1 study hours", () => {
  const present = fields("studyHours");
  it("meets 50 and above, fails below with the gap in the reason", () => {
    const { results } = run(
      [
        { name: "张伟", branch: "机关第一党支部", studyHours: 49.9 },
        { name: "王芳", branch: "机关第一党支部", studyHours: 50 },
        { name: "李强", branch: "机关第一党支部", studyHours: 50.1 },
        { name: "赵敏", branch: "机关第一党支部", studyHours: 46 },
      ],
      present,
    );
    expect(results.map((r) => r.statuses.R1)).toEqual(["未达标", "达标", "达标", "未达标"]);
    expect(results[0].reasons).toContain("学时 49.9 < 50，差 0.1 学时");
    expect(results[3].reasons).toContain("学时 46 < 50，差 4 学时");
    expect(results[3].actions).toEqual([{ code: "MAKE_UP_STUDY", text: "补学：学时差 4 学时" }]);
    expect(results[1].actions).toEqual([]);
  });

  it("uses the configured minimum, written without a trailing .0", () => {
    const { results } = run([{ name: "张伟", studyHours: 38 }], present, rulesWith({ study: { minHours: 40.0 } }));
    expect(results[0].reasons).toEqual(["学时 38 < 40，差 2 学时"]);
  });

  it("a blank cell is 未录入, never a failure", () => {
    const { results } = run([{ name: "张伟", branch: "机关第一党支部" }], present);
    expect(results[0].statuses.R1).toBe("未录入");
    expect(results[0].actions).toEqual([]);
    expect(results[0].reasons).toEqual([]);
  });

  it("a missing column switches R1 off for everyone and lists it", () => {
    const none = fields("concentratedDays");
    const { results, rulesOff } = run([{ name: "张伟", concentratedDays: 3 }], none);
    expect(results[0].statuses.R1).toBe("不适用");
    expect(rulesOff).toContainEqual({ rule: "R1", missing: ["studyHours"] });
    expect(rulesOff.find((r) => r.rule === "R2")).toBeUndefined();
  });
});

describe("R2 concentrated study", () => {
  it("3 days meets, 2 fails with the exact reason; one 补学 names both gaps", () => {
    const present = fields("studyHours", "concentratedDays");
    const { results } = run(
      [
        { name: "张伟", studyHours: 46, concentratedDays: 2 },
        { name: "王芳", studyHours: 52, concentratedDays: 3 },
        { name: "李强", studyHours: 52, concentratedDays: 2.5 },
      ],
      present,
    );
    expect(results.map((r) => r.statuses.R2)).toEqual(["未达标", "达标", "未达标"]);
    expect(results[0].reasons).toEqual(["学时 46 < 50，差 4 学时", "集中学习 2 天 < 3 天"]);
    expect(results[0].actions).toEqual([{ code: "MAKE_UP_STUDY", text: "补学：学时差 4 学时、集中学习差 1 天" }]);
    expect(results[2].reasons).toEqual(["集中学习 2.5 天 < 3 天"]);
  });
});

describe("R3 attendance", () => {
  const present = fields("sessionsDue", "sessionsAttended");
  const rows: Row[] = [
    { name: "张伟", sessionsDue: 10, sessionsAttended: 7 },
    { name: "王芳", sessionsDue: 10, sessionsAttended: 8 },
    { name: "李强", sessionsDue: 0, sessionsAttended: 0 },
    { name: "赵敏", sessionsDue: 10 },
    { name: "孙丽", sessionsDue: 12, sessionsAttended: 12 },
  ];
  it("is off by default (no threshold) and not listed as a missing column", () => {
    const { results, rulesOff } = run(rows, present);
    expect(results.every((r) => r.statuses.R3 === "不适用")).toBe(true);
    expect(rulesOff.find((r) => r.rule === "R3")).toBeUndefined();
  });

  it("with a threshold: below → 考勤不足 and 补学; at it → 达标; due 0 → 不适用; blank → 未录入; every session (12 of 12) → 达标", () => {
    const { results } = run(rows, present, rulesWith({ attendance: { minRate: 80 } }));
    expect(results.map((r) => r.statuses.R3)).toEqual(["未达标", "达标", "不适用", "未录入", "达标"]);
    expect(results[4].reasons).toEqual([]);
    expect(results[0].reasons).toEqual(["考勤不足：考勤率 70% < 80%（实际参加 7 次，应参加 10 次）"]);
    expect(results[0].actions.map((a) => a.code)).toEqual(["MAKE_UP_STUDY"]);
  });

  it("with a threshold but no attendance columns, R3 is listed off", () => {
    const { rulesOff } = run([{ name: "张伟" }], fields("sessionsDue"), rulesWith({ attendance: { minRate: 80 } }));
    expect(rulesOff).toContainEqual({ rule: "R3", missing: ["sessionsAttended"] });
  });
});

describe("R4 自行脱党", () => {
  const present = fields("monthsAbsent");
  it("5 months is fine, 6 months → REMOVE with 连续六个月", () => {
    const { results } = run(
      [
        { name: "张伟", monthsAbsent: 5 },
        { name: "王芳", monthsAbsent: 6 },
        { name: "李强" },
      ],
      present,
    );
    expect(results.map((r) => r.statuses.R4)).toEqual(["达标", "未达标", "未录入"]);
    expect(results[0].actions).toEqual([]);
    expect(results[1].actions).toEqual([
      { code: "REMOVE", text: "连续六个月不参加组织生活，按党章第九条视为自行脱党，予以除名（待支部确认）" },
    ]);
  });

  it("uses the configured number of months in the text", () => {
    const { results } = run([{ name: "王芳", monthsAbsent: 12 }], present, rulesWith({ absence: { maxMonths: 12 } }));
    expect(results[0].actions[0].text).toBe("连续十二个月不参加组织生活，按党章第九条视为自行脱党，予以除名（待支部确认）");
    expect(results[0].reasons[0]).toBe("连续 12 个月未参加组织生活（≥ 12 个月），按党章第九条视为自行脱党");
  });
});

describe("R5 satisfaction", () => {
  it("69 fails, exactly 70 passes, 71 passes", () => {
    const present = fields("satisfaction");
    const { results } = run(
      [
        { name: "张伟", satisfaction: 69 },
        { name: "王芳", satisfaction: 70 },
        { name: "李强", satisfaction: 71 },
        { name: "赵敏", satisfaction: 65 },
      ],
      present,
    );
    expect(results.map((r) => r.statuses.R5)).toEqual(["未达标", "达标", "达标", "未达标"]);
    expect(results[3].reasons).toEqual(["满意度 65 < 70，需重新撰写党性分析材料"]);
    expect(results[3].actions).toEqual([{ code: "REWRITE", text: "重点帮助，重新撰写党性分析材料" }]);
  });

  it("from counts when there is no rate column: (满意+比较满意+基本满意) ÷ all", () => {
    const present = fields("satisfied", "fairlySatisfied", "basicallySatisfied", "dissatisfied");
    const { results, rulesOff } = run(
      [
        { name: "张伟", satisfied: 10, fairlySatisfied: 2, basicallySatisfied: 1, dissatisfied: 7 }, // 65
        { name: "王芳", satisfied: 5, fairlySatisfied: 1, basicallySatisfied: 1, dissatisfied: 3 }, // 70
        { name: "李强", satisfied: 10, fairlySatisfied: 2, dissatisfied: 3 }, // blank 基本满意 → not computed
      ],
      present,
    );
    expect(rulesOff.find((r) => r.rule === "R5")).toBeUndefined();
    expect(results.map((r) => r.statuses.R5)).toEqual(["未达标", "达标", "未录入"]);
    expect(results[0].reasons[0]).toBe("满意度 65 < 70（按满意、比较满意、基本满意票数占比计算），需重新撰写党性分析材料");
  });

  it("a blank rate falls back to the member's counts", () => {
    const present = fields("satisfaction", "satisfied", "dissatisfied");
    const { results } = run([{ name: "张伟", satisfied: 6, dissatisfied: 4 }], present);
    expect(results[0].statuses.R5).toBe("未达标");
  });

  it("no rate and no usable count columns → off", () => {
    const { rulesOff, results } = run([{ name: "张伟", satisfied: 6 }], fields("satisfied"));
    expect(results[0].statuses.R5).toBe("不适用");
    expect(rulesOff).toContainEqual({ rule: "R5", missing: ["satisfaction", "dissatisfied"] });
  });
});

describe("R6 written application", () => {
  const present = fields("applicationSubmitted");
  it("no → WITHDRAW, yes → 达标, blank → 未录入", () => {
    const { results } = run(
      [
        { name: "张伟", applicationSubmitted: false },
        { name: "王芳", applicationSubmitted: true },
        { name: "李强" },
      ],
      present,
    );
    expect(results.map((r) => r.statuses.R6)).toEqual(["未达标", "达标", "未录入"]);
    expect(results[0].actions).toEqual([
      { code: "WITHDRAW", text: "未提出书面申请，原则上按自愿退党或自行脱党处理（待支部确认）" },
    ]);
    expect(results[2].actions).toEqual([]);
  });
});
