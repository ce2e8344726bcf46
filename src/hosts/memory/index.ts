import type { WorkbookHost } from "../host";
import { createOfficeHost } from "../office/host";
import { MemoryWorkbook } from "./workbook";

export { MemoryWorkbook, type GridData, type MemoryCounters, type Fault } from "./workbook";
export { SheetData, type MemoryCell, type ConditionalFormatData, type ChartData } from "./cells";
export { MemoryOfficeError } from "./errors";
export type { AppliedFormat } from "./conditional";

/** The Office host over an in-memory workbook (demo page, tests, benchmarks). */
export function createMemoryHost(book: MemoryWorkbook): WorkbookHost {
  return createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported });
}
