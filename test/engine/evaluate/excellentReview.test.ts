import { evaluateWorkbook } from "../../../src/engine/run";
import { DEFAULT_RULES, withBatchStart } from "../../../src/engine/rules";
import { highlightFor, RESULT_HIGHLIGHTS } from "../../../src/engine/plan";
import type { RawCell } from "../../../src/engine/types";

/*
 * R14: a member graded 优秀 whom the rules would at the same time treat as having left the Party
 * (no written application, R6; six months without organisational life, R4) must not be
 * commended without a second look.
 */
const roster: RawCell[][] = [
  ["县财政局党支部 党员评议台账"],
  ["序号", "姓名", "所在支部", "学时（小时）", "集中学习天数", "测评满意度", "书面申请", "连续未参加组织生活月数", "推荐优秀", "支部建议等次"],
  [1, "黎春梅", "县财政局党支部", 56, 4, 96, "未提交", 0, "是", "优秀"],
  [2, "邹丽", "县财政局党支部", 58, 4, 95, "已提交", 0, "是", "优秀"],
  [3, "阎雪梅", "县财政局党支部", 60, 5, 98, "已提交", 7, "是", "优秀"],
  [4, "蒋静", "县财政局党支部", 52, 3, 90, "", 0, "是", "优秀"],
];

describe("复核评优资格 for a member who is also to be treated as having left", () => {
  const run = evaluateWorkbook({ sheets: [{ name: "党员名单", values: roster }] }, { rules: withBatchStart(DEFAULT_RULES, "2026-09-01"), today: "2026-12-01" });
  const byName = (name: string) => run.members.find((m) => m.member.name === name)!;
  const codes = (name: string) => byName(name).actions.map((a) => a.code);

  test("优秀 without a written application: the grade stays, 复核评优资格 names why", () => {
    const li = byName("黎春梅");
    expect(li.grade).toBe("优秀");
    expect(li.statuses.R14).toBe("未达标");
    expect(codes("黎春梅")).toEqual(["WITHDRAW", "REVIEW_EXCELLENT", "COMMEND"]);
    expect(li.actions[1].text).toBe("复核评优资格（未提出书面申请）");
    expect(li.reasons).toContain("评为优秀，但未提出书面申请，需复核评优资格");
  });

  test("优秀 after seven months without organisational life: the months are named", () => {
    expect(codes("阎雪梅")).toEqual(["REMOVE", "REVIEW_EXCELLENT", "COMMEND"]);
    expect(byName("阎雪梅").actions[1].text).toBe("复核评优资格（连续 7 个月未参加组织生活）");
  });

  test("an applicant who meets everything is commended; a blank application cell accuses no one", () => {
    expect(codes("邹丽")).toEqual(["COMMEND"]);
    expect(byName("邹丽").statuses.R14).toBe("达标");
    expect(codes("蒋静")).toEqual(["COMMEND"]);
  });

  test("the 处置建议 cell starts with the most serious action, so it is red", () => {
    const row = run.plan.resultBlocks[0].rows[0];
    expect(row[4]).toBe("未提出书面申请，原则上按自愿退党或自行脱党处理（待支部确认）；复核评优资格（未提出书面申请）；表彰");
    expect(highlightFor(row[4], RESULT_HIGHLIGHTS[4].rules)).toBe("red");
  });
});
