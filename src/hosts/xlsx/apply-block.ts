import type ExcelJS from "exceljs";
import { RESULT_GROUP_HEADER, RESULT_HEADER_MARK, type ResultBlockPlan } from "../../engine/plan/types";
import { addHighlights, removeHighlightsIn } from "./conditional";
import { sheetMerges } from "./read";
import { GROUP_FILL, clearCell, styleHeader, writeValue } from "./styles";

function text(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const value = ws.getRow(row + 1).getCell(col + 1).value;
  return typeof value === "string" ? value : "";
}

function isOurs(ws: ExcelJS.Worksheet, row: number, col: number): boolean {
  return row >= 0 && text(ws, row, col).startsWith(RESULT_HEADER_MARK);
}

/** Columns of a previous run's block: marked headers from `firstColumn` rightwards. */
function previousWidth(ws: ExcelJS.Worksheet, headerRow: number, firstColumn: number): number {
  let width = 0;
  while (isOurs(ws, headerRow, firstColumn + width)) width++;
  return width;
}

/** Removes the previous run's group header (ours when it starts with the mark). */
function clearGroupHeader(ws: ExcelJS.Worksheet, row: number, col: number): void {
  if (!isOurs(ws, row, col)) return;
  const merge = sheetMerges(ws).find((m) => m.top === row && m.left === col);
  if (merge) ws.unMergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);
  const right = merge ? merge.right : col;
  for (let c = col; c <= right; c++) clearCell(ws.getRow(row + 1).getCell(c + 1));
}

function overlapsMerge(ws: ExcelJS.Worksheet, row: number, left: number, right: number): boolean {
  return sheetMerges(ws).some((m) => m.top <= row && m.bottom >= row && m.left <= right && m.right >= left);
}

/**
 * Writes one result block into its sheet: clears the previous run's block in place (values,
 * header styles, group header, conditional formats), then writes headers, rows and highlights.
 * Cells outside the old and new block are never written; a "" cell is cleared only where the
 * old block was.
 */
export function applyResultBlock(ws: ExcelJS.Worksheet, block: ResultBlockPlan): number {
  const { firstColumn: first, headerRow, headers, rows } = block;
  const oldWidth = previousWidth(ws, headerRow, first);
  const width = Math.max(oldWidth, headers.length);
  let written = 0;

  if (width > 0) removeHighlightsIn(ws, first, first + width - 1, headerRow);
  clearGroupHeader(ws, headerRow - 1, first);
  if (block.groupHeaderRow !== null && block.groupHeaderRow !== headerRow - 1) {
    clearGroupHeader(ws, block.groupHeaderRow, first);
  }

  const headerCells = ws.getRow(headerRow + 1);
  for (let c = 0; c < width; c++) {
    const cell = headerCells.getCell(first + c + 1);
    if (c < headers.length) {
      if (c < oldWidth) clearCell(cell);
      writeValue(cell, headers[c]);
      styleHeader(cell);
      written++;
    } else {
      clearCell(cell);
    }
  }

  rows.forEach((values, i) => {
    const row = ws.getRow(headerRow + 2 + i);
    for (let c = 0; c < width; c++) {
      const value = c < headers.length ? (values[c] ?? "") : "";
      const cell = row.getCell(first + c + 1);
      if (value !== "") {
        writeValue(cell, value);
        written++;
      } else if (c < oldWidth && cell.value !== null) {
        clearCell(cell);
      }
    }
  });

  const g = block.groupHeaderRow;
  const right = first + headers.length - 1;
  if (g !== null && g >= 0 && headers.length > 0 && !overlapsMerge(ws, g, first, right)) {
    const cell = ws.getRow(g + 1).getCell(first + 1);
    writeValue(cell, RESULT_GROUP_HEADER);
    styleHeader(cell, GROUP_FILL);
    if (right > first) ws.mergeCells(g + 1, first + 1, g + 1, right + 1);
    written++;
  }

  block.widths.forEach((w, i) => {
    if (i < headers.length && w > 0) ws.getColumn(first + i + 1).width = w;
  });
  const firstRow = headerRow + 1;
  const lastRow = headerRow + rows.length;
  for (const h of block.highlights) addHighlights(ws, first + h.column, firstRow, lastRow, h.rules);
  return written;
}
