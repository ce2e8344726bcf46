import type ExcelJS from "exceljs";
import { XianjiaoError } from "../errors";
import type { Rect } from "../hosts/office/address";
import { widthPoints } from "../hosts/office/text";
import { MemoryWorkbook, type GridData } from "../hosts/memory/workbook";
import { loadExcel } from "../taskpane/export/exportSummary";
import { sheetExtras, type SheetExtras } from "./workbookMarkers";

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** A cell as the memory workbook stores it: rich text → text, formula → cached result, date → serial. */
export function plainValue(value: ExcelJS.CellValue): { value: string | number | boolean | null; format?: string } {
  if (value === null || value === undefined) return { value: null };
  if (value instanceof Date) return { value: (value.getTime() - EPOCH_1900) / DAY_MS, format: "yyyy/m/d" };
  if (typeof value !== "object") return { value };
  const v = value as unknown as Record<string, unknown>;
  if (Array.isArray(v.richText)) return { value: (v.richText as { text?: string }[]).map((p) => p.text ?? "").join("") };
  if ("formula" in v || "sharedFormula" in v) return plainValue((v.result ?? null) as ExcelJS.CellValue);
  if (typeof v.error === "string") return { value: v.error };
  if ("text" in v) return plainValue((v.text ?? null) as ExcelJS.CellValue);
  return { value: null };
}

/** One worksheet of the file: its grid, and how the file lays it out. */
export interface LoadedSheet extends GridData {
  /** Column widths in characters, null where the file sets none. */
  widths: (number | null)[];
  /** Merged areas, 0-based. */
  merges: Rect[];
  /** Rows frozen at the top in the file's first view. */
  frozenRows: number;
  /** Our markers (sheet-scoped defined names) and the sheet's visibility, as the package has them. */
  extras?: SheetExtras;
}

function frozenRowsOf(ws: ExcelJS.Worksheet): number {
  const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
  return view?.state === "frozen" && typeof view.ySplit === "number" ? view.ySplit : 0;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b]; // "PK"

/**
 * Every worksheet of an .xlsx as grids for MemoryWorkbook.fromGrids, with widths, merges and
 * frozen rows (parsed in the browser). A file that is not a workbook fails with the sentence the
 * command line gives for it (empty, old .xls or encrypted, not a zip, damaged, no sheet).
 */
export async function sheetsFromXlsx(bytes: ArrayBuffer, file = "工作簿"): Promise<LoadedSheet[]> {
  const head = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 4));
  const startsWith = (magic: number[]) => head.length >= magic.length && magic.every((b, i) => head[i] === b);
  if (bytes.byteLength === 0) throw new XianjiaoError("FILE_EMPTY", { file });
  if (startsWith(OLE_MAGIC)) throw new XianjiaoError("OLE_FILE", { file });
  if (!startsWith(ZIP_MAGIC)) throw new XianjiaoError("NOT_A_ZIP", { file });
  const excel = await loadExcel();
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch (error) {
    throw new XianjiaoError("ZIP_CORRUPT", { file }, { cause: error });
  }
  if (workbook.worksheets.length === 0) throw new XianjiaoError("NO_WORKSHEET", { file });
  const extras = await sheetExtras(bytes, file);
  return workbook.worksheets.map((ws) => {
    const values: unknown[][] = [];
    const numberFormats: (string | null)[][] = [];
    const merges = new Map<string, Rect>();
    const columns = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const line: unknown[] = [];
      const formats: (string | null)[] = [];
      for (let c = 1; c <= columns; c++) {
        const cell = row.getCell(c);
        if (cell.isMerged) {
          // a merged area is the box around its master and every cell that points to it
          const master = cell.master;
          const area = merges.get(master.address) ?? { top: Number(master.row) - 1, left: Number(master.col) - 1, bottom: r - 1, right: c - 1 };
          area.bottom = Math.max(area.bottom, r - 1);
          area.right = Math.max(area.right, c - 1);
          merges.set(master.address, area);
        }
        const isMergedChild = cell.isMerged && cell.master !== cell;
        const { value, format } = isMergedChild ? { value: null, format: undefined } : plainValue(cell.value);
        line.push(value);
        formats.push(cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : (format ?? null));
      }
      values.push(line);
      numberFormats.push(formats);
    }
    const widths = Array.from({ length: columns }, (_, c) => ws.getColumn(c + 1).width ?? null);
    const own = extras.get(ws.name);
    return { name: ws.name, values, numberFormats, widths, merges: [...merges.values()], frozenRows: frozenRowsOf(ws), ...(own ? { extras: own } : {}) };
  });
}

/** The memory workbook of a loaded file (widths and frozen rows included) and each sheet's merged areas. */
export function bookFromSheets(sheets: LoadedSheet[]): { book: MemoryWorkbook; merges: Map<string, Rect[]> } {
  const book = MemoryWorkbook.fromGrids(sheets);
  const merges = new Map<string, Rect[]>();
  for (const loaded of sheets) {
    const sheet = book.sheet(loaded.name);
    if (!sheet) continue;
    loaded.widths.forEach((w, c) => {
      if (w !== null && w > 0) sheet.columnWidths.set(c, widthPoints(w));
    });
    sheet.frozenRows = loaded.frozenRows;
    if (loaded.extras) {
      sheet.visibility = loaded.extras.visibility;
      for (const [name, formula] of Object.entries(loaded.extras.markers)) sheet.names.set(name.toLowerCase(), { name, formula, visible: false });
    }
    merges.set(sheet.name, loaded.merges);
  }
  return { book, merges };
}
