import type { WorkbookPlan } from "../../engine/plan/types";
import { XianjiaoError } from "../../errors";

/** Our sheets are built under these names and renamed once everything else is written. */
export const TEMP_PREFIX = "~评议临时";
const MAX_SUFFIX = 9;

const lower = (s: string) => s.toLowerCase();

/** name, name(2), … name(9): the names one of our sheets may take. */
export function candidates(name: string): string[] {
  return Array.from({ length: MAX_SUFFIX }, (_, i) => (i === 0 ? name : `${name}(${i + 1})`));
}

/** Where each of our sheets goes: the name it is built under, the name it takes, the sheets it replaces. */
export interface Placement {
  /** Per plan sheet, the name it takes at the end. */
  finalNames: string[];
  /** Per plan sheet, the temporary name it is built under. */
  tempNames: string[];
  /** Earlier sheets of ours that the new ones replace. */
  replaced: string[];
  /** Temporary sheets an interrupted run left behind. */
  leftovers: string[];
}

/**
 * Names our sheets: each takes the first of its candidate names that is free or already ours
 * (`isOurs`), so a user's sheet of the same name is never touched.
 */
export function placeSheets(plan: WorkbookPlan, names: readonly string[], isOurs: (name: string) => boolean): Placement {
  const existing = new Map(names.map((n) => [lower(n), n]));
  const taken = new Set(existing.keys());
  const replaced: string[] = [];
  const finalNames: string[] = [];
  for (const sheet of plan.sheets) {
    const name = candidates(sheet.name).find((n) => !finalNames.some((f) => lower(f) === lower(n)) && (!taken.has(lower(n)) || isOurs(n)));
    if (!name) throw new XianjiaoError("OFFICE_NO_SHEET_NAME", { sheet: sheet.name });
    if (taken.has(lower(name))) replaced.push(existing.get(lower(name))!);
    finalNames.push(name);
  }
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

/** The names of our sheets' possible places that exist in the workbook (lower case), to look at their A1. */
export function namesToCheck(plan: WorkbookPlan, names: readonly string[]): Map<string, string> {
  const existing = new Map(names.map((n) => [lower(n), n]));
  const out = new Map<string, string>();
  for (const n of plan.sheets.flatMap((s) => candidates(s.name)).map(lower)) {
    const name = existing.get(n);
    if (name) out.set(n, name);
  }
  return out;
}
