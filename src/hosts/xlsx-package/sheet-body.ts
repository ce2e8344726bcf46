/**
 * Where a sheet's content lies. A grid for the engine costs memory for every row and column
 * between its corners, so one stray value far from the rest (XFD4 beside a roster in A:K, or
 * XFD1048576 in a notes sheet) must not widen it: the sheet's main block is the run of rows and
 * the run of columns holding the most cells, runs being split by long stretches of empty rows or
 * columns, and what lies outside it is set aside and reported.
 */

/** Excel's last row and column, 0-based (1,048,576 rows × 16,384 columns, XFD1048576). */
export const LAST_ROW = 1_048_575;
export const LAST_COL = 16_383;

/** More empty columns than this (the width of an old .xls sheet) part a cell from the main block. */
export const FAR_COLUMNS = 256;
/** More empty rows than this (the height of an old .xls sheet) part a cell from the main block. */
export const FAR_ROWS = 65_536;

/** A cell the grid leaves out: its 0-based sheet position and value. */
export interface FarCell {
  row: number;
  col: number;
  value: unknown;
}

export interface Span {
  first: number;
  last: number;
}

/**
 * The run of used indexes that holds the most cells, runs being split where more than `gap`
 * unused indexes lie between two used ones (ties: the first run). `count(i)` is the number of
 * cells at index i; null when nothing is used.
 */
export function mainSpan(length: number, count: (i: number) => number, gap: number): Span | null {
  let best: Span | null = null;
  let bestCells = 0;
  let first = -1;
  let last = -1;
  let cells = 0;
  const close = () => {
    if (first >= 0 && cells > bestCells) {
      best = { first, last };
      bestCells = cells;
    }
  };
  for (let i = 0; i < length; i++) {
    const n = count(i);
    if (n <= 0) continue;
    if (first >= 0 && i - last - 1 > gap) {
      close();
      first = -1;
    }
    if (first < 0) {
      first = i;
      cells = 0;
    }
    last = i;
    cells += n;
  }
  close();
  return best;
}
