import type { BranchSummary } from "../types";
import { BRANCH_COLUMNS, SHEET_NAMES, type HighlightRule, type PlanCell, type SheetPlan } from "./types";
import { fitWidths, titleRow, yesNo } from "./sheetCommon";
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

/** 评议-支部汇总: a row per branch, the 合计 row in bold, a chart of grade counts per branch. */
export function buildBranchSheet(branches: readonly BranchSummary[], total: BranchSummary, unitName: string, today: string): SheetPlan {
  const headerRow = 1;
  const rows: PlanCell[][] = [titleRow("支部汇总", unitName, today), [...BRANCH_COLUMNS]];
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
  if (branches.length > 0) {
    sheet.chart = {
      title: "各支部评议等次",
      categoryColumn: col("支部"),
      seriesColumns: [col("优秀"), col("合格"), col("基本合格"), col("不合格"), col("待定")],
      headerRow,
      firstRow,
      lastRow: firstRow + branches.length - 1,
    };
  }
  return sheet;
}
