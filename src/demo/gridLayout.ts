import type { Rect } from "../hosts/office/address";

/** Row height of the grid, in px; every row has it, so a row's position is its index times this. */
export const ROW_HEIGHT = 24;
/** Width of the row-number column, in px. */
export const ROW_NUMBER_WIDTH = 44;
/** Excel's default column: 8.43 characters, 64 px. */
export const DEFAULT_COLUMN_PX = 64;
/** Above this many rows only the visible ones (plus a margin) are rendered. */
export const VIRTUALISE_ABOVE = 400;
export const OVERSCAN = 15;
/** More frozen rows than this would leave too little room to scroll; the sheet is then not frozen. */
export const MAX_FROZEN_ROWS = 8;

/** Column widths in px from widths in points (the memory workbook's unit), Excel's default where none is set. */
export function columnPixels(widthsInPoints: ReadonlyMap<number, number>, count: number): number[] {
  return Array.from({ length: count }, (_, c) => {
    const points = widthsInPoints.get(c);
    return points && points > 0 ? Math.max(8, Math.round((points * 4) / 3)) : DEFAULT_COLUMN_PX;
  });
}

/** Empty columns always drawn right of the used range, as Excel's grid runs on. */
export const FILLER_COLUMNS = 3;

/**
 * The used columns' widths, then empty default columns until the grid fills `room` px (and at
 * least FILLER_COLUMNS of them): a note in the last used column runs on over them as in Excel
 * instead of being cut at the used range.
 */
export function withFillerColumns(widths: readonly number[], room: number): number[] {
  const out = [...widths];
  let total = widths.reduce((sum, w) => sum + w, 0);
  while (out.length < widths.length + FILLER_COLUMNS || total < room) {
    out.push(DEFAULT_COLUMN_PX);
    total += DEFAULT_COLUMN_PX;
  }
  return out;
}

/** The row-number column: wide enough for the last row's number. */
export function rowNumberWidth(rowCount: number): number {
  return Math.max(ROW_NUMBER_WIDTH, String(rowCount).length * 8 + 14);
}

/** Left edge of each column (after the row-number column), and the total width as the last entry. */
export function columnOffsets(widths: readonly number[], numbers = ROW_NUMBER_WIDTH): number[] {
  const out = [numbers];
  for (const w of widths) out.push(out[out.length - 1] + w);
  return out;
}

/**
 * Rows kept in view at the top: the sheet's own frozen rows, or the recognised header row and
 * everything above it, whichever is more — none when that would fill the view.
 */
export function frozenRowCount(sheetFrozen: number, headerRowsAbove: number | undefined, rowCount: number): number {
  const wanted = Math.max(sheetFrozen, headerRowsAbove ?? 0);
  return wanted > MAX_FROZEN_ROWS || wanted >= rowCount ? 0 : wanted;
}

/** Body rows to render for a scroll position: all of them for a small sheet, the visible window plus a margin for a big one. */
export function visibleRows(rowCount: number, frozen: number, scrollTop: number, viewport: number): { first: number; last: number } {
  if (rowCount - frozen <= VIRTUALISE_ABOVE) return { first: frozen, last: rowCount - 1 };
  // the frozen rows cover the top of the view, so body row i shows once scrollTop reaches (i - frozen) rows
  const first = frozen + Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount - 1, frozen + Math.ceil(Math.max(0, scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  return { first: Math.min(first, rowCount - 1), last };
}

/** Merged areas by each cell they cover ("row,col"), for drawing merged titles and group headers. */
export class MergeIndex {
  private readonly byCell = new Map<string, Rect>();

  constructor(merges: readonly Rect[]) {
    for (const m of merges) {
      const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (cells < 2 || cells > 20_000) continue;
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.byCell.set(`${r},${c}`, m);
    }
  }

  /**
   * How cell (row, col) is drawn when only rows from..to are rendered: as the top-left of a
   * (clipped) merged area with its spans, as covered (not drawn), or as a plain cell.
   */
  at(row: number, col: number, from: number, to: number): { rowSpan: number; colSpan: number } | "covered" | null {
    const m = this.byCell.get(`${row},${col}`);
    if (!m) return null;
    const top = Math.max(m.top, from);
    const bottom = Math.min(m.bottom, to);
    if (row !== top || col !== m.left) return "covered";
    return { rowSpan: bottom - top + 1, colSpan: m.right - m.left + 1 };
  }
}

/** Where to scroll so that `column` is the first one right of the frozen columns. */
export function scrollLeftFor(offsets: readonly number[], column: number, frozenWidth: number): number {
  const left = offsets[Math.min(column, offsets.length - 1)] ?? 0;
  return Math.max(0, left - frozenWidth - 8);
}
