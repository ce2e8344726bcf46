import { ABOUT_KEYS, SHEET_MARK, SHEET_NAMES, type RawCell, type SheetGrid, type SummarySheetKind } from "../engine";
import * as path from "node:path";
import { XianjiaoError } from "../errors";
import { gridHash } from "../engine/memory/content-hash";
import { parseSheetMarker, SHEET_MARKER } from "../engine/memory/markers";
import { readPackage } from "../hosts/xlsx-package";

/**
 * Our summary sheets of an evaluated workbook or an exported summary, read by streaming its
 * package: only sheets of ours are read (a city's roster stays on disk) — known by their marker,
 * else, in an older version's output, by their name and a title starting with the product's
 * name, else, in a summary workbook (which carries no markers: its 评议-技术信息 says what it
 * is), by their name alone — and a formula typed into one of them reads as empty: its result is
 * the workbook's, not ours. A marked sheet the user edited or renamed since is not one of this
 * run's (the engine kept it).
 */
export async function readOurSheets(
  file: string,
  kinds: readonly SummarySheetKind[],
  /** Kinds read only for what they tell (the issues' count of an e-mail): edited since, they are left out instead. */
  lenient: readonly SummarySheetKind[] = [],
): Promise<Partial<Record<SummarySheetKind, SheetGrid>>> {
  const wanted = new Set<string>(kinds);
  const byName = new Map(kinds.map((kind) => [SHEET_NAMES[kind], kind]));
  // "评议-说明", or "评议-说明(2)" beside a user's sheet of that name
  const named = (name: string) => byName.get(name.replace(/\(\d+\)$/, ""));
  const marked = (name: string, markers: Readonly<Record<string, string>>) => {
    const marker = parseSheetMarker(markers[SHEET_MARKER]);
    return marker && wanted.has(marker.kind) && marker.name === name ? (marker.kind as SummarySheetKind) : undefined;
  };
  const { input, read } = await readPackage(file, { sheets: (name, markers) => (marked(name, markers) ?? named(name)) !== undefined, dropFormulas: true });
  const found: Partial<Record<SummarySheetKind, SheetGrid>> = {};
  const legacy: Partial<Record<SummarySheetKind, SheetGrid>> = {};
  const byNameAlone: Partial<Record<SummarySheetKind, SheetGrid>> = {};
  read.sheets.forEach((sheet, i) => {
    const byMarker = marked(sheet.entry.name, sheet.entry.markers);
    if (byMarker) {
      // what the run wrote, or something typed over it since: then the figures are no longer ours
      if (gridHash(input.sheets[i]) !== parseSheetMarker(sheet.entry.markers[SHEET_MARKER])!.hash) {
        if (lenient.includes(byMarker)) return;
        throw new XianjiaoError("SUMMARY_EDITED", { file: path.basename(file), sheet: sheet.entry.name });
      }
      found[byMarker] ??= input.sheets[i];
      return;
    }
    const kind = named(sheet.entry.name);
    if (!kind) return;
    if (sheet.a1Text !== null && sheet.a1Text.startsWith(SHEET_MARK)) legacy[kind] ??= input.sheets[i];
    else byNameAlone[kind] ??= input.sheets[i];
  });
  return { ...byNameAlone, ...legacy, ...found };
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
