import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { XianjiaoError } from "../../errors";
import type { CellRange, RawCell, SheetGrid, WorkbookInput } from "../../engine/types";
import { toRawCell } from "./cell-value";
import { parseRange } from "./address";

export interface ReadXlsxResult {
  workbook: ExcelJS.Workbook;
  input: WorkbookInput;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b]; // "PK"

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

async function loadBytes(source: string | Buffer, file: string): Promise<Buffer> {
  if (Buffer.isBuffer(source)) return source;
  try {
    const stat = await fs.stat(source);
    if (!stat.isFile()) throw new XianjiaoError("FILE_READ_FAILED", { file, detail: "不是文件" });
    return await fs.readFile(source);
  } catch (error) {
    if (error instanceof XianjiaoError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new XianjiaoError("FILE_NOT_FOUND", { file }, { cause: error });
    throw new XianjiaoError("FILE_READ_FAILED", { file, detail: code ?? String(error) }, { cause: error });
  }
}

/** Loads an .xlsx file (or its bytes) with a typed, plainly worded failure for every kind of bad file. */
export async function loadWorkbook(source: string | Buffer, name?: string): Promise<ExcelJS.Workbook> {
  const file = name ?? (typeof source === "string" ? path.basename(source) : "工作簿");
  const bytes = await loadBytes(source, file);
  if (bytes.length === 0) throw new XianjiaoError("FILE_EMPTY", { file });
  if (startsWith(bytes, OLE_MAGIC)) throw new XianjiaoError("OLE_FILE", { file });
  if (!startsWith(bytes, ZIP_MAGIC)) throw new XianjiaoError("NOT_A_ZIP", { file });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new XianjiaoError("ZIP_CORRUPT", { file }, { cause: error });
  }
  if (workbook.worksheets.length === 0) throw new XianjiaoError("NO_WORKSHEET", { file });
  return workbook;
}

/** Merged regions of a sheet, 0-based, without building the whole sheet model. */
export function sheetMerges(worksheet: ExcelJS.Worksheet): CellRange[] {
  const merges = (worksheet as unknown as { _merges: Record<string, { range: string }> })._merges ?? {};
  const out: CellRange[] = [];
  for (const merge of Object.values(merges)) {
    const range = merge && parseRange(merge.range);
    if (range) out.push(range);
  }
  return out;
}

/** One worksheet's used range (cells holding a value, plus merged regions) as a grid. */
export function sheetToGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const merges = sheetMerges(worksheet);
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const cells: { row: number; col: number; value: RawCell; format: string | null }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // a merged cell's value lives in its master
      const value = toRawCell(cell.value);
      if (value === null || value === "") return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      cells.push({ row: r, col: c, value, format: cell.numFmt ?? null });
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    });
  });
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  if (bottom < 0) return { name: worksheet.name, values: [], numberFormats: [], merges, origin: { row: 0, col: 0 } };
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: RawCell[][] = Array.from({ length: height }, () => new Array<RawCell>(width).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  for (const cell of cells) {
    values[cell.row - top][cell.col - left] = cell.value;
    numberFormats[cell.row - top][cell.col - left] = cell.format;
  }
  return { name: worksheet.name, values, numberFormats, merges, origin: { row: top, col: left } };
}

/** Reads every worksheet of an .xlsx file into grids the engine can evaluate. */
export async function readXlsx(source: string | Buffer, name?: string): Promise<ReadXlsxResult> {
  const workbook = await loadWorkbook(source, name);
  const input: WorkbookInput = { sheets: workbook.worksheets.map(sheetToGrid) };
  return { workbook, input };
}
