import { evaluateRead, evaluateWorkbook, readInput, toReport, type RunOptions } from "../../src/engine/run";
import { DEFAULT_RULES, withBatchStart } from "../../src/engine/rules";
import { RESULT_GROUP_HEADER, SHEET_NAMES, TOTAL_LABEL, type ResultBlockPlan, type SheetPlan } from "../../src/engine/plan/types";
import type { RawCell, SheetGrid } from "../../src/engine/types";
import { XianjiaoError } from "../../src/errors";

const options: RunOptions = { rules: withBatchStart(DEFAULT_RULES, "2026-09-01"), today: "2026-11-24", unitName: "市直机关工委" };

/** A roster as a secretary keeps it: a title, a blank row, headers on row 3, a footer. */
function roster(): RawCell[][] {
  return [
    ["机关党委 2026 年度民主评议党员汇总表"],
    [],
    ["序号", "姓名", "所在支部", "党员类别", "学时（小时）", "集中学习天数", "测评满意度", "书面申请", "支部建议等次", "应到人数", "实到人数", "赞成", "上级审批"],
    [1, "张伟", "机关第一党支部", "正式党员", 46, 3, "65%", "未提交", "基本合格", 9, 8, 7, "同意"],
    [2, "王芳", "机关第一党支部", "正式党员", 52, 4, 88, "已提交", "优秀", 9, 8, 8, ""],
    [3, "李娜", "机关第二党支部", "预备党员", 50, 3, 90, "是", "", 9, 8, 0, ""],
    [4, "赵磊", "", "正式党员", "", "", "", "", "合格", 9, 8, 6, "同意"],
    [],
    ["填表人：刘洋", "", "", "", "审核人：陈静"],
  ];
}

/** What a host does with a result block: marked headers, the group header, dense rows. */
function applyBlock(values: RawCell[][], block: ResultBlockPlan): RawCell[][] {
  const out = values.map((row) => [...row]);
  const put = (row: number, col: number, value: string) => {
    while (out.length <= row) out.push([]);
    while (out[row].length < col) out[row].push(null);
    out[row][col] = value;
  };
  if (block.groupHeaderRow !== null) put(block.groupHeaderRow, block.firstColumn, RESULT_GROUP_HEADER);
  block.headers.forEach((header, i) => put(block.headerRow, block.firstColumn + i, header));
  block.rows.forEach((row, r) => row.forEach((text, i) => put(block.headerRow + 1 + r, block.firstColumn + i, text)));
  return out;
}

const sheetOf = (sheets: SheetPlan[], kind: SheetPlan["kind"]) => sheets.find((s) => s.kind === kind)!;

describe("evaluateWorkbook on a secretary's roster", () => {
  const run = evaluateWorkbook({ sheets: [{ name: "党员名单", values: roster() }] }, options);

  test("finds the table under the title and writes the result block to its right", () => {
    expect(run.hasMemberTable).toBe(true);
    const [block] = run.plan.resultBlocks;
    expect(block.sheet).toBe("党员名单");
    expect(block.firstColumn).toBe(13); // column "N", right of 上级审批 in "M3"
    expect(block.headerRow).toBe(2);
    expect(block.groupHeaderRow).toBe(1);
    expect(block.rows).toHaveLength(6); // rows 4–9: four members, a blank row, the footer
  });

  test("each member's cells say what the rules found", () => {
    const rows = run.plan.resultBlocks[0].rows;
    expect(rows[0].slice(0, 4)).toEqual(["未达标：学时 46 < 50，差 4 学时", "低于70：65", "未提出书面申请", "基本合格"]);
    expect(rows[1].slice(0, 4)).toEqual(["达标", "88", "已提交", "优秀（待审批）"]);
    expect(rows[2][3]).toBe("不评定");
    expect(rows[3].slice(0, 3)).toEqual(["未录入", "未录入", "未录入"]);
    expect(rows[4]).toEqual(["", "", "", "", "", ""]);
    expect(rows[5]).toEqual(["", "", "", "", "", ""]);
  });

  test("branches summarised with the blank branch under 未填支部 and a 合计 row", () => {
    expect(run.branches.map((b) => [b.branch, b.members])).toEqual([
      ["机关第一党支部", 2],
      ["机关第二党支部", 1],
      ["未填支部", 1],
    ]);
    expect(run.total.members).toBe(4);
    const sheet = sheetOf(run.plan.sheets, "branches");
    expect(sheet.rows[sheet.rows.length - 1][0]).toBe(TOTAL_LABEL);
  });

  test("the blank branch is a located data issue, on the issues sheet in Chinese", () => {
    expect(run.issues.map((i) => [i.code, i.sheet, i.cell])).toContainEqual(["BRANCH_BLANK", "党员名单", "C7"]);
    const sheet = sheetOf(run.plan.sheets, "issues");
    expect(sheet.rows.slice(2)).toContainEqual([1, "党员名单", "C7", "", "赵磊 的所在支部为空，汇总时计入“未填支部”"]);
  });

  test("stages: windows from the batch start, completion per branch", () => {
    expect(run.stages.map((s) => [s.name, s.start, s.end, s.status])).toEqual([
      ["学习动员", "2026-09-01", "2026-10-15", "已结束"],
      ["分析评议", "2026-10-16", "2026-11-14", "已结束"],
      ["整改提高", "2026-11-15", "2026-12-14", "进行中"],
    ]);
    for (const stage of run.stages) expect(stage.completed + stage.notCompleted).toBe(4);
  });

  test("without a batch start the report's stages are 未定, with no dates", () => {
    const undated = evaluateWorkbook({ sheets: [{ name: "党员名单", values: roster() }] }, { ...options, rules: DEFAULT_RULES });
    expect(toReport(undated).stages.map((s) => [s.name, s.start, s.end, s.status])).toEqual([
      ["学习动员", "", "", "未定"],
      ["分析评议", "", "", "未定"],
      ["整改提高", "", "", "未定"],
    ]);
  });

  test("the report: 1-based rows, action texts, zh-CN messages", () => {
    const report = toReport(run);
    expect(report.members.map((m) => [m.name, m.row, m.branch, m.grade])).toEqual([
      ["张伟", 4, "机关第一党支部", "基本合格"],
      ["王芳", 5, "机关第一党支部", "优秀"],
      ["李娜", 6, "机关第二党支部", "不评定"],
      ["赵磊", 7, "未填支部", "合格"],
    ]);
    expect(report.members[1].pendingApproval).toBe(true);
    expect(report.members[0].actions[0]).toMatch(/自愿退党/);
    expect(report.issues).toContainEqual({ code: "BRANCH_BLANK", sheet: "党员名单", cell: "C7", message: "赵磊 的所在支部为空，汇总时计入“未填支部”" });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  test("a re-run over the written workbook replaces the block in place and reads the same members", () => {
    const written = applyBlock(roster(), run.plan.resultBlocks[0]);
    const again = evaluateWorkbook({ sheets: [{ name: "党员名单", values: written }] }, options);
    expect(again.plan.resultBlocks).toHaveLength(1);
    expect(again.plan.resultBlocks[0].firstColumn).toBe(13);
    expect(again.plan.resultBlocks[0].groupHeaderRow).toBe(1);
    expect(again.plan.resultBlocks[0].rows).toEqual(run.plan.resultBlocks[0].rows);
    expect(toReport(again).members).toEqual(toReport(run).members);
  });
});

describe("reading in two steps, the grids' rows given up as their tables are read", () => {
  test("the same evaluation, a decision the secretary typed kept, and each member table's grid cut to its header", () => {
    const run = evaluateWorkbook({ sheets: [{ name: "党员名单", values: roster() }] }, options);
    const written = applyBlock(roster(), run.plan.resultBlocks[0]);
    // the secretary overrules our grade for 张伟 (row 4 of the sheet)
    const gradeCol = run.plan.resultBlocks[0].firstColumn + run.plan.resultBlocks[0].headers.indexOf("评议等次");
    written[3][gradeCol] = "合格";
    const hours: RawCell[][] = [["学时统计表"], ["姓名", "累计学时"], ["张伟", 55], ["王芳", 40]];
    const input = () => ({ sheets: [{ name: "党员名单", values: written.map((row) => [...row]) }, { name: "学时统计", values: hours.map((row) => [...row]) }] });
    const whole = evaluateWorkbook(input(), options);
    const given = input();
    const released = evaluateRead(readInput(given, { releaseRows: true }), options);
    expect(toReport(released)).toEqual(toReport(whole));
    expect(released.members.find((m) => m.member.name === "张伟")!.manual).toBeTruthy();
    expect(given.sheets.map((sheet) => sheet.values.length)).toEqual([3, 2]);
  });
});

describe("evaluateWorkbook on other workbooks", () => {
  test("no member table: hasMemberTable false, a NO_MEMBER_TABLE issue, summaries empty", () => {
    const run = evaluateWorkbook({ sheets: [{ name: "Sheet1", values: [["会议记录"], ["时间", "地点"], ["2026-10-01", "三楼会议室"]] }] }, options);
    expect(run.hasMemberTable).toBe(false);
    expect(run.issues.map((i) => i.code)).toContain("NO_MEMBER_TABLE");
    expect(run.members).toEqual([]);
    expect(run.plan.resultBlocks).toEqual([]);
    expect(run.plan.sheets.map((s) => s.name)).toContain(SHEET_NAMES.issues);
  });

  test("a score sheet joined to the roster; issues sorted in workbook order", () => {
    const hours: RawCell[][] = [
      ["学时统计表"],
      ["姓名", "所在支部", "累计学时"],
      ["张伟", "机关第一党支部", 55],
      ["王芳", "机关第一党支部", "四十"],
      ["孙丽", "机关第三党支部", 60],
    ];
    const values = roster().map((row, r) => (r >= 2 && r <= 6 ? row.slice(0, 4).concat(row.slice(5)) : row));
    const run = evaluateWorkbook({ sheets: [{ name: "党员名单", values }, { name: "学时统计", values: hours }] }, options);
    expect(run.plan.resultBlocks.map((b) => b.sheet)).toEqual(["党员名单"]);
    expect(run.members.find((m) => m.member.name === "张伟")!.member.values.studyHours).toBe(55);
    const sheets = run.issues.map((i) => i.sheet);
    // the problems in workbook order; the cells left blank (未录入) follow them
    const problems = run.issues.filter((i) => i.code !== "NOT_ENTERED" && i.code !== "NOT_ENTERED_NO_ROW").length;
    const rowsOnIssuesSheet = sheetOf(run.plan.sheets, "issues").rows.slice(2, 2 + problems).map((r) => r[1]);
    expect(rowsOnIssuesSheet.indexOf("学时统计")).toBeGreaterThan(rowsOnIssuesSheet.lastIndexOf("党员名单"));
    expect(sheetOf(run.plan.sheets, "issues").rows.slice(2 + problems).every((r) => String(r[4]).includes("未录入"))).toBe(true);
    expect(sheets).toContain("学时统计");
  });

  test("a two-row header: our group header goes on its top row, our headers beside the sub-headers", () => {
    const ballot: RawCell[][] = [
      ["第三党支部民主评议票决统计表"],
      ["姓名", "所在支部", "支部建议等次", "民主评议", "", "", "应到人数", "实到人数"],
      ["", "", "", "赞成", "反对", "弃权", "", ""],
      ["周强", "第三党支部", "合格", 8, 1, 0, 10, 9],
      ["吴敏", "第三党支部", "不合格", 4, 4, 1, 10, 9],
    ];
    const merges = [
      { top: 1, left: 3, bottom: 1, right: 5 },
      ...[0, 1, 2, 6, 7].map((col) => ({ top: 1, left: col, bottom: 2, right: col })),
    ];
    const run = evaluateWorkbook({ sheets: [{ name: "票决", values: ballot, merges }] }, options);
    const [block] = run.plan.resultBlocks;
    expect([block.firstColumn, block.groupHeaderRow, block.headerRow]).toEqual([8, 1, 2]); // "I2" over "I3"
    expect(block.rows.map((row) => row[3])).toEqual(["合格", "待定"]);
    expect(block.rows[1][5]).toMatch(/未超过应到 10 人的半数/);
  });

  test("never throws on odd grids", () => {
    const odd: SheetGrid[] = [
      { name: "空表", values: [] },
      { name: "参差", values: [[null], [undefined, "姓名"], ["", "张伟", { x: 1 }], [NaN, Infinity, -0], [new Date(2026, 0, 1), true, "#DIV/0!"]] },
      { name: "只有表头", values: [["姓名", "所在支部", "学时"]] },
      { name: "奇怪", values: [[Symbol.for("x") as unknown, 1e308, "=SUM(A1)"], ["姓名", "学时"], ["=HYPERLINK(\"x\")", "-5"]] },
    ];
    for (const sheet of odd) {
      const run = evaluateWorkbook({ sheets: [sheet] }, options);
      for (const block of run.plan.resultBlocks) for (const row of block.rows) for (const text of row) expect(text).not.toMatch(/^[=+\-@]/);
      for (const planSheet of run.plan.sheets) {
        for (const row of planSheet.rows) for (const cell of row) if (typeof cell === "string") expect(cell).not.toMatch(/^[=+\-@]/);
      }
    }
    expect(() => evaluateWorkbook({ sheets: [] }, options)).not.toThrow();
    expect(evaluateWorkbook({ sheets: [] }, options).hasMemberTable).toBe(false);
  });

  test("a malformed today is the caller's mistake and throws BAD_DATE", () => {
    const call = () => evaluateWorkbook({ sheets: [{ name: "党员名单", values: roster() }] }, { ...options, today: "2026-13-01" });
    expect(call).toThrow(XianjiaoError);
    expect(call).toThrow(expect.objectContaining({ code: "BAD_DATE" }));
  });

  test("the unit name comes from the options, else from the rule set", () => {
    const rules = { ...options.rules, unitName: "城关镇党委" };
    const input = { sheets: [{ name: "党员名单", values: roster() }] };
    expect(evaluateWorkbook(input, { rules, today: "2026-11-24" }).unitName).toBe("城关镇党委");
    expect(evaluateWorkbook(input, { rules, today: "2026-11-24", unitName: "东街社区党委" }).unitName).toBe("东街社区党委");
  });

  test("no unit named: the one written above the roster, else the one its title names, else the fallback, titles every sheet", () => {
    const titled = [["机关党委 2026 年度民主评议党员汇总表"], ["填报单位：县财政局机关党委（第一批）"], ...roster().slice(2)];
    const named = evaluateWorkbook({ sheets: [{ name: "党员名单", values: titled }] }, { rules: DEFAULT_RULES, today: "2026-11-24", fallbackUnitName: "评议结果" });
    expect(named.unitName).toBe("县财政局机关党委");
    expect(named.plan.sheets[0].rows[0][0]).toBe("县财政局机关党委党员评议支部汇总表（2026年11月24日）");
    // the title "机关党委 2026 年度民主评议党员汇总表" names the unit when no 填报单位 line does
    const fromTitle = evaluateWorkbook({ sheets: [{ name: "党员名单", values: roster() }] }, { rules: DEFAULT_RULES, today: "2026-11-24", fallbackUnitName: "评议结果" });
    expect(fromTitle.unitName).toBe("机关党委");
    const untitled = [["2026 年度民主评议党员汇总表"], ...roster().slice(1)];
    const plain = evaluateWorkbook({ sheets: [{ name: "党员名单", values: untitled }] }, { rules: DEFAULT_RULES, today: "2026-11-24", fallbackUnitName: "评议结果" });
    expect(plain.unitName).toBe("评议结果");
  });
});
