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
import { listBlankEntries } from "../src/engine/evaluate/blanks";

export const BENCH_TODAY = "2025-03-25";

export interface EnginePhases {
  readMs: number;
  evaluateMs: number;
  summariseMs: number;
  planMs: number;
}

/** Whole evaluateWorkbook calls before the timed ones: the JIT compiles the engine's hot code during them. */
export const WARM_UP_RUNS = 2;
export const TIMED_RUNS = 5;

export interface EngineFigures {
  members: number;
  /** Best and median of TIMED_RUNS whole evaluateWorkbook calls after WARM_UP_RUNS. */
  bestMs: number;
  medianMs: number;
  /** The very first call, on a cold JIT (what a single run of the command line pays). */
  firstMs: number;
  membersPerSecond: number;
  phases: EnginePhases;
  /** Data issues other than blank cells, and the blank cells listed (未录入). */
  issues: number;
  blankCells: number;
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
  const [{ evaluation, blanks }, evaluateMs] = time(() => {
    const evaluation = evaluateMembers(read.members, read.presentFields, rules);
    const blanks = listBlankEntries({ results: evaluation.results, present: read.presentFields, rules, tables: read.tables, headers: read.fieldHeaders, issues: [...read.issues, ...evaluation.issues] });
    return { evaluation, blanks };
  });
  const [sums, summariseMs] = time(() => {
    const { branches, total } = summariseBranches(evaluation.results, rules);
    const stages = summariseStages(evaluation.results, stageWindows(rules, BENCH_TODAY), evaluation.skippedStageChecks);
    return { branches, total, stages, unitSurveys: assessUnitSurveys(read.unitSurveys, rules) };
  });
  const [, planMs] = time(() =>
    buildPlan({
      tables: read.tables,
      results: evaluation.results,
      issues: [...read.issues, ...evaluation.issues, ...blanks],
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

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * evaluateWorkbook (read, map, evaluate, summarise, plan) on one workbook: WARM_UP_RUNS calls,
 * then TIMED_RUNS timed ones. Every call's garbage collection is part of its time.
 */
export function measureEngine(input: WorkbookInput, members: number): EngineFigures {
  const times: number[] = [];
  let first = 0;
  let issues = 0;
  let blankCells = 0;
  let resultRows = 0;
  for (let i = 0; i < WARM_UP_RUNS + TIMED_RUNS; i++) {
    // only counts are kept: a result held over would weigh on the next run's garbage collection
    const [r, ms] = time(() => runEngine(input));
    if (i === 0) first = ms;
    if (i >= WARM_UP_RUNS) times.push(ms);
    blankCells = r.issues.filter((issue) => issue.code === "NOT_ENTERED" || issue.code === "NOT_ENTERED_NO_ROW").length;
    issues = r.issues.length - blankCells;
    resultRows = r.plan.resultBlocks.reduce((n, b) => n + b.rows.length, 0);
  }
  const best = Math.min(...times);
  const runs = [enginePhases(input), enginePhases(input), enginePhases(input)];
  const phases: EnginePhases = {
    readMs: median(runs.map((p) => p.readMs)),
    evaluateMs: median(runs.map((p) => p.evaluateMs)),
    summariseMs: median(runs.map((p) => p.summariseMs)),
    planMs: median(runs.map((p) => p.planMs)),
  };
  return { members, bestMs: best, medianMs: median(times), firstMs: first, membersPerSecond: members / (best / 1000), phases, issues, blankCells, resultRows };
}
