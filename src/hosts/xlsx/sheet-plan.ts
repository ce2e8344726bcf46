import type ExcelJS from "exceljs";
import type { HighlightRule, PrintPlan, SheetPlan } from "../../engine/plan/types";
import { printLayout, tableArea } from "../../engine/plan/print";
import { styleHeader, writeValue } from "./styles";

/** Adds one column's highlight rules over rows firstRow…lastRow (0-based). */
export type AddHighlights = (ws: ExcelJS.Worksheet, column: number, firstRow: number, lastRow: number, rules: HighlightRule[]) => void;

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };

/** A4, the plan's orientation and pages across, title and header repeated on every page. */
export function printSetup(print: PrintPlan): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: print.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: print.pagesWide,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${print.titleRows}`,
    ...(print.repeatFirstColumn ? { printTitlesColumn: "A:A" } : {}),
  };
}

export function setPrintLayout(ws: ExcelJS.Worksheet, print: PrintPlan): void {
  ws.pageSetup = { ...ws.pageSetup, ...printSetup(print) } as ExcelJS.PageSetup;
}

/** What decides the look of each row of a planned sheet. */
export interface RowLook {
  percent: Set<number>;
  decimal: Set<number>;
  bold: Set<number>;
  /** The table bordered cell by cell (gridlines do not print), null when none. */
  table: ReturnType<typeof tableArea>;
}

export const lookOf = (plan: SheetPlan): RowLook => ({ percent: new Set(plan.percentColumns), decimal: new Set(plan.decimalColumns), bold: new Set(plan.boldRows), table: tableArea(plan) });

/**
 * Writes row `r` of a plan: values (text never as a formula), the header bold and filled, bold
 * 合计 rows, number formats, the title's font, and thin grey borders round every cell of the
 * table, so a printed page reads row by row. Returns the cells written.
 */
export function writePlanRow(row: ExcelJS.Row, plan: SheetPlan, r: number, look: RowLook): number {
  let written = 0;
  (plan.rows[r] ?? []).forEach((value, c) => {
    if (value === null || value === undefined || value === "") return;
    const cell = row.getCell(c + 1);
    writeValue(cell, value);
    written++;
    if (r > plan.headerRow && typeof value === "number") {
      if (look.percent.has(c)) cell.numFmt = "0.0%";
      else if (look.decimal.has(c)) cell.numFmt = "0.0";
    }
    if (r === plan.headerRow) styleHeader(cell);
    else if (look.bold.has(r)) cell.font = { bold: true };
  });
  if (r === 0) row.getCell(1).font = { bold: true, size: 14 };
  const area = look.table;
  if (area && r >= area.top && r <= area.bottom) {
    for (let c = 0; c <= area.right; c++) row.getCell(c + 1).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  }
  return written;
}

/** The frozen header row of a planned sheet. */
export const planViews = (plan: SheetPlan): Partial<ExcelJS.WorksheetView>[] => [{ state: "frozen", xSplit: 0, ySplit: plan.headerRow + 1 }];

/** Widths, the frozen header, highlights and the print layout: what a sheet needs besides its rows. */
export function writePlanSettings(ws: ExcelJS.Worksheet, plan: SheetPlan, addHighlights: AddHighlights, views = true): void {
  plan.widths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  // exceljs's streaming writer takes its views when the sheet is added (`views` false)
  if (views) ws.views = planViews(plan);
  const lastRow = plan.rows.length - 1;
  for (const h of plan.highlights) addHighlights(ws, h.column, plan.headerRow + 1, lastRow, h.rules);
  setPrintLayout(ws, plan.print ?? printLayout(plan));
}

/**
 * Writes one of our sheets with exceljs: values (text never as a formula), bold and filled
 * header, bold 合计 rows, number formats, widths, frozen header, bordered table, highlights and
 * the print layout. Returns the cells written.
 */
export function writeSheetPlan(ws: ExcelJS.Worksheet, plan: SheetPlan, addHighlights: AddHighlights): number {
  const look = lookOf(plan);
  let written = 0;
  for (let r = 0; r < plan.rows.length; r++) written += writePlanRow(ws.getRow(r + 1), plan, r, look);
  if (plan.rows.length === 0) ws.getCell("A1").font = { bold: true, size: 14 };
  writePlanSettings(ws, plan, addHighlights);
  return written;
}
