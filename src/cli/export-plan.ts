import { BRANCH_COLUMNS, OVER_CAP, SHEET_NAMES, TOTAL_LABEL, type PlanCell, type SheetGrid, type SheetPlan, type SummarySheetKind } from "../engine";
import { buildAboutSheet, RULES_OFF_TITLE, type AboutInput } from "../engine/plan/aboutSheet";
import { DEFAULT_RULES } from "../engine/rules";
import { buildIssuesSheet, ISSUE_COLUMNS } from "../engine/plan/issuesSheet";
import { branchChart } from "../engine/plan/branchSheet";
import { fitWidths } from "../engine/plan/sheetCommon";
import { buildStageSheet, SKIPPED_TITLE, STAGE_COLUMNS } from "../engine/plan/stageSheet";
import { buildUnitSurveySheet, UNIT_SURVEY_COLUMNS } from "../engine/plan/unitSurveySheet";
import { maskIds } from "./mask";
import { cellAt, rowsEnd } from "./our-sheets";

/**
 * One of our summary sheets as the export writes it: the values we wrote, read back from the
 * evaluated workbook, laid out again as the plan lays that sheet out (header, bold 合计 rows,
 * percentages, widths, highlights, print layout). Only our table's columns are read, only
 * numbers and text (a formula reads as empty, see readOurSheets), and ID numbers are masked
 * everywhere but in 评议-说明 (rule settings and fingerprint, no personal data).
 */

const COLUMNS: Record<SummarySheetKind, readonly string[]> = {
  branches: BRANCH_COLUMNS,
  stages: STAGE_COLUMNS,
  unitSurvey: UNIT_SURVEY_COLUMNS,
  issues: ISSUE_COLUMNS,
  about: ["", ""],
  technical: ["", ""],
  // never exported: it lists members by name
  register: [],
};

const ABOUT_TEMPLATE: AboutInput = { rules: DEFAULT_RULES, rulesOff: [], today: "2000-01-01", unitName: "", fingerprint: "" };

const plain = (value: unknown): PlanCell => (typeof value === "number" && Number.isFinite(value) ? value : typeof value === "string" ? value : null);

/** The sheet's values in our table's columns, rows up to its last non-empty one. */
function valuesOf(grid: SheetGrid, width: number, mask: boolean): PlanCell[][] {
  const rows: PlanCell[][] = [];
  for (let r = 0; r < rowsEnd(grid); r++) {
    const row: PlanCell[] = [];
    for (let c = 0; c < width; c++) {
      const value = plain(cellAt(grid, r, c));
      row.push(mask ? maskIds(value) : value);
    }
    while (row.length > 0 && (row[row.length - 1] === null || row[row.length - 1] === "")) row.pop();
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

const rowsWhere = (rows: PlanCell[][], from: number, test: (row: PlanCell[]) => boolean) => rows.flatMap((row, r) => (r >= from && test(row) ? [r] : []));

/** The first blank row under the header: where the table ends (notes follow it). */
function tableEnd(rows: PlanCell[][], headerRow: number): number {
  let r = headerRow + 1;
  while (r < rows.length && rows[r].some((v) => v !== null && v !== "")) r++;
  return r;
}

export function exportPlan(kind: SummarySheetKind, grid: SheetGrid): SheetPlan {
  // 本次评议依据 and 评议-技术信息 hold the rules and their fingerprint, no personal data
  const rows = valuesOf(grid, COLUMNS[kind].length, kind !== "about" && kind !== "technical");
  const base = { name: SHEET_NAMES[kind], kind, rows, percentColumns: [] as number[], decimalColumns: [] as number[], highlights: [] as SheetPlan["highlights"] };
  switch (kind) {
    case "branches": {
      const col = (name: (typeof BRANCH_COLUMNS)[number]) => BRANCH_COLUMNS.indexOf(name);
      // the chart of evaluate's sheet over the branch rows, between the header and 合计
      const total = rows.findIndex((row, r) => r > 1 && row[0] === TOTAL_LABEL);
      const last = (total < 0 ? tableEnd(rows, 1) : total) - 1;
      const chart = last >= 2 ? { chart: branchChart(rows, 1, 2, last) } : {};
      return {
        ...base,
        ...chart,
        headerRow: 1,
        boldRows: rowsWhere(rows, 2, (row) => row[0] === TOTAL_LABEL),
        percentColumns: [col("学习达标率")],
        decimalColumns: [col("平均学时"), col("平均满意度")],
        widths: fitWidths(rows, 1, BRANCH_COLUMNS.length),
        highlights: [{ column: col("优秀超限"), rules: OVER_CAP }],
      };
    }
    case "stages": {
      const template = buildStageSheet([], "", "");
      const branch = STAGE_COLUMNS.indexOf("支部");
      return {
        ...template,
        ...base,
        highlights: template.highlights,
        headerRow: template.headerRow,
        boldRows: rowsWhere(rows, 2, (row) => row[branch] === TOTAL_LABEL || row[0] === SKIPPED_TITLE),
        widths: fitWidths(rows.slice(0, tableEnd(rows, template.headerRow)), template.headerRow, STAGE_COLUMNS.length),
      };
    }
    case "unitSurvey": {
      const template = buildUnitSurveySheet([], "", "");
      return { ...template, ...base, percentColumns: template.percentColumns, highlights: template.highlights, boldRows: [], widths: fitWidths(rows, template.headerRow, UNIT_SURVEY_COLUMNS.length) };
    }
    case "issues": {
      const template = buildIssuesSheet([], [], "", "");
      return { ...template, ...base, boldRows: [], widths: fitWidths(rows, template.headerRow, ISSUE_COLUMNS.length, 6, 60) };
    }
    case "about": {
      // the part headings (一、评议规则 …) alone on their rows; older versions' 未启用的规则 heading too
      const heading = (row: PlanCell[]) => row.length === 1 && typeof row[0] === "string" && (/^[一二三四五六七八九十]、/.test(row[0]) || row[0] === RULES_OFF_TITLE);
      const template = buildAboutSheet(ABOUT_TEMPLATE);
      return { ...base, headerRow: 0, boldRows: rowsWhere(rows, 1, heading), widths: template.widths, wrapColumns: template.wrapColumns };
    }
    case "technical":
      return { ...base, headerRow: 0, boldRows: [], widths: [24, 80], hidden: "hidden" };
    case "register":
      throw new Error("the register is never exported");
  }
}
