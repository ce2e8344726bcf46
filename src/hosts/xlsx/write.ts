import type ExcelJS from "exceljs";
import { makeWritable } from "./cell-text";
import { needsPlainWriter, streamWorkbook } from "./stream-write";
import { writeFileAtomic } from "./write-atomic";

export { tempNameFor, writeFileAtomic } from "./write-atomic";

/**
 * Saves a workbook as .xlsx (export and consolidate; evaluate patches the input's package
 * instead, see hosts/xlsx-package). The streaming
 * writer is used (exceljs's plain writer builds the whole zip in memory: 2.6 GB for a city's
 * 160,000 members); a workbook with images keeps the plain writer, which can copy them. Every
 * cell's text is held to what a cell can hold (cell-text.ts) on the way.
 */
export async function writeXlsx(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await writeFileAtomic(file, (tmp) => {
    if (!needsPlainWriter(workbook)) return streamWorkbook(workbook, tmp);
    makeWritable(workbook);
    return workbook.xlsx.writeFile(tmp);
  });
}

export async function xlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  makeWritable(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
