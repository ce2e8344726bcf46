import { summariseStages, assessUnitSurveys } from "../../../src/engine/summarise";
import { DEFAULT_RULES, withBatchStart } from "../../../src/engine/rules";
import { stageWindows } from "../../../src/engine/stages";
import { result } from "../plan/fixtures";

describe("summariseStages", () => {
  const rules = withBatchStart(DEFAULT_RULES, "2026-09-01");
  const windows = stageWindows(rules, "2026-10-20");
  const members = [
    result({ name: "王芳", branch: "第一党支部", row: 3, stagesCompleted: [true, true, false] }),
    result({ name: "张伟", branch: "第二党支部", row: 4, stagesCompleted: [false, false, false] }),
    result({ name: "李娜", branch: "第一党支部", row: 5, stagesCompleted: [true, false, false] }),
    result({ name: "赵磊", row: 6, stagesCompleted: [] }),
  ];
  const skipped = [[], ["分析评议：党性分析材料列缺失，未检查"], []];
  const stages = summariseStages(members, windows, skipped);

  test("one summary per stage with its window and status", () => {
    expect(stages.map((s) => [s.name, s.start, s.end, s.status])).toEqual([
      ["学习动员", "2026-09-01", "2026-10-15", "已结束"],
      ["分析评议", "2026-10-16", "2026-11-14", "进行中"],
      ["整改提高", "2026-11-15", "2026-12-14", "未开始"],
    ]);
  });

  test("completed and not completed, overall and per branch in the order first met", () => {
    expect(stages.map((s) => [s.completed, s.notCompleted])).toEqual([
      [2, 2],
      [1, 3],
      [0, 4],
    ]);
    expect(stages[0].byBranch).toEqual([
      { batch: "", stage: "学习动员", branch: "第一党支部", completed: 2, notCompleted: 0 },
      { batch: "", stage: "学习动员", branch: "第二党支部", completed: 0, notCompleted: 1 },
      { batch: "", stage: "学习动员", branch: "未填支部", completed: 0, notCompleted: 1 },
    ]);
  });

  test("skipped checks stay with their stage", () => {
    expect(stages.map((s) => s.skippedChecks)).toEqual(skipped);
  });

  test("without a batch start the stages are still listed, with no members they count zero", () => {
    const undated = summariseStages([], stageWindows(DEFAULT_RULES, "2026-10-20"), []);
    expect(undated.map((s) => [s.name, s.start, s.status, s.completed, s.notCompleted, s.byBranch.length])).toEqual([
      ["学习动员", "", "未定", 0, 0, 0],
      ["分析评议", "", "未定", 0, 0, 0],
      ["整改提高", "", "未定", 0, 0, 0],
    ]);
  });
});

describe("assessUnitSurveys (§4 回头看)", () => {
  const survey = (unit: string, satisfied: number, basicallySatisfied: number, dissatisfied: number) => ({
    sheet: "回头看测评",
    unit,
    satisfied,
    basicallySatisfied,
    dissatisfied,
  });

  test("不满意 more than half of responses → 整改补课; exactly half is not", () => {
    const results = assessUnitSurveys(
      [survey("城关镇", 10, 5, 16), survey("东街社区", 10, 5, 15), survey("西街社区", 20, 8, 3)],
      DEFAULT_RULES,
    );
    expect(results.map((r) => [r.unit, r.needsRemedial])).toEqual([
      ["城关镇", true],
      ["东街社区", false],
      ["西街社区", false],
    ]);
    expect(results[0]).toEqual({ sheet: "回头看测评", unit: "城关镇", satisfied: 10, basicallySatisfied: 5, dissatisfied: 16, needsRemedial: true });
  });

  test("a unit with no responses is not sent to 整改补课", () => {
    expect(assessUnitSurveys([survey("南关村", 0, 0, 0)], DEFAULT_RULES)[0].needsRemedial).toBe(false);
  });
});
