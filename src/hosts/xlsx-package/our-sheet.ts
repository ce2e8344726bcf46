import type { SheetPlan } from "../../engine/plan/types";
import { printLayout } from "../../engine/plan/print";
import { a1 } from "./cell-address";
import { highlightXml } from "./conditional-xml";
import { textCell } from "./row-patch";
import type { OurStyles } from "./styles-patch";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The style of one of our cells: header, title, bold rows, percentages and one-decimal numbers. */
function styleOf(plan: SheetPlan, styles: OurStyles, r: number, c: number, value: string | number, sets: { percent: Set<number>; decimal: Set<number>; bold: Set<number> }): number | null {
  if (r === plan.headerRow) return styles.header;
  if (r === 0 && c === 0) return styles.title;
  const bold = sets.bold.has(r);
  if (r > plan.headerRow && typeof value === "number") {
    if (sets.percent.has(c)) return bold ? styles.boldPercent : styles.percent;
    if (sets.decimal.has(c)) return bold ? styles.boldDecimal : styles.decimal;
  }
  return bold ? styles.bold : null;
}

function numberCell(row: number, col: number, value: number, style: number | null): string {
  return `<c r="${a1(row, col)}"${style !== null ? ` s="${style}"` : ""}><v>${value}</v></c>`;
}

/**
 * One of our sheets as worksheet XML, a piece at a time: frozen header, column widths, values
 * (text as inline strings, never formulas), bold and filled header, number formats, highlights,
 * and the drawing that holds its chart when it has one.
 */
export function* ourSheetXml(plan: SheetPlan, styles: OurStyles, drawingRelId: string | null): Generator<string> {
  const split = plan.headerRow + 1;
  const print = plan.print ?? printLayout(plan);
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>`;
  yield `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`;
  yield `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${split}" topLeftCell="A${split + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${split + 1}" sqref="A${split + 1}"/></sheetView></sheetViews>`;
  yield `<sheetFormatPr defaultRowHeight="15"/>`;
  const widths = plan.widths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : "")).join("");
  if (widths) yield `<cols>${widths}</cols>`;
  yield "<sheetData>";
  const sets = { percent: new Set(plan.percentColumns), decimal: new Set(plan.decimalColumns), bold: new Set(plan.boldRows) };
  let piece: string[] = [];
  for (let r = 0; r < plan.rows.length; r++) {
    const cells: string[] = [];
    plan.rows[r].forEach((value, c) => {
      if (value === null || value === undefined || value === "") return;
      if (typeof value === "number" && !Number.isFinite(value)) return;
      const style = styleOf(plan, styles, r, c, value, sets);
      cells.push(typeof value === "number" ? numberCell(r, c, value, style) : textCell(r, c, value, style));
    });
    if (cells.length > 0) piece.push(`<row r="${r + 1}">${cells.join("")}</row>`);
    if (piece.length >= 500) {
      yield piece.join("");
      piece = [];
    }
  }
  yield piece.join("");
  yield "</sheetData>";
  const priority = { next: 1 };
  const lastRow = plan.rows.length - 1;
  for (const h of plan.highlights) yield highlightXml(h.column, plan.headerRow + 1, lastRow, h.rules, styles.dxf, priority);
  yield `<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`;
  yield `<pageSetup paperSize="9" orientation="${print.landscape ? "landscape" : "portrait"}" fitToWidth="${print.pagesWide}" fitToHeight="0"/>`;
  if (drawingRelId) yield `<drawing r:id="${drawingRelId}"/>`;
  yield "</worksheet>";
}
