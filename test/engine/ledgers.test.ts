import { evaluateWorkbook, type RunOptions } from "../../src/engine/run";
import { DEFAULT_RULES } from "../../src/engine/rules";
import type { CellRange, RawCell, RuleId } from "../../src/engine/types";
import { ruleOffText } from "../../src/i18n/t";

const options: RunOptions = { rules: DEFAULT_RULES, today: "2025-03-25", fallbackUnitName: "文件名" };

/**
 * A town's ledger as a secretary keeps it: the table starts in column B under a title and a
 * blank row, a two-row header with merged groups, no branch column but a section row per branch,
 * the header typed again before the second branch, a template's example row left in, a merged
 * 序号, a notes line under the header and signatures under the table.
 */
function townLedger(): { values: RawCell[][]; merges: CellRange[] } {
  const top = [null, "序号", "姓名", "类别", "学习情况", null, "民主测评", "评议", null, "表决", null, null, "审批", null, "连续缺席组织生活月数", "是否受党纪处分"];
  const sub = [null, null, null, null, "学时合计", "脱产学习天数", "群众满意率", "是否提交申请", "初评等次", "应到会人数", "实到会人数", "赞成票数", "审批结果", "公示日期", null, null];
  const values: RawCell[][] = [
    [null, "城关镇党委先进性教育活动党员评议台账"],
    [],
    top,
    sub,
    [null, "填表说明：学时按小时填写，是否提交申请填是或否"],
    [null, "一、机关第一党支部"],
    [null, 1, "例：张三", "正式党员", 50, 3, "90%", "是", "合格", 9, 8, 7, "同意", "2025-03-08", 0, "否"],
    [null, 1, "张伟", "正式党员", 52, 3, "92%", "是", "合格", 9, 8, 7, "同意", new Date(Date.UTC(2025, 2, 8)), 0, "否"],
    [null, null, "李娜", "正式党员", 46, 3, "65%", "未提交", "基本合格", 9, 8, 6, "同意", null, 0, "否"],
    [null, 2, "买买提·艾力", "预备党员", 60, 4, "88%", "已提交", "优秀", 9, 8, 8, "同意", "2025-03-08", 0, "否"],
    [null, "二、机关第二党支部"],
    top,
    sub,
    [null, 3, "王强", "正式党员", 30, 1, "75%", "是", "不合格", 7, 7, 5, null, null, 7, "否"],
    [null, 4, "赵敏", "正式党员", 55, 5, "95%", "是", "合格", 7, 7, 7, "批准", "2025-03-08", 0, "是"],
    [null, "小计", null, null, 85],
    [],
    [null, "填表人：陈静", null, null, null, null, "审核人：刘洋"],
  ];
  const twoRow = (row: number): CellRange[] => [
    { top: row, left: 1, bottom: row + 1, right: 1 },
    { top: row, left: 2, bottom: row + 1, right: 2 },
    { top: row, left: 3, bottom: row + 1, right: 3 },
    { top: row, left: 4, bottom: row, right: 5 },
    { top: row, left: 7, bottom: row, right: 8 },
    { top: row, left: 9, bottom: row, right: 11 },
    { top: row, left: 12, bottom: row, right: 13 },
    { top: row, left: 14, bottom: row + 1, right: 14 },
    { top: row, left: 15, bottom: row + 1, right: 15 },
  ];
  const merges: CellRange[] = [
    { top: 0, left: 1, bottom: 0, right: 15 },
    ...twoRow(2),
    { top: 4, left: 1, bottom: 4, right: 15 },
    { top: 5, left: 1, bottom: 5, right: 15 },
    { top: 7, left: 1, bottom: 8, right: 1 },
    { top: 10, left: 1, bottom: 10, right: 15 },
    ...twoRow(11),
  ];
  return { values, merges };
}

describe("a town's ledger in its own wording and layout, through the whole run", () => {
  const { values, merges } = townLedger();
  const run = evaluateWorkbook(
    {
      sheets: [
        { name: "台账", values, merges },
        { name: "学习心得", values: [["姓名", "心得篇数"], ["买买提•艾力", 3]] },
        { name: "积极分子", values: [["机关第一党支部入党积极分子名单"], ["姓名", "学时"], ["陈晨", 20]] },
      ],
    },
    options,
  );

  test("every rule runs: no column of theirs went unrecognised", () => {
    expect(run.rulesOff).toEqual([]);
    expect(run.tables[0].columns).toEqual({
      name: 2,
      category: 3,
      studyHours: 4,
      concentratedDays: 5,
      satisfaction: 6,
      applicationSubmitted: 7,
      proposedGrade: 8,
      votersDue: 9,
      votersPresent: 10,
      votesFor: 11,
      approved: 12,
      publicized: 13,
      monthsAbsent: 14,
      disciplined: 15,
    });
  });

  test("members are the people: not the example row, the repeated header, the sections or the subtotal", () => {
    expect(run.members.map((r) => [r.member.name, r.member.branch, r.member.row + 1])).toEqual([
      ["张伟", "机关第一党支部", 8],
      ["李娜", "机关第一党支部", 9],
      ["买买提·艾力", "机关第一党支部", 10],
      ["王强", "机关第二党支部", 14],
      ["赵敏", "机关第二党支部", 15],
    ]);
    expect(run.branches.map((b) => [b.branch, b.members])).toEqual([
      ["机关第一党支部", 3],
      ["机关第二党支部", 2],
    ]);
  });

  test("the rules see the values", () => {
    const of = (name: string) => run.members.find((r) => r.member.name === name)!;
    expect(of("李娜").statuses).toMatchObject({ R1: "未达标", R5: "未达标", R6: "未达标" });
    expect(of("李娜").grade).toBe("基本合格");
    expect(of("买买提·艾力").grade).toBe("不评定");
    expect(of("王强").actions.map((a) => a.code)).toContain("REMOVE");
    expect(of("赵敏").actions[0].code).toBe("DISCIPLINE");
    expect(of("张伟").member.values.publicized).toBe(true);
    expect(of("李娜").member.values.publicized).toBeUndefined();
  });

  test("the only data issue is the list of activists, which is not graded; the score sheet joined despite its other dot", () => {
    const blank = (i: { code: string }) => i.code === "NOT_ENTERED";
    expect(run.issues.filter((i) => !blank(i)).map((i) => [i.code, i.sheet, i.cell])).toEqual([["NOT_MEMBER_TABLE", "积极分子", "A1"]]);
    // the two cells nobody filled in are listed apart, as every blank that holds a rule up
    expect(run.issues.filter(blank).map((i) => [i.sheet, i.cell])).toEqual([
      ["台账", "M14"],
      ["台账", "N9"],
    ]);
    expect(run.tables.map((t) => t.sheet)).toEqual(["台账", "学习心得"]);
  });

  test("the unit's name is the one its title gives", () => {
    expect(run.unitName).toBe("城关镇党委");
  });
});

describe("the wordings that used to switch a rule off", () => {
  it.each<[string, RuleId, unknown]>([
    ["学时合计", "R1", 52],
    ["学时数", "R1", 52],
    ["脱产学习天数", "R2", 3],
    ["连续缺席组织生活月数", "R4", 0],
    ["群众满意率", "R5", "92%"],
    ["是否提交申请", "R6", "是"],
    ["审批结果", "R11", "同意"],
  ])("%s keeps %s on", (header, rule, value) => {
    const run = evaluateWorkbook({ sheets: [{ name: "名单", values: [["姓名", "所在支部", "初评等次", header], ["张伟", "一支部", "合格", value]] }] }, options);
    expect(run.tables[0].unmappedHeaders).toEqual([]);
    expect(run.rulesOff.map((off) => off.rule)).not.toContain(rule);
    expect(run.rulesOff.map((off) => off.rule)).not.toContain("R13"); // 初评等次 is the proposed grade
  });
});

describe("a rule still off says which header to rename or map", () => {
  const run = evaluateWorkbook(
    {
      sheets: [
        { name: "名单", values: [["姓名", "所在支部", "学时要求", "线上学时", "备注"], ["张伟", "一支部", 50, 20, ""]] },
        { name: "审批", values: [["姓名", "审批日期"], ["张伟", "2025-03-01"]] },
        { name: "培训", values: [["党员", "脱产学习天数", "群众满意率"], ["张伟", 3, "90%"]] },
      ],
    },
    options,
  );

  test("R1 names the headers that hold its word", () => {
    expect(run.rulesOff.find((off) => off.rule === "R1")).toEqual({
      rule: "R1",
      missing: ["studyHours"],
      candidates: [
        { field: "studyHours", sheet: "名单", cell: "C1", header: "学时要求" },
        { field: "studyHours", sheet: "名单", cell: "D1", header: "线上学时" },
      ],
    });
    expect(ruleOffText(run.rulesOff.find((off) => off.rule === "R1")!)).toBe(
      "R1 学时：没有识别到“学时”列，表头“学时要求”（名单!C1）、“线上学时”（名单!D1）可能就是这一列：请把表头改为“学时”，或在加载项的“1. 识别结果”中把它对应到“学时”",
    );
    const r11 = run.rulesOff.find((off) => off.rule === "R11")!;
    expect(r11.candidates).toEqual([{ field: "approved", sheet: "审批", cell: "B1", header: "审批日期" }]);
  });

  test("a table without a name column is reported, and its columns are named for the rules they would run", () => {
    expect(run.issues.filter((i) => i.code === "NO_NAME_COLUMN")).toEqual([
      { code: "NO_NAME_COLUMN", sheet: "培训", cell: "A1", params: { sheet: "培训", row: 1, headers: "“脱产学习天数”、“群众满意率”" } },
    ]);
    expect(run.rulesOff.find((off) => off.rule === "R2")!.candidates).toEqual([{ field: "concentratedDays", sheet: "培训", cell: "B1", header: "脱产学习天数" }]);
  });

  test("a rule with nothing like its column says so, in either language", () => {
    const r16 = run.rulesOff.find((off) => off.rule === "R16")!;
    expect(r16.candidates).toEqual([]);
    expect(ruleOffText(r16)).toBe(
      "R16 纪律处分：没有识别到“违纪”列，表中也没有相近的表头：如果有这一列，请把表头改为“违纪”，或在加载项的“1. 识别结果”中选出这一列；没有这一列则此规则不检查",
    );
    expect(ruleOffText(r16, "en", "pane")).toBe(
      "R16 discipline: no “Disciplined” column was recognised; no header looks like it either: if the sheet has this column, rename its header “违纪” or pick it in the column mapping under “1. What was recognised” above; without it the rule is not checked",
    );
  });

  test("the 评议-说明 sheet says the same", () => {
    const about = run.plan.sheets.find((s) => s.kind === "about")!;
    expect(about.rows).toContainEqual(["学时（R1）", expect.stringContaining("表头“学时要求”（名单!C1）、“线上学时”（名单!D1）可能就是这一列")]);
  });
});
