import { BRANCH_COLUMNS, ENTERED_COLUMNS, type PlanCell } from "../plan/types";
import { enteredText, overCapCount, overCapTotal, parseEntered } from "../plan/branchSheet";
import type { SummaryRow } from "./summary";

type Column = (typeof BRANCH_COLUMNS)[number];
type EnteredColumn = (typeof ENTERED_COLUMNS)[number];

/** Columns recomputed from others rather than added up. */
const DERIVED: ReadonlySet<Column> = new Set<Column>(["支部", "学习达标率", "平均学时", "平均满意度", "优秀超限", ...ENTERED_COLUMNS]);

const num = (value: PlanCell | undefined): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/**
 * An …已录入 cell's n and N: "8 / 10" as written, or an older summary's bare count n with its
 * row's 党员数 as N; null when the row has no such column (a summary older than the column).
 */
export function enteredOf(row: SummaryRow, column: EnteredColumn): { entered: number; of: number } | null {
  const parsed = parseEntered(row[column]);
  if (parsed === null) return null;
  return { entered: parsed.entered, of: parsed.of ?? num(row["党员数"]) };
}

/** An …已录入 cell as the summaries write it ("8 / 10"), whatever age of summary the row was read from. */
export function enteredCell(row: SummaryRow, column: EnteredColumn): PlanCell {
  const e = enteredOf(row, column);
  return e === null ? null : enteredText(e.entered, e.of);
}

/** An average re-weighted by how many members it was taken over (平均学时 by 学时已录入 …). */
function weightedAverage(rows: readonly SummaryRow[], average: Column, weight: EnteredColumn): number | null {
  let sum = 0;
  let count = 0;
  for (const row of rows) {
    const value = row[average];
    const n = enteredOf(row, weight)?.entered ?? 0;
    if (typeof value === "number" && n > 0) {
      sum += value * n;
      count += n;
    }
  }
  return count > 0 ? sum / count : null;
}

/**
 * Adds up summary rows (units' 合计 rows, or branches) into one row: counts summed, the
 * 已录入 columns as "n / N" summed over the rows that have them, averages re-weighted by the
 * 已录入 counts, the compliance rate recomputed, 优秀超限 as the number of branches over their
 * cap ("3 个支部超限") or 否.
 */
export function combineRows(rows: readonly SummaryRow[], label: string): SummaryRow {
  const out: SummaryRow = {};
  for (const column of BRANCH_COLUMNS) {
    if (!DERIVED.has(column)) out[column] = rows.reduce((s, row) => s + num(row[column]), 0);
  }
  out["支部"] = label;
  for (const column of ENTERED_COLUMNS) {
    const parts = rows.map((row) => enteredOf(row, column)).filter((e) => e !== null);
    out[column] = parts.length === 0 ? null : enteredText(parts.reduce((s, e) => s + e.entered, 0), parts.reduce((s, e) => s + e.of, 0));
  }
  const entered = enteredOf(out, "学时已录入")?.entered ?? 0;
  out["学习达标率"] = entered > 0 ? num(out["学习达标"]) / entered : null;
  out["平均学时"] = weightedAverage(rows, "平均学时", "学时已录入");
  out["平均满意度"] = weightedAverage(rows, "平均满意度", "满意度已录入");
  out["优秀超限"] = overCapTotal(rows.reduce((n, row) => n + overCapCount(row["优秀超限"]), 0));
  return out;
}
