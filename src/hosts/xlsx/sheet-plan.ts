import type ExcelJS from "exceljs";
import type { HighlightRule, PrintPlan, SheetPlan } from "../../engine/plan/types";
import { LINE_POINTS, borderedAreas, printLayout, wrappedRowLines } from "../../engine/plan/print";
import { styleHeader, writeValue } from "./styles";

/** Adds one column's highlight rules over rows firstRow…lastRow (0-based). */
export type AddHighlights = (ws: ExcelJS.Worksheet, column: number, firstRow: number, lastRow: number, rules: HighlightRule[]) => void;

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };

/** 'Sheet'!B7: a hyperlink to a cell of the workbook (written as a location once internal-links.ts is installed). */
function internalLink(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** A4, the plan's orientation and pages across, centred, title and header repeated on every page. */
export function printSetup(print: PrintPlan): Partial<ExcelJS.PageSetup> {
  return {
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
}

/** Page numbers centred in the footer ("第 &P 页 共 &N 页"), when the plan has them. */
export const printFooter = (print: PrintPlan): Partial<ExcelJS.HeaderFooter> => (print.footer ? { oddFooter: `&C${print.footer}` } : {});

export function setPrintLayout(ws: ExcelJS.Worksheet, print: PrintPlan): void {
  ws.pageSetup = { ...ws.pageSetup, ...printSetup(print) } as ExcelJS.PageSetup;
  ws.headerFooter = { ...ws.headerFooter, ...printFooter(print) };
}

type Area = ReturnType<typeof borderedAreas>[number];

/** What decides the look of each row of a planned sheet. */
export interface RowLook {
  percent: Set<number>;
  decimal: Set<number>;
  bold: Set<number>;
  wrap: Set<number>;
  /** The tables bordered cell by cell (gridlines do not print). */
  areas: Area[];
  /** Rows several lines tall (wrapped text) → lines. */
  tall: Map<number, number>;
  /** 0-based rows that begin a printed page. */
  breaks: Set<number>;
  links: Map<number, NonNullable<SheetPlan["links"]>>;
}

export function lookOf(plan: SheetPlan): RowLook {
  const links = new Map<number, NonNullable<SheetPlan["links"]>>();
  for (const link of plan.links ?? []) links.set(link.row, [...(links.get(link.row) ?? []), link]);
  return {
    percent: new Set(plan.percentColumns),
    decimal: new Set(plan.decimalColumns),
    bold: new Set(plan.boldRows),
    wrap: new Set(plan.wrapColumns ?? []),
    areas: borderedAreas(plan),
    tall: wrappedRowLines(plan),
    breaks: new Set((plan.print ?? printLayout(plan)).rowBreaks),
    links,
  };
}

/**
 * Writes row `r` of a plan: values (text never as a formula), the header bold and filled, bold
 * 合计 rows, number formats, wrapped text and the cells beside it top-aligned, a height for
 * wrapped text (a file's reader does not fit rows by itself), links to cells, the title's font,
 * thin grey borders round every cell of the tables, so a printed page reads row by row, and a
 * page break after the row when the next begins a page. Returns the cells written.
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
    // a sheet headed by its title alone (本次评议依据) has no header row to fill
    if (r === plan.headerRow && r > 0) styleHeader(cell);
    else if (look.bold.has(r)) cell.font = { bold: true };
    else if (r > plan.headerRow && look.wrap.has(c) && typeof value === "string") cell.alignment = { vertical: "top", wrapText: true };
    else if (r > plan.headerRow && look.wrap.size > 0) cell.alignment = { vertical: "top" };
  });
  if (r === 0) row.getCell(1).font = { bold: true, size: 14 };
  const lines = look.tall.get(r);
  if (lines) row.height = lines * LINE_POINTS;
  for (const link of look.links.get(r) ?? []) {
    const cell = row.getCell(link.column + 1);
    cell.value = { text: typeof cell.value === "string" ? cell.value : link.cell, hyperlink: internalLink(link.sheet, link.cell) };
  }
  for (const area of look.areas) {
    if (r < area.top || r > area.bottom) continue;
    for (let c = area.left; c <= area.right; c++) row.getCell(c + 1).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  }
  // exceljs breaks after the row it is given
  if (look.breaks.has(r + 1)) row.addPageBreak();
  return written;
}

/** The frozen header row of a planned sheet. */
export const planViews = (plan: SheetPlan): Partial<ExcelJS.WorksheetView>[] => [{ state: "frozen", xSplit: 0, ySplit: plan.headerRow + 1 }];

/** Widths, the frozen header, highlights, the print layout and whether it is hidden: what a sheet needs besides its rows. */
export function writePlanSettings(ws: ExcelJS.Worksheet, plan: SheetPlan, addHighlights: AddHighlights, views = true): void {
  plan.widths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  // exceljs's streaming writer takes its views when the sheet is added (`views` false)
  if (views) ws.views = planViews(plan);
  const lastRow = plan.rows.length - 1;
  for (const h of plan.highlights) addHighlights(ws, h.column, plan.headerRow + 1, lastRow, h.rules);
  setPrintLayout(ws, plan.print ?? printLayout(plan));
  if (plan.hidden) ws.state = plan.hidden;
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
