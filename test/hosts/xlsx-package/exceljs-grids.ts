import type { CellValue } from "exceljs";
import ExcelJS from "exceljs";
import type { RawCell, SheetGrid, WorkbookInput } from "../../../src/engine/types";
import { loadWorkbook, sheetMerges } from "../../../src/hosts/xlsx";

/**
 * How the command line read workbooks before it read the package XML itself: exceljs loads
 * the whole workbook and each sheet's cells become a grid. Kept here as the reference the
 * streaming reader must agree with, cell for cell.
 */

/**
 * Turns an exceljs cell value into what the engine reads: rich text → its text, formula → its
 * cached result (or `{ formula }` when it has none), hyperlink → its text, an error → `{ error: "#N/A" }`, a Date stays a Date.
 */
export function toRawCell(value: CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return value;
  if (value instanceof Date) return value;
  const v = value as unknown as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return (v.richText as { text?: unknown }[]).map((part) => String(part.text ?? "")).join("");
  }
  if ("formula" in v || "sharedFormula" in v) {
    const result = "result" in v ? toRawCell(v.result as CellValue) : null;
    // A formula is the user's cell even with an empty or never-calculated result: keep it, so
    // the engine sees the cell taken (no value to read) and never puts a result block over it.
    return result === null || result === "" ? { formula: String(v.formula ?? v.sharedFormula ?? "") } : result;
  }
  if ("hyperlink" in v || "text" in v) {
    const text = v.text;
    if (text && typeof text === "object") return toRawCell(text as CellValue);
    return text === undefined ? null : String(text);
  }
  if (typeof v.error === "string") return { error: v.error };
  return null;
}

/** One worksheet's used range (cells holding a value, plus merged regions) as a grid. */
export function sheetToGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const merges = sheetMerges(worksheet);
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const cells: { row: number; col: number; value: RawCell; format: string | null }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // a merged cell's value lives in its master
      const value = toRawCell(cell.value);
      if (value === null || value === "") return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      cells.push({ row: r, col: c, value, format: cell.numFmt ?? null });
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    });
  });
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  if (bottom < 0) return { name: worksheet.name, values: [], numberFormats: [], merges, origin: { row: 0, col: 0 } };
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: RawCell[][] = Array.from({ length: height }, () => new Array<RawCell>(width).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  for (const cell of cells) {
    values[cell.row - top][cell.col - left] = cell.value;
    numberFormats[cell.row - top][cell.col - left] = cell.format;
  }
  return { name: worksheet.name, values, numberFormats, merges, origin: { row: top, col: left } };
}

/** Every worksheet of an .xlsx file as grids, read with exceljs. */
export async function readWithExceljs(file: string): Promise<WorkbookInput> {
  const workbook = await loadWorkbook(file);
  return { sheets: workbook.worksheets.map(sheetToGrid) };
}
