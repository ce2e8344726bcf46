import type ExcelJS from "exceljs";
import type { CellRange, RawCell, SheetGrid, WorkbookInput } from "../../engine/types";
import { toRawCell } from "./cell-value";
import type { LeanRows, LeanWorkbook } from "./lean-sheet";
import { sheetMerges } from "./read";

/** Cells inside a merge other than its top-left one, by 0-based row: their value lives in the master. */
export function mergeSlaves(merges: CellRange[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      let cols = out.get(r);
      if (!cols) out.set(r, (cols = new Set()));
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) cols.add(c);
    }
  }
  return out;
}

/**
 * One lean sheet's used range (cells holding a value, plus merged regions) as a grid, the same
 * grid `sheetToGrid` makes. Number formats are kept only on rows that have one.
 */
export function leanSheetToGrid(ws: ExcelJS.Worksheet, rows: LeanRows): SheetGrid {
  const merges = sheetMerges(ws);
  const slaves = mergeSlaves(merges);
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const skip = slaves.get(r);
    for (let c = 0; c < row.values.length; c++) {
      const v = row.values[c];
      if (v === undefined || v === null || v === "" || skip?.has(c)) continue;
      const raw = toRawCell(v);
      if (raw === null || raw === "") continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  if (bottom < 0) return { name: ws.name, values: [], numberFormats: [], merges, origin: { row: 0, col: 0 } };
  const width = right - left + 1;
  const values: RawCell[][] = [];
  // a row without formats is left out (undefined): the engine reads formats only where a row has them
  const numberFormats: ((string | null)[] | undefined)[] = [];
  for (let r = top; r <= bottom; r++) {
    const out = new Array<RawCell>(width).fill(null);
    values.push(out);
    const row = rows[r];
    if (!row) {
      numberFormats.push(undefined);
      continue;
    }
    const skip = slaves.get(r);
    let formats: (string | null)[] | undefined;
    const end = Math.min(row.values.length, right + 1);
    for (let c = left; c < end; c++) {
      const v = row.values[c];
      if (v === undefined || v === null || skip?.has(c)) continue;
      const raw = toRawCell(v);
      if (raw === null || raw === "") continue;
      out[c - left] = raw;
      const format = row.styles?.[c]?.numFmt;
      if (format) {
        formats ??= new Array<string | null>(width).fill(null);
        formats[c - left] = format;
      }
    }
    numberFormats.push(formats);
  }
  return { name: ws.name, values, numberFormats: numberFormats as (string | null)[][], merges, origin: { row: top, col: left } };
}

/** The engine's input from a lean workbook, sheets in workbook order. */
export function leanInput(lean: LeanWorkbook): WorkbookInput {
  return { sheets: lean.workbook.worksheets.map((ws) => leanSheetToGrid(ws, lean.rows.get(ws) ?? [])) };
}
