import { CHART_SIZE, type PrintPlan, type SheetPlan } from "./types";
import { displayWidth } from "./sheetCommon";

/** About as many characters of column width as fit across an A4 page at 100%, upright and sideways. */
const PORTRAIT_CHARACTERS = 90;

/** Excel keeps at most this many manual page breaks in a sheet (its specifications: 1,026). */
export const MAX_PAGE_BREAKS = 1026;

/** "第 1 页 共 3 页" centred at the foot of every page (Excel's codes: &P the page, &N the pages). */
export const PAGE_FOOTER = "第 &P 页 共 &N 页";

const LANDSCAPE_CHARACTERS = 135;
/** Rows of 15 points an A4 page holds at 100% between its margins, upright and sideways. */
const PORTRAIT_ROWS = 50;
const LANDSCAPE_ROWS = 32;
/** Rows a chart (CHART_SIZE) covers, and the blank row above it. */
const CHART_ROWS = Math.ceil(CHART_SIZE.heightPoints / 15) + 1;

/**
 * How a sheet of ours prints for the level above: A4, landscape when the table is wider than a
 * portrait page, always one page wide (a table cut across two sheets of paper cannot be read
 * side by side) and as many pages down as needed, the title and header on every page, page
 * numbers in the footer. A chart that would not fit under the table on its page starts a page
 * of its own, so it is never cut.
 */
export function printLayout(sheet: Pick<SheetPlan, "widths" | "headerRow"> & Partial<Pick<SheetPlan, "chart" | "rows">>): PrintPlan {
  const width = sheet.widths.reduce((sum, w) => sum + Math.max(0, w), 0);
  const landscape = width > PORTRAIT_CHARACTERS;
  // fit to one page wide scales everything down alike: a page then holds more rows
  const scale = Math.min(1, (landscape ? LANDSCAPE_CHARACTERS : PORTRAIT_CHARACTERS) / Math.max(1, width));
  const pageRows = (landscape ? LANDSCAPE_ROWS : PORTRAIT_ROWS) / scale;
  const chartRow = sheet.chart?.anchor.row;
  const rowBreaks = chartRow !== undefined && chartRow > 0 && (chartRow % pageRows) + CHART_ROWS > pageRows ? [chartRow - 1] : [];
  return { landscape, pagesWide: 1, titleRows: sheet.headerRow + 1, repeatFirstColumn: false, rowBreaks, footer: PAGE_FOOTER };
}

/** The table of a sheet (0-based, inclusive): from the header row down to the first blank row, as wide as the header. */
export function tableArea(sheet: Pick<SheetPlan, "rows" | "headerRow">): { top: number; bottom: number; right: number } | null {
  const header = sheet.rows[sheet.headerRow] ?? [];
  let right = header.length - 1;
  while (right >= 0 && (header[right] === null || header[right] === "")) right--;
  if (sheet.headerRow === 0 || right < 0) return null;
  let bottom = sheet.headerRow;
  while (bottom + 1 < sheet.rows.length && sheet.rows[bottom + 1].some((v) => v !== null && v !== "")) bottom++;
  return { top: sheet.headerRow, bottom, right };
}

/** The areas of a sheet that get borders: the plan's own, else the table under the header. */
export function borderedAreas(sheet: Pick<SheetPlan, "rows" | "headerRow" | "bordered">): { top: number; left: number; bottom: number; right: number }[] {
  if (sheet.bordered) return sheet.bordered;
  const area = tableArea(sheet);
  return area ? [{ top: area.top, left: 0, bottom: area.bottom, right: area.right }] : [];
}

/** The sheet with its print layout set (a layout the sheet already has is kept). */
export function withPrintLayout<T extends SheetPlan>(sheet: T): T {
  return sheet.print ? sheet : { ...sheet, print: printLayout(sheet) };
}

/** Points a line of text takes in a row (11-point text, Chinese glyphs included, with room to spare). */
export const LINE_POINTS = 16;

/**
 * Rows whose wrapped text needs more than one line, with the lines it needs: in each wrapped
 * column, the text's width (a Chinese character counted as two) over the column's width. A
 * program opening a file does not fit rows to wrapped text by itself (LibreOffice does not,
 * and Excel only when told), so the file writers set these heights; Excel's own host fits the
 * rows instead. An estimate that errs on the tall side: a cut line is worse than a blank one.
 */
export function wrappedRowLines(sheet: Pick<SheetPlan, "rows" | "headerRow" | "widths" | "wrapColumns">): Map<number, number> {
  const out = new Map<number, number>();
  const columns = sheet.wrapColumns ?? [];
  if (columns.length === 0) return out;
  for (let r = sheet.headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    let lines = 1;
    for (const c of columns) {
      const value = row[c];
      if (typeof value !== "string" || value === "") continue;
      const room = Math.max(2, (sheet.widths[c] ?? 8) - 1.5);
      lines = Math.max(lines, Math.ceil((displayWidth(value) - 2) / room));
    }
    if (lines > 1) out.set(r, lines);
  }
  return out;
}
