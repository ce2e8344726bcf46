import { CHART_SIZE, type PrintPlan, type SheetPlan } from "./types";

/** About as many characters of column width as fit across an A4 page at 100%, upright and sideways. */
const PORTRAIT_CHARACTERS = 90;

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
