export { readXlsx, loadWorkbook, sheetToGrid, type ReadXlsxResult } from "./read";
export { applyPlanXlsx } from "./apply";
export { writeXlsx, writeFileAtomic, xlsxBuffer } from "./write";
export { isOurSheet } from "./apply-sheets";
export { toRawCell } from "./cell-value";
