import * as path from "node:path";
import type ExcelJS from "exceljs";
import { ABOUT_KEYS, BRANCH_COLUMNS, SHEET_NAMES, TOTAL_LABEL, type PlanCell } from "../engine";
import { XianjiaoError } from "../errors";
import { loadWorkbook } from "../hosts/xlsx";
import { cellText, ourSheets, readAbout } from "./our-sheets";

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

function plainValue(value: ExcelJS.CellValue): PlanCell {
  if (typeof value === "number") return value;
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "result" in value) return plainValue(value.result as ExcelJS.CellValue);
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((p) => p.text).join("");
  return null;
}

/** Finds the BRANCH_COLUMNS header row: 1-based row and header → 1-based column. */
function findHeader(ws: ExcelJS.Worksheet): { row: number; columns: Map<string, number> } | null {
  for (let r = 1; r <= Math.min(ws.rowCount, 20); r++) {
    if (cellText(ws, r, 1) !== BRANCH_COLUMNS[0]) continue;
    const columns = new Map<string, number>();
    const width = ws.getRow(r).cellCount;
    for (let c = 1; c <= width; c++) {
      const text = cellText(ws, r, c);
      if ((BRANCH_COLUMNS as readonly string[]).includes(text) && !columns.has(text)) columns.set(text, c);
    }
    if (columns.has("党员数")) return { row: r, columns };
  }
  return null;
}

function readRow(ws: ExcelJS.Worksheet, r: number, columns: Map<string, number>): SummaryRow {
  const row: SummaryRow = {};
  for (const header of BRANCH_COLUMNS) {
    const c = columns.get(header);
    row[header] = c === undefined ? null : plainValue(ws.getRow(r).getCell(c).value);
  }
  return row;
}

/** Reads an exported summary (or an evaluated workbook): unit, rule fingerprint, branch rows, 合计. */
export async function readSummaryFile(file: string): Promise<UnitSummary> {
  const name = path.basename(file);
  const workbook = await loadWorkbook(file);
  const sheets = ourSheets(workbook);
  if (!sheets.about) throw notSummary(name, `没有“${SHEET_NAMES.about}”工作表`);
  const about = readAbout(sheets.about);
  const format = about.get(ABOUT_KEYS.format) ?? "";
  if (!format.startsWith(FORMAT_PREFIX)) throw notSummary(name, `格式版本“${format}”无法识别`);
  if (!sheets.branches) throw notSummary(name, `没有“${SHEET_NAMES.branches}”工作表`);
  const ws = sheets.branches;
  const header = findHeader(ws);
  if (!header) throw notSummary(name, `“${SHEET_NAMES.branches}”没有表头`);
  const branches: SummaryRow[] = [];
  let total: SummaryRow | null = null;
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const label = cellText(ws, r, header.columns.get(BRANCH_COLUMNS[0])!);
    if (label === "") continue;
    const row = readRow(ws, r, header.columns);
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
