import { RESULT_GROUP_HEADER, RESULT_HEADER_MARK, isGroupHeaderText, type ResultBlockPlan, type WorkbookPlan } from "../../src/engine/plan/types";
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
    // an older version's marked headers and our group header are ours
    const marked = (row: number, col: number) => {
      const v = cellAt(grid, row, col);
      return typeof v === "string" && (v.startsWith(RESULT_HEADER_MARK) || isGroupHeaderText(v));
    };
    // a previous run's block, as wide as the plan says, is ours to replace
    const oldWidth = block.previousWidth;
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
 * What a host does with a plan, on plain grids: the sheets it removes go, blocks are written in
 * place (a previous block's group header and merge replaced), "" clears a cell, our sheets are
 * added under the names the plan gives, and the markers set as the sheets' defined names.
 */
export function applyPlanToInput(input: WorkbookInput, plan: WorkbookPlan): { input: WorkbookInput; ours: Set<string> } {
  const removing = new Set(plan.removeSheets.map((n) => n.toLowerCase()));
  const sheets = input.sheets.filter((s) => !removing.has(s.name.toLowerCase())).map(absolute);
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
    if (sheets.some((s) => s.name.toLowerCase() === sheet.name.toLowerCase())) throw new Error(`the plan names “${sheet.name}”, which is taken`);
    sheets.push({ name: sheet.name, values: sheet.rows.map((row) => [...row]), ...(sheet.hidden ? { hidden: true } : {}) });
  }
  for (const mark of plan.names) {
    const grid = sheets.find((s) => s.name === mark.sheet);
    if (grid) grid.names = { ...(grid.names ?? {}), [mark.name]: mark.formula };
  }
  return { input: { sheets }, ours };
}

/**
 * A plan as far as what it writes: a re-run differs from the first run only in what it replaces
 * (the markers it finds, the sheets it removes, the width of the block it overwrites).
 */
export function written(plan: WorkbookPlan): unknown {
  return {
    resultBlocks: plan.resultBlocks.map(({ previousWidth: _previousWidth, ...block }) => block),
    sheets: plan.sheets,
    names: plan.names.map(({ replace: _replace, ...name }) => name),
  };
}
