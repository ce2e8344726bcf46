import { XianjiaoError } from "../../errors";
import type { SheetGrid } from "../types";
import { plain, plainText } from "../read/cell";
import { markerOf } from "../memory/our-sheets";
import { ABOUT_KEYS, BRANCH_COLUMNS, SHEET_NAMES, TOTAL_LABEL, type PlanCell, type SummarySheetKind } from "../plan/types";

/** One row of the branch summary: BRANCH_COLUMNS header → value. */
export type SummaryRow = Record<string, PlanCell>;

/** A unit's summary workbook as the consolidation reads it. */
export interface UnitSummary {
  file: string;
  unit: string;
  fingerprint: string;
  /** The unit's 合计 row. */
  total: SummaryRow;
  branches: SummaryRow[];
}

const FORMAT_PREFIX = "xianjiao-summary/";

function notSummary(file: string, detail: string): XianjiaoError {
  return new XianjiaoError("NOT_A_SUMMARY", { file, detail });
}

/** A cell of a grid (0-based sheet coordinates) as trimmed text, "" when empty. */
function textAt(grid: SheetGrid, row: number, col: number): string {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const line = grid.values[row - origin.row];
  return Array.isArray(line) ? plainText(plain(line[col - origin.col])) : "";
}

/** A cell's value as the summary holds it: a number, a text, or null. */
function valueAt(grid: SheetGrid, row: number, col: number): PlanCell {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const line = grid.values[row - origin.row];
  const value = Array.isArray(line) ? plain(line[col - origin.col]) : undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === undefined) return null;
  return plainText(value);
}

const rowsOf = (grid: SheetGrid) => (grid.origin?.row ?? 0) + grid.values.length;
const baseName = (name: string) => name.replace(/\(\d+\)$/, "");

/**
 * The sheet of a kind: the one our marker names, else the one under our name (or "name(2)"
 * beside a user's sheet of that name) — an exported summary carries no markers.
 */
export function sheetOfKind(sheets: readonly SheetGrid[], kind: SummarySheetKind): SheetGrid | null {
  const marked = sheets.find((grid) => markerOf(grid)?.kind === kind);
  if (marked) return marked;
  return sheets.find((grid) => grid.name === SHEET_NAMES[kind]) ?? sheets.find((grid) => baseName(grid.name) === SHEET_NAMES[kind]) ?? null;
}

/** The key | value rows (ABOUT_KEYS) of a sheet: key text → value text. */
export function readKeys(grid: SheetGrid): Map<string, string> {
  const keys = new Set<string>(Object.values(ABOUT_KEYS));
  const out = new Map<string, string>();
  for (let r = 0; r < rowsOf(grid); r++) {
    const key = textAt(grid, r, 0);
    if (keys.has(key) && !out.has(key)) out.set(key, textAt(grid, r, 1));
  }
  return out;
}

/**
 * The technical keys of a summary: on 评议-技术信息, or (summaries of format /1) on 评议-说明;
 * null when neither sheet holds a format key.
 */
export function summaryKeys(sheets: readonly SheetGrid[]): { keys: Map<string, string>; sheet: string } | null {
  for (const kind of ["technical", "about"] as const) {
    const grid = sheetOfKind(sheets, kind);
    if (!grid) continue;
    const keys = readKeys(grid);
    if (keys.has(ABOUT_KEYS.format)) return { keys, sheet: grid.name };
  }
  return null;
}

/** The BRANCH_COLUMNS header among the first rows: its 0-based row and header → 0-based column. */
function findHeader(grid: SheetGrid): { row: number; columns: Map<string, number> } | null {
  for (let r = 0; r < Math.min(rowsOf(grid), 20); r++) {
    if (textAt(grid, r, 0) !== BRANCH_COLUMNS[0]) continue;
    const columns = new Map<string, number>();
    const line = grid.values[r - (grid.origin?.row ?? 0)] ?? [];
    const width = line.length + (grid.origin?.col ?? 0);
    for (let c = 0; c < width; c++) {
      const text = textAt(grid, r, c);
      if ((BRANCH_COLUMNS as readonly string[]).includes(text) && !columns.has(text)) columns.set(text, c);
    }
    if (columns.has("党员数")) return { row: r, columns };
  }
  return null;
}

function readRow(grid: SheetGrid, r: number, columns: Map<string, number>): SummaryRow {
  const row: SummaryRow = {};
  for (const header of BRANCH_COLUMNS) {
    const c = columns.get(header);
    row[header] = c === undefined ? null : valueAt(grid, r, c);
  }
  return row;
}

/**
 * Reads a unit's summary workbook (or an evaluated workbook) from its sheets as grids: the
 * technical keys (format, unit, rule fingerprint) and the branch summary's rows and 合计.
 * Summaries of every format so far are read: the keys on 评议-技术信息 (/2) or on 评议-说明 (/1),
 * titles with or without the product's name, "n / N" or bare counts in the 已录入 columns.
 * Anything else is refused with NOT_A_SUMMARY, saying what is missing. `fallbackUnit` names
 * the unit when the file does not (its file name).
 */
export function readSummary(sheets: readonly SheetGrid[], file: string, fallbackUnit = file): UnitSummary {
  const found = summaryKeys(sheets);
  if (!found) {
    const holder = sheetOfKind(sheets, "technical") ?? sheetOfKind(sheets, "about");
    if (!holder) throw notSummary(file, `没有“${SHEET_NAMES.technical}”或“${SHEET_NAMES.about}”工作表`);
    throw notSummary(file, `格式版本“”无法识别`);
  }
  const format = found.keys.get(ABOUT_KEYS.format) ?? "";
  if (!format.startsWith(FORMAT_PREFIX)) throw notSummary(file, `格式版本“${format}”无法识别`);
  const grid = sheetOfKind(sheets, "branches");
  if (!grid) throw notSummary(file, `没有“${SHEET_NAMES.branches}”工作表`);
  const header = findHeader(grid);
  if (!header) throw notSummary(file, `“${SHEET_NAMES.branches}”没有表头`);
  const branches: SummaryRow[] = [];
  let total: SummaryRow | null = null;
  const labelColumn = header.columns.get(BRANCH_COLUMNS[0])!;
  for (let r = header.row + 1; r < rowsOf(grid); r++) {
    const label = textAt(grid, r, labelColumn);
    if (label === "") continue;
    const row = readRow(grid, r, header.columns);
    if (label === TOTAL_LABEL) {
      total = row;
      break;
    }
    branches.push(row);
  }
  if (!total) throw notSummary(file, `“${SHEET_NAMES.branches}”没有“${TOTAL_LABEL}”行`);
  const unit = (found.keys.get(ABOUT_KEYS.unit) ?? "").trim() || fallbackUnit;
  return { file, unit, fingerprint: found.keys.get(ABOUT_KEYS.fingerprint) ?? "", total, branches };
}
