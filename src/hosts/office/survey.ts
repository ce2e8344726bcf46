import type { WorkbookPlan } from "../../engine/plan/types";
import { XianjiaoError } from "../../errors";
import { probeBlock, type BlockProbe } from "./block";
import { throwIfAborted } from "./errors";
import type { XlContext } from "./excel-api";

/** What applying a plan learns about the workbook before it writes anything. */
export interface Survey {
  /** Sheet names, in workbook order. */
  names: string[];
  /** The result blocks whose sheet exists, with what was loaded about each. */
  blocks: BlockProbe[];
}

export interface SurveyOptions {
  /** Whether `workbook.readOnly` can be asked (ExcelApi 1.8). */
  canAskReadOnly: boolean;
  signal?: AbortSignal;
}

/**
 * Looks at the workbook in one sync: the sheet names, whether it is read-only or its structure
 * protected, and every result block's sheet (protection, the group-header rows, used rows).
 * What Excel would refuse half-way is refused here, before anything is written: a read-only
 * workbook, a protected structure (our sheets could not be added), a protected sheet. Which
 * sheets are ours the plan says (the engine knew them by their markers).
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
  return { names, blocks };
}
