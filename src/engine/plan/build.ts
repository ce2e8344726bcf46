import { withPrintLayout } from "./print";
import type { BranchSummary, ColumnOverrides, DataIssue, MemberResult, RecognisedTable, RuleOff, StageSummary, UnitSurveyResult } from "../types";
import type { RuleSet } from "../rules";
import { SHEET_NAMES, type SheetPlan, type SummarySheetKind, type WorkbookPlan } from "./types";
import { blockMarkers, buildResultBlocks } from "./resultBlocks";
import { buildBranchSheet } from "./branchSheet";
import { buildStageSheet } from "./stageSheet";
import { buildIssuesSheet } from "./issuesSheet";
import { buildUnitSurveySheet } from "./unitSurveySheet";
import { buildAboutSheet, buildTechnicalSheet } from "./aboutSheet";
import { buildRegisterSheet, registerPrintable } from "./registerSheet";
import { RECORD_SHEET_NAME } from "../memory/record";
import { RecordBuilder } from "../memory/record-builder";
import { sheetMarkers, type Placement } from "../memory/our-sheets";
import type { OurSheetKind } from "../memory/markers";

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
  /** Where our sheets go (engine/memory/our-sheets.ts); the base names when absent. */
  placement?: Placement;
  /** The column mappings the run used, kept in the run record. */
  mappings?: ColumnOverrides | null;
  /** Sheets that already carry a block marker (it is replaced). */
  markedSheets?: ReadonlySet<string>;
}

/** Our sheets in the order they are written, by kind and base name. */
export function plannedSheets(hasUnitSurveys: boolean, hasRegister = true): { kind: OurSheetKind; name: string }[] {
  const kinds: SummarySheetKind[] = ["branches", "stages", "issues", ...(hasUnitSurveys ? (["unitSurvey"] as const) : []), ...(hasRegister ? (["register"] as const) : []), "about", "technical"];
  return [...kinds.map((kind) => ({ kind, name: SHEET_NAMES[kind] })), { kind: "record" as const, name: RECORD_SHEET_NAME }];
}

/**
 * Everything to write: result blocks on the roster sheets, our sheets in a fixed order under the
 * names the placement gave them, the run record, and the markers that let the next run know them.
 */
export function buildPlan(input: PlanInput): WorkbookPlan {
  const { unitName, today } = input;
  const sheetOrder = input.sheetOrder ?? input.tables.map((table) => table.sheet);
  const record = new RecordBuilder();
  const resultBlocks = buildResultBlocks(input.tables, input.results, input.rules, record);
  const planned: SheetPlan[] = [
    buildBranchSheet(input.branches, input.total, unitName, today),
    buildStageSheet(input.stages, unitName, today),
    buildIssuesSheet(input.issues, sheetOrder, unitName, today),
  ];
  if (input.unitSurveys.length > 0) planned.push(buildUnitSurveySheet(input.unitSurveys, unitName, today));
  if (registerPrintable(input.branches.length)) planned.push(buildRegisterSheet(input.results, input.branches, unitName, today));
  planned.push(buildAboutSheet(input), buildTechnicalSheet(input));
  const sheets = planned.map(withPrintLayout);
  sheets.push(record.sheet(today, input.rules, input.mappings ?? null));
  const names = input.placement?.names;
  const placed = names ? sheets.map((sheet) => ({ ...sheet, name: names.get(sheet.kind) ?? sheet.name })) : sheets;
  return {
    resultBlocks,
    sheets: placed,
    removeSheets: input.placement?.removeSheets ?? [],
    names: [...blockMarkers(resultBlocks, input.markedSheets ?? new Set()), ...sheetMarkers(placed)],
  };
}
