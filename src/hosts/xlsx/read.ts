import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { XianjiaoError } from "../../errors";
import type { CellRange } from "../../engine/types";
import { parseRange } from "./address";
import { leadKind, oleKind } from "../xlsx-package/file-kind";

const OLE_ERRORS = { encrypted: "OLE_ENCRYPTED", "legacy-workbook": "OLE_WORKBOOK", other: "OLE_OTHER", unknown: "OLE_FILE" } as const;

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
  const kind = leadKind(bytes);
  if (kind === "empty") throw new XianjiaoError("FILE_EMPTY", { file });
  if (kind === "ole") throw new XianjiaoError(OLE_ERRORS[await oleKind(bytes)], { file });
  if (kind !== "zip") throw new XianjiaoError("NOT_A_ZIP", { file });
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
