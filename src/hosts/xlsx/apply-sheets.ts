import type ExcelJS from "exceljs";
import { SHEET_MARK, type SheetPlan } from "../../engine/plan/types";
import { addHighlights } from "./conditional";
import { writeSheetPlan } from "./sheet-plan";
import { installInternalLinks } from "./internal-links";

installInternalLinks();

/** True for a sheet we created: its A1 starts with SHEET_MARK. */
export function isOurSheet(ws: ExcelJS.Worksheet): boolean {
  const value = ws.getCell("A1").value;
  return typeof value === "string" && value.startsWith(SHEET_MARK);
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return workbook.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

/**
 * The name our sheet gets: the planned name, or "name(2)", "name(3)"… when a user sheet holds
 * it. An earlier sheet of ours under the chosen name is removed (it is replaced, never doubled).
 */
export function claimSheetName(workbook: ExcelJS.Workbook, name: string): string {
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? name : `${name}(${n})`;
    const existing = findSheet(workbook, candidate);
    if (!existing) return candidate;
    if (isOurSheet(existing)) {
      workbook.removeWorksheet(existing.id);
      return candidate;
    }
  }
  throw new Error(`no free sheet name for ${name}`);
}

/** Replaces (or adds) one of our sheets; returns the name used and the cells written. */
export function applySheetPlan(workbook: ExcelJS.Workbook, plan: SheetPlan): { name: string; cellsWritten: number } {
  const name = claimSheetName(workbook, plan.name);
  const ws = workbook.addWorksheet(name);
  return { name, cellsWritten: writeSheetPlan(ws, plan, addHighlights) };
}
