import {
  DEFAULT_RULES,
  assessUnitSurveys,
  buildPlan,
  evaluateMembers,
  evaluateWorkbook,
  readWorkbook,
  ruleFingerprint,
  stageWindows,
  summariseBranches,
  summariseStages,
  type RunResult,
} from "../src/engine";
import type { WorkbookInput } from "../src/engine/types";

export const BENCH_TODAY = "2025-03-25";

export interface EnginePhases {
  readMs: number;
  evaluateMs: number;
  summariseMs: number;
  planMs: number;
}

export interface EngineFigures {
  members: number;
  /** Best of `runs` whole evaluateWorkbook calls (the first one warms the JIT). */
  bestMs: number;
  firstMs: number;
  membersPerSecond: number;
  phases: EnginePhases;
  issues: number;
  resultRows: number;
}

/** Times one call; the clock is only read here, outside the engine. */
function time<T>(work: () => T): [T, number] {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
}

/** The same steps evaluateWorkbook takes, timed one by one (phases of the figure, not the figure). */
export function enginePhases(input: WorkbookInput): EnginePhases {
  const rules = DEFAULT_RULES;
  const [read, readMs] = time(() => readWorkbook(input));
  const [evaluation, evaluateMs] = time(() => evaluateMembers(read.members, read.presentFields, rules));
  const [sums, summariseMs] = time(() => {
    const { branches, total } = summariseBranches(evaluation.results, rules);
    const stages = summariseStages(evaluation.results, stageWindows(rules, BENCH_TODAY), evaluation.skippedStageChecks);
    return { branches, total, stages, unitSurveys: assessUnitSurveys(read.unitSurveys, rules) };
  });
  const [, planMs] = time(() =>
    buildPlan({
      tables: read.tables,
      results: evaluation.results,
      issues: [...read.issues, ...evaluation.issues],
      ...sums,
      rulesOff: evaluation.rulesOff,
      rules,
      today: BENCH_TODAY,
      unitName: "市直机关工委",
      fingerprint: ruleFingerprint(rules),
      sheetOrder: input.sheets.map((s) => s.name),
    }),
  );
  return { readMs, evaluateMs, summariseMs, planMs };
}

export function runEngine(input: WorkbookInput): RunResult {
  return evaluateWorkbook(input, { rules: DEFAULT_RULES, today: BENCH_TODAY, unitName: "市直机关工委" });
}

/** evaluateWorkbook (read, map, evaluate, summarise, plan) on one workbook, best of `runs`. */
export function measureEngine(input: WorkbookInput, members: number, runs = 3): EngineFigures {
  let best = Infinity;
  let first = 0;
  let issues = 0;
  let resultRows = 0;
  for (let i = 0; i < runs; i++) {
    // only counts are kept: a result held over would weigh on the next run's garbage collection
    const [r, ms] = time(() => runEngine(input));
    if (i === 0) first = ms;
    best = Math.min(best, ms);
    issues = r.issues.length;
    resultRows = r.plan.resultBlocks.reduce((n, b) => n + b.rows.length, 0);
  }
  const phases = enginePhases(input);
  return { members, bestMs: best, firstMs: first, membersPerSecond: members / (best / 1000), phases, issues, resultRows };
}
