import type ExcelJS from "exceljs";
import type { GridData } from "../hosts/memory/workbook";
import { loadExcel } from "../taskpane/export/exportSummary";

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

/** Every worksheet of an .xlsx as grids for MemoryWorkbook.fromGrids (parsed in the browser). */
export async function gridsFromXlsx(bytes: ArrayBuffer): Promise<GridData[]> {
  const excel = await loadExcel();
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook.worksheets.map((ws) => {
    const values: unknown[][] = [];
    const numberFormats: (string | null)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const line: unknown[] = [];
      const formats: (string | null)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        const isMergedChild = cell.isMerged && cell.master !== cell;
        const { value, format } = isMergedChild ? { value: null, format: undefined } : plainValue(cell.value);
        line.push(value);
        formats.push(cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : (format ?? null));
      }
      values.push(line);
      numberFormats.push(formats);
    }
    return { name: ws.name, values, numberFormats };
  });
}
