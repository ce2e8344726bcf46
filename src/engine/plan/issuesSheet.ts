import type { DataIssue } from "../types";
import { issueMessage } from "../../i18n/t";
import { SHEET_NAMES, type PlanCell, type PlanLink, type SheetPlan } from "./types";
import { fitWidths, titleRow } from "./sheetCommon";
import { parseA1, safeText } from "./text";
import { appendAll } from "../lists";

export const ISSUE_COLUMNS = ["序号", "工作表", "单元格", "内容", "问题说明"] as const;

/** Blank entries (未录入): listed after the other issues, in the order given (grouped per field). */
function isBlankEntry(issue: DataIssue): boolean {
  return issue.code === "NOT_ENTERED" || issue.code === "NOT_ENTERED_NO_ROW";
}

/**
 * Issues in reading order: by sheet (workbook order, then sheets first named by an issue),
 * then row, then column; an issue about a whole sheet (cell "") comes first on its sheet.
 * The blank entries follow, as they come (the evaluator groups them per field).
 */
export function sortIssues(issues: readonly DataIssue[], sheetOrder: readonly string[]): DataIssue[] {
  const problems: DataIssue[] = [];
  const blanks: DataIssue[] = [];
  for (const issue of issues) (isBlankEntry(issue) ? blanks : problems).push(issue);
  const sorted = sortProblems(problems, sheetOrder);
  appendAll(sorted, blanks);
  return sorted;
}

function sortProblems(issues: readonly DataIssue[], sheetOrder: readonly string[]): DataIssue[] {
  const sheetIndex = new Map<string, number>();
  for (const name of sheetOrder) if (!sheetIndex.has(name)) sheetIndex.set(name, sheetIndex.size);
  const keyed = issues.map((issue, index) => {
    if (!sheetIndex.has(issue.sheet)) sheetIndex.set(issue.sheet, sheetIndex.size);
    const at = parseA1(issue.cell);
    return { issue, index, sheet: sheetIndex.get(issue.sheet)!, row: at ? at.row : -1, col: at ? at.col : -1 };
  });
  keyed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col || a.index - b.index);
  return keyed.map((k) => k.issue);
}

const CELL_COLUMN = ISSUE_COLUMNS.indexOf("单元格");
/** Excel keeps at most 66,530 hyperlinks in a sheet (its specifications); the issues past the first 65,530 keep their cell address as text. */
export const MAX_LINKS = 65_530;

/**
 * 评议-数据问题: one row per issue, message in Chinese from the catalogue; each 单元格 entry links
 * to that cell (a click takes the secretary there).
 */
export function buildIssuesSheet(issues: readonly DataIssue[], sheetOrder: readonly string[], unitName: string, today: string): SheetPlan {
  const headerRow = 1;
  const rows: PlanCell[][] = [titleRow("党员评议数据问题清单", unitName, today), [...ISSUE_COLUMNS]];
  const sorted = sortIssues(issues, sheetOrder);
  const links: PlanLink[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const issue = sorted[i];
    if (links.length < MAX_LINKS && issue.sheet !== "" && parseA1(issue.cell)) links.push({ row: rows.length, column: CELL_COLUMN, sheet: issue.sheet, cell: issue.cell.toUpperCase() });
    rows.push([i + 1, safeText(issue.sheet), issue.cell, safeText(issue.value ?? ""), safeText(issueMessage(issue, "zh-CN"))]);
  }
  const widths = fitWidths(rows, headerRow, ISSUE_COLUMNS.length, 6, 60);
  return {
    name: SHEET_NAMES.issues,
    kind: "issues",
    rows,
    headerRow,
    boldRows: [],
    percentColumns: [],
    decimalColumns: [],
    widths,
    highlights: [],
    // long messages wrap, so a printed page shows them whole
    wrapColumns: [ISSUE_COLUMNS.indexOf("问题说明")],
    links,
  };
}
