import type { BranchSummary } from "../types";
import type { Grade } from "../types";
import { BRANCH_COLUMNS, CHART_CATEGORIES, GRADE_COLOURS, HIGHLIGHT_COLOURS, SHEET_NAMES, type ChartPlan, type HighlightRule, type PlanCell, type SheetPlan } from "./types";
import { fitWidths, titleRow, wholeAxisUnit, yesNo } from "./sheetCommon";
import { safeText } from "./text";

const col = (name: (typeof BRANCH_COLUMNS)[number]): number => BRANCH_COLUMNS.indexOf(name);

/**
 * 优秀超限 of a 合计 row: the cap (R15) is per branch, so a total says how many branches are
 * over it ("2 个支部超限"), never "是" beside a total cap it does not exceed.
 */
export function overCapTotal(branchesOver: number): string {
  return branchesOver > 0 ? `${branchesOver} 个支部超限` : "否";
}

/** Branches over the cap that a 优秀超限 cell stands for: "是" one, "2 个支部超限" two, anything else none. */
export function overCapCount(cell: PlanCell | undefined): number {
  if (cell === "是") return 1;
  const n = typeof cell === "string" ? /^(\d+) 个支部超限$/.exec(cell) : null;
  return n ? Number(n[1]) : 0;
}

/** "8 / 10": 8 of the branch's 10 members have the cell entered. */
export function enteredText(entered: number, members: number): string {
  return `${entered} / ${members}`;
}

/** The n and N of an …已录入 cell: "8 / 10", or an older summary's bare count (N then unknown). */
export function parseEntered(cell: PlanCell | undefined): { entered: number; of: number | null } | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? { entered: cell, of: null } : null;
  if (typeof cell !== "string") return null;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(cell);
  return match ? { entered: Number(match[1]), of: Number(match[2]) } : null;
}

/** One row of BRANCH_COLUMNS for a branch, or for the total when `branchesOver` is given. */
export function branchRow(s: BranchSummary, branchesOver?: number): PlanCell[] {
  return [
    safeText(s.branch),
    s.members,
    s.formal,
    s.probationary,
    enteredText(s.studyEntered, s.members),
    s.studyCompliant,
    s.studyComplianceRate,
    s.averageHours,
    enteredText(s.satisfactionEntered, s.members),
    s.averageSatisfaction,
    s.satisfactionBelow,
    enteredText(s.applicationEntered, s.members),
    s.noApplication,
    s.grades["优秀"],
    s.grades["合格"],
    s.grades["基本合格"],
    s.grades["不合格"],
    s.grades["待定"],
    s.grades["不评定"],
    s.pendingApproval,
    s.pendingPublicity,
    s.excellentCap,
    branchesOver === undefined ? yesNo(s.excellentOverCap) : overCapTotal(branchesOver),
    s.openActions,
  ];
}

export const OVER_CAP: HighlightRule[] = [
  { match: "equals", text: "是", colour: "red" },
  { match: "contains", text: "个支部超限", colour: "red" },
];

/** The grades a chart of grade counts shows, in this order (不评定 are the probationary members, counted apart). */
export const CHART_GRADES: readonly Grade[] = ["优秀", "合格", "基本合格", "不合格", "待定"];

/**
 * A clustered column chart of grade counts over rows firstRow…lastRow, titled by what a row is
 * (`what`: 支部, 单位), at most the first CHART_CATEGORIES rows, the title then saying how many
 * there are: one series per grade column (`columnOf`), each in its grade's colour, the value
 * axis in whole members.
 */
export function gradeChart(what: string, rows: readonly PlanCell[][], categoryColumn: number, columnOf: (grade: Grade) => number, headerRow: number, firstRow: number, lastRow: number): ChartPlan {
  const count = lastRow - firstRow + 1;
  let title = `各${what}评议等次（人）`;
  if (count > CHART_CATEGORIES) {
    lastRow = firstRow + CHART_CATEGORIES - 1;
    title = `前 ${CHART_CATEGORIES} 个${what}评议等次（人，共 ${count.toLocaleString("en-US")} 个）`;
  }
  const seriesColumns = CHART_GRADES.map(columnOf);
  let largest = 0;
  for (let r = firstRow; r <= lastRow; r++) for (const c of seriesColumns) largest = Math.max(largest, Number(rows[r]?.[c]) || 0);
  return {
    title,
    categoryColumn,
    seriesColumns,
    colours: CHART_GRADES.map((grade) => ({ fill: HIGHLIGHT_COLOURS[GRADE_COLOURS[grade]].fill, line: HIGHLIGHT_COLOURS[GRADE_COLOURS[grade]].font })),
    majorUnit: wholeAxisUnit(largest),
    // below everything the sheet holds, a row apart
    anchor: { row: rows.length + 1, column: 0 },
    headerRow,
    firstRow,
    lastRow,
  };
}

/** The chart of 评议-支部汇总 (and of its export): grade counts per branch over rows firstRow…lastRow. */
export function branchChart(rows: readonly PlanCell[][], headerRow: number, firstRow: number, lastRow: number): ChartPlan {
  return gradeChart("支部", rows, col("支部"), (grade) => col(grade as (typeof BRANCH_COLUMNS)[number]), headerRow, firstRow, lastRow);
}

/** 评议-支部汇总: a row per branch, the 合计 row in bold, a chart of grade counts per branch. */
export function buildBranchSheet(branches: readonly BranchSummary[], total: BranchSummary, unitName: string, today: string): SheetPlan {
  const headerRow = 1;
  const rows: PlanCell[][] = [titleRow("党员评议支部汇总表", unitName, today), [...BRANCH_COLUMNS]];
  for (const branch of branches) rows.push(branchRow(branch));
  rows.push(branchRow(total, branches.filter((b) => b.excellentOverCap).length));
  const firstRow = headerRow + 1;
  const sheet: SheetPlan = {
    name: SHEET_NAMES.branches,
    kind: "branches",
    rows,
    headerRow,
    boldRows: [rows.length - 1],
    percentColumns: [col("学习达标率")],
    decimalColumns: [col("平均学时"), col("平均满意度")],
    widths: fitWidths(rows, headerRow, BRANCH_COLUMNS.length),
    highlights: [{ column: col("优秀超限"), rules: OVER_CAP }],
  };
  if (branches.length > 0) sheet.chart = branchChart(rows, headerRow, firstRow, firstRow + branches.length - 1);
  return sheet;
}
