import type ExcelJS from "exceljs";
import type { WorkbookPlan } from "../../engine/plan/types";
import type { ApplyReport } from "../host";
import { applyResultBlock } from "./apply-block";
import { applySheetPlan } from "./apply-sheets";

/**
 * Applies a workbook plan to a loaded workbook: result blocks into the user's sheets (only the
 * block's own cells), then our sheets, replacing earlier ones. Charts are not written (exceljs
 * cannot write them).
 */
export function applyPlanXlsx(workbook: ExcelJS.Workbook, plan: WorkbookPlan): ApplyReport {
  const report: ApplyReport = { resultSheets: [], sheets: [], cellsWritten: 0 };
  for (const block of plan.resultBlocks) {
    const ws = workbook.getWorksheet(block.sheet);
    if (!ws) continue;
    report.cellsWritten += applyResultBlock(ws, block);
    report.resultSheets.push(ws.name);
  }
  for (const sheet of plan.sheets) {
    const { name, cellsWritten } = applySheetPlan(workbook, sheet);
    report.sheets.push(name);
    report.cellsWritten += cellsWritten;
  }
  return report;
}
