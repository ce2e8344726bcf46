import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";

export function makeTempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "xianjiao-xlsx-"));
  return { dir, file: (name) => path.join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every cell of a sheet: address → value and style, for before/after comparisons. */
export function snapshotSheet(ws: ExcelJS.Worksheet, skipColumnsFrom = Infinity): Record<string, string> {
  const out: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col - 1 >= skipColumnsFrom) return;
      if (cell.value === null && Object.keys(cell.style ?? {}).length === 0) return;
      out[cell.address] = JSON.stringify({ value: cell.value, style: cell.style });
    });
  });
  return out;
}

export async function reload(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The raw XML of one worksheet part, to check what other programs will read. */
export async function sheetXml(file: string, buffer: Buffer, sheetIndex: number): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const part = zip.file(`xl/worksheets/sheet${sheetIndex}.xml`);
  if (!part) throw new Error(`no sheet${sheetIndex}.xml in ${file}`);
  return part.async("string");
}

export function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
}
