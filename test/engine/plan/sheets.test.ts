import { buildPlan, type PlanInput } from "../../../src/engine/plan/build";
import { sortIssues } from "../../../src/engine/plan/issuesSheet";
import { ABOUT_KEYS, BRANCH_COLUMNS, GRADE_COLOURS, HIGHLIGHT_COLOURS, SHEET_MARK, SHEET_NAMES, SUMMARY_FORMAT_VERSION, TOTAL_LABEL, type SheetPlan } from "../../../src/engine/plan/types";
import { summariseBranches, summariseStages } from "../../../src/engine/summarise";
import { DEFAULT_RULES, ruleFingerprint, withBatchStart } from "../../../src/engine/rules";
import { stageWindows } from "../../../src/engine/stages";
import type { DataIssue } from "../../../src/engine/types";
import { result, rosterTable } from "./fixtures";

const rules = withBatchStart(DEFAULT_RULES, "2026-09-01");
const today = "2026-11-24";
const members = [
  result({ name: "王芳", branch: "第一党支部", row: 3, values: { studyHours: 52 }, statuses: { R1: "达标" }, grade: "优秀", stagesCompleted: [true, false, false] }),
  result({ name: "张伟", branch: "第二党支部", row: 4, values: { studyHours: 40 }, statuses: { R1: "未达标" }, grade: "不合格", actions: ["DISPOSE"] }),
  result({ name: "李娜", branch: "第一党支部", row: 5, grade: "合格" }),
];
const issue = (sheet: string, cell: string, code: DataIssue["code"] = "NOT_A_NUMBER"): DataIssue => ({
  code,
  sheet,
  cell,
  value: "四十",
  params: { field: "学时" },
});

function planInput(overrides: Partial<PlanInput> = {}): PlanInput {
  const { branches, total } = summariseBranches(members, rules);
  return {
    tables: [rosterTable()],
    results: members,
    issues: [],
    branches,
    total,
    stages: summariseStages(members, stageWindows(rules, today), [[], ["党性分析材料列缺失：未检查党性分析材料"], []]),
    unitSurveys: [],
    rulesOff: [],
    rules,
    today,
    unitName: "城关镇党委",
    fingerprint: ruleFingerprint(rules),
    ...overrides,
  };
}
const sheetOf = (sheets: SheetPlan[], kind: SheetPlan["kind"]) => sheets.find((s) => s.kind === kind)!;

describe("summary sheets", () => {
  const plan = buildPlan(planInput());

  test("our sheets in order, each titled with the unit, the subject and the date, never the product's name; technical sheet hidden, the run record very hidden", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      SHEET_NAMES.branches,
      SHEET_NAMES.stages,
      SHEET_NAMES.issues,
      SHEET_NAMES.register,
      SHEET_NAMES.about,
      SHEET_NAMES.technical,
      "评议-记录",
    ]);
    expect(plan.sheets.map((s) => s.hidden ?? null)).toEqual([null, null, null, null, null, "hidden", "veryHidden"]);
    for (const sheet of plan.sheets.filter((s) => s.kind !== "record" && s.kind !== "technical")) {
      expect(String(sheet.rows[0][0])).toMatch(/^城关镇党委.+（2026年11月24日）$/);
      expect(String(sheet.rows[0][0])).not.toContain(SHEET_MARK);
    }
    expect(sheetOf(plan.sheets, "branches").rows[0][0]).toBe("城关镇党委党员评议支部汇总表（2026年11月24日）");
    expect(sheetOf(plan.sheets, "register").rows[0][0]).toBe("城关镇党委党员民主评议结果登记表（2026年11月24日）");
    expect(sheetOf(plan.sheets, "about").rows[0][0]).toBe("城关镇党委本次评议依据（2026年11月24日）");
  });

  test("every printed sheet: A4 one page wide, title and header on every page, page numbers in the footer", () => {
    for (const sheet of plan.sheets.filter((s) => !s.hidden)) {
      expect({ kind: sheet.kind, pagesWide: sheet.print?.pagesWide, titleRows: sheet.print?.titleRows, footer: sheet.print?.footer }).toEqual({
        kind: sheet.kind,
        pagesWide: 1,
        titleRows: sheet.headerRow + 1,
        footer: "第 &P 页 共 &N 页",
      });
    }
    // the 24-column branch summary sideways, the register upright
    expect(sheetOf(plan.sheets, "branches").print?.landscape).toBe(true);
    expect(sheetOf(plan.sheets, "register").print?.landscape).toBe(false);
  });

  test("branches: exact columns, a row per branch, a bold 合计 row, formats and the chart", () => {
    const sheet = sheetOf(plan.sheets, "branches");
    expect(sheet.rows[sheet.headerRow]).toEqual([...BRANCH_COLUMNS]);
    expect(sheet.rows.slice(2).map((r) => r[0])).toEqual(["第一党支部", "第二党支部", TOTAL_LABEL]);
    expect(sheet.boldRows).toEqual([4]);
    const at = (row: number, column: (typeof BRANCH_COLUMNS)[number]) => sheet.rows[row][BRANCH_COLUMNS.indexOf(column)];
    expect([at(2, "党员数"), at(2, "学时已录入"), at(2, "学习达标率"), at(2, "平均学时"), at(2, "优秀")]).toEqual([2, "1 / 2", 1, 52, 1]);
    expect(at(2, "平均满意度")).toBeNull();
    expect([at(4, "党员数"), at(4, "学习达标率"), at(4, "不合格"), at(4, "待办处置")]).toEqual([3, 0.5, 1, 1]);
    expect(at(2, "优秀名额上限")).toBe(0);
    expect(at(2, "优秀超限")).toBe("是");
    // the cap is per branch: the total names how many branches are over, not "是" under its own cap
    expect(at(4, "优秀超限")).toBe("1 个支部超限");
    expect(sheet.highlights).toEqual([
      {
        column: BRANCH_COLUMNS.indexOf("优秀超限"),
        rules: [
          { match: "equals", text: "是", colour: "red" },
          { match: "contains", text: "个支部超限", colour: "red" },
        ],
      },
    ]);
    expect(sheet.percentColumns.map((c) => BRANCH_COLUMNS[c])).toEqual(["学习达标率"]);
    expect(sheet.decimalColumns.map((c) => BRANCH_COLUMNS[c])).toEqual(["平均学时", "平均满意度"]);
    expect(sheet.widths).toHaveLength(BRANCH_COLUMNS.length);
    expect(sheet.chart).toMatchObject({ categoryColumn: 0, headerRow: 1, firstRow: 2, lastRow: 3 });
    expect(sheet.chart!.seriesColumns.map((c) => BRANCH_COLUMNS[c])).toEqual(["优秀", "合格", "基本合格", "不合格", "待定"]);
    // each grade in its one colour, the axis in whole members, the chart under the table
    expect(sheet.chart!.colours).toEqual((["优秀", "合格", "基本合格", "不合格", "待定"] as const).map((g) => ({ fill: HIGHLIGHT_COLOURS[GRADE_COLOURS[g]].fill, line: HIGHLIGHT_COLOURS[GRADE_COLOURS[g]].font })));
    expect(sheet.chart!.majorUnit).toBe(1);
    expect(sheet.chart!.anchor).toEqual({ row: sheet.rows.length + 1, column: 0 });
  });

  test("branches: a unit of many branches gets a chart of its first 20, its title saying how many there are", () => {
    const many = Array.from({ length: 45 }, (_, i) => result({ name: `党员${i}`, branch: `第${i + 1}党支部`, row: 3 + i, grade: "合格" }));
    const { branches, total } = summariseBranches(many, rules);
    const sheet = sheetOf(buildPlan(planInput({ results: many, branches, total })).sheets, "branches");
    expect(sheet.chart).toMatchObject({ firstRow: 2, lastRow: 21, title: "前 20 个支部评议等次（人，共 45 个）" });
    expect(sheet.chart!.anchor).toEqual({ row: sheet.rows.length + 1, column: 0 });
  });

  test("branches with nobody: only the 合计 row and no chart", () => {
    const { branches, total } = summariseBranches([], rules);
    const sheet = sheetOf(buildPlan(planInput({ results: [], branches, total })).sheets, "branches");
    expect(sheet.rows.slice(2).map((r) => r[0])).toEqual([TOTAL_LABEL]);
    expect(sheet.chart).toBeUndefined();
  });

  test("stages: a row per stage × branch, a bold 合计 per stage, skipped checks under the table", () => {
    const sheet = sheetOf(plan.sheets, "stages");
    expect(sheet.rows[1]).toEqual(["阶段", "开始", "结束", "状态", "支部", "已完成", "未完成"]);
    expect(sheet.rows.slice(2, 5)).toEqual([
      ["学习动员", "2026-09-01", "2026-10-15", "已结束", "第一党支部", 1, 1],
      ["学习动员", "2026-09-01", "2026-10-15", "已结束", "第二党支部", 0, 1],
      ["学习动员", "2026-09-01", "2026-10-15", "已结束", TOTAL_LABEL, 1, 2],
    ]);
    expect(sheet.rows[10]).toEqual(["整改提高", "2026-11-15", "2026-12-14", "进行中", TOTAL_LABEL, 0, 3]);
    expect(sheet.boldRows.slice(0, 3)).toEqual([4, 7, 10]);
    const tail = sheet.rows.slice(11);
    expect(tail[0]).toEqual([]);
    expect(String(tail[1][0])).toMatch(/^未检查的项目/);
    expect(tail[2]).toEqual(["分析评议", "党性分析材料列缺失：未检查党性分析材料"]);
  });

  test("technical sheet: the keys under the title, read back by the consolidation", () => {
    const sheet = sheetOf(plan.sheets, "technical");
    expect(sheet.rows.slice(1, 8).map((r) => r[0])).toEqual(Object.values(ABOUT_KEYS));
    expect(sheet.rows[1][1]).toBe(SUMMARY_FORMAT_VERSION);
    expect(sheet.rows.slice(2, 7).map((r) => r[1])).toEqual(["城关镇党委", today, "三阶段", "2026-09-01", ruleFingerprint(rules)]);
    expect(JSON.parse(String(sheet.rows[7][1]))).toEqual(rules);
  });

  test("about reads as 本次评议依据: each rule in one sentence with its threshold, the stages, no JSON or fingerprint", () => {
    const unitRules = { ...rules, study: { minHours: 40, minConcentratedDays: 3 }, attendance: { minRate: 80 } };
    const sheet = sheetOf(
      buildPlan(planInput({ rules: unitRules, rulesOff: [{ rule: "R3", missing: ["sessionsDue", "sessionsAttended"] }] })).sheets,
      "about",
    );
    const text = sheet.rows.map((r) => r.join("｜")).join("\n");
    expect(text).toContain("评议单位｜城关镇党委");
    expect(text).toContain("学习学时（R1）｜学习培训不少于 40 学时");
    expect(text).toContain("集中学习培训不少于 3 天");
    expect(text).toContain("出勤率（实际参加次数 ÷ 应参加次数）不低于 80%");
    expect(text).toContain("群众满意度低于 70");
    expect(text).toContain("连续 6 个月不参加党的组织生活");
    expect(text).toContain("各支部优秀人数一般不超过正式党员的三分之一");
    expect(text).toContain("有表决权的实到人数须超过应到人数的半数");
    expect(text).toContain("三阶段：学习动员 45 天，分析评议 30 天，整改提高 30 天。");
    expect(text).toContain("批次开始日期 2026年9月1日");
    expect(text).not.toMatch(/规则指纹|格式版本|\{"/);
    expect(sheet.wrapColumns).toEqual([1]);
    expect(sheet.rows[sheet.rows.length - 1]).toEqual([
      "考勤（R3）",
      "没有识别到“应参加次数”、“实际参加次数”列，表中也没有相近的表头：如果有这些列，请把表头改为“应参加次数”、“实际参加次数”，或在加载项的“1. 识别结果”中选出它们；没有则此规则不检查",
    ]);
  });

  test("unit survey sheet only when there are unit surveys", () => {
    const surveys = [{ sheet: "回头看", unit: "东街社区", satisfied: 5, basicallySatisfied: 2, dissatisfied: 9, needsRemedial: true }];
    const sheets = buildPlan(planInput({ unitSurveys: surveys })).sheets;
    expect(sheets.map((s) => s.kind)).toEqual(["branches", "stages", "issues", "unitSurvey", "register", "about", "technical", "record"]);
    expect(sheetOf(sheets, "unitSurvey").rows[2]).toEqual(["回头看", "东街社区", 5, 2, 9, 9 / 16, "是"]);
  });
});

describe("issues sheet", () => {
  test("sorted by workbook sheet order, then row and column (B10 after B9, AA3 after Z3)", () => {
    const issues = [issue("学时统计", "B10"), issue("党员名单", "Z3"), issue("学时统计", "B9"), issue("党员名单", "AA3"), issue("党员名单", "C2"), issue("党员名单", "", "NO_MEMBER_TABLE")];
    const sorted = sortIssues(issues, ["党员名单", "学时统计"]);
    expect(sorted.map((i) => `${i.sheet}!${i.cell}`)).toEqual(["党员名单!", "党员名单!C2", "党员名单!Z3", "党员名单!AA3", "学时统计!B9", "学时统计!B10"]);
    expect(sortIssues(issues, ["学时统计", "党员名单"])[0].sheet).toBe("学时统计");
  });

  test("a row per issue with its number, place, content and Chinese message", () => {
    const plan = buildPlan(planInput({ issues: [issue("党员名单", "C7"), { ...issue("党员名单", "C5"), value: "-3", code: "NEGATIVE_NUMBER" }], sheetOrder: ["党员名单"] }));
    const sheet = sheetOf(plan.sheets, "issues");
    expect(sheet.rows[1]).toEqual(["序号", "工作表", "单元格", "内容", "问题说明"]);
    expect(sheet.rows[2]).toEqual([1, "党员名单", "C5", "－3", "“学时”不能为负数（-3），按未录入处理"]);
    expect(sheet.rows[3]).toEqual([2, "党员名单", "C7", "四十", "“学时”应为数字，实际为“四十”，按未录入处理"]);
  });

  test("each 单元格 entry links to its cell; an issue about a whole sheet or workbook links nowhere", () => {
    const plan = buildPlan(planInput({ issues: [issue("党员名单", "c7"), issue("学时统计", ""), issue("", "", "NO_MEMBER_TABLE")], sheetOrder: ["党员名单", "学时统计"] }));
    const sheet = sheetOf(plan.sheets, "issues");
    expect(sheet.links).toEqual([{ row: 2, column: 2, sheet: "党员名单", cell: "C7" }]);
    expect(sheet.rows[2][2]).toBe("c7");
    expect(sheet.wrapColumns).toEqual([4]);
  });
});

describe("register (评议结果登记表)", () => {
  const branchesOf = (list: typeof members) => summariseBranches(list, rules);
  const two = [
    ...members,
    result({ name: "欧阳明远", branch: "第二党支部", row: 6, values: { category: "预备党员", studyHours: 55, satisfaction: 91.25 }, statuses: { R1: "达标", R5: "达标" }, grade: "不评定" }),
  ];
  const { branches, total } = branchesOf(two);
  const sheet = sheetOf(buildPlan(planInput({ results: two, branches, total })).sheets, "register");

  test("one block per branch: its line, a row per member, the lines to sign; a page break before every branch but the first", () => {
    expect(sheet.rows[1]).toEqual(["序号", "姓名", "党员类别", "学时", "满意度", "评议等次", "处置建议"]);
    expect(sheet.rows[2]).toEqual(["支部：第一党支部　　党员 2 人"]);
    // no satisfaction column at all: a dash, never a blank that reads as 未录入
    expect(sheet.rows[3].slice(0, 6)).toEqual([1, "王芳", "正式党员", 52, "—", "优秀"]);
    expect(sheet.rows[4].slice(0, 3)).toEqual([2, "李娜", "正式党员"]);
    expect(sheet.rows[5]).toEqual([]);
    expect(String(sheet.rows[6][0])).toMatch(/^填表人：.+审核人：.+日期：/);
    expect(sheet.rows[7]).toEqual(["支部：第二党支部　　党员 2 人"]);
    expect(sheet.rows[8].slice(0, 5)).toEqual([1, "张伟", "正式党员", 40, "—"]);
    expect(sheet.rows[9].slice(0, 6)).toEqual([2, "欧阳明远", "预备党员", 55, 91.3, "不评定"]);
    expect(String(sheet.rows[8][6])).not.toBe("");
    expect(sheet.print?.rowBreaks).toEqual([7]);
    expect(sheet.bordered).toEqual([
      { top: 3, left: 0, bottom: 4, right: 6 },
      { top: 8, left: 0, bottom: 9, right: 6 },
    ]);
    expect(sheet.numberedRows).toBe(0);
    expect(sheet.boldRows).toEqual([2, 7]);
  });

  test("处置建议, 评议等次 and 姓名 wrap, so nothing is cut; grades and actions in their colours", () => {
    expect(sheet.wrapColumns).toEqual([1, 5, 6]);
    expect(sheet.highlights.map((h) => sheet.rows[1][h.column])).toEqual(["评议等次", "处置建议"]);
    expect(sheet.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(90);
  });

  test("the secretary's own decision is what the register shows", () => {
    const decided = [{ ...members[1], manual: { grade: { text: "基本合格", computed: "不合格" } } }];
    const own = sheetOf(buildPlan(planInput({ results: decided, ...branchesOf(decided) })).sheets, "register");
    expect(own.rows[3][5]).toBe("基本合格");
  });
});
