import { evaluateWorkbook, toReport, type RunResult } from "../../src/engine/run";
import { resolveRules } from "../../src/engine/rules";
import { BRANCH_COLUMNS, RESULT_HEADERS, type SheetPlan } from "../../src/engine/plan/types";
import { BATCH_STAGE_COLUMNS, SKIPPED_TITLE } from "../../src/engine/plan/stageSheet";
import type { RawCell } from "../../src/engine/types";

/*
 * A town committee's ledger with the two columns of the seeds this file is about: 批次 (seed
 * 000: 第一批 1–6 月, 第二批 7–12 月, 第三批 次年) and 公示情况 (seed 004: 经上级党委审查批准和
 * 公示). The table starts in column B under a merged title; study hours come from a second sheet
 * that has no row for one member; some cells were left blank, as they are in real ledgers.
 */
const roster: RawCell[][] = [
  [null, "城关镇党委先进性教育活动党员评议台账"],
  [null, "填报单位：城关镇党委"],
  [null, "序号", "姓名", "所在支部", "批次", "党员类别", "书面申请", "支部建议等次", "上级审批", "公示情况"],
  [null, 1, "张伟", "机关党支部", "第一批", "正式党员", "是", "合格", "同意", "已公示"],
  [null, 2, "王芳", "机关党支部", "一批", "正式党员", "是", "优秀", "同意", null],
  [null, 3, "李娜", "社区党支部", 2, "正式党员", "是", "合格", "同意", "否"],
  [null, 4, "赵磊", "社区党支部", "第2批", "预备党员", "是", null, null, null],
  [null, 5, "陈静", "农村党支部", "第三批", "正式党员", null, "基本合格", null, null],
  [null, 6, "刘洋", "农村党支部", null, "正式党员", "是", "合格", "同意", "2026-05-08"],
  [null, 7, "孙丽", "农村党支部", "第四批", "正式党员", "是", "合格", "同意", "是"],
  [null, "填表人：王明　　审核人：李华"],
];

const study: RawCell[][] = [
  ["姓名", "所在支部", "学时（小时）", "集中学习天数"],
  ["张伟", "机关党支部", 52, 3],
  ["王芳", "机关党支部", null, 4],
  ["李娜", "社区党支部", 46, 3],
  ["赵磊", "社区党支部", 50, 3],
  ["陈静", "农村党支部", 60, 5],
  ["刘洋", "农村党支部", 55, null],
];

const resolved = resolveRules({ batchStart: "2026-01-01" });
if (!resolved.ok) throw new Error("rules");
const rules = resolved.rules;

function evaluate(sheets = [{ name: "党员名单", values: roster, merges: [{ top: 0, left: 1, bottom: 0, right: 9 }] }, { name: "学习情况", values: study }]): RunResult {
  return evaluateWorkbook({ sheets }, { rules, today: "2026-08-20" });
}

const sheetOf = (run: RunResult, kind: SheetPlan["kind"]) => run.plan.sheets.find((s) => s.kind === kind)!;

describe("a ledger with 批次 and 公示情况, from the sheet to the summaries", () => {
  const run = evaluate();
  const grade = (name: string) => {
    const block = run.plan.resultBlocks[0];
    const member = run.members.find((m) => m.member.name === name)!;
    return block.rows[member.member.row - block.headerRow - 1][RESULT_HEADERS.indexOf("评议等次")];
  };

  test("公示: approved and posted is final; approved and not yet posted is 待公示, in amber like 待审批", () => {
    expect(run.members.map((m) => [m.member.name, m.grade, m.pendingApproval, m.pendingPublicity])).toEqual([
      ["张伟", "合格", false, false],
      ["王芳", "优秀", false, true],
      ["李娜", "合格", false, true],
      ["赵磊", "不评定", false, false],
      ["陈静", "基本合格", true, false],
      ["刘洋", "合格", false, false],
      ["孙丽", "合格", false, false],
    ]);
    expect([grade("张伟"), grade("王芳"), grade("李娜"), grade("陈静"), grade("刘洋")]).toEqual(["合格", "优秀（待公示）", "合格（待公示）", "基本合格（待审批）", "合格"]);
  });

  test("the branch summary counts 待公示 apart and says 已录入 n / N beside each rate", () => {
    const sheet = sheetOf(run, "branches");
    expect(sheet.rows[1]).toEqual([...BRANCH_COLUMNS]);
    const row = (branch: string) => Object.fromEntries(BRANCH_COLUMNS.map((c, i) => [c, sheet.rows.find((r) => r[0] === branch)![i]]));
    expect(row("机关党支部")).toMatchObject({ 党员数: 2, 学时已录入: "1 / 2", 学习达标: 1, 学习达标率: 1, 书面申请已录入: "2 / 2", 待审批: 0, 待公示: 1 });
    expect(row("农村党支部")).toMatchObject({ 党员数: 3, 学时已录入: "2 / 3", 学习达标: 1, 学习达标率: 0.5, 书面申请已录入: "2 / 3", 待审批: 1, 待公示: 0 });
    expect(row("合计")).toMatchObject({ 党员数: 7, 学时已录入: "5 / 7", 满意度已录入: "0 / 7", 书面申请已录入: "6 / 7", 待审批: 1, 待公示: 2 });
    expect(run.total.pendingPublicity).toBe(2);
  });

  test("the stage summary runs batch × stage × branch, each batch on its own dates", () => {
    const sheet = sheetOf(run, "stages");
    expect(sheet.rows[1]).toEqual([...BATCH_STAGE_COLUMNS]);
    const rows = sheet.rows.slice(2).filter((r) => r.length === BATCH_STAGE_COLUMNS.length);
    const first = (batch: string) => rows.filter((r) => r[0] === batch && r[5] !== "合计").map((r) => [r[1], r[2], r[4], r[5], r[6], r[7]]);
    expect(first("第一批")).toEqual([
      ["学习动员", "2026-01-01", "已结束", "机关党支部", 1, 1],
      ["分析评议", "2026-02-15", "已结束", "机关党支部", 2, 0],
      ["整改提高", "2026-03-17", "已结束", "机关党支部", 1, 1],
    ]);
    // 第二批 starts six months after the campaign: on 2026-08-20 its second stage is under way
    expect(first("第二批")).toEqual([
      ["学习动员", "2026-07-01", "已结束", "社区党支部", 1, 1],
      ["分析评议", "2026-08-15", "进行中", "社区党支部", 2, 0],
      ["整改提高", "2026-09-14", "未开始", "社区党支部", 1, 1],
    ]);
    expect(first("第三批").map((r) => [r[0], r[1], r[2]])).toEqual([
      ["学习动员", "2027-01-01", "未开始"],
      ["分析评议", "2027-02-15", "未开始"],
      ["整改提高", "2027-03-17", "未开始"],
    ]);
    // a blank or unknown 批次 follows the one campaign start, under 未填批次
    expect(first("未填批次").map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual([
      ["学习动员", "2026-01-01", "农村党支部", 0, 2],
      ["分析评议", "2026-02-15", "农村党支部", 2, 0],
      ["整改提高", "2026-03-17", "农村党支部", 2, 0],
    ]);
    expect(rows.filter((r) => r[5] === "合计").map((r) => r[0])).toEqual(["第一批", "第一批", "第一批", "第二批", "第二批", "第二批", "第三批", "第三批", "第三批", "未填批次", "未填批次", "未填批次"]);
    expect(sheet.highlights[0].column).toBe(BATCH_STAGE_COLUMNS.indexOf("状态"));
    // the checks skipped for want of a column are said once per stage, not once per batch
    const skipped = sheet.rows.slice(sheet.rows.findIndex((r) => r[0] === SKIPPED_TITLE) + 1);
    expect(skipped.map((r) => r[0])).toEqual(["分析评议", "分析评议", "整改提高"]);
  });

  test("an unknown 批次 is a data issue at its cell; the blank cells follow the problems, one per cell, grouped per field", () => {
    const problems = run.issues.filter((i) => i.code !== "NOT_ENTERED" && i.code !== "NOT_ENTERED_NO_ROW");
    expect(problems.map((i) => `${i.code}@${i.sheet}!${i.cell}`)).toEqual(["UNKNOWN_BATCH@党员名单!E10"]);
    const report = toReport(run);
    const blanks = report.issues.filter((i) => i.code.startsWith("NOT_ENTERED"));
    expect(blanks.map((i) => [i.sheet, i.cell, i.message])).toEqual([
      ["党员名单", "E9", "“批次”未录入（刘洋）：阶段时间按统一的批次开始日期计算"],
      ["学习情况", "C3", "“学时（小时）”未录入（王芳）：R1 学时无法判定"],
      ["党员名单", "C10", "“学时（小时）”未录入（孙丽，“学习情况”中没有此人的行）：R1 学时无法判定"],
      ["学习情况", "D7", "“集中学习天数”未录入（刘洋）：R2 集中学习无法判定"],
      ["党员名单", "C10", "“集中学习天数”未录入（孙丽，“学习情况”中没有此人的行）：R2 集中学习无法判定"],
      ["党员名单", "G8", "“书面申请”未录入（陈静）：R6 书面申请无法判定"],
      ["党员名单", "I8", "“上级审批”未录入（陈静）：R11 上级审批无法判定，等次待审批"],
      ["党员名单", "J5", "“公示情况”未录入（王芳）：R11 公示情况无法判定，等次待公示"],
    ]);
    // the issues sheet lists the same, after the problem
    const issuesSheet = sheetOf(run, "issues");
    expect(issuesSheet.rows.slice(2).map((r) => [r[1], r[2]])).toEqual([["党员名单", "E10"], ...blanks.map((i) => [i.sheet, i.cell])]);
  });

  test("the report gives each member's batch and 待公示, and each stage window its batch", () => {
    const report = toReport(run);
    expect(report.members.map((m) => [m.name, m.batch, m.pendingPublicity])).toEqual([
      ["张伟", "第一批", false],
      ["王芳", "第一批", true],
      ["李娜", "第二批", true],
      ["赵磊", "第二批", false],
      ["陈静", "第三批", false],
      ["刘洋", null, false],
      ["孙丽", null, false],
    ]);
    expect(report.stages.map((s) => `${s.batch}·${s.name}·${s.status}`).slice(3, 6)).toEqual(["第二批·学习动员·已结束", "第二批·分析评议·进行中", "第二批·整改提高·未开始"]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe("the same ledger without the two columns works as before", () => {
  const without = roster.map((row) => row.slice(0, 4).concat(row.slice(5, 9)));
  const run = evaluate([{ name: "党员名单", values: without, merges: [] }, { name: "学习情况", values: study }]);

  test("one set of stage windows from the batch start, no 批次 column on the stage sheet", () => {
    const sheet = sheetOf(run, "stages");
    expect(sheet.rows[1]).toEqual(["阶段", "开始", "结束", "状态", "支部", "已完成", "未完成"]);
    expect(run.stages.every((s) => s.batch === "" && s.start !== "")).toBe(true);
    expect(run.stages.map((s) => s.start)).toEqual(["2026-01-01", "2026-02-15", "2026-03-17"]);
  });

  test("approval alone makes a grade final; nothing is 待公示", () => {
    expect(run.members.filter((m) => m.pendingPublicity)).toEqual([]);
    expect(run.members.find((m) => m.member.name === "王芳")!.grade).toBe("优秀");
    expect(run.total.pendingPublicity).toBe(0);
  });
});
