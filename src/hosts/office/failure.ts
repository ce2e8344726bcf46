import { changesStructure, errorLocation, mapOfficeError, officeCode } from "./errors";
import type { WriteUnit } from "./batches";
import type { XlContext } from "./excel-api";
import type { Placement } from "./names";

/** What was being written when a sync failed. */
export interface FailedSync {
  /** The units of the failed sync (empty when the failure came before any write). */
  batch: WriteUnit[];
  /** The user's sheets that hold result blocks (units label their writes with the sheet). */
  userSheets: ReadonlySet<string>;
  placement: Placement;
}

/**
 * Names the cause of a failed write. An Office error covers its whole sync, so the failed call
 * is found by its errorLocation ("WorksheetCollection.add", "Range.values") and checked against
 * the workbook (one more sync): a protected structure, which of the sync's user sheets is
 * protected, or which of our sheets' names was taken meanwhile. Never a guess.
 */
export async function explainFailure(context: XlContext, error: unknown, failed: FailedSync): Promise<Error> {
  const code = officeCode(error);
  const where = errorLocation(error);
  if (code === "AccessDenied") {
    if (changesStructure(where)) return mapOfficeError(error, { structure: true });
    const sheets = [...new Set(failed.batch.map((u) => u.sheet).filter((s) => failed.userSheets.has(s)))];
    const found = await protection(context, sheets);
    if (found.sheet) return mapOfficeError(error, { sheet: found.sheet });
    return mapOfficeError(error, { structure: where === undefined && found.structure });
  }
  if (code === "ItemAlreadyExists" && where === "Worksheet.name") return mapOfficeError(error, { sheet: await nameTaken(context, failed.placement) });
  return mapOfficeError(error);
}

/** Which of `sheets` is protected, and whether the workbook's structure is; nothing when it cannot be told. */
async function protection(context: XlContext, sheets: string[]): Promise<{ sheet?: string; structure?: boolean }> {
  try {
    const { workbook } = context;
    workbook.protection.load("protected");
    const probes = sheets.map((name) => {
      const sheet = workbook.worksheets.getItemOrNullObject(name);
      sheet.protection.load("protected");
      return { name, sheet };
    });
    await context.sync();
    const locked = probes.find((p) => !p.sheet.isNullObject && p.sheet.protection.protected);
    return { sheet: locked?.name, structure: workbook.protection.protected };
  } catch {
    return {};
  }
}

/**
 * The name one of our sheets could not take: the renames run in order and stop at the failing
 * one, so it belongs to the first temporary sheet still under its temporary name.
 */
async function nameTaken(context: XlContext, placement: Placement): Promise<string | undefined> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const names = new Set(sheets.items.map((s) => s.name));
    const i = placement.tempNames.findIndex((n) => names.has(n));
    return i < 0 ? undefined : placement.finalNames[i];
  } catch {
    return undefined;
  }
}

/** Best effort: drops the temporary sheets of a failed apply (a later run would drop them too). */
export async function removeTemps(context: XlContext, tempNames: string[]): Promise<void> {
  try {
    const sheets = tempNames.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
    await context.sync();
    const found = sheets.filter((s) => !s.isNullObject);
    if (found.length === 0) return;
    for (const s of found) s.delete();
    await context.sync();
  } catch {
    // The next run deletes leftovers by their prefix.
  }
}
