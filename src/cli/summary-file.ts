import * as path from "node:path";
import { ABOUT_KEYS, BRANCH_COLUMNS, SHEET_NAMES, TOTAL_LABEL, type PlanCell, type RawCell, type SheetGrid } from "../engine";
import { XianjiaoError } from "../errors";
import { cellAt, cellText, readAbout, readOurSheets, rowsEnd } from "./our-sheets";

/** One row of the branch summary: BRANCH_COLUMNS header → value. */
export type SummaryRow = Record<string, PlanCell>;

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

/** Our values only: numbers and text (anything else in a summary cell was not written by us). */
function plainValue(value: RawCell): PlanCell {
  return typeof value === "number" || typeof value === "string" ? value : null;
}

/** Finds the BRANCH_COLUMNS header row: 0-based row and header → 0-based column. */
function findHeader(grid: SheetGrid): { row: number; columns: Map<string, number> } | null {
  for (let r = 0; r < Math.min(rowsEnd(grid), 20); r++) {
    if (cellText(grid, r, 0) !== BRANCH_COLUMNS[0]) continue;
    const columns = new Map<string, number>();
    const width = (grid.origin?.col ?? 0) + (grid.values[r - (grid.origin?.row ?? 0)]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const text = cellText(grid, r, c);
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
    row[header] = c === undefined ? null : plainValue(cellAt(grid, r, c));
  }
  return row;
}

/** Reads an exported summary (or an evaluated workbook): unit, rule fingerprint, branch rows, 合计. */
export async function readSummaryFile(file: string): Promise<UnitSummary> {
  const name = path.basename(file);
  const sheets = await readOurSheets(file, ["about", "branches"]);
  if (!sheets.about) throw notSummary(name, `没有“${SHEET_NAMES.about}”工作表`);
  const about = readAbout(sheets.about);
  const format = about.get(ABOUT_KEYS.format) ?? "";
  if (!format.startsWith(FORMAT_PREFIX)) throw notSummary(name, `格式版本“${format}”无法识别`);
  if (!sheets.branches) throw notSummary(name, `没有“${SHEET_NAMES.branches}”工作表`);
  const grid = sheets.branches;
  const header = findHeader(grid);
  if (!header) throw notSummary(name, `“${SHEET_NAMES.branches}”没有表头`);
  const branches: SummaryRow[] = [];
  let total: SummaryRow | null = null;
  for (let r = header.row + 1; r < rowsEnd(grid); r++) {
    const label = cellText(grid, r, header.columns.get(BRANCH_COLUMNS[0])!);
    if (label === "") continue;
    const row = readRow(grid, r, header.columns);
    if (label === TOTAL_LABEL) {
      total = row;
      break;
    }
    branches.push(row);
  }
  if (!total) throw notSummary(name, `“${SHEET_NAMES.branches}”没有“${TOTAL_LABEL}”行`);
  const unit = (about.get(ABOUT_KEYS.unit) ?? "").trim() || path.basename(file, path.extname(file));
  return { file: name, unit, fingerprint: about.get(ABOUT_KEYS.fingerprint) ?? "", total, branches };
}
