import { RESULT_GROUP_HEADER, RESULT_HEADER_MARK, SHEET_MARK, type ResultBlockPlan, type WorkbookPlan } from "../../src/engine/plan/types";
import type { RunResult } from "../../src/engine";
import type { CellRange, SheetGrid, WorkbookInput } from "../../src/engine/types";
import { a1 } from "../../src/engine/address";

/** A cell the user filled: anything but nothing, "" or spaces (a formula without a result counts). */
export function isUserCell(raw: unknown): boolean {
  if (raw === null || raw === undefined) return false;
  if (typeof raw === "string") return raw.trim() !== "";
  const runs = typeof raw === "object" ? (raw as { richText?: unknown }).richText : undefined;
  if (Array.isArray(runs)) return runs.some((run) => typeof run?.text === "string" && run.text.trim() !== "");
  return true;
}

/** A sheet's cells in sheet coordinates (origin applied), as a lookup. */
export function cellAt(grid: SheetGrid, row: number, col: number): unknown {
  const o = grid.origin ?? { row: 0, col: 0 };
  const r = grid.values[row - o.row];
  return Array.isArray(r) ? r[col - o.col] : undefined;
}

function validMerges(grid: SheetGrid): CellRange[] {
  return (grid.merges ?? []).filter((m) => m && [m.top, m.left, m.bottom, m.right].every((n) => Number.isInteger(n)));
}

/** Every sheet cell a block writes: headers, rows and (when planned) the group header row. */
export function blockCells(block: ResultBlockPlan): { row: number; col: number; what: string }[] {
  const out: { row: number; col: number; what: string }[] = [];
  const width = block.headers.length;
  for (let c = 0; c < width; c++) out.push({ row: block.headerRow, col: block.firstColumn + c, what: "header" });
  block.rows.forEach((_, i) => {
    for (let c = 0; c < width; c++) out.push({ row: block.headerRow + 1 + i, col: block.firstColumn + c, what: "row" });
  });
  if (block.groupHeaderRow !== null) {
    for (let c = 0; c < width; c++) out.push({ row: block.groupHeaderRow, col: block.firstColumn + c, what: "group" });
  }
  return out;
}

/**
 * The plan writes nowhere but its own block: each block starts at or right of the table's
 * user columns, and no cell it covers holds a user value or lies in a user's merged region.
 * Returns the violations (empty when the plan is clean), so a failing case says where.
 */
export function planViolations(input: WorkbookInput, result: RunResult, ours: ReadonlySet<string> = new Set()): string[] {
  const problems: string[] = [];
  for (const block of result.plan.resultBlocks) {
    const table = result.tables.find((t) => t.isRoster && t.sheet === block.sheet);
    const grid = input.sheets.find((s) => s.name === block.sheet);
    if (!table || !grid) {
      problems.push(`block on ${block.sheet} has no roster table`);
      continue;
    }
    // a fresh block goes right of everything the user wrote; a previous block replaced in place
    // may have the user's columns after it, so there the cell checks below decide
    if (table.resultBlockStart === undefined && block.firstColumn < table.userColumnEnd) problems.push(`${block.sheet}: block at column ${block.firstColumn} < userColumnEnd ${table.userColumnEnd}`);
    if (block.rows.some((r) => r.length !== block.headers.length)) problems.push(`${block.sheet}: ragged block rows`);
    const marked = (row: number, col: number) => {
      const v = cellAt(grid, row, col);
      return typeof v === "string" && v.startsWith(RESULT_HEADER_MARK);
    };
    // a previous run's block (marked headers from firstColumn on) is ours to replace
    let oldWidth = 0;
    while (marked(block.headerRow, block.firstColumn + oldWidth)) oldWidth++;
    const merges = validMerges(grid).filter((m) => !marked(m.top, m.left));
    for (const { row, col, what } of blockCells(block)) {
      if (ours.has(`${block.sheet}!${row},${col}`)) continue;
      if (row >= block.headerRow && col < block.firstColumn + oldWidth) continue;
      if (marked(row, col)) continue;
      const value = cellAt(grid, row, col);
      if (isUserCell(value)) problems.push(`${block.sheet}!${a1(row, col)} (${what}) holds ${JSON.stringify(value)}`);
      const merge = merges.find((m) => m.top <= row && m.bottom >= row && m.left <= col && m.right >= col);
      if (merge) problems.push(`${block.sheet}!${a1(row, col)} (${what}) lies in the user's merge ${a1(merge.top, merge.left)}:${a1(merge.bottom, merge.right)}`);
    }
  }
  return problems;
}

/** A sheet grid in plain sheet coordinates (origin 0,0), rows copied. */
function absolute(grid: SheetGrid): SheetGrid {
  const o = grid.origin ?? { row: 0, col: 0 };
  const values: unknown[][] = [];
  for (let r = 0; r < o.row; r++) values.push([]);
  for (const row of grid.values) values.push(Array.isArray(row) ? [...new Array(o.col).fill(null), ...row] : []);
  const formats = grid.numberFormats?.map((row) => (Array.isArray(row) ? [...new Array(o.col).fill(null), ...row] : []));
  const numberFormats = formats ? [...Array.from({ length: o.row }, () => []), ...formats] : undefined;
  return { name: grid.name, values, ...(numberFormats ? { numberFormats } : {}), merges: [...(grid.merges ?? [])], origin: { row: 0, col: 0 } };
}

function put(values: unknown[][], row: number, col: number, value: unknown): void {
  if (value === null && (values[row]?.[col] ?? null) === null) return;
  while (values.length <= row) values.push([]);
  const r = values[row];
  while (r.length < col) r.push(null);
  r[col] = value;
}

/**
 * What a host does with a plan, on plain grids: blocks written in place (a previous block's
 * group header and merge replaced), "" clearing a cell, our sheets added or replaced (a user
 * sheet of the same name is kept and ours goes to "name(2)").
 */
export function applyPlanToInput(input: WorkbookInput, plan: WorkbookPlan): { input: WorkbookInput; ours: Set<string> } {
  const sheets = input.sheets.map(absolute);
  const ours = new Set<string>();
  for (const block of plan.resultBlocks) {
    const grid = sheets.find((s) => s.name === block.sheet);
    if (!grid) continue;
    for (const { row, col } of blockCells(block)) ours.add(`${block.sheet}!${row},${col}`);
    const width = block.headers.length;
    block.headers.forEach((h, c) => put(grid.values, block.headerRow, block.firstColumn + c, h));
    block.rows.forEach((row, i) => row.forEach((text, c) => put(grid.values, block.headerRow + 1 + i, block.firstColumn + c, text === "" ? null : text)));
    const g = block.groupHeaderRow;
    if (g !== null) {
      grid.merges = (grid.merges ?? []).filter((m) => !(m.top === g && m.left === block.firstColumn));
      put(grid.values, g, block.firstColumn, RESULT_GROUP_HEADER);
      for (let c = 1; c < width; c++) put(grid.values, g, block.firstColumn + c, null);
      if (width > 1) grid.merges.push({ top: g, left: block.firstColumn, bottom: g, right: block.firstColumn + width - 1 });
    }
  }
  for (const sheet of plan.sheets) {
    let name = sheet.name;
    for (let n = 2; ; n++) {
      const existing = sheets.findIndex((s) => s.name === name);
      if (existing < 0) break;
      const a = sheets[existing].values[0]?.[0];
      if (typeof a === "string" && a.startsWith(SHEET_MARK)) {
        sheets.splice(existing, 1);
        break;
      }
      name = `${sheet.name}(${n})`;
    }
    sheets.push({ name, values: sheet.rows.map((row) => [...row]) });
  }
  return { input: { sheets }, ours };
}
