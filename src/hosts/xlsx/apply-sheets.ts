import type ExcelJS from "exceljs";
import { SHEET_MARK, type SheetPlan } from "../../engine/plan/types";
import { addHighlights } from "./conditional";
import { styleHeader, writeValue } from "./styles";

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

/** Adds one of our sheets (title, header, rows, formats) and returns the cells written. */
export function writeSheetPlan(ws: ExcelJS.Worksheet, plan: SheetPlan): number {
  let written = 0;
  const percent = new Set(plan.percentColumns);
  const decimal = new Set(plan.decimalColumns);
  const bold = new Set(plan.boldRows);
  plan.rows.forEach((values, r) => {
    const row = ws.getRow(r + 1);
    values.forEach((value, c) => {
      if (value === null || value === undefined || value === "") return;
      const cell = row.getCell(c + 1);
      writeValue(cell, value);
      written++;
      if (r > plan.headerRow && typeof value === "number") {
        if (percent.has(c)) cell.numFmt = "0.0%";
        else if (decimal.has(c)) cell.numFmt = "0.0";
      }
      if (r === plan.headerRow) styleHeader(cell);
      else if (bold.has(r)) cell.font = { bold: true };
    });
  });
  const title = ws.getCell("A1");
  title.font = { bold: true, size: 14 };
  plan.widths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: plan.headerRow + 1 }];
  const lastRow = plan.rows.length - 1;
  for (const h of plan.highlights) addHighlights(ws, h.column, plan.headerRow + 1, lastRow, h.rules);
  return written;
}

/** Replaces (or adds) one of our sheets; returns the name used and the cells written. */
export function applySheetPlan(workbook: ExcelJS.Workbook, plan: SheetPlan): { name: string; cellsWritten: number } {
  const name = claimSheetName(workbook, plan.name);
  const ws = workbook.addWorksheet(name);
  return { name, cellsWritten: writeSheetPlan(ws, plan) };
}
