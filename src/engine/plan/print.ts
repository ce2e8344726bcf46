import type { PrintPlan, SheetPlan } from "./types";

/** About as many characters of column width as fit across an A4 page at 100%, upright and sideways. */
const PORTRAIT_CHARACTERS = 90;
const LANDSCAPE_CHARACTERS = 135;

/**
 * How a sheet of ours prints for the level above: A4, landscape when the table is wider than a
 * portrait page, as few pages wide as keep the text readable (the branch summary's 22 columns
 * take two, its first column repeated on each), as many pages down as needed, the title and
 * header on every page.
 */
export function printLayout(sheet: Pick<SheetPlan, "widths" | "headerRow">): PrintPlan {
  const width = sheet.widths.reduce((sum, w) => sum + Math.max(0, w), 0);
  const landscape = width > PORTRAIT_CHARACTERS;
  const pagesWide = Math.max(1, Math.ceil(width / (landscape ? LANDSCAPE_CHARACTERS : PORTRAIT_CHARACTERS)));
  return { landscape, pagesWide, titleRows: sheet.headerRow + 1, repeatFirstColumn: pagesWide > 1 };
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

/** The sheet with its print layout set. */
export function withPrintLayout<T extends SheetPlan>(sheet: T): T {
  return { ...sheet, print: printLayout(sheet) };
}
