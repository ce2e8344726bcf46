import { evaluateWorkbook } from "../../../src/engine/run";
import { DEFAULT_RULES, resolveRules } from "../../../src/engine/rules";
import type { DataIssue, RawCell } from "../../../src/engine/types";
import { issueMessage } from "../../../src/i18n/t";

/** The blank-entry lines of a run as "sheet!cell 姓名 field → what it holds up". */
function blanks(values: RawCell[][], rules = DEFAULT_RULES, extra: { name: string; values: RawCell[][] }[] = []): string[] {
  const run = evaluateWorkbook({ sheets: [{ name: "评议表", values }, ...extra] }, { rules, today: "2026-03-01" });
  return run.issues.filter(isBlank).map((i) => `${i.sheet}!${i.cell} ${i.params.name} ${i.params.field} → ${i.params.holds}`);
}

const isBlank = (i: DataIssue) => i.code === "NOT_ENTERED" || i.code === "NOT_ENTERED_NO_ROW";

describe("blank cells that hold a rule up are listed, one line per cell", () => {
  test("grouped per field in rule order, members in roster order", () => {
    const lines = blanks([
      ["姓名", "所在支部", "学时", "连续未参加组织生活月数", "满意度", "书面申请", "是否违纪"],
      ["张伟", "一支部", null, 0, 88, null, "否"],
      ["王芳", "一支部", 52, null, null, "是", null],
      ["李娜", "二支部", null, 1, 90, "是", "否"],
    ]);
    expect(lines).toEqual([
      "评议表!C2 张伟 学时 → R1 学时无法判定",
      "评议表!C4 李娜 学时 → R1 学时无法判定",
      "评议表!D3 王芳 连续未参加组织生活月数 → R4 自行脱党无法判定",
      "评议表!E3 王芳 满意度 → R5 满意度无法判定",
      "评议表!F2 张伟 书面申请 → R6 书面申请无法判定",
      "评议表!G3 王芳 是否违纪 → R16 纪律处分无法判定",
    ]);
  });

  test("a cell already reported as unusable is not listed again; a missing column lists nothing (its rule is off)", () => {
    const lines = blanks([
      ["姓名", "学时"],
      ["张伟", "四十"],
      ["王芳", null],
    ]);
    expect(lines).toEqual(["评议表!B3 王芳 学时 → R1 学时无法判定"]);
  });

  test("13 attended of 12 due is one problem, not two blank cells; a blank count is listed", () => {
    const rules = resolveRules({ attendance: { minRate: 80 } });
    if (!rules.ok) throw new Error("rules");
    const lines = blanks(
      [
        ["姓名", "应参加次数", "实际参加次数"],
        ["张伟", 12, 13],
        ["王芳", 12, null],
      ],
      rules.rules,
    );
    expect(lines).toEqual(["评议表!C3 王芳 实际参加次数 → R3 考勤无法判定"]);
  });

  test("a ballot nobody entered: the cells that decide the grade; a 预备党员's ballot holds nothing up", () => {
    const lines = blanks([
      ["姓名", "党员类别", "支部建议等次", "应到人数", "实到人数", "赞成", "上级审批"],
      ["张伟", "正式党员", "合格", null, null, null, null],
      ["王芳", "预备党员", null, null, null, null, null],
      ["李娜", "正式党员", "合格", 10, 9, 8, "同意"],
    ]);
    expect(lines).toEqual([
      "评议表!F2 张伟 赞成 → R8 支部建议表决无法判定",
      "评议表!D2 张伟 应到人数 → R7–R9 票决结果无法判定",
      "评议表!E2 张伟 实到人数 → R7、R10 票决结果无法判定",
    ]);
  });

  test("no ballot columns: a blank proposed grade leaves the grade open; blank approval holds a grade at 待审批", () => {
    const lines = blanks([
      ["姓名", "支部建议等次", "上级审批"],
      ["张伟", null, null],
      ["王芳", "合格", null],
    ]);
    expect(lines).toEqual(["评议表!B2 张伟 支部建议等次 → R13 评议等次无法确定", "评议表!C3 王芳 上级审批 → R11 上级审批无法判定，等次待审批"]);
  });

  test("satisfaction from vote counts: the blank counts are listed", () => {
    const lines = blanks([
      ["姓名", "满意", "基本满意", "不满意"],
      ["张伟", 20, null, 1],
      ["王芳", 18, 2, 0],
    ]);
    expect(lines).toEqual(["评议表!C2 张伟 基本满意 → R5 满意度无法判定"]);
  });

  test("推荐优秀 matters only to a member graded 优秀; 党性分析材料 and 整改落实 hold up their stages", () => {
    const lines = blanks([
      ["姓名", "支部建议等次", "推荐优秀", "党性分析材料", "整改落实"],
      ["张伟", "优秀", null, "已提交", null],
      ["王芳", "合格", null, null, "是"],
    ]);
    expect(lines).toEqual([
      "评议表!D3 王芳 党性分析材料 → “分析评议”阶段无法完成",
      "评议表!E2 张伟 整改落实 → “整改提高”阶段无法完成",
      "评议表!C2 张伟 推荐优秀 → R14 评优资格无法判定",
    ]);
  });

  test("a member with no row on the sheet that holds a field: one line per field, at the member's name", () => {
    const lines = blanks(
      [
        ["姓名", "所在支部", "党员类别", "书面申请", "是否违纪"],
        ["张伟", "一支部", "正式党员", "是", "否"],
        ["王芳", "一支部", "正式党员", "是", "否"],
      ],
      DEFAULT_RULES,
      [{ name: "学习情况", values: [["姓名", "所在支部", "学时", "集中学习天数"], ["张伟", "一支部", 50, null]] }],
    );
    expect(lines).toEqual([
      "评议表!A3 王芳 学时 → R1 学时无法判定",
      "学习情况!D2 张伟 集中学习天数 → R2 集中学习无法判定",
      "评议表!A3 王芳 集中学习天数 → R2 集中学习无法判定",
    ]);
  });

  test("the message names the field, the member and the rule, in both languages", () => {
    const run = evaluateWorkbook(
      { sheets: [{ name: "党员名单", values: [["姓名", "学时（小时）"], ["张伟", null], ["王五", 50]] }, { name: "测评", values: [["姓名", "满意度"], ["王五", 90]] }] },
      { rules: DEFAULT_RULES, today: "2026-03-01" },
    );
    const [hours, satisfaction] = run.issues.filter(isBlank);
    expect(issueMessage(hours)).toBe("“学时（小时）”未录入（张伟）：R1 学时无法判定");
    expect(issueMessage(hours, "en")).toBe("“学时（小时）” not entered for 张伟: rule R1 cannot be decided");
    expect(issueMessage(satisfaction)).toBe("“满意度”未录入（张伟，“测评”中没有此人的行）：R5 满意度无法判定");
    expect(issueMessage(satisfaction, "en")).toBe("“满意度” not entered for 张伟, who has no row on “测评”: rule R5 cannot be decided");
    expect([satisfaction.sheet, satisfaction.cell]).toEqual(["党员名单", "A2"]);
  });
});
