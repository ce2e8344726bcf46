import { evaluateWorkbook } from "../../../src/engine/run";
import { DEFAULT_RULES, withBatchStart } from "../../../src/engine/rules";
import { SHEET_NAMES } from "../../../src/engine/plan/types";
import type { RawCell, SheetGrid } from "../../../src/engine/types";

/*
 * The issues sheet gives sheet, cell, 内容 and a message. When the votes add up to more than
 * those present, the row points at one vote cell: 内容 must be what the secretary finds there,
 * and the message gives the total.
 */
const ballot: SheetGrid = {
  name: "票决",
  values: [
    ["姓名", "所在支部", "应到人数", "实到人数", "无记名投票", null, null, null],
    [null, null, null, null, "优秀", "合格", "基本合格", "不合格"],
    ["甲六", "社区第三党支部", 19, 15, 0, 16, 0, 0],
    ["甲七", "社区第三党支部", 19, 15, 2, 12, 1, 0],
  ] as RawCell[][],
  merges: [{ top: 0, left: 4, bottom: 0, right: 7 }],
};

const proposal: SheetGrid = {
  name: "民主评议",
  values: [
    ["民主评议党员表决登记"],
    ["姓名", "所在支部", "支部建议等次", "应到人数", "实到人数", "民主评议", null, null],
    [null, null, null, null, null, "赞成", "反对", "弃权"],
    ["张伟", "机关第一党支部", "合格", 20, 15, 12, 3, 2],
  ] as RawCell[][],
  merges: [{ top: 1, left: 5, bottom: 1, right: 7 }],
};

const rules = withBatchStart(DEFAULT_RULES, "2026-09-01");

describe("BALLOT_VOTES_EXCEED_PRESENT on the issues sheet", () => {
  test("a ballot by grade: the 优秀 cell E3 holds 0, the total 16 is in the message", () => {
    const run = evaluateWorkbook({ sheets: [ballot] }, { rules, today: "2026-12-01" });
    const rows = run.plan.sheets.find((sheet) => sheet.name === SHEET_NAMES.issues)!.rows.slice(2);
    expect(rows).toEqual([[1, "票决", "E3", "0", "甲六 的票数合计 16 多于实到 15 人，票决未使用"]]);
    expect(run.members[0].grade).toBe("待定");
  });

  test("a proposal ballot: the 赞成 cell F4 holds 12 of the 17 votes", () => {
    const run = evaluateWorkbook({ sheets: [proposal] }, { rules, today: "2026-12-01" });
    expect(run.issues.map((i) => [i.sheet, i.cell, i.value, i.params.cast])).toEqual([["民主评议", "F4", "12", 17]]);
  });
});
