import * as path from "node:path";
import { readSummary, type SheetGrid, type UnitSummary } from "../engine";
import { readOurSheets } from "./our-sheets";

export type { SummaryRow, UnitSummary } from "../engine";

/**
 * Reads an exported summary (or an evaluated workbook): unit, rule fingerprint, branch rows, 合计
 * (see engine/consolidate/summary.ts). Only our sheets are read from the package.
 */
export async function readSummaryFile(file: string): Promise<UnitSummary> {
  const name = path.basename(file);
  const sheets = await readOurSheets(file, ["technical", "about", "branches"]);
  const grids = Object.values(sheets).filter((grid): grid is SheetGrid => grid !== undefined);
  return readSummary(grids, name, path.basename(file, path.extname(file)));
}
