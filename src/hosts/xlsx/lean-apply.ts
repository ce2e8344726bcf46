import type ExcelJS from "exceljs";
import { SHEET_MARK, type WorkbookPlan } from "../../engine/plan/types";
import type { ApplyReport } from "../host";
import { applyResultBlock, worksheetCells, type BlockCells } from "./apply-block";
import { claimSheetName, isOurSheet, writeSheetPlan } from "./apply-sheets";
import { hasCell, leanRow, leanValue, type LeanRows, type LeanWorkbook } from "./lean-sheet";
import { headerStyle } from "./styles";

/** BlockCells over a lean sheet's rows. */
export function leanCells(rows: LeanRows): BlockCells {
  return {
    text: (row, col) => {
      const value = leanValue(rows, row, col);
      return typeof value === "string" ? value : "";
    },
    hasValue: (row, col) => leanValue(rows, row, col) !== null,
    write: (row, col, value, fill) => {
      const target = leanRow(rows, row);
      target.values[col] = value;
      if (fill) (target.styles ??= [])[col] = headerStyle(target.styles[col], fill);
    },
    clear: (row, col) => {
      const target = rows[row];
      if (!target || !hasCell(target, col)) return;
      target.values[col] = null;
      if (target.styles) target.styles[col] = undefined;
    },
    merged: (row, left, right) => {
      const target = leanRow(rows, row);
      const style = target.styles?.[left];
      for (let c = left + 1; c <= right; c++) {
        if (target.values[c] === undefined) target.values[c] = null;
        if (style) (target.styles ??= [])[c] = style;
      }
    },
  };
}

/** True for a sheet we created, whether its rows are lean or its own. */
export function isOurLeanSheet(lean: LeanWorkbook, ws: ExcelJS.Worksheet): boolean {
  const rows = lean.rows.get(ws);
  if (!rows) return isOurSheet(ws);
  const value = leanValue(rows, 0, 0);
  return typeof value === "string" && value.startsWith(SHEET_MARK);
}

/** applyPlanXlsx for a lean workbook: result blocks into the lean rows, our sheets as exceljs sheets. */
export function applyPlanLean(lean: LeanWorkbook, plan: WorkbookPlan): ApplyReport {
  const { workbook } = lean;
  const report: ApplyReport = { resultSheets: [], sheets: [], cellsWritten: 0 };
  for (const block of plan.resultBlocks) {
    const ws = workbook.getWorksheet(block.sheet);
    if (!ws) continue;
    const rows = lean.rows.get(ws);
    report.cellsWritten += applyResultBlock(ws, block, rows ? leanCells(rows) : worksheetCells(ws));
    report.resultSheets.push(ws.name);
  }
  for (const sheet of plan.sheets) {
    const before = new Set(workbook.worksheets);
    const name = claimSheetName(workbook, sheet.name, (ws) => isOurLeanSheet(lean, ws));
    for (const ws of before) if (!workbook.worksheets.includes(ws)) lean.rows.delete(ws);
    const ws = workbook.addWorksheet(name);
    report.sheets.push(name);
    report.cellsWritten += writeSheetPlan(ws, sheet);
  }
  return report;
}
