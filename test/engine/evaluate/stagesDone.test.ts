import { evaluateMembers } from "../../../src/engine/evaluate";
import { DEFAULT_RULES, applyScheme } from "../../../src/engine/rules";
import type { FieldId } from "../../../src/engine/types";
import { ALL_FIELDS, fields, roster, type Row } from "./fixtures";

const done: Row = {
  name: "张伟",
  branch: "机关第一党支部",
  studyHours: 52,
  concentratedDays: 3,
  analysisSubmitted: true,
  satisfaction: 88,
  rectified: true,
  applicationSubmitted: true,
  proposedGrade: "合格",
  votersDue: 12,
  votersPresent: 10,
  votesFor: 9,
  votesAgainst: 1,
  votesAbstain: 0,
  approved: true,
  publicized: true,
  disciplined: false,
};

function run(rows: Row[], present: Set<FieldId>, rules = DEFAULT_RULES) {
  return evaluateMembers(roster(rows, present), present, rules);
}

describe("stages completed (三阶段: study | review | rectify + final)", () => {
  it("a member who did everything completes all three stages and nothing is skipped", () => {
    const { results, skippedStageChecks } = run([done], ALL_FIELDS);
    expect(results[0].stagesCompleted).toEqual([true, true, true]);
    expect(skippedStageChecks).toEqual([[], [], []]);
  });

  it("each failing or blank check blocks its own stage only", () => {
    const { results } = run(
      [
        { ...done, name: "短学时", studyHours: 46 },
        { ...done, name: "未交材料", analysisSubmitted: undefined },
        { ...done, name: "满意度低", satisfaction: 69 },
        { ...done, name: "未整改", rectified: false },
        { ...done, name: "待审批", approved: undefined },
        { ...done, name: "未申请", applicationSubmitted: false },
        { ...done, name: "待公示", publicized: false },
      ],
      ALL_FIELDS,
    );
    expect(results.map((r) => r.stagesCompleted)).toEqual([
      [false, true, true],
      [true, false, true],
      [true, false, true],
      [true, true, false],
      [true, true, false],
      [true, true, false],
      [true, true, false],
    ]);
  });

  it("a missing column does not block and is reported per stage", () => {
    const present = fields("studyHours", "satisfaction", "proposedGrade");
    const { results, skippedStageChecks } = run([{ name: "张伟", studyHours: 50, satisfaction: 70, proposedGrade: "合格" }], present);
    expect(results[0].stagesCompleted).toEqual([true, true, true]);
    expect(skippedStageChecks).toEqual([
      ["集中学习天数达标（缺少“集中学习天数”列）"],
      ["党性分析材料已提交（缺少“党性分析材料”列）"],
      ["整改落实（缺少“整改落实”列）", "书面申请已提交（缺少“书面申请”列）", "上级审批（缺少“上级审批”列，以初步等次为准）"],
    ]);
  });

  it("四阶段 has four results, the last needing application and a final grade", () => {
    const rules = applyScheme(DEFAULT_RULES, "四阶段");
    const { results, skippedStageChecks } = run([done, { ...done, name: "待定", votesFor: 5, votesAgainst: 5 }], ALL_FIELDS, rules);
    expect(results[0].stagesCompleted).toEqual([true, true, true, true]);
    expect(results[1].stagesCompleted).toEqual([true, true, true, false]);
    expect(skippedStageChecks).toHaveLength(4);
  });

  it("a 预备党员 is not graded, so the grade never holds back the final stage", () => {
    const { results } = run([{ ...done, category: "预备党员" }], ALL_FIELDS);
    expect(results[0].grade).toBe("不评定");
    expect(results[0].stagesCompleted).toEqual([true, true, true]);
  });
});
