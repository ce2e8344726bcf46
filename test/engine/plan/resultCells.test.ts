import { evaluateWorkbook } from "../../../src/engine/run";
import { DEFAULT_RULES, withBatchStart } from "../../../src/engine/rules";
import type { RawCell } from "../../../src/engine/types";

/** 学习情况 names the blank cell, so the secretary knows which one to fill in. */
const roster: RawCell[][] = [
  ["社区第三党支部 党员学习情况登记"],
  ["序号", "姓名", "所在支部", "学时（小时）", "集中学习天数"],
  [1, "张伟", "社区第三党支部", null, 3],
  [2, "王芳", "社区第三党支部", 52, null],
  [3, "李娜", "社区第三党支部", null, null],
  [4, "赵磊", "社区第三党支部", 52, 3],
];

describe("学习情况 for blank study cells", () => {
  const run = evaluateWorkbook({ sheets: [{ name: "学习登记", values: roster }] }, { rules: withBatchStart(DEFAULT_RULES, "2026-09-01"), today: "2026-12-01" });
  const study = run.plan.resultBlocks[0].rows.map((row) => row[0]);

  test("hours blank, days entered: 未录入：学时", () => {
    expect(run.members[0].statuses).toMatchObject({ R1: "未录入", R2: "达标" });
    expect(study[0]).toBe("未录入：学时");
  });

  test("days blank, hours entered: 未录入：集中学习天数", () => {
    expect(study[1]).toBe("未录入：集中学习天数");
  });

  test("both blank: 未录入; both met: 达标", () => {
    expect(study[2]).toBe("未录入");
    expect(study[3]).toBe("达标");
  });
});
