import { buildPlan, withUnitName, ABOUT_KEYS } from "../../../src/engine";
import { summariseBranches, summariseStages } from "../../../src/engine/summarise";
import { DEFAULT_RULES } from "../../../src/engine/rules";
import { stageWindows } from "../../../src/engine/stages";
import { result, rosterTable } from "./fixtures";
import type { PlanInput } from "../../../src/engine/plan/build";

describe("a unit's name given after the evaluation", () => {
  const members = [result({ name: "王芳", branch: "第一党支部", row: 2, values: { studyHours: 52 }, statuses: { R1: "达标" }, grade: "优秀" })];
  const { branches, total } = summariseBranches(members, DEFAULT_RULES);
  const input = (unitName: string): PlanInput => ({
    tables: [rosterTable()],
    results: members,
    issues: [],
    branches,
    total,
    stages: summariseStages(members, stageWindows(DEFAULT_RULES, "2025-03-10"), []),
    unitSurveys: [],
    rulesOff: [],
    rules: DEFAULT_RULES,
    today: "2025-03-10",
    unitName,
    fingerprint: "abc",
  });

  test("the sheets read as if the evaluation had had it: titles, 评议单位, 单位", () => {
    const named = withUnitName(buildPlan(input("") as PlanInput).sheets, "县财政局机关党委");
    const planned = buildPlan(input("县财政局机关党委") as PlanInput).sheets;
    for (const kind of ["branches", "stages", "about", "technical", "issues", "register"] as const) {
      expect({ kind, rows: named.find((s) => s.kind === kind)!.rows }).toEqual({ kind, rows: planned.find((s) => s.kind === kind)!.rows });
    }
    const technical = named.find((s) => s.kind === "technical")!;
    expect(technical.rows.find((row) => row[0] === ABOUT_KEYS.unit)).toEqual([ABOUT_KEYS.unit, "县财政局机关党委"]);
  });

  test("a blank name changes nothing", () => {
    const sheets = buildPlan(input("") as PlanInput).sheets;
    expect(withUnitName(sheets, "  ")).toEqual(sheets);
  });
});
