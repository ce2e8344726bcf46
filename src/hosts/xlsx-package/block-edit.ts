import { RESULT_GROUP_HEADER, isGroupHeaderText, type Highlight, type ResultBlockPlan } from "../../engine/plan/types";
import type { CellRange, SheetGrid } from "../../engine/types";
import type { Area } from "./cell-address";

/**
 * What writing one result block changes in its sheet, worked out from the sheet's grid before
 * the grid is let go: a previous run's block (its width, group header and merge) is replaced in
 * place; cells outside the old and new block are never touched.
 */
export interface BlockEdit {
  block: ResultBlockPlan;
  /** Columns of a previous run's block (marked headers from the first column on). */
  oldWidth: number;
  /** Columns the edit covers: the wider of the old and the new block. */
  width: number;
  /** Rows whose previous group header is cleared, from the first column to `right`. */
  groupClears: { row: number; right: number }[];
  /** Merges of a previous group header, dropped. */
  dropMerges: Area[];
  /** Where the new group header goes, and its merge (null for a one-column block). */
  groupHeader: { row: number; merge: Area | null } | null;
  /** Every row the edit touches lies in [firstRow, lastRow]. */
  firstRow: number;
  lastRow: number;
}

function textAt(grid: SheetGrid, row: number, col: number): string {
  const o = grid.origin ?? { row: 0, col: 0 };
  const value = grid.values[row - o.row]?.[col - o.col];
  return typeof value === "string" ? value : "";
}

const sameArea = (a: Area, b: Area) => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

export function prepareBlockEdit(grid: SheetGrid, block: ResultBlockPlan): BlockEdit {
  const { firstColumn: first, headerRow, headers } = block;
  const ours = (row: number, col: number) => row >= 0 && isGroupHeaderText(textAt(grid, row, col));
  const oldWidth = block.previousWidth;
  const merges: CellRange[] = [...(grid.merges ?? [])];
  const groupClears: BlockEdit["groupClears"] = [];
  const dropMerges: Area[] = [];
  const clearGroup = (row: number) => {
    if (!ours(row, first)) return;
    const merge = merges.find((m) => m.top === row && m.left === first);
    if (merge) {
      dropMerges.push(merge);
      merges.splice(merges.indexOf(merge), 1);
    }
    groupClears.push({ row, right: merge ? merge.right : first });
  };
  clearGroup(headerRow - 1);
  if (block.groupHeaderRow !== null && block.groupHeaderRow !== headerRow - 1) clearGroup(block.groupHeaderRow);

  const g = block.groupHeaderRow;
  const right = first + headers.length - 1;
  const overlaps = g !== null && merges.some((m) => m.top <= g && m.bottom >= g && m.left <= right && m.right >= first);
  const groupHeader = g !== null && g >= 0 && headers.length > 0 && !overlaps ? { row: g, merge: right > first ? { top: g, left: first, bottom: g, right } : null } : null;
  const rows = [headerRow, headerRow + block.rows.length, ...groupClears.map((c) => c.row)];
  if (groupHeader) rows.push(groupHeader.row);
  return {
    block,
    oldWidth,
    width: Math.max(oldWidth, headers.length),
    groupClears,
    dropMerges: dropMerges.filter((m, i) => dropMerges.findIndex((n) => sameArea(m, n)) === i),
    groupHeader,
    firstRow: Math.min(...rows),
    lastRow: Math.max(...rows),
  };
}

/** One of our cells in a row: its column, text and style (null: keep the style of the cell it replaces). */
export interface OurCell {
  col: number;
  text: string;
  style: number | null;
}

export interface RowEdit {
  /** Our cells, left to right. */
  cells: OurCell[];
  /** True when an existing cell in this column goes (our cells replace theirs anyway). */
  drops(col: number, hasValue: boolean): boolean;
}

export interface BlockStyles {
  header: number;
  group: number;
  dxf: Record<Highlight, number>;
}

/** The change to one 0-based sheet row, or null when the block leaves it alone. */
export function rowEdit(edit: BlockEdit, row: number, styles: BlockStyles): RowEdit | null {
  if (row < edit.firstRow || row > edit.lastRow) return null;
  const { firstColumn: first, headerRow, headers, rows } = edit.block;
  const cells: OurCell[] = [];
  const clears: [number, number][] = [];
  let clearIfValue: [number, number] | null = null;
  for (const clear of edit.groupClears) if (clear.row === row) clears.push([first, clear.right]);
  if (edit.groupHeader?.row === row) cells.push({ col: first, text: RESULT_GROUP_HEADER, style: styles.group });
  if (row === headerRow) {
    headers.forEach((text, c) => cells.push({ col: first + c, text, style: styles.header }));
    if (edit.width > headers.length) clears.push([first + headers.length, first + edit.width - 1]);
  } else if (row > headerRow && row <= headerRow + rows.length) {
    const values = rows[row - headerRow - 1];
    for (let c = 0; c < headers.length; c++) {
      const text = values[c] ?? "";
      if (text !== "") cells.push({ col: first + c, text, style: null });
    }
    if (edit.oldWidth > 0) clearIfValue = [first, first + edit.oldWidth - 1];
  }
  if (cells.length === 0 && clears.length === 0 && clearIfValue === null) return null;
  return {
    cells,
    drops: (col, hasValue) => clears.some(([a, b]) => col >= a && col <= b) || (hasValue && clearIfValue !== null && col >= clearIfValue[0] && col <= clearIfValue[1]),
  };
}

/** The sheet area the block's cells cover (for the sheet's dimension). */
export function blockArea(edit: BlockEdit): Area {
  const { firstColumn: first, headerRow, rows } = edit.block;
  return { top: edit.firstRow, left: first, bottom: Math.max(edit.lastRow, headerRow + rows.length), right: first + Math.max(edit.width, 1) - 1 };
}

/** The edit of each result block of a plan, by sheet name, from the grids the plan was made of. */
export function blockEdits(input: { sheets: SheetGrid[] }, blocks: readonly ResultBlockPlan[]): Map<string, BlockEdit> {
  const edits = new Map<string, BlockEdit>();
  for (const block of blocks) {
    const grid = input.sheets.find((sheet) => sheet.name === block.sheet);
    if (grid && !edits.has(block.sheet)) edits.set(block.sheet, prepareBlockEdit(grid, block));
  }
  return edits;
}
