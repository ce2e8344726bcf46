import type { WorkbookHost } from "../host";
import { createOfficeHost } from "../office/host";
import { MemoryWorkbook } from "./workbook";

export { MemoryWorkbook, type GridData, type MemoryCounters, type Fault, type MemoryPlatform } from "./workbook";
export { SheetData, type MemoryCell, type ConditionalFormatData, type ChartData } from "./cells";
export { MemoryOfficeError } from "./errors";
export type { AppliedFormat } from "./conditional";

/**
 * The Office host over an in-memory workbook (tests, benchmarks), as the task pane runs it in
 * Excel: syncs wait while a cell is edited (`delayForCellEdit`), downloads follow the book's
 * platform, and Excel.createWorkbook is there from ExcelApi 1.8.
 */
export function createMemoryHost(book: MemoryWorkbook): WorkbookHost {
  return createOfficeHost(book.runWith({ delayForCellEdit: true }), {
    settings: book.settings,
    isSetSupported: book.isSetSupported,
    platform: book.platform,
    createWorkbook: book.createWorkbook,
  });
}
