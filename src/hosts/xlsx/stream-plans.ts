import { createWriteStream, promises as fs } from "node:fs";
import { finished } from "node:stream/promises";
import { promisify } from "node:util";
import { deflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import type { SheetPlan } from "../../engine/plan/types";
import { addHighlights } from "./conditional";
import { printLayout } from "../../engine/plan/print";
import { installInternalLinks } from "./internal-links";
import { addCharts } from "../xlsx-package/add-charts";
import { readZip, writeZip } from "../zip/package-zip";
import { lookOf, planViews, printFooter, printSetup, writePlanRow, writePlanSettings } from "./sheet-plan";

installInternalLinks();

/**
 * Writes planned sheets as a new workbook with exceljs's streaming writer, each row written
 * and let go as soon as it is made: a city's summaries (60,000 branches, a quarter of a million
 * stage rows) never sit in memory as a workbook model. A sheet with a chart (exceljs writes
 * none) gets it afterwards: the package is written stored, its entries read back, the chart's
 * parts added (add-charts.ts) and the whole written again, deflated.
 */
export async function streamSheetPlans(plans: readonly SheetPlan[], file: string, creator = "先教评议助手"): Promise<void> {
  const stream = createWriteStream(file);
  const done = finished(stream);
  const charts = plans.some((plan) => plan.chart !== undefined);
  const zip = charts ? { zip: { store: true } } : {};
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true, ...zip } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
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
    if (charts) await addChartsToFile(file, plans);
  } catch (error) {
    // the file stream ends only with a committed workbook: stopped here, it would never end
    stream.destroy();
    throw error;
  }
}

const deflate = promisify(deflateRaw);

async function addChartsToFile(file: string, plans: readonly SheetPlan[]): Promise<void> {
  const entries = await readZip(new Uint8Array(await fs.readFile(file)));
  await fs.writeFile(file, await writeZip(addCharts(entries, plans), async (bytes) => new Uint8Array(await deflate(bytes))));
}
