import type { SheetPlan } from "../../engine/plan/types";
import { LINE_POINTS, borderedAreas, printLayout, wrappedRowLines } from "../../engine/plan/print";
import { a1 } from "./cell-address";
import { highlightXml } from "./conditional-xml";
import { textCell } from "./row-patch";
import type { OurStyles } from "./styles-patch";
import { escapeAttribute, escapeText } from "./xml-text";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

interface StyleSets {
  percent: Set<number>;
  decimal: Set<number>;
  bold: Set<number>;
  wrap: Set<number>;
  /** Per row, the bordered column span it lies in (rows outside every bordered area absent). */
  boxed: Map<number, { left: number; right: number }>;
}

function styleSets(plan: SheetPlan): StyleSets {
  const boxed = new Map<number, { left: number; right: number }>();
  for (const area of borderedAreas(plan)) for (let r = area.top; r <= area.bottom; r++) boxed.set(r, { left: area.left, right: area.right });
  return { percent: new Set(plan.percentColumns), decimal: new Set(plan.decimalColumns), bold: new Set(plan.boldRows), wrap: new Set(plan.wrapColumns ?? []), boxed };
}

/** The style of one of our cells: header, title, bold rows, percentages and one-decimal numbers, wrapped text, inside a bordered table or not. */
function styleOf(plan: SheetPlan, styles: OurStyles, r: number, c: number, value: string | number | null, sets: StyleSets): number | null {
  const span = sets.boxed.get(r);
  const inBox = span !== undefined && c >= span.left && c <= span.right;
  if (r === 0 && c === 0) return styles.title;
  if (r === plan.headerRow) return inBox || sets.boxed.size > 0 ? styles.boxed.header : styles.header;
  const bold = sets.bold.has(r);
  const set = inBox ? styles.boxed : styles;
  if (r > plan.headerRow && typeof value === "number") {
    if (sets.percent.has(c)) return bold ? set.boldPercent : set.percent;
    if (sets.decimal.has(c)) return bold ? set.boldDecimal : set.decimal;
  }
  if (r > plan.headerRow && sets.wrap.has(c) && !bold && typeof value !== "number") return set.wrap;
  if (bold) return set.bold;
  if (inBox) return styles.boxed.plain;
  // beside wrapped text, a label reads from the top too
  return r > plan.headerRow && sets.wrap.size > 0 && typeof value === "string" ? styles.top : null;
}

function numberCell(row: number, col: number, value: number, style: number | null): string {
  return `<c r="${a1(row, col)}"${style !== null ? ` s="${style}"` : ""}><v>${value}</v></c>`;
}

/** An empty cell that only carries its style (a bordered table's blank cell). */
function styledBlank(row: number, col: number, style: number): string {
  return `<c r="${a1(row, col)}" s="${style}"/>`;
}

/** 'Sheet'!B7 as a hyperlink's location names a cell of the workbook. */
function location(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * One of our sheets as worksheet XML, a piece at a time: frozen header, column widths, values
 * (text as inline strings, never formulas), bold and filled header, number formats, wrapped
 * text and bordered tables, highlights, internal links, the print layout (A4, fit to the page's
 * width, page breaks, page numbers in the footer) and the drawing that holds its chart when it
 * has one. Elements in the order the schema (CT_Worksheet) gives them.
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
  const sets = styleSets(plan);
  const tall = wrappedRowLines(plan);
  let piece: string[] = [];
  for (let r = 0; r < plan.rows.length; r++) {
    const cells: string[] = [];
    const values = plan.rows[r];
    const span = sets.boxed.get(r);
    const right = Math.max(values.length - 1, span?.right ?? -1);
    for (let c = 0; c <= right; c++) {
      const value = values[c];
      const empty = value === null || value === undefined || value === "" || (typeof value === "number" && !Number.isFinite(value));
      if (empty) {
        // a blank cell of a bordered table keeps its border
        if (span && c >= span.left && c <= span.right) cells.push(styledBlank(r, c, r === plan.headerRow ? styles.boxed.header : styles.boxed.plain));
        continue;
      }
      const style = styleOf(plan, styles, r, c, value, sets);
      cells.push(typeof value === "number" ? numberCell(r, c, value, style) : textCell(r, c, value, style));
    }
    const lines = tall.get(r);
    const height = lines ? ` ht="${lines * LINE_POINTS}" customHeight="1"` : "";
    if (cells.length > 0) piece.push(`<row r="${r + 1}"${height}>${cells.join("")}</row>`);
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
  const links = plan.links ?? [];
  if (links.length > 0) {
    yield "<hyperlinks>";
    for (let i = 0; i < links.length; i += 500) {
      yield links
        .slice(i, i + 500)
        .map((link) => `<hyperlink ref="${a1(link.row, link.column)}" location="${escapeAttribute(location(link.sheet, link.cell))}" display="${escapeAttribute(link.cell)}"/>`)
        .join("");
    }
    yield "</hyperlinks>";
  }
  yield `<printOptions horizontalCentered="1"/>`;
  yield `<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`;
  yield `<pageSetup paperSize="9" orientation="${print.landscape ? "landscape" : "portrait"}" fitToWidth="${print.pagesWide}" fitToHeight="0"/>`;
  if (print.footer) yield `<headerFooter><oddFooter>${escapeText(`&C${print.footer}`)}</oddFooter></headerFooter>`;
  if (print.rowBreaks.length > 0) {
    const breaks = print.rowBreaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join("");
    yield `<rowBreaks count="${print.rowBreaks.length}" manualBreakCount="${print.rowBreaks.length}">${breaks}</rowBreaks>`;
  }
  if (drawingRelId) yield `<drawing r:id="${drawingRelId}"/>`;
  yield "</worksheet>";
}
