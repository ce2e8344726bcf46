import * as path from "node:path";
import { readSummary, type UnitSummary } from "../engine";
import { loadWorkbook } from "../hosts/xlsx";
import { gridsOf } from "../hosts/xlsx/grids";

export type { SummaryRow, UnitSummary } from "../engine";

/** Reads an exported summary (or an evaluated workbook): unit, rule fingerprint, branch rows, 合计 (see engine/consolidate/summary.ts). */
export async function readSummaryFile(file: string): Promise<UnitSummary> {
  const name = path.basename(file);
  const workbook = await loadWorkbook(file);
  return readSummary(gridsOf(workbook), name, path.basename(file, path.extname(file)));
}
