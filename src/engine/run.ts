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
  WorkbookInput,
} from "./types";
import { readWorkbook } from "./read";
import { evaluateMembers } from "./evaluate";
import { ruleFingerprint, type RuleSet } from "./rules";
import { stageWindows } from "./stages";
import { assessUnitSurveys, summariseBranches, summariseStages } from "./summarise";
import { buildPlan } from "./plan/build";
import { NO_BRANCH_LABEL, type WorkbookPlan } from "./plan/types";
import { issueMessage } from "../i18n/t";

export interface RunOptions {
  rules: RuleSet;
  /** ISO "YYYY-MM-DD": the stage statuses and every title are dated by it. */
  today: string;
  overrides?: ColumnOverrides;
  /**
   * The unit's name; when blank, the rule set's unitName, else the name the workbook gives above
   * its member list ("填报单位：…"), else `fallbackUnitName`, else "".
   */
  unitName?: string;
  /** The last resort for the unit's name (the command line gives the input file's name). */
  fallbackUnitName?: string;
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
}

/**
 * evaluateWorkbook's first step: reads the grids' tables. A host that holds a city's grids can
 * let them go before evaluateRead, the rest of the evaluation.
 */
export function readInput(input: WorkbookInput, options: Pick<RunOptions, "overrides">): WorkbookRead {
  return { read: readWorkbook(input, options.overrides), sheetOrder: input.sheets.map((sheet) => sheet.name) };
}

/** evaluateWorkbook's second step: evaluates, summarises and plans what readInput read. */
export function evaluateRead({ read, sheetOrder }: WorkbookRead, options: RunOptions): RunResult {
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
  const members = evaluation.results;
  const { branches, total } = summariseBranches(members, rules);
  const stages = summariseStages(members, windows, evaluation.skippedStageChecks);
  const unitSurveys = assessUnitSurveys(read.unitSurveys, rules);
  const fingerprint = ruleFingerprint(rules);
  const plan = buildPlan({
    tables: read.tables,
    results: members,
    issues,
    branches,
    total,
    stages,
    unitSurveys,
    rulesOff: evaluation.rulesOff,
    rules,
    today,
    unitName,
    fingerprint,
    sheetOrder,
  });
  return {
    tables: read.tables,
    members,
    issues,
    rulesOff: evaluation.rulesOff,
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
  grade: string;
  pendingApproval: boolean;
  actions: string[];
  reasons: string[];
  statuses: Record<RuleId, RuleStatus>;
}

export interface ReportIssue {
  code: string;
  sheet: string;
  cell: string;
  /** zh-CN, as on the issues sheet. */
  message: string;
}

export interface ReportStage {
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
export function reportMember({ member, grade, pendingApproval, actions, reasons, statuses }: MemberResult): ReportMember {
  return {
    sheet: member.sheet,
    row: member.row + 1,
    name: member.name,
    memberId: member.memberId ?? null,
    branch: member.branch || NO_BRANCH_LABEL,
    grade,
    pendingApproval,
    actions: actions.map((action) => action.text),
    reasons: [...reasons],
    statuses: { ...statuses },
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
