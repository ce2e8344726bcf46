import { evaluateWorkbook } from "../../../src/engine/run";
import { DEFAULT_RULES, withBatchStart } from "../../../src/engine/rules";
import { SHEET_NAMES, type SheetPlan } from "../../../src/engine/plan/types";
import type { RawCell } from "../../../src/engine/types";

/** A branch's roster as kept before anyone has set the campaign's start date. */
const roster: RawCell[][] = [
  ["城关镇机关党支部党员评议台账"],
  ["序号", "姓名", "所在支部", "学时（小时）", "集中学习天数", "党性分析材料", "整改落实", "书面申请"],
  [1, "张伟", "城关镇机关党支部", 52, 3, "已提交", "是", "已提交"],
  [2, "王芳", "城关镇机关党支部", 46, 3, "已提交", "否", "已提交"],
  [3, "李娜", "城关镇机关党支部", 50, 2, "未提交", "是", "未提交"],
];

function stageSheet(batchStart: string | null): SheetPlan {
  const rules = batchStart === null ? DEFAULT_RULES : withBatchStart(DEFAULT_RULES, batchStart);
  const run = evaluateWorkbook({ sheets: [{ name: "党员名单", values: roster }] }, { rules, today: "2026-12-01" });
  return run.plan.sheets.find((sheet) => sheet.name === SHEET_NAMES.stages)!;
}

const stageRows = (batchStart: string | null) => stageSheet(batchStart).rows;

describe("评议-阶段汇总 without a batch start date", () => {
  const rows = stageRows(null);

  test("no stage is said to be 未开始: with no dates its status is 未定", () => {
    const statuses = rows.slice(2, 8).map((row) => row[3]);
    expect(statuses).toEqual(new Array(6).fill("未定"));
    expect(rows[2]).toEqual(["学习动员", "", "", "未定", "城关镇机关党支部", 1, 2]);
  });

  test("a note under the table says why and where to set the date", () => {
    expect(rows[8]).toEqual([]);
    expect(rows[9]).toEqual(["未设批次开始日期：各阶段的起止日期和状态未定。请在规则设置中填写批次开始日期（命令行用 --batch-start）。"]);
  });
});

describe("评议-阶段汇总 with a batch start date", () => {
  const rows = stageRows("2026-09-01");

  test("windows and statuses against today, and no note", () => {
    expect(rows.slice(2, 8).map((row) => row.slice(0, 4))).toEqual([
      ["学习动员", "2026-09-01", "2026-10-15", "已结束"],
      ["学习动员", "2026-09-01", "2026-10-15", "已结束"],
      ["分析评议", "2026-10-16", "2026-11-14", "已结束"],
      ["分析评议", "2026-10-16", "2026-11-14", "已结束"],
      ["整改提高", "2026-11-15", "2026-12-14", "进行中"],
      ["整改提高", "2026-11-15", "2026-12-14", "进行中"],
    ]);
    expect(rows.flat()).not.toContainEqual(expect.stringContaining("未设批次开始日期"));
  });
});

describe("评议-阶段汇总 column widths", () => {
  // No 满意度 column in this roster: the skipped check is listed under the table, in column B.
  const sheet = stageSheet("2026-09-01");

  test("the skipped checks listed under the table do not stretch the 开始 column", () => {
    expect(sheet.rows).toContainEqual(["分析评议", "满意度达标（缺少“满意度”列或“满意/不满意”票数列）"]);
    expect(sheet.widths[1]).toBe(12); // "2026-09-01" and two characters of margin
    expect(sheet.widths[4]).toBe(18); // 城关镇机关党支部
  });
});
