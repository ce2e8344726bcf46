import type ExcelJS from "exceljs";
import type { HighlightRule, PrintPlan, SheetPlan } from "../../engine/plan/types";
import { LINE_POINTS, borderedAreas, printLayout, wrappedRowLines } from "../../engine/plan/print";
import { styleHeader, writeValue } from "./styles";


/** Adds one column's highlight rules over rows firstRow…lastRow (0-based). */
export type AddHighlights = (ws: ExcelJS.Worksheet, column: number, firstRow: number, lastRow: number, rules: HighlightRule[]) => void;

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };

/** Thin grey borders round every cell of the tables, so a printed page reads row by row (gridlines do not print). */
function addBorders(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  for (const area of borderedAreas(plan)) {
    for (let r = area.top; r <= area.bottom; r++) {
      const row = ws.getRow(r + 1);
      for (let c = area.left; c <= area.right; c++) row.getCell(c + 1).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    }
  }
}

/** 'Sheet'!B7: a hyperlink to a cell of the workbook (written as a location once internal-links.ts is installed). */
function internalLink(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** A4, the plan's orientation and pages across, title and header repeated on every page, page breaks and page numbers. */
export function setPrintLayout(ws: ExcelJS.Worksheet, print: PrintPlan): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: print.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: print.pagesWide,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
    printTitlesRow: `1:${print.titleRows}`,
    ...(print.repeatFirstColumn ? { printTitlesColumn: "A:A" } : {}),
  };
  if (print.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${print.footer}` };
  // exceljs breaks after a row's 1-based number: the 0-based row that begins the page
  for (const row of print.rowBreaks) if (row > 0) ws.getRow(row).addPageBreak();
}

/**
 * Writes one of our sheets with exceljs: values (text never as a formula), bold and filled
 * header, bold 合计 rows, number formats, widths, frozen header, bordered table, highlights and
 * the print layout. Returns the cells written.
 */
export function writeSheetPlan(ws: ExcelJS.Worksheet, plan: SheetPlan, addHighlights: AddHighlights): number {
  let written = 0;
  const percent = new Set(plan.percentColumns);
  const decimal = new Set(plan.decimalColumns);
  const bold = new Set(plan.boldRows);
  const wrap = new Set(plan.wrapColumns ?? []);
  plan.rows.forEach((values, r) => {
    const row = ws.getRow(r + 1);
    values.forEach((value, c) => {
      if (value === null || value === undefined || value === "") return;
      const cell = row.getCell(c + 1);
      writeValue(cell, value);
      written++;
      if (r > plan.headerRow && typeof value === "number") {
        if (percent.has(c)) cell.numFmt = "0.0%";
        else if (decimal.has(c)) cell.numFmt = "0.0";
      }
      if (r === plan.headerRow && r > 0) styleHeader(cell);
      else if (bold.has(r)) cell.font = { bold: true };
      else if (r > plan.headerRow && wrap.has(c) && typeof value === "string") cell.alignment = { vertical: "top", wrapText: true };
      else if (r > plan.headerRow && wrap.size > 0) cell.alignment = { vertical: "top" };
    });
  });
  for (const [r, lines] of wrappedRowLines(plan)) ws.getRow(r + 1).height = lines * LINE_POINTS;
  for (const link of plan.links ?? []) {
    const cell = ws.getRow(link.row + 1).getCell(link.column + 1);
    cell.value = { text: typeof cell.value === "string" ? cell.value : link.cell, hyperlink: internalLink(link.sheet, link.cell) };
  }
  if (plan.hidden) ws.state = plan.hidden;
  ws.getCell("A1").font = { bold: true, size: 14 };
  plan.widths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: plan.headerRow + 1 }];
  addBorders(ws, plan);
  const lastRow = plan.rows.length - 1;
  for (const h of plan.highlights) addHighlights(ws, h.column, plan.headerRow + 1, lastRow, h.rules);
  setPrintLayout(ws, plan.print ?? printLayout(plan));
  return written;
}
