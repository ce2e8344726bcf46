import { DEFAULT_RULES, applyScheme, resolveRules, withBatchStart, type RuleSet } from "../../../src/engine/rules";
import { batchStartDate, currentStageIndex, stageWindows } from "../../../src/engine/stages";
import { XianjiaoError } from "../../../src/errors";

const threeStages = withBatchStart(DEFAULT_RULES, "2026-01-01");

describe("stageWindows", () => {
  it("45 days from 2026-01-01 end on 2026-02-14; the next stage starts the day after", () => {
    const w = stageWindows(threeStages, "2026-01-10");
    expect(w.map((s) => [s.name, s.start, s.end])).toEqual([
      ["学习动员", "2026-01-01", "2026-02-14"],
      ["分析评议", "2026-02-15", "2026-03-16"],
      ["整改提高", "2026-03-17", "2026-04-15"],
    ]);
  });

  it("status at the boundaries: both ends are inside the window", () => {
    const statuses = (today: string) => stageWindows(threeStages, today).map((s) => s.status);
    expect(statuses("2025-12-31")).toEqual(["未开始", "未开始", "未开始"]);
    expect(statuses("2026-01-01")).toEqual(["进行中", "未开始", "未开始"]);
    expect(statuses("2026-02-14")).toEqual(["进行中", "未开始", "未开始"]);
    expect(statuses("2026-02-15")).toEqual(["已结束", "进行中", "未开始"]);
    expect(statuses("2026-04-15")).toEqual(["已结束", "已结束", "进行中"]);
    expect(statuses("2026-04-16")).toEqual(["已结束", "已结束", "已结束"]);
    expect(currentStageIndex(stageWindows(threeStages, "2026-03-01"))).toBe(1);
    expect(currentStageIndex(stageWindows(threeStages, "2027-01-01"))).toBeUndefined();
  });

  it("counts 29 February in a leap year", () => {
    const leap = withBatchStart(DEFAULT_RULES, "2028-01-20");
    expect(stageWindows(leap, "2028-02-29")[0]).toEqual({ name: "学习动员", start: "2028-01-20", end: "2028-03-04", status: "进行中" });
    const plain = withBatchStart(DEFAULT_RULES, "2027-01-20");
    expect(stageWindows(plain, "2027-03-01")[0].end).toBe("2027-03-05");
  });

  it("crosses a year end", () => {
    const four = withBatchStart(applyScheme(DEFAULT_RULES, "四阶段"), "2026-07-01");
    expect(stageWindows(four, "2026-12-31").map((s) => [s.start, s.end, s.status])).toEqual([
      ["2026-07-01", "2026-07-30", "已结束"],
      ["2026-07-31", "2026-08-29", "已结束"],
      ["2026-08-30", "2026-10-28", "已结束"],
      ["2026-10-29", "2026-11-12", "已结束"],
    ]);
  });

  it("a one-day stage starts and ends on the same day", () => {
    const r = resolveRules({ batchStart: "2026-05-31", stages: { list: [{ name: "动员会", days: 1, checks: [] }, { name: "学习", days: 2, checks: ["study"] }] } });
    const rules = (r as { ok: true; rules: RuleSet }).rules;
    expect(stageWindows(rules, "2026-06-01").map((s) => [s.start, s.end, s.status])).toEqual([
      ["2026-05-31", "2026-05-31", "已结束"],
      ["2026-06-01", "2026-06-02", "进行中"],
    ]);
  });

  it("without a batch start: names only, no dates, all 未定", () => {
    expect(stageWindows(DEFAULT_RULES, "2026-03-01")).toEqual([
      { name: "学习动员", start: "", end: "", status: "未定" },
      { name: "分析评议", start: "", end: "", status: "未定" },
      { name: "整改提高", start: "", end: "", status: "未定" },
    ]);
  });

  it("a malformed today is the caller's mistake", () => {
    expect(() => stageWindows(threeStages, "2026-02-30")).toThrow(XianjiaoError);
    expect(() => stageWindows(threeStages, "3/1/2026")).toThrow(/日期/);
  });
});

describe("stage windows per batch (seed 000)", () => {
  const campaign = withBatchStart(DEFAULT_RULES, "2026-01-01");

  it("第二批 starts six months and 第三批 twelve months after the campaign start; without a batch, the campaign start", () => {
    expect([batchStartDate(campaign), batchStartDate(campaign, "第一批"), batchStartDate(campaign, "第二批"), batchStartDate(campaign, "第三批")]).toEqual([
      "2026-01-01",
      "2026-01-01",
      "2026-07-01",
      "2027-01-01",
    ]);
  });

  it("a batch's own date wins; a batch with no date of its own and no campaign start is undated", () => {
    const own = resolveRules({ batchStart: "2026-01-01", batches: { 第二批: "2026-08-15" } });
    if (!own.ok) throw new Error("rules");
    expect(batchStartDate(own.rules, "第二批")).toBe("2026-08-15");
    expect(batchStartDate(own.rules, "第三批")).toBe("2027-01-01");
    const only = resolveRules({ batches: { 第三批: "2027-03-01" } });
    if (!only.ok) throw new Error("rules");
    expect(batchStartDate(only.rules, "第三批")).toBe("2027-03-01");
    expect(batchStartDate(only.rules, "第一批")).toBeNull();
    expect(stageWindows(only.rules, "2027-03-10", "第一批").map((w) => w.status)).toEqual(["未定", "未定", "未定"]);
  });

  it("each batch's windows and statuses follow its own start", () => {
    const on = (batch: "第一批" | "第二批" | "第三批") => stageWindows(campaign, "2026-08-20", batch).map((w) => [w.start, w.end, w.status]);
    expect(on("第一批")).toEqual([
      ["2026-01-01", "2026-02-14", "已结束"],
      ["2026-02-15", "2026-03-16", "已结束"],
      ["2026-03-17", "2026-04-15", "已结束"],
    ]);
    expect(on("第二批")).toEqual([
      ["2026-07-01", "2026-08-14", "已结束"],
      ["2026-08-15", "2026-09-13", "进行中"],
      ["2026-09-14", "2026-10-13", "未开始"],
    ]);
    expect(on("第三批").map((w) => w[2])).toEqual(["未开始", "未开始", "未开始"]);
  });
});
