import { describeError } from "../../errors";
import {
  ABOUT_KEYS,
  BRANCH_COLUMNS,
  ENTERED_COLUMNS,
  SUMMARY_FORMAT_VERSION,
  TOTAL_LABEL,
  type ConsolidatedSheetKind,
  type PlanCell,
  type SheetPlan,
} from "../plan/types";
import { OVER_CAP, gradeChart } from "../plan/branchSheet";
import { withPrintLayout } from "../plan/print";
import { chineseDate, fitWidths, titleRow } from "../plan/sheetCommon";
import { TECHNICAL_SUBJECT } from "../plan/aboutSheet";
import { safeText } from "../plan/text";
import { combineRows, enteredCell } from "./combine";
import type { Rejection } from "./check";
import type { SummaryRow, UnitSummary } from "./summary";

/** The consolidation's sheets, by kind: their names never meet an evaluation's. */
export const CONSOLIDATED_SHEETS: Record<ConsolidatedSheetKind, string> = {
  consolidatedUnits: "评议-单位汇总",
  consolidatedBranches: "评议-各单位支部",
  consolidatedAbout: "评议-汇总说明",
  consolidatedTechnical: "评议-汇总技术信息",
};
export const UNIT_HEADER = "单位";

export interface ConsolidationInput {
  units: readonly UnitSummary[];
  /** Files left out, each named with its reason on the 说明 sheet. */
  rejected: readonly Rejection[];
  /** The consolidating unit (the level above), may be "". */
  unitName: string;
  today: string;
  /** The per unit × branch sheet (the command line's --no-branches leaves it out). */
  branches?: boolean;
}

/** Text read from a unit's file or typed by the user: never a formula in our sheets. */
const safe = (value: PlanCell | undefined): PlanCell => (typeof value === "string" ? safeText(value) : (value ?? null));

const ENTERED: ReadonlySet<string> = new Set(ENTERED_COLUMNS);

/** A row's cells after 支部; the 已录入 columns always as "n / N", an older summary's bare count included. */
const values = (row: SummaryRow): PlanCell[] =>
  BRANCH_COLUMNS.slice(1).map((column) => (ENTERED.has(column) ? enteredCell(row, column as (typeof ENTERED_COLUMNS)[number]) : safe(row[column])));

function table(kind: ConsolidatedSheetKind, title: PlanCell[], headers: string[], rows: PlanCell[][], withTotal: boolean, offset: number): SheetPlan {
  const all: PlanCell[][] = [title, headers, ...rows];
  const at = (column: string) => BRANCH_COLUMNS.indexOf(column as (typeof BRANCH_COLUMNS)[number]) + offset;
  return {
    name: CONSOLIDATED_SHEETS[kind],
    kind,
    rows: all,
    headerRow: 1,
    boldRows: withTotal ? [all.length - 1] : [],
    percentColumns: [at("学习达标率")],
    decimalColumns: [at("平均学时"), at("平均满意度")],
    widths: fitWidths(all, 1, headers.length, 8, 40),
    highlights: [{ column: at("优秀超限"), rules: [...OVER_CAP] }],
  };
}

/** 评议-单位汇总: one row per unit (its 合计 row), a 合计 row over all units, and a chart of grades per unit. */
export function unitsSheet(units: readonly UnitSummary[], unitName: string, today: string): SheetPlan {
  const rows = units.map((u) => [safe(u.unit), ...values(u.total)]);
  rows.push([TOTAL_LABEL, ...values(combineRows(units.map((u) => u.total), TOTAL_LABEL))]);
  const sheet = table("consolidatedUnits", titleRow("各单位党员评议汇总表", unitName, today, `${units.length} 个单位`), [UNIT_HEADER, ...BRANCH_COLUMNS.slice(1)], rows, true, 0);
  if (units.length > 0) {
    const column = (grade: string) => BRANCH_COLUMNS.indexOf(grade as (typeof BRANCH_COLUMNS)[number]);
    sheet.chart = gradeChart("单位", sheet.rows, 0, column, 1, 2, 1 + units.length);
  }
  return sheet;
}

/** 评议-各单位支部: every unit's branch rows, the unit first. */
export function branchesSheet(units: readonly UnitSummary[], unitName: string, today: string): SheetPlan {
  const rows = units.flatMap((u) => u.branches.map((b) => [safe(u.unit), safe(b["支部"] ?? ""), ...values(b)]));
  return table("consolidatedBranches", titleRow("各单位支部党员评议情况表", unitName, today), [UNIT_HEADER, ...BRANCH_COLUMNS], rows, false, 1);
}

/**
 * 评议-汇总说明, for whoever reads or files the consolidation: who consolidated and when, the
 * files merged and their units, each file left out with the reason, and whether every unit
 * applied the same rules.
 */
export function consolidatedAbout(input: ConsolidationInput): SheetPlan {
  const { units, rejected } = input;
  const fingerprints = new Set(units.map((u) => u.fingerprint));
  const rows: PlanCell[][] = [
    titleRow("评议汇总说明", input.unitName, input.today),
    ["汇总单位", safe(input.unitName.trim() || "（未填写）")],
    ["汇总日期", chineseDate(input.today)],
    ["评议规则", fingerprints.size <= 1 ? "合并的各单位使用相同的评议规则" : `注意：合并的各单位使用了 ${fingerprints.size} 套不同的评议规则，数字不完全可比`],
    [],
    [`合并的文件（${units.length} 个）`, UNIT_HEADER],
  ];
  const boldRows = [rows.length - 1];
  for (const u of units) rows.push([safe(u.file), safe(u.unit)]);
  if (rejected.length > 0) {
    rows.push([]);
    boldRows.push(rows.length);
    rows.push([`未合并的文件（${rejected.length} 个）`, "原因"]);
    for (const r of rejected) rows.push([safe(r.file), safe(describeError(r.error))]);
  }
  return {
    name: CONSOLIDATED_SHEETS.consolidatedAbout,
    kind: "consolidatedAbout",
    rows,
    headerRow: 0,
    boldRows,
    percentColumns: [],
    decimalColumns: [],
    widths: [30, 70],
    highlights: [],
    wrapColumns: [1],
  };
}

/** 评议-汇总技术信息 (hidden): the format, the consolidating unit, the date and the rule fingerprints merged. */
export function consolidatedTechnical(input: ConsolidationInput): SheetPlan {
  const fingerprints = [...new Set(input.units.map((u) => u.fingerprint))];
  return {
    name: CONSOLIDATED_SHEETS.consolidatedTechnical,
    kind: "consolidatedTechnical",
    hidden: "hidden",
    rows: [
      [TECHNICAL_SUBJECT],
      [ABOUT_KEYS.format, SUMMARY_FORMAT_VERSION],
      [ABOUT_KEYS.unit, safe(input.unitName)],
      [ABOUT_KEYS.today, input.today],
      [ABOUT_KEYS.fingerprint, fingerprints.join("、")],
    ],
    headerRow: 0,
    boldRows: [],
    percentColumns: [],
    decimalColumns: [],
    widths: [24, 60],
    highlights: [],
  };
}

/** The consolidation's sheets in order, laid out for printing: per unit (and its chart), per unit × branch, 说明, the technical sheet. */
export function buildConsolidationSheets(input: ConsolidationInput): SheetPlan[] {
  const sheets = [unitsSheet(input.units, input.unitName, input.today)];
  if (input.branches !== false) sheets.push(branchesSheet(input.units, input.unitName, input.today));
  sheets.push(consolidatedAbout(input), consolidatedTechnical(input));
  return sheets.map(withPrintLayout);
}
