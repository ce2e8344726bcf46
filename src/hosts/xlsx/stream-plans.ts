import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import ExcelJS from "exceljs";
import type { SheetPlan } from "../../engine/plan/types";
import { addHighlights } from "./conditional";
import { printLayout } from "../../engine/plan/print";
import { installInternalLinks } from "./internal-links";
import { lookOf, planViews, printFooter, printSetup, writePlanRow, writePlanSettings } from "./sheet-plan";

installInternalLinks();

/**
 * Writes planned sheets as a new workbook with exceljs's streaming writer, each row written
 * and let go as soon as it is made: a city's summaries (60,000 branches, a quarter of a million
 * stage rows) never sit in memory as a workbook model.
 */
export async function streamSheetPlans(plans: readonly SheetPlan[], file: string, creator = "先教评议助手"): Promise<void> {
  const stream = createWriteStream(file);
  const done = finished(stream);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  writer.creator = creator;
  try {
    for (const plan of plans) {
      // the writer writes the sheet's head (views, fit to page) as the sheet is added
      const print = plan.print ?? printLayout(plan);
      const options = { views: planViews(plan), pageSetup: printSetup(print), headerFooter: printFooter(print), state: plan.hidden };
      const ws = writer.addWorksheet(plan.name, options as Partial<ExcelJS.AddWorksheetOptions>) as unknown as ExcelJS.Worksheet;
      writePlanSettings(ws, plan, addHighlights, false);
      const look = lookOf(plan);
      for (let r = 0; r < Math.max(1, plan.rows.length); r++) {
        const row = ws.getRow(r + 1);
        writePlanRow(row, plan, r, look);
        row.commit();
      }
      (ws as unknown as { commit(): void }).commit();
    }
    await writer.commit();
    await done;
  } catch (error) {
    // the file stream ends only with a committed workbook: stopped here, it would never end
    stream.destroy();
    throw error;
  }
}
