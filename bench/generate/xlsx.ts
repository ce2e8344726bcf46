import { existsSync, mkdirSync, promises as fs, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { SheetSpec } from "./sheets";

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  border: THIN,
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } },
};
const TITLE_STYLE: Partial<ExcelJS.Style> = { font: { bold: true, size: 16 }, alignment: { horizontal: "center" } };
const BOLD: Partial<ExcelJS.Style> = { font: { bold: true } };
const FIXED_DATE = new Date(Date.UTC(2025, 2, 20, 8, 0, 0));


/** Streams one sheet: rows are committed as they are written, so memory stays flat. */
function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SheetSpec): void {
  const ws = wb.addWorksheet(sheet.name, { views: sheet.frozenRows > 0 ? [{ state: "frozen", ySplit: sheet.frozenRows }] : [] });
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const headers = new Set(sheet.headerRows);
  const bold = new Set(sheet.boldRows);
  const width = Math.max(...sheet.headerRows.map((r) => sheet.rows[r].length));
  sheet.rows.forEach((values, r) => {
    const row = ws.getRow(r + 1);
    const formats = sheet.formats.get(r);
    if (r === 0) row.height = 28;
    const cols = headers.has(r) ? width : values.length;
    for (let c = 0; c < cols; c++) {
      const v = values[c];
      const cell = row.getCell(c + 1);
      if (v !== null && v !== undefined) cell.value = v as ExcelJS.CellValue;
      if (r === 0 && c === 0) cell.style = TITLE_STYLE;
      else if (headers.has(r)) cell.style = HEADER_STYLE;
      else if (bold.has(r)) cell.style = BOLD;
      const format = formats?.get(c);
      if (format) cell.numFmt = format;
    }
    // a merge marks every cell it covers, so its rows are committed only once it is made
    for (const m of sheet.merges) if (m.bottom === r) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    if (!sheet.merges.some((m) => m.top <= r && m.bottom > r)) row.commit();
  });
  let priority = 1;
  for (const cf of sheet.userConditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: [{ type: "expression", priority: priority++, formulae: [cf.formula], style: { font: { color: { argb: "FFC00000" }, bold: true } } }],
    });
  }
  ws.commit();
}

/** Writes the sheets as an .xlsx with exceljs's streaming writer (shared strings, styles). */
export async function writeSpecsXlsx(sheets: SheetSpec[], file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = "市直机关工委";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const sheet of sheets) writeSheet(wb, sheet);
  await wb.commit();
}

/** Where generated workbooks are cached between runs (XIANJIAO_BENCH_DIR, else the temp folder). */
export function cacheDir(): string {
  const dir = process.env.XIANJIAO_BENCH_DIR || path.join(tmpdir(), "xianjiao-bench");
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  return dir;
}

/** Bump when the generated content changes, so cached files are not reused. */
export const GENERATOR_VERSION = 1;

/** The cached file for a size and seed, written (atomically) by `make` when it is missing. */
export async function cachedXlsx(members: number, seed: number, make: (file: string) => Promise<void>, dir = cacheDir()): Promise<{ file: string; bytes: number; generated: boolean }> {
  const file = path.join(dir, `先教评议-${members}人-s${seed}-v${GENERATOR_VERSION}.xlsx`);
  if (existsSync(file)) return { file, bytes: statSync(file).size, generated: false };
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await make(tmp);
    await fs.rename(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true });
  }
  return { file, bytes: statSync(file).size, generated: true };
}
