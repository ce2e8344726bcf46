import {
  DEFAULT_RULES,
  STAGE_PRESETS,
  applyScheme,
  formatRuleErrors,
  resolveRules,
  ruleFingerprint,
  ruleSetSchema,
  withBatchStart,
} from "../../../src/engine/rules";

function errorsOf(override: unknown) {
  const r = resolveRules(override);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

function rulesOf(override: unknown, base = DEFAULT_RULES) {
  const r = resolveRules(override, base);
  if (!r.ok) throw new Error(formatRuleErrors(r.errors));
  return r.rules;
}

describe("defaults", () => {
  it("hold every number of CAMPAIGN_RULES.md and pass the schema", () => {
    expect(ruleSetSchema.safeParse(DEFAULT_RULES).success).toBe(true);
    expect(DEFAULT_RULES.study).toEqual({ minHours: 50, minConcentratedDays: 3 });
    expect(DEFAULT_RULES.attendance.minRate).toBeNull();
    expect(DEFAULT_RULES.absence.maxMonths).toBe(6);
    expect(DEFAULT_RULES.satisfaction.rewriteBelow).toBe(70);
    expect(DEFAULT_RULES.excellent.maxShare).toBeCloseTo(1 / 3);
    expect(DEFAULT_RULES.ballot).toEqual({ quorumShare: 0.5, passShare: 0.5 });
    expect(DEFAULT_RULES.unitSurvey.remedialAbove).toBe(0.5);
    expect(DEFAULT_RULES.stages.scheme).toBe("三阶段");
    expect(DEFAULT_RULES.batchStart).toBeNull();
    expect(DEFAULT_RULES.batches).toEqual({ 第一批: null, 第二批: null, 第三批: null });
  });

  it("ship the two stage presets", () => {
    expect(STAGE_PRESETS.三阶段.map((s) => [s.name, s.days, s.checks])).toEqual([
      ["学习动员", 45, ["study"]],
      ["分析评议", 30, ["review"]],
      ["整改提高", 30, ["rectify", "final"]],
    ]);
    expect(STAGE_PRESETS.四阶段.map((s) => [s.name, s.days, s.checks])).toEqual([
      ["教育学习", 30, ["study"]],
      ["分析评议", 30, ["review"]],
      ["整改建设", 60, ["rectify"]],
      ["巩固提高", 15, ["final"]],
    ]);
  });

  it("cannot be edited by accident", () => {
    expect(() => {
      (DEFAULT_RULES.study as { minHours: number }).minHours = 1;
    }).toThrow();
  });
});

describe("resolveRules: deep merge", () => {
  it("no override gives the defaults", () => {
    expect(rulesOf(undefined)).toEqual(DEFAULT_RULES);
  });

  it("changes only what the override names", () => {
    const rules = rulesOf({ study: { minHours: 40 }, attendance: { minRate: 80 }, unitName: "某县委组织部" });
    expect(rules.study).toEqual({ minHours: 40, minConcentratedDays: 3 });
    expect(rules.attendance.minRate).toBe(80);
    expect(rules.unitName).toBe("某县委组织部");
    expect(rules.satisfaction).toEqual(DEFAULT_RULES.satisfaction);
    expect(rules.stages).toEqual(DEFAULT_RULES.stages);
  });

  it("applies on top of another base and leaves both inputs untouched", () => {
    const base = rulesOf({ study: { minHours: 40 } });
    const override = { study: { minConcentratedDays: 5 } };
    const rules = rulesOf(override, base);
    expect(rules.study).toEqual({ minHours: 40, minConcentratedDays: 5 });
    expect(base.study.minConcentratedDays).toBe(3);
    expect(override).toEqual({ study: { minConcentratedDays: 5 } });
  });

  it("a list replaces the whole list and makes the scheme 自定义", () => {
    const rules = rulesOf({ stages: { list: [{ name: "集中学习", days: 20, checks: ["study"] }] } });
    expect(rules.stages.scheme).toBe("自定义");
    expect(rules.stages.list).toEqual([{ name: "集中学习", days: 20, checks: ["study"] }]);
  });

  it("naming a scheme alone brings that preset's list", () => {
    const rules = rulesOf({ stages: { scheme: "四阶段" } });
    expect(rules.stages.list).toEqual(STAGE_PRESETS.四阶段);
    const back = rulesOf({ stages: { scheme: "三阶段" } }, rules);
    expect(back.stages.list).toEqual(STAGE_PRESETS.三阶段);
  });

  it("accepts a real date, including 29 February of a leap year, and null", () => {
    expect(rulesOf({ batchStart: "2028-02-29" }).batchStart).toBe("2028-02-29");
    expect(rulesOf({ batchStart: null }, rulesOf({ batchStart: "2026-01-01" })).batchStart).toBeNull();
  });
});

describe("batches (seed 000): one campaign start, each batch's own date where it is set", () => {
  it("a rule file names one batch's date and keeps the others from the campaign start", () => {
    const rules = rulesOf({ batchStart: "2026-01-01", batches: { 第三批: "2027-02-01" } });
    expect(rules.batches).toEqual({ 第一批: null, 第二批: null, 第三批: "2027-02-01" });
    expect(rules.batchStart).toBe("2026-01-01");
  });

  it("errors name the batch's path", () => {
    expect(errorsOf({ batches: { 第二批: "2026-07-32" } }).map((e) => e.message)).toEqual(["batches.第二批：应为 YYYY-MM-DD 格式的日期，或 null（按批次开始日期推算）"]);
    expect(errorsOf({ batches: { 第四批: "2027-07-01" } }).map((e) => e.message)).toEqual(["batches.第四批：不认识的设置项"]);
    expect(errorsOf({ batches: "2026-07-01" }).map((e) => e.message)).toEqual(["batches：应为对象（花括号括起的设置）"]);
  });

  it("batch dates say when, not which rules: the fingerprint ignores them", () => {
    expect(ruleFingerprint(rulesOf({ batches: { 第二批: "2026-08-01" } }))).toBe(ruleFingerprint(DEFAULT_RULES));
  });
});

describe("resolveRules: errors name the path and the expectation", () => {
  it("each message form", () => {
    expect(errorsOf({ study: { minHours: -1 } })).toEqual([
      { path: "study.minHours", message: "study.minHours：应为不小于 0 的数字", expected: "应为不小于 0 的数字" },
    ]);
    const list = [
      { name: "学习", days: 30, checks: ["study"] },
      { name: "评议", days: 30, checks: ["review"] },
      { name: "整改", days: 0, checks: ["rectify"] },
    ];
    expect(errorsOf({ stages: { list } }).map((e) => e.message)).toEqual(["stages.list[2].days：应为不小于 1 的整数"]);
    expect(errorsOf({ batchStart: "2026-02-30" }).map((e) => e.message)).toEqual(["batchStart：应为 YYYY-MM-DD 格式的日期"]);
    expect(errorsOf({ batchStart: "2026/03/01" }).map((e) => e.message)).toEqual(["batchStart：应为 YYYY-MM-DD 格式的日期"]);
    expect(errorsOf({ foo: 1 }).map((e) => e.message)).toEqual(["foo：不认识的设置项"]);
  });

  it("reports every problem, one per line, nested unknown keys with their path", () => {
    const errors = errorsOf({ study: { minHours: "五十", hours: 3 }, ballot: { passShare: 1.5 }, stages: { scheme: "五阶段" } });
    expect(errors.map((e) => e.path).sort()).toEqual(["ballot.passShare", "stages.scheme", "study.hours", "study.minHours"]);
    const text = formatRuleErrors(errors);
    expect(text.split("\n")).toHaveLength(4);
    expect(text).toContain("study.hours：不认识的设置项");
    expect(text).toContain("ballot.passShare：应为 0–1 之间的数字（如 0.5 表示半数）");
  });

  it("a half-day stage, an unknown check and a fractional month are refused", () => {
    const errors = errorsOf({
      absence: { maxMonths: 5.5 },
      stages: { list: [{ name: "学习", days: 10.5, checks: ["reading"] }] },
    });
    expect(errors.map((e) => e.message).sort()).toEqual([
      "absence.maxMonths：应为不小于 1 的整数",
      "stages.list[0].checks[0]：应为 study、review、rectify 或 final 之一",
      "stages.list[0].days：应为不小于 1 的整数",
    ]);
  });

  it("a rule file that is not an object", () => {
    expect(errorsOf([1, 2]).map((e) => e.message)).toEqual(["规则设置：应为对象（花括号括起的设置）"]);
    expect(errorsOf({ study: 50 }).map((e) => e.message)).toEqual(["study：应为对象（花括号括起的设置）"]);
  });
});

describe("applyScheme and withBatchStart", () => {
  it("switch presets and dates without touching the input", () => {
    const four = applyScheme(DEFAULT_RULES, "四阶段");
    expect(four.stages.scheme).toBe("四阶段");
    expect(four.stages.list.map((s) => s.days)).toEqual([30, 30, 60, 15]);
    expect(DEFAULT_RULES.stages.list).toHaveLength(3);
    const dated = withBatchStart(four, "2026-03-01");
    expect(dated.batchStart).toBe("2026-03-01");
    expect(four.batchStart).toBeNull();
    expect(ruleSetSchema.safeParse(dated).success).toBe(true);
  });
});
