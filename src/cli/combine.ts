import { BRANCH_COLUMNS, overCapCount, overCapTotal, type PlanCell } from "../engine";
import type { SummaryRow } from "./summary-file";

type Column = (typeof BRANCH_COLUMNS)[number];

/** Columns recomputed from others rather than added up. */
const DERIVED: ReadonlySet<Column> = new Set(["支部", "学习达标率", "平均学时", "平均满意度", "优秀超限"]);

const num = (value: PlanCell | undefined): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/** An average re-weighted by how many members it was taken over (平均学时 by 学时已录入 …). */
function weightedAverage(rows: readonly SummaryRow[], average: Column, weight: Column): number | null {
  let sum = 0;
  let count = 0;
  for (const row of rows) {
    const value = row[average];
    const n = num(row[weight]);
    if (typeof value === "number" && n > 0) {
      sum += value * n;
      count += n;
    }
  }
  return count > 0 ? sum / count : null;
}

/**
 * Adds up summary rows (units' 合计 rows, or branches) into one row: counts summed, averages
 * re-weighted by the 已录入 counts, the compliance rate recomputed, 优秀超限 as the number of
 * branches over their cap ("3 个支部超限") or 否.
 */
export function combineRows(rows: readonly SummaryRow[], label: string): SummaryRow {
  const out: SummaryRow = {};
  for (const column of BRANCH_COLUMNS) {
    if (!DERIVED.has(column)) out[column] = rows.reduce((s, row) => s + num(row[column]), 0);
  }
  out["支部"] = label;
  const entered = num(out["学时已录入"]);
  out["学习达标率"] = entered > 0 ? num(out["学习达标"]) / entered : null;
  out["平均学时"] = weightedAverage(rows, "平均学时", "学时已录入");
  out["平均满意度"] = weightedAverage(rows, "平均满意度", "满意度已录入");
  out["优秀超限"] = overCapTotal(rows.reduce((n, row) => n + overCapCount(row["优秀超限"]), 0));
  return out;
}
