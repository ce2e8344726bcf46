import type { DataIssue, SheetGrid } from "../types";
import { a1 } from "../address";
import { plain } from "./cell";
import { valueText } from "./values";

/** The data issues of the cells a host set aside far from a sheet's main block: one per listed cell, then how many more. */
export function setAsideIssues(grid: SheetGrid): DataIssue[] {
  const aside = grid.setAside;
  if (!aside || !Array.isArray(aside.cells)) return [];
  const issues: DataIssue[] = [];
  for (const cell of aside.cells) {
    if (!cell || !Number.isInteger(cell.row) || !Number.isInteger(cell.col) || cell.row < 0 || cell.col < 0) continue;
    const text = valueText(plain(cell.value));
    issues.push({ code: "CELL_SET_ASIDE", sheet: grid.name, cell: a1(cell.row, cell.col), ...(text ? { value: text } : {}), params: {} });
  }
  const total = Number.isInteger(aside.total) ? aside.total : issues.length;
  if (total > issues.length) issues.push({ code: "CELLS_SET_ASIDE_MORE", sheet: grid.name, cell: "", params: { count: total - issues.length, listed: issues.length } });
  return issues;
}
