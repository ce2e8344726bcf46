import { withPrintLayout } from "./print";
import type { BranchSummary, DataIssue, MemberResult, RecognisedTable, RuleOff, StageSummary, UnitSurveyResult } from "../types";
import type { RuleSet } from "../rules";
import type { SheetPlan, WorkbookPlan } from "./types";
import { buildResultBlocks } from "./resultBlocks";
import { buildBranchSheet } from "./branchSheet";
import { buildStageSheet } from "./stageSheet";
import { buildIssuesSheet } from "./issuesSheet";
import { buildUnitSurveySheet } from "./unitSurveySheet";
import { buildAboutSheet } from "./aboutSheet";

export interface PlanInput {
  tables: RecognisedTable[];
  results: MemberResult[];
  issues: DataIssue[];
  branches: BranchSummary[];
  total: BranchSummary;
  stages: StageSummary[];
  unitSurveys: UnitSurveyResult[];
  rulesOff: RuleOff[];
  rules: RuleSet;
  today: string;
  unitName: string;
  fingerprint: string;
  /** The workbook's sheet names in order, for sorting the issues; defaults to the tables' order. */
  sheetOrder?: string[];
}

/** Everything to write: result blocks on the roster sheets, then our sheets in a fixed order. */
export function buildPlan(input: PlanInput): WorkbookPlan {
  const { unitName, today } = input;
  const sheetOrder = input.sheetOrder ?? input.tables.map((table) => table.sheet);
  const sheets: SheetPlan[] = [
    buildBranchSheet(input.branches, input.total, unitName, today),
    buildStageSheet(input.stages, unitName, today),
    buildIssuesSheet(input.issues, sheetOrder, unitName, today),
  ];
  if (input.unitSurveys.length > 0) sheets.push(buildUnitSurveySheet(input.unitSurveys, unitName, today));
  sheets.push(buildAboutSheet(input));
  return { resultBlocks: buildResultBlocks(input.tables, input.results, input.rules), sheets: sheets.map(withPrintLayout) };
}
