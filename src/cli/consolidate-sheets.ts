import {
  ABOUT_KEYS,
  BRANCH_COLUMNS,
  ENTERED_COLUMNS,
  OVER_CAP,
  SHEET_MARK,
  SUMMARY_FORMAT_VERSION,
  TOTAL_LABEL,
  safeText,
  type PlanCell,
  type SheetPlan,
} from "../engine";
import { combineRows, enteredCell } from "./combine";
import type { SummaryRow, UnitSummary } from "./summary-file";

export const CONSOLIDATED_SHEETS = { units: "评议-单位汇总", branches: "评议-各单位支部", about: "评议-说明" } as const;
export const UNIT_HEADER = "单位";


function widthsFor(rows: PlanCell[][], headerRow: number): number[] {
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = new Array<number>(columns).fill(8);
  for (const row of rows.slice(headerRow)) {
    row.forEach((value, c) => {
      const text = typeof value === "number" ? value.toFixed(1) : (value ?? "");
      let w = 2;
      for (const ch of text) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
      widths[c] = Math.min(40, Math.max(widths[c], w));
    });
  }
  return widths;
}

function table(name: string, title: string, headers: string[], rows: PlanCell[][], withTotal: boolean, offset: number): SheetPlan {
  const all: PlanCell[][] = [[title], headers, ...rows];
  const at = (column: string) => BRANCH_COLUMNS.indexOf(column as (typeof BRANCH_COLUMNS)[number]) + offset;
  return {
    name,
    kind: "branches",
    rows: all,
    headerRow: 1,
    boldRows: withTotal ? [all.length - 1] : [],
    percentColumns: [at("学习达标率")],
    decimalColumns: [at("平均学时"), at("平均满意度")],
    widths: widthsFor(all, 1),
    highlights: [{ column: at("优秀超限"), rules: OVER_CAP }],
  };
}

/** Text read from a unit's file or typed on the command line: never a formula in our sheets. */
const safe = (value: PlanCell | undefined): PlanCell => (typeof value === "string" ? safeText(value) : (value ?? null));

const ENTERED: ReadonlySet<string> = new Set(ENTERED_COLUMNS);

/** A row's cells after 支部; the 已录入 columns always as "n / N", an older summary's bare count included. */
const values = (row: SummaryRow): PlanCell[] =>
  BRANCH_COLUMNS.slice(1).map((column) => (ENTERED.has(column) ? enteredCell(row, column as (typeof ENTERED_COLUMNS)[number]) : (row[column] ?? null)));

/** 评议-单位汇总: one row per unit (its 合计 row) and a 合计 row over all units. */
export function unitsSheet(units: readonly UnitSummary[], title: string): SheetPlan {
  const rows = units.map((u) => [safe(u.unit), ...values(u.total)]);
  rows.push([TOTAL_LABEL, ...values(combineRows(units.map((u) => u.total), TOTAL_LABEL))]);
  return table(CONSOLIDATED_SHEETS.units, title, [UNIT_HEADER, ...BRANCH_COLUMNS.slice(1)], rows, true, 0);
}

/** 评议-各单位支部: every unit's branch rows, unit first. */
export function branchesSheet(units: readonly UnitSummary[], title: string): SheetPlan {
  const rows = units.flatMap((u) => u.branches.map((b) => [safe(u.unit), safe(b["支部"] ?? ""), ...values(b)]));
  return table(CONSOLIDATED_SHEETS.branches, title, [UNIT_HEADER, ...BRANCH_COLUMNS], rows, false, 1);
}

/** 评议-说明 of the consolidated workbook: which files and rule fingerprints went in. */
export function consolidatedAbout(units: readonly UnitSummary[], unitName: string, today: string): SheetPlan {
  const fingerprints = [...new Set(units.map((u) => u.fingerprint))];
  const rows: PlanCell[][] = [
    [`${SHEET_MARK} · 说明 · 汇总（${today}）`],
    [ABOUT_KEYS.format, SUMMARY_FORMAT_VERSION],
    [ABOUT_KEYS.unit, safe(unitName)],
    [ABOUT_KEYS.today, today],
    [ABOUT_KEYS.fingerprint, fingerprints.join("、")],
    [],
    ["合并的文件", "单位"],
    ...units.map((u) => [safe(u.file), safe(u.unit)]),
  ];
  return {
    name: CONSOLIDATED_SHEETS.about,
    kind: "about",
    rows,
    headerRow: 0,
    boldRows: [6],
    percentColumns: [],
    decimalColumns: [],
    widths: [28, 40],
    highlights: [],
  };
}
