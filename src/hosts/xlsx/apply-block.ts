import type ExcelJS from "exceljs";
import { RESULT_GROUP_HEADER, RESULT_HEADER_MARK, type ResultBlockPlan } from "../../engine/plan/types";
import { addHighlights, removeHighlightsIn } from "./conditional";
import { sheetMerges } from "./read";
import { GROUP_FILL, HEADER_FILL, clearCell, styleHeader, writeValue } from "./styles";

/** The cells a result block reads and writes, 0-based; sheet-level parts stay on the worksheet. */
export interface BlockCells {
  /** The cell's text ("" unless it holds a string). */
  text(row: number, col: number): string;
  hasValue(row: number, col: number): boolean;
  /** Writes a value; with a fill, also styles the cell as one of our headers. */
  write(row: number, col: number, value: string | number, fill?: ExcelJS.Fill): void;
  /** Empties a cell we wrote earlier: value and our styling. */
  clear(row: number, col: number): void;
  /** After a merge on the worksheet: gives the covered cells the master's style, as exceljs's merge does to its own cells. */
  merged?(row: number, left: number, right: number): void;
}

/** BlockCells over a loaded worksheet's own cells. */
export function worksheetCells(ws: ExcelJS.Worksheet): BlockCells {
  const cell = (row: number, col: number) => ws.getRow(row + 1).getCell(col + 1);
  return {
    text: (row, col) => {
      const value = cell(row, col).value;
      return typeof value === "string" ? value : "";
    },
    hasValue: (row, col) => cell(row, col).value !== null,
    write: (row, col, value, fill) => {
      const target = cell(row, col);
      writeValue(target, value);
      if (fill) styleHeader(target, fill);
    },
    clear: (row, col) => clearCell(cell(row, col)),
  };
}

function isOurs(cells: BlockCells, row: number, col: number): boolean {
  return row >= 0 && cells.text(row, col).startsWith(RESULT_HEADER_MARK);
}

/** Columns of a previous run's block: marked headers from `firstColumn` rightwards. */
function previousWidth(cells: BlockCells, headerRow: number, firstColumn: number): number {
  let width = 0;
  while (isOurs(cells, headerRow, firstColumn + width)) width++;
  return width;
}

/** Removes the previous run's group header (ours when it starts with the mark). */
function clearGroupHeader(ws: ExcelJS.Worksheet, cells: BlockCells, row: number, col: number): void {
  if (!isOurs(cells, row, col)) return;
  const merge = sheetMerges(ws).find((m) => m.top === row && m.left === col);
  if (merge) ws.unMergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);
  const right = merge ? merge.right : col;
  for (let c = col; c <= right; c++) cells.clear(row, c);
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
export function applyResultBlock(ws: ExcelJS.Worksheet, block: ResultBlockPlan, cells: BlockCells = worksheetCells(ws)): number {
  const { firstColumn: first, headerRow, headers, rows } = block;
  const oldWidth = previousWidth(cells, headerRow, first);
  const width = Math.max(oldWidth, headers.length);
  let written = 0;

  if (width > 0) removeHighlightsIn(ws, first, first + width - 1, headerRow);
  clearGroupHeader(ws, cells, headerRow - 1, first);
  if (block.groupHeaderRow !== null && block.groupHeaderRow !== headerRow - 1) {
    clearGroupHeader(ws, cells, block.groupHeaderRow, first);
  }

  for (let c = 0; c < width; c++) {
    if (c < headers.length) {
      if (c < oldWidth) cells.clear(headerRow, first + c);
      cells.write(headerRow, first + c, headers[c], HEADER_FILL);
      written++;
    } else {
      cells.clear(headerRow, first + c);
    }
  }

  rows.forEach((values, i) => {
    const row = headerRow + 1 + i;
    for (let c = 0; c < width; c++) {
      const value = c < headers.length ? (values[c] ?? "") : "";
      if (value !== "") {
        cells.write(row, first + c, value);
        written++;
      } else if (c < oldWidth && cells.hasValue(row, first + c)) {
        cells.clear(row, first + c);
      }
    }
  });

  const g = block.groupHeaderRow;
  const right = first + headers.length - 1;
  if (g !== null && g >= 0 && headers.length > 0 && !overlapsMerge(ws, g, first, right)) {
    cells.write(g, first, RESULT_GROUP_HEADER, GROUP_FILL);
    if (right > first) {
      ws.mergeCells(g + 1, first + 1, g + 1, right + 1);
      cells.merged?.(g, first, right);
    }
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
