import { runInNewContext } from "node:vm";
import { DEFAULT_RULES, evaluateWorkbook, RESULT_HEADER_MARK, type RunOptions } from "../../src/engine";
import type { WorkbookInput } from "../../src/engine/types";
import { applyPlanToInput, planViolations, written } from "./plan-check";

/** Cases the property tests found, kept as plain examples. */

const options: RunOptions = { rules: DEFAULT_RULES, today: "2025-03-25", unitName: "县直机关工委" };
const sheet = (values: unknown[][], merges: WorkbookInput["sheets"][number]["merges"] = []): WorkbookInput => ({ sheets: [{ name: "党员名单", values, merges }] });

function run(input: WorkbookInput) {
  const first = evaluateWorkbook(input, options);
  const applied = applyPlanToInput(input, first.plan);
  const second = evaluateWorkbook(applied.input, options);
  return { first, block: first.plan.resultBlocks[0], violations: planViolations(input, first), again: second.plan, rewritten: planViolations(applied.input, second, applied.ours) };
}

describe("reading does not depend on where the grid starts", () => {
  it("a group header inside a merge whose top-left cell is elsewhere is read the same from any origin", () => {
    const values = [[], [], ["民主评议表决"], ["姓名", "优秀"]];
    const merges = [{ top: 0, left: 0, bottom: 5, right: 2 }];
    const cut = evaluateWorkbook({ sheets: [{ name: "党员名单", values, merges, origin: { row: 3, col: 1 } }] }, options);
    const whole = evaluateWorkbook({ sheets: [{ name: "党员名单", values: [[], [], [], [null], [null], [null, "民主评议表决"], [null, "姓名", "优秀"]], merges }] }, options);
    expect(cut.tables[0].columns).toEqual(whole.tables[0].columns);
    expect(cut.plan).toEqual(whole.plan);
  });
});

describe("the result block never covers a user's cell", () => {
  it("a date noted in D1 beside the title: no group header on that row", () => {
    const r = run(sheet([["机关党委 2025 年度民主评议登记表", null, null, "填报日期：2025年3月1日"], ["支部建议等次", "姓名"], ["优秀", "王伟"]]));
    expect(r.block).toMatchObject({ firstColumn: 2, headerRow: 1, groupHeaderRow: null });
    expect(r.violations).toEqual([]);
    expect(written(r.again)).toEqual(written(r.first.plan));
  });

  it("a title merged wider than the table: no group header inside the merge", () => {
    const r = run(sheet([["机关党委 2025 年度民主评议登记表"], ["姓名", "学时"], ["王伟", 52]], [{ top: 0, left: 0, bottom: 0, right: 11 }]));
    expect(r.block).toMatchObject({ firstColumn: 2, groupHeaderRow: null });
    expect(r.violations).toEqual([]);
  });

  it("姓名 merged across A1:B1: the block starts right of the merge", () => {
    const r = run(sheet([["姓名", null, "学时"], ["王伟", null, 52]], [{ top: 0, left: 0, bottom: 0, right: 1 }]));
    expect(r.block.firstColumn).toBe(3);
    const r2 = run(sheet([["姓名"], ["王伟"]], [{ top: 0, left: 0, bottom: 0, right: 1 }]));
    expect(r2.block.firstColumn).toBe(2);
    expect(r2.violations).toEqual([]);
  });

  it("a previous run's column with the user's own column right after it: the new block goes past the user's column", () => {
    const r = run(sheet([["姓名", `${RESULT_HEADER_MARK}学习情况`, "备注"], ["王伟", "达标", "调入"]]));
    expect(r.block.firstColumn).toBe(3);
    expect(r.violations).toEqual([]);
    expect(r.rewritten).toEqual([]);
    expect(written(r.again)).toEqual(written(r.first.plan));
  });

  it("a previous run's block followed by free columns is replaced in place", () => {
    const r = run(sheet([["姓名", "学时", `${RESULT_HEADER_MARK}学习情况`, `${RESULT_HEADER_MARK}满意度`], ["王伟", 52, "达标", "88"]]));
    expect(r.block.firstColumn).toBe(2);
    expect(r.violations).toEqual([]);
  });

  it("a previous block ending just where a user's merge begins is replaced in place, the merge untouched", () => {
    const r = run(sheet([["姓名", `${RESULT_HEADER_MARK}学习情况`], ["王伟"]], [{ top: 0, left: 7, bottom: 0, right: 8 }]));
    expect(r.block.firstColumn).toBe(1);
    expect(r.first.tables[0].userColumnEnd).toBe(9);
    expect(r.violations).toEqual([]);
    expect(r.rewritten).toEqual([]);
    expect(written(r.again)).toEqual(written(r.first.plan));
  });

  it("a formula without a cached result right of the table counts as the user's cell", () => {
    const r = run(sheet([["姓名", "学时"], ["王伟", 52, { formula: "B2*2" }]]));
    expect(r.block.firstColumn).toBe(3);
    expect(r.violations).toEqual([]);
  });
});

describe("cell values from elsewhere", () => {
  it("a Date made in another realm is still a date, not an unreadable object", () => {
    const foreign = runInNewContext("new Date(Date.UTC(2025, 2, 1))");
    expect(foreign instanceof Date).toBe(false);
    const result = evaluateWorkbook(sheet([["姓名", "学时"], ["王伟", foreign]]), options);
    expect(result.issues.map((i) => [i.code, i.cell, i.value])).toEqual([["DATE_NOT_EXPECTED", "B2", "2025-03-01"]]);
  });
});

describe("values no workbook holds but a host may hand over", () => {
  // an invalid Date never equals itself, so the properties generate valid ones only; this one is kept here
  it("an invalid date in a member's row is read without a throw, the same each time", () => {
    const input = sheet([["姓名", "学时"], ["王伟", new Date(NaN)]]);
    const first = evaluateWorkbook(input, options);
    const again = evaluateWorkbook(sheet([["姓名", "学时"], ["王伟", new Date(NaN)]]), options);
    expect(first.members.map((m) => m.member.name)).toEqual(["王伟"]);
    expect(first.issues.map((i) => [i.code, i.cell])).toEqual(again.issues.map((i) => [i.code, i.cell]));
    expect(first.members[0].statuses.R1).toBe("未录入");
  });
});
