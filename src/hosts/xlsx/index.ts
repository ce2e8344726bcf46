export { loadWorkbook, sheetMerges } from "./read";
export { applySheetPlan, isOurSheet } from "./apply-sheets";
export { writeXlsx, writeFileAtomic, xlsxBuffer } from "./write";
