import { evaluateWorkbook } from "../../../src/engine/run";
import { DEFAULT_RULES, withBatchStart } from "../../../src/engine/rules";
import type { RawCell, SheetGrid } from "../../../src/engine/types";

/*
 * 基本合格 brings 诫勉谈话 and 不合格 brings 组织处置: the 问题说明 beside them must give the
 * meeting's numbers, as it does when a ballot fails.
 */
const rules = withBatchStart(DEFAULT_RULES, "2026-09-01");

const roster: SheetGrid = {
  name: "党员名单",
  values: [
    ["机关第一党支部党员名单"],
    ["序号", "姓名", "所在支部", "党员类别", "支部建议等次", "上级审批"],
    [1, "张伟", "机关第一党支部", "正式党员", "不合格", "同意"],
    [2, "王芳", "机关第一党支部", "正式党员", "基本合格", ""],
    [3, "李娜", "机关第一党支部", "正式党员", "合格", "同意"],
    [4, "赵磊", "机关第一党支部", "预备党员", "不合格", "同意"],
  ] as RawCell[][],
};

/** 民主评议 over 赞成/反对/弃权, as the branch records its general meeting. */
const ballot: SheetGrid = {
  name: "民主评议表决",
  values: [
    ["姓名", "所在支部", "应到人数", "实到人数", "民主评议", null, null],
    [null, null, null, null, "赞成", "反对", "弃权"],
    ["张伟", "机关第一党支部", 20, 16, 12, 3, 1],
    ["王芳", "机关第一党支部", 20, 16, 11, 4, 1],
    ["李娜", "机关第一党支部", 20, 16, 15, 1, 0],
    ["赵磊", "机关第一党支部", 20, 16, 13, 2, 1],
  ] as RawCell[][],
  merges: [
    { top: 0, left: 4, bottom: 0, right: 6 },
    { top: 0, left: 0, bottom: 1, right: 0 },
    { top: 0, left: 1, bottom: 1, right: 1 },
    { top: 0, left: 2, bottom: 1, right: 2 },
    { top: 0, left: 3, bottom: 1, right: 3 },
  ],
};

describe("reasons for a grade decided by the branch's proposal ballot", () => {
  const run = evaluateWorkbook({ sheets: [roster, ballot] }, { rules, today: "2026-12-01" });
  const byName = (name: string) => run.members.find((m) => m.member.name === name)!;

  test("不合格 with 组织处置 names the 赞成 votes and the due", () => {
    const zhang = byName("张伟");
    expect(zhang.grade).toBe("不合格");
    expect(zhang.actions[0].code).toBe("DISPOSE");
    expect(zhang.reasons).toEqual(["评为不合格：支部建议“不合格”获赞成 12 票，超过应到 20 人的半数"]);
    expect(run.plan.resultBlocks[0].rows[0][5]).toBe("评为不合格：支部建议“不合格”获赞成 12 票，超过应到 20 人的半数");
  });

  test("a pending 基本合格 gives the ballot first, then the approval still missing", () => {
    const wang = byName("王芳");
    expect([wang.grade, wang.pendingApproval]).toEqual(["基本合格", true]);
    expect(wang.reasons).toEqual(["评为基本合格：支部建议“基本合格”获赞成 11 票，超过应到 20 人的半数", "初步等次“基本合格”待上级党委审批"]);
  });

  test("合格 needs no explanation, and a 预备党员 keeps the 不评定 wording", () => {
    expect(byName("李娜").reasons).toEqual([]);
    expect(byName("赵磊").reasons).toEqual(["预备党员不评定等次", "预备党员评议意见为“不合格”，按延长预备期或取消预备党员资格处理（待支部确认）"]);
  });
});

describe("reasons for a grade decided by a ballot by grade", () => {
  const byGrade: SheetGrid = {
    name: "票决",
    values: [
      ["社区第三党支部 民主评议无记名投票结果"],
      ["姓名", "所在支部", "应到人数", "实到人数", "无记名投票", null, null, null],
      [null, null, null, null, "优秀", "合格", "基本合格", "不合格"],
      ["甲一", "社区第三党支部", 19, 15, 0, 3, 2, 10],
      ["甲二", "社区第三党支部", 19, 15, 0, 3, 10, 2],
    ] as RawCell[][],
    merges: [{ top: 1, left: 4, bottom: 1, right: 7 }],
  };
  const run = evaluateWorkbook({ sheets: [byGrade] }, { rules, today: "2026-12-01" });

  test("the grade's own votes against half of the due", () => {
    expect(run.members.map((m) => [m.grade, m.reasons])).toEqual([
      ["不合格", ["评为不合格：无记名投票“不合格”得 10 票，超过应到 19 人的半数"]],
      ["基本合格", ["评为基本合格：无记名投票“基本合格”得 10 票，超过应到 19 人的半数"]],
    ]);
  });
});
