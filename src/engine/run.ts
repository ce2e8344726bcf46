import type {
  BranchSummary,
  ColumnOverrides,
  DataIssue,
  FieldId,
  MemberResult,
  RecognisedTable,
  RuleOff,
  RuleStatus,
  RuleId,
  StageBranchSummary,
  StageStatus,
  StageSummary,
  UnitSurveyResult,
  SheetGrid,
  WorkbookInput,
} from "./types";
import { readWorkbook } from "./read";
import { withCandidates } from "./read/candidates";
import { evaluateMembers } from "./evaluate";
import { listBlankEntries } from "./evaluate/blanks";
import { appendAll } from "./lists";
import { ruleFingerprint, type RuleSet } from "./rules";
import { stageWindows, type BatchName } from "./stages";
import { assessUnitSurveys, summariseBranches, summariseStages } from "./summarise";
import { buildPlan, plannedSheets } from "./plan/build";
import { registerPrintable } from "./plan/registerSheet";
import { MAX_PAGE_BREAKS } from "./plan/print";
import { allSheetNames, placeSheets, readMemory, type WorkbookMemory } from "./memory/our-sheets";
import { applyManualDecisions, decisionCellsOf, memberRef, type DecisionCells, type TableDecisions } from "./memory/manual";
import { NO_BRANCH_LABEL, SHEET_NAMES, type WorkbookPlan } from "./plan/types";
import { issueMessage } from "../i18n/t";
import { valuesOf } from "./read/member";

export interface RunOptions {
  rules: RuleSet;
  /** ISO "YYYY-MM-DD": the stage statuses and every title are dated by it. */
  today: string;
  overrides?: ColumnOverrides;
  /**
   * The unit's name; when blank, the rule set's unitName, else the name the workbook gives above
   * its member list ("填报单位：…", else a title such as "城关镇党委党员名单"), else `fallbackUnitName`, else "".
   */
  unitName?: string;
  /** The last resort for the unit's name (the command line gives the input file's name). */
  fallbackUnitName?: string;
  /**
   * 恢复自动评议: the secretary's decisions typed over our cells are dropped and the computed
   * results written instead, for everyone (true) or for the members named by their `ref`.
   */
  resetManual?: true | readonly string[];
}

export interface RunResult {
  tables: RecognisedTable[];
  members: MemberResult[];
  issues: DataIssue[];
  rulesOff: RuleOff[];
  branches: BranchSummary[];
  total: BranchSummary;
  stages: StageSummary[];
  unitSurveys: UnitSurveyResult[];
  fieldHeaders: Partial<Record<FieldId, string>>;
  plan: WorkbookPlan;
  hasMemberTable: boolean;
  today: string;
  unitName: string;
  fingerprint: string;
  /** Members whose grade or outcome is the secretary's own decision (人工认定). */
  manualCount: number;
}

/**
 * Reads, evaluates, summarises and plans one workbook. Bad data never throws: it comes back
 * as issues (no member table at all → hasMemberTable false and a NO_MEMBER_TABLE issue, with
 * empty summaries and a plan that only adds our sheets). Only a malformed `today` throws
 * (XianjiaoError BAD_DATE), since that is the caller's mistake, not the user's data.
 */
export function evaluateWorkbook(input: WorkbookInput, options: RunOptions): RunResult {
  stageWindows(options.rules, options.today);
  return evaluateRead(readInput(input, options), options);
}

/** A workbook read: all the rest of an evaluation needs of its grids. */
export interface WorkbookRead {
  read: ReturnType<typeof readWorkbook>;
  sheetOrder: string[];
  /** Every sheet name, chart sheets too: the names our sheets must not take. */
  sheetNames: string[];
  /** What earlier runs left: our sheets, the run record, the block markers. */
  memory: WorkbookMemory;
  /** The previous block's decision cells, to tell the secretary's decisions from ours. */
  decisions: DecisionCells;
}

/**
 * evaluateWorkbook's first step: reads the grids' tables. A host that holds a city's grids can
 * let them go before evaluateRead, the rest of the evaluation; with `releaseRows` it gives them
 * up as they are read: each member table's rows below its header are dropped from its grid once
 * the table is read, so a city's grids and tables are never all in memory at once.
 */
export function readInput(input: WorkbookInput, options: Pick<RunOptions, "overrides"> & { releaseRows?: boolean }, memory: WorkbookMemory = readMemory(input)): WorkbookRead {
  const previous = new Map<RecognisedTable, TableDecisions>();
  const read = readWorkbook(input, options.overrides, (table, grid) => {
    const cells = decisionCellsOf(table, grid);
    if (cells) previous.set(table, cells);
    if (options.releaseRows) keepHead(grid, table.headerRow);
  });
  const roster = read.tables.find((table) => table.isRoster);
  const cells = roster && previous.get(roster);
  const decisions: DecisionCells = new Map(roster && cells ? [[roster.sheet, cells]] : []);
  return {
    read,
    sheetOrder: input.sheets.map((sheet) => sheet.name),
    sheetNames: allSheetNames(input),
    memory,
    decisions,
  };
}

/** A grid cut to its rows down to the 0-based sheet row `headerRow`. */
function keepHead(grid: SheetGrid, headerRow: number): void {
  const keep = Math.max(0, headerRow - (grid.origin?.row ?? 0) + 1);
  if (Array.isArray(grid.values) && grid.values.length > keep) grid.values.length = keep;
  if (Array.isArray(grid.numberFormats) && grid.numberFormats.length > keep) grid.numberFormats.length = keep;
}

/** evaluateWorkbook's second step: evaluates, summarises and plans what readInput read. */
export function evaluateRead({ read, sheetOrder, sheetNames, memory, decisions }: WorkbookRead, options: RunOptions): RunResult {
  const { rules, today } = options;
  const windows = stageWindows(rules, today);
  const unitName = [options.unitName, rules.unitName, read.unitNameHint, options.fallbackUnitName].map((name) => (name ?? "").trim()).find((name) => name !== "") ?? "";
  const hasMemberTable = read.tables.some((table) => table.isRoster);
  const issues: DataIssue[] = [...read.issues];
  if (!hasMemberTable && !issues.some((issue) => issue.code === "NO_MEMBER_TABLE")) {
    issues.unshift({ code: "NO_MEMBER_TABLE", sheet: "", cell: "", params: {} });
  }
  const evaluation = evaluateMembers(read.members, read.presentFields, rules);
  for (const issue of evaluation.issues) issues.push(issue);
  const reset = options.resetManual === true ? true : options.resetManual ? new Set(options.resetManual) : undefined;
  const manual = applyManualDecisions({ results: evaluation.results, cells: decisions, record: memory.record, reset });
  for (const issue of manual.issues) issues.push(issue);
  const members = manual.results;
  // Last, grouped per field: the cells nobody filled in that hold a rule up.
  appendAll(issues, listBlankEntries({ results: members, present: read.presentFields, rules, tables: read.tables, headers: read.fieldHeaders, issues }));
  const rulesOff = withCandidates(evaluation.rulesOff, read.tables, read.namelessColumns);
  const { branches, total } = summariseBranches(members, rules);
  // With a 批次 column each member's stages follow their own batch's start date.
  const batchWindows = read.presentFields.has("batch") ? (batch?: BatchName) => (batch === undefined ? windows : stageWindows(rules, today, batch)) : undefined;
  const stages = summariseStages(members, windows, evaluation.skippedStageChecks, batchWindows);
  const unitSurveys = assessUnitSurveys(read.unitSurveys, rules);
  const fingerprint = ruleFingerprint(rules);
  const hasRegister = registerPrintable(branches.length);
  if (!hasRegister) issues.push({ code: "REGISTER_TOO_MANY_BRANCHES", sheet: "", cell: "", params: { branches: branches.length, limit: MAX_PAGE_BREAKS + 1, sheet: SHEET_NAMES.register } });
  const placement = placeSheets(plannedSheets(unitSurveys.length > 0, hasRegister), sheetNames, memory);
  for (const issue of placement.issues) issues.push(issue);
  const plan = buildPlan({
    tables: read.tables,
    results: members,
    issues,
    branches,
    total,
    stages,
    unitSurveys,
    rulesOff,
    rules,
    today,
    unitName,
    fingerprint,
    sheetOrder,
    placement,
    mappings: options.overrides ?? null,
    markedSheets: memory.blockMarked,
  });
  return {
    tables: read.tables,
    members,
    issues,
    rulesOff,
    branches,
    total,
    stages,
    unitSurveys,
    fieldHeaders: read.fieldHeaders,
    plan,
    hasMemberTable,
    today,
    unitName,
    fingerprint,
    manualCount: manual.count,
  };
}

/** One member in the CLI's --report JSON. */
export interface ReportMember {
  sheet: string;
  /** 1-based sheet row, as Excel shows it. */
  row: number;
  name: string;
  memberId: string | null;
  branch: string;
  /** 第一批 / 第二批 / 第三批 as read from the 批次 column; null without one, or when blank or unknown. */
  batch: string | null;
  grade: string;
  pendingApproval: boolean;
  /** Approved, not yet publicly posted (公示). */
  pendingPublicity: boolean;
  actions: string[];
  reasons: string[];
  statuses: Record<RuleId, RuleStatus>;
  /** The grade or outcome is the secretary's own decision, kept from the sheet (人工认定). */
  manual: boolean;
  /** What the tool computed, where the secretary decided otherwise. */
  computedGrade?: string;
  computedOutcome?: string;
  /** Names the member for 恢复自动评议 (--reset-manual). */
  ref: string;
}

export interface ReportIssue {
  code: string;
  sheet: string;
  cell: string;
  /** zh-CN, as on the issues sheet. */
  message: string;
}

export interface ReportStage {
  /** The batch this window belongs to ("" when the workbook has no 批次 column). */
  batch: string;
  name: string;
  start: string;
  end: string;
  status: StageStatus;
  completed: number;
  notCompleted: number;
  byBranch: StageBranchSummary[];
  skippedChecks: string[];
}

/** The CLI's --report JSON: plain data, no undefined values. */
export interface Report {
  unitName: string;
  today: string;
  fingerprint: string;
  hasMemberTable: boolean;
  members: ReportMember[];
  issues: ReportIssue[];
  branches: BranchSummary[];
  total: BranchSummary;
  stages: ReportStage[];
  rulesOff: RuleOff[];
  unitSurveys: UnitSurveyResult[];
}

/** One member as the report lists it. */
export function reportMember(m: MemberResult): ReportMember {
  const { member, grade, pendingApproval, pendingPublicity, actions, reasons, statuses, manual } = m;
  return {
    sheet: member.sheet,
    row: member.row + 1,
    name: member.name,
    memberId: member.memberId ?? null,
    branch: member.branch || NO_BRANCH_LABEL,
    batch: valuesOf(member).batch ?? null,
    grade,
    pendingApproval,
    pendingPublicity,
    actions: actions.map((action) => action.text),
    reasons: [...reasons],
    statuses: { ...statuses },
    manual: manual !== undefined,
    ...(manual?.grade ? { computedGrade: manual.grade.computed } : {}),
    ...(manual?.outcome ? { computedOutcome: manual.outcome.computed } : {}),
    ref: memberRef(m),
  };
}

/** One data issue as the report lists it. */
export function reportIssue(issue: DataIssue): ReportIssue {
  return { code: issue.code, sheet: issue.sheet, cell: issue.cell, message: issueMessage(issue, "zh-CN") };
}

export function toReport(result: RunResult): Report {
  return {
    unitName: result.unitName,
    today: result.today,
    fingerprint: result.fingerprint,
    hasMemberTable: result.hasMemberTable,
    members: result.members.map(reportMember),
    issues: result.issues.map(reportIssue),
    branches: result.branches,
    total: result.total,
    stages: result.stages.map((s) => ({
      batch: s.batch,
      name: s.name,
      start: s.start,
      end: s.end,
      status: s.status,
      completed: s.completed,
      notCompleted: s.notCompleted,
      byBranch: s.byBranch,
      skippedChecks: s.skippedChecks,
    })),
    rulesOff: result.rulesOff,
    unitSurveys: result.unitSurveys,
  };
}
