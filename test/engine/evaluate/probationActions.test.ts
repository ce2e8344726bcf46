import { evaluateWorkbook } from "../../../src/engine/run";
import { DEFAULT_RULES, withBatchStart } from "../../../src/engine/rules";
import { highlightFor, RESULT_HIGHLIGHTS } from "../../../src/engine/plan";
import type { RawCell } from "../../../src/engine/types";

/*
 * §6: red for 不合格 and 未提出书面申请. A 预备党员 in either case gets 延长预备期或取消预备党员资格
 * (R12) instead of 自愿退党 or 组织处置; the 处置建议 cell must be as red as a 正式党员's.
 */
const roster: RawCell[][] = [
  ["机关第二党支部 党员评议台账"],
  ["序号", "姓名", "所在支部", "党员类别", "书面申请", "支部建议等次"],
  [1, "赵磊", "机关第二党支部", "预备党员", "未提交", "合格"],
  [2, "宋佳", "机关第二党支部", "预备党员", "已提交", "不合格"],
  [3, "彭丽", "机关第二党支部", "预备党员", "已提交", "基本合格"],
  [4, "马超", "机关第二党支部", "正式党员", "未提交", "合格"],
  [5, "林雪", "机关第二党支部", "正式党员", "已提交", "不合格"],
];

describe("处置建议 of a 预备党员 and its colour", () => {
  const run = evaluateWorkbook({ sheets: [{ name: "党员名单", values: roster }] }, { rules: withBatchStart(DEFAULT_RULES, "2026-09-01"), today: "2026-12-01" });
  const action = run.plan.resultBlocks[0].rows.map((row) => row[4]);
  const colour = (text: string) => highlightFor(text, RESULT_HIGHLIGHTS[4].rules);

  test("no written application: red, like the 正式党员 beside them", () => {
    expect(run.members[0].actions).toEqual([{ code: "PROBATION", text: "未提出书面申请：延长预备期或取消预备党员资格（待支部确认）" }]);
    expect(colour(action[0])).toBe("red");
    expect(colour(action[3])).toBe("red");
  });

  test("评议 不合格: red, like 组织处置 for a 正式党员", () => {
    expect(action[1]).toBe("评议不合格：延长预备期或取消预备党员资格（待支部确认）");
    expect(colour(action[1])).toBe("red");
    expect(colour(action[4])).toBe("red");
  });

  test("评议 基本合格: amber, like 诫勉谈话", () => {
    expect(action[2]).toBe("延长预备期或取消预备党员资格（待支部确认）");
    expect(colour(action[2])).toBe("amber");
  });

  test("each text matches exactly one highlight rule of the column", () => {
    for (const text of action.slice(0, 3)) {
      expect(RESULT_HIGHLIGHTS[4].rules.filter((rule) => highlightFor(text, [rule]) !== null)).toHaveLength(1);
    }
  });
});
