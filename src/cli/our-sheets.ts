import { ABOUT_KEYS, SHEET_MARK, SHEET_NAMES, type RawCell, type SheetGrid, type SummarySheetKind } from "../engine";
import { readPackage } from "../hosts/xlsx-package";

/**
 * Our summary sheets of an evaluated workbook or an exported summary, read by streaming its
 * package: only the sheets named like ours are read (a city's roster stays on disk), and a
 * formula typed into one of them reads as empty — its result is the workbook's, not ours.
 */
export async function readOurSheets(file: string, kinds: readonly SummarySheetKind[]): Promise<Partial<Record<SummarySheetKind, SheetGrid>>> {
  const byName = new Map(kinds.map((kind) => [SHEET_NAMES[kind], kind]));
  // "评议-说明", or "评议-说明(2)" beside a user's sheet of that name
  const kindOf = (name: string) => byName.get(name.replace(/\(\d+\)$/, ""));
  const { input, read } = await readPackage(file, { sheets: (name) => kindOf(name) !== undefined, dropFormulas: true });
  const found: Partial<Record<SummarySheetKind, SheetGrid>> = {};
  read.sheets.forEach((sheet, i) => {
    const kind = kindOf(sheet.entry.name);
    if (kind && !found[kind] && sheet.a1Text !== null && sheet.a1Text.startsWith(SHEET_MARK)) found[kind] = input.sheets[i];
  });
  return found;
}

/** A cell of a grid by 0-based sheet row and column (null when empty). */
export function cellAt(grid: SheetGrid, row: number, col: number): RawCell {
  const o = grid.origin ?? { row: 0, col: 0 };
  return grid.values[row - o.row]?.[col - o.col] ?? null;
}

/** A cell as plain text ("" when empty); numbers as written. */
export function cellText(grid: SheetGrid, row: number, col: number): string {
  const value = cellAt(grid, row, col);
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value).trim();
  return "";
}

/** The 0-based sheet row just past a grid's last row. */
export function rowsEnd(grid: SheetGrid): number {
  return (grid.origin?.row ?? 0) + grid.values.length;
}

/** The key | value rows of 评议-说明 (ABOUT_KEYS): key text → value text. */
export function readAbout(grid: SheetGrid): Map<string, string> {
  const keys = new Set<string>(Object.values(ABOUT_KEYS));
  const out = new Map<string, string>();
  for (let r = 0; r < rowsEnd(grid); r++) {
    const key = cellText(grid, r, 0);
    if (keys.has(key) && !out.has(key)) out.set(key, cellText(grid, r, 1));
  }
  return out;
}
