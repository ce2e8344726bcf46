import { evaluateWorkbook } from "../../../src/engine/run";
import { resolveRules, withBatchStart, type RuleSet } from "../../../src/engine/rules";
import type { RawCell, SheetGrid } from "../../../src/engine/types";

/*
 * Hours kept as a formula (=SUM of the sessions) and rates worked out from counts arrive as the
 * binary numbers behind them: 49.99999999999999, 56.99999999999999. The secretary's sheet shows
 * 50 and 57%, and Excel's own comparisons agree; the rules must too.
 */

function rules(override: unknown): RuleSet {
  const resolved = resolveRules(override);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.errors));
  return withBatchStart(resolved.rules, "2026-09-01");
}

const sum = (...parts: number[]) => parts.reduce((a, b) => a + b, 0);

function rosterSheet(): SheetGrid {
  const values: RawCell[][] = [
    ["城关镇机关党支部党员学习及测评登记表"],
    ["序号", "姓名", "所在支部", "党员类别", "学时（小时）", "集中学习天数"],
    [1, "张伟", "城关镇机关党支部", "正式党员", sum(12.1, 12.2, 12.3, 13.4), 3],
    [2, "王芳", "城关镇机关党支部", "正式党员", sum(12.1, 12.2, 12.3, 13.3), 3],
    [3, "李娜", "城关镇机关党支部", "正式党员", 49.999, 3],
    [4, "赵磊", "城关镇机关党支部", "正式党员", 52, 3],
    ["填表人：刘洋"],
  ];
  return { name: "党员名单", values };
}

describe("numbers as the sheet shows them", () => {
  const run = evaluateWorkbook({ sheets: [rosterSheet()] }, { rules: rules({}), today: "2026-12-01" });
  const byName = (name: string) => run.members.find((m) => m.member.name === name)!;
  const cells = run.plan.resultBlocks[0].rows;

  test("a SUM of session hours that shows 50 meets the 50-hour minimum", () => {
    expect(sum(12.1, 12.2, 12.3, 13.4)).not.toBe(50); // what the host hands over
    const zhang = byName("张伟");
    expect(zhang.statuses.R1).toBe("达标");
    expect(zhang.actions.map((a) => a.code)).not.toContain("MAKE_UP_STUDY");
    expect(cells[0][0]).toBe("达标");
  });

  test("a SUM that shows 49.9 falls short by 0.1, written as the cell shows it", () => {
    const wang = byName("王芳");
    expect(wang.statuses.R1).toBe("未达标");
    expect(wang.reasons).toContain("学时 49.9 < 50，差 0.1 学时");
    expect(cells[1][0]).toBe("未达标：学时 49.9 < 50，差 0.1 学时");
  });

  test("a shortfall under 0.01 is never written as 差 0", () => {
    const li = byName("李娜");
    expect(li.statuses.R1).toBe("未达标");
    expect(li.reasons).toContain("学时 49.999 < 50，差 0.01 学时");
    expect(cells[2][0]).toBe("未达标：学时 49.999 < 50，差 0.01 学时");
    expect(li.actions).toContainEqual({ code: "MAKE_UP_STUDY", text: "补学：学时差 0.01 学时" });
  });

  test("the branch summary counts the SUM-of-hours member as compliant", () => {
    const [branch] = run.branches;
    expect(branch.studyEntered).toBe(4);
    expect(branch.studyCompliant).toBe(2);
    expect(run.plan.sheets[0].rows[2].slice(0, 7)).toEqual(["城关镇机关党支部", 4, 4, 0, "4 / 4", 2, 0.5]);
  });
});

describe("attendance rates as the sheet shows them", () => {
  const values: RawCell[][] = [
    ["组织生活考勤登记表"],
    ["姓名", "所在支部", "应参加次数", "实际参加次数"],
    ["张伟", "第一党支部", 100, 57],
    ["王芳", "第一党支部", 100, 56],
  ];
  const run = evaluateWorkbook({ sheets: [{ name: "考勤", values }] }, { rules: rules({ attendance: { minRate: 57 } }), today: "2026-12-01" });

  test("57 of 100 sessions is 57%, at the threshold; 56 of 100 is below it", () => {
    expect((57 / 100) * 100).not.toBe(57);
    expect(run.members.map((m) => m.statuses.R3)).toEqual(["达标", "未达标"]);
    expect(run.members[1].reasons).toContain("考勤不足：考勤率 56% < 57%（实际参加 56 次，应参加 100 次）");
  });
});

describe("satisfaction as the sheet shows it", () => {
  const values: RawCell[][] = [
    ["党性分析群众满意度测评"],
    ["姓名", "所在支部", "满意", "不满意"],
    ["张伟", "第一党支部", 57, 43],
    ["王芳", "第一党支部", 56, 44],
    ["李娜", "第一党支部", 58, 42],
  ];
  const run = evaluateWorkbook({ sheets: [{ name: "测评", values }] }, { rules: rules({ satisfaction: { rewriteBelow: 57 } }), today: "2026-12-01" });

  test("57 satisfied of 100 is 57%, at the threshold; 56 is below it and 58 above", () => {
    expect((57 / 100) * 100).not.toBe(57);
    expect(run.members.map((m) => m.statuses.R5)).toEqual(["达标", "未达标", "达标"]);
    expect(run.members[1].reasons).toContain("满意度 56 < 57（按满意、比较满意、基本满意票数占比计算），需重新撰写党性分析材料");
    expect(run.members.map((m) => m.actions.some((a) => a.code === "REWRITE"))).toEqual([false, true, false]);
  });
});
