import type { RawCell, SheetGrid, WorkbookInput } from "../../src/engine/types";
import type { SheetSpec } from "./sheets";

/** A sheet as a host hands it to the engine: a dense rectangle from A1, number formats alongside. */
export function specToGrid(sheet: SheetSpec): SheetGrid {
  let width = 0;
  for (const row of sheet.rows) width = Math.max(width, row.length);
  for (const m of sheet.merges) width = Math.max(width, m.right + 1);
  const values: RawCell[][] = new Array(sheet.rows.length);
  const numberFormats: (string | null)[][] = new Array(sheet.rows.length);
  sheet.rows.forEach((row, r) => {
    const line = new Array<RawCell>(width).fill(null);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      line[c] = v === undefined || v === "" ? null : v;
    }
    values[r] = line;
    const formats = new Array<string | null>(width).fill(null);
    const given = sheet.formats.get(r);
    if (given) for (const [c, f] of given) formats[c] = f;
    numberFormats[r] = formats;
  });
  return { name: sheet.name, values, numberFormats, merges: sheet.merges.map((m) => ({ ...m })), origin: { row: 0, col: 0 } };
}

export function specsToInput(sheets: SheetSpec[]): WorkbookInput {
  return { sheets: sheets.map(specToGrid) };
}
