import type { WorkbookPlan } from "../../engine/plan/types";
import { XianjiaoError } from "../../errors";

/** Our sheets are built under these names and renamed once everything else is written. */
export const TEMP_PREFIX = "~评议临时";

const lower = (s: string) => s.toLowerCase();

/** Where each of our sheets goes: the name it is built under, the name it takes, the sheets it replaces. */
export interface Placement {
  /** Per plan sheet, the name it takes at the end. */
  finalNames: string[];
  /** Per plan sheet, the temporary name it is built under. */
  tempNames: string[];
  /** Earlier sheets of ours that the plan removes (those still there). */
  replaced: string[];
  /** Temporary sheets an interrupted run left behind. */
  leftovers: string[];
}

/**
 * Our sheets take the names the plan gives them, once the earlier sheets of ours it removes are
 * gone. The engine chose them against the sheets it read: a name taken by another sheet now
 * means the workbook changed since, and is refused before anything is written.
 */
export function placeSheets(plan: WorkbookPlan, names: readonly string[]): Placement {
  const removing = new Set(plan.removeSheets.map(lower));
  const replaced = names.filter((n) => removing.has(lower(n)));
  const taken = new Set(names.map(lower));
  const staying = new Set(names.map(lower).filter((n) => !removing.has(n)));
  const clash = plan.sheets.find((s) => staying.has(lower(s.name)));
  if (clash) throw new XianjiaoError("OFFICE_NAME_TAKEN", { sheet: clash.name });
  const finalNames = plan.sheets.map((s) => s.name);
  const leftovers = names.filter((n) => n.startsWith(TEMP_PREFIX));
  let tempIndex = 0;
  const tempNames = plan.sheets.map(() => {
    let name: string;
    do name = `${TEMP_PREFIX}${++tempIndex}`;
    while (taken.has(lower(name)) && !leftovers.includes(name));
    return name;
  });
  return { finalNames, tempNames, replaced, leftovers };
}
