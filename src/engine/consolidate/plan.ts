import type { DataIssue, WorkbookInput } from "../types";
import type { SheetPlan, WorkbookPlan } from "../plan/types";
import { allSheetNames, placeSheets, readMemory, sheetMarkers } from "../memory/our-sheets";

/**
 * The consolidation written into an open workbook (the pane's 汇总上报), as evaluate writes: our
 * sheets under the names the engine gives them, a previous consolidation's untouched sheets
 * replaced, one the user edited or renamed kept (and named in `issues`), an evaluation's sheets
 * and the user's own never touched; markers so the next run knows them.
 */
export function consolidationPlan(input: WorkbookInput, sheets: readonly SheetPlan[]): { plan: WorkbookPlan; issues: DataIssue[] } {
  const memory = readMemory(input);
  const placement = placeSheets(
    sheets.map((s) => ({ kind: s.kind, name: s.name })),
    allSheetNames(input),
    memory,
  );
  const placed = sheets.map((sheet) => ({ ...sheet, name: placement.names.get(sheet.kind) ?? sheet.name }));
  return { plan: { resultBlocks: [], sheets: placed, removeSheets: placement.removeSheets, names: sheetMarkers(placed) }, issues: placement.issues };
}
