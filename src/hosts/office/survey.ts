import { SHEET_MARK, type WorkbookPlan } from "../../engine/plan/types";
import { XianjiaoError } from "../../errors";
import { probeBlock, type BlockProbe } from "./block";
import { throwIfAborted } from "./errors";
import type { XlContext, XlRange } from "./excel-api";
import { namesToCheck } from "./names";

/** What applying a plan learns about the workbook before it writes anything. */
export interface Survey {
  /** Sheet names, in workbook order. */
  names: string[];
  /** The result blocks whose sheet exists, with what was loaded about each. */
  blocks: BlockProbe[];
  /** Whether an existing sheet of this name is one of ours (its A1 starts with SHEET_MARK). */
  isOurs(name: string): boolean;
}

export interface SurveyOptions {
  /** Whether `workbook.readOnly` can be asked (ExcelApi 1.8). */
  canAskReadOnly: boolean;
  signal?: AbortSignal;
}

/**
 * Looks at the workbook in two syncs: first the sheet names, whether it is read-only or its
 * structure protected, and every result block's sheet (protection, the previous run's headers,
 * used rows); then cell A1 of the sheets ours could replace, to tell ours from the user's.
 * What Excel would refuse half-way is refused here, before anything is written: a read-only
 * workbook, a protected structure (our sheets could not be added), a protected sheet.
 */
export async function surveyWorkbook(context: XlContext, plan: WorkbookPlan, options: SurveyOptions): Promise<Survey> {
  const { workbook } = context;
  workbook.worksheets.load("items/name");
  workbook.protection.load("protected");
  if (options.canAskReadOnly) workbook.load("readOnly");
  const probes = plan.resultBlocks.map((block) => probeBlock(context, block));
  await context.sync();
  throwIfAborted(options.signal);
  if (options.canAskReadOnly && workbook.readOnly) throw new XianjiaoError("OFFICE_READ_ONLY");
  if (workbook.protection.protected && plan.sheets.length > 0) throw new XianjiaoError("OFFICE_WORKBOOK_PROTECTED");
  const blocks = probes.filter((p) => !p.sheet.isNullObject);
  const locked = blocks.find((p) => p.sheet.protection.protected);
  if (locked) throw new XianjiaoError("OFFICE_SHEET_PROTECTED", { sheet: locked.block.sheet });
  const names = workbook.worksheets.items.map((s) => s.name);

  const firstCells = new Map<string, XlRange>();
  for (const [key, name] of namesToCheck(plan, names)) {
    const range = workbook.worksheets.getItem(name).getRange("A1");
    range.load("values");
    firstCells.set(key, range);
  }
  if (firstCells.size > 0) await context.sync();
  throwIfAborted(options.signal);
  const isOurs = (name: string) => {
    const v = firstCells.get(name.toLowerCase())?.values[0][0];
    return typeof v === "string" && v.startsWith(SHEET_MARK);
  };
  return { names, blocks, isOurs };
}
