import type { WorkbookPlan } from "../../engine/plan/types";
import { XianjiaoError } from "../../errors";
import type { ApplyOptions, ApplyReport } from "../host";
import { CALL_BYTES, runUnits, type WriteUnit } from "./batches";
import { blockUnits, probeBlock, type BlockProgress } from "./block";
import { OfficeWriteError, mapOfficeError, throwIfAborted } from "./errors";
import type { XlContext, XlNamedItem } from "./excel-api";
import { sheetUnits } from "./sheet";

/** Our sheets are built under these names and renamed once everything else is written. */
export const TEMP_PREFIX = "~评议临时";

const lower = (s: string) => s.toLowerCase();

export interface ApplySettings extends ApplyOptions {
  /** Whether chart category names can be set (ExcelApi 1.7). */
  canNameCategories: boolean;
}

/**
 * Applies a workbook plan in one batch: one sync to look (sheet names, protection, the blocks'
 * sheets and their markers), then the writes in as few syncs as the 4 MB request budget allows.
 * Our sheets are built under temporary names and only take their real names (the earlier ones
 * of ours the plan removes going first) in the last write, so a failure never leaves a half
 * sheet; result blocks are written in place and a re-run replaces them whole. The markers are
 * set with the renames, and hidden in one more sync (Excel hides only a name created earlier
 * in the same batch).
 */
export async function applyPlanWith(context: XlContext, plan: WorkbookPlan, options: ApplySettings): Promise<ApplyReport> {
  const { signal } = options;
  const report: ApplyReport = { resultSheets: [], sheets: [], cellsWritten: 0 };
  const progress = (f: number) => options.onProgress?.(f);

  // Look: names, and everything about the result blocks' sheets.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const probes = plan.resultBlocks.map((block) => probeBlock(context, block));
  await context.sync();
  throwIfAborted(signal);
  progress(0.1);
  const names = worksheets.items.map((s) => s.name);
  const blocks = probes.filter((p) => !p.sheet.isNullObject);
  const locked = blocks.find((p) => p.sheet.protection.protected);
  if (locked) throw new XianjiaoError("OFFICE_SHEET_PROTECTED", { sheet: locked.block.sheet });

  // The engine chose every name against the sheets it read: one taken now means the workbook changed since.
  const removed = plan.removeSheets.filter((n) => names.some((m) => lower(m) === lower(n)));
  const gone = new Set(removed.map(lower));
  const taken = new Set(names.map(lower).filter((n) => !gone.has(n)));
  const clash = plan.sheets.find((s) => taken.has(lower(s.name)));
  if (clash) throw new XianjiaoError("OFFICE_NAME_TAKEN", { sheet: clash.name });

  const leftovers = names.filter((n) => n.startsWith(TEMP_PREFIX));
  let tempIndex = 0;
  const tempNames = plan.sheets.map(() => {
    let name: string;
    do name = `${TEMP_PREFIX}${++tempIndex}`;
    while (taken.has(lower(name)) && !leftovers.includes(name));
    return name;
  });
  const finalNames = plan.sheets.map((s) => s.name);
  const tempOf = new Map(finalNames.map((n, i) => [lower(n), tempNames[i]]));

  const units: WriteUnit[] = [];
  if (leftovers.length > 0) {
    units.push({ bytes: CALL_BYTES * leftovers.length, sheet: leftovers[0], queue: (c) => leftovers.forEach((n) => c.workbook.worksheets.getItem(n).delete()) });
  }
  const blockProgress = new Map<string, BlockProgress>();
  for (const probe of blocks) {
    const state: BlockProgress = { started: false, cells: 0 };
    blockProgress.set(probe.block.sheet, state);
    units.push(...blockUnits(probe, state));
  }
  let sheetCells = 0;
  plan.sheets.forEach((sheet, i) => units.push(...sheetUnits(sheet, tempNames[i], options.canNameCategories, (n) => (sheetCells += n))));
  const present = new Set(names.map(lower).filter((n) => !gone.has(n)));
  const marks = plan.names.filter((mark) => tempOf.has(lower(mark.sheet)) || present.has(lower(mark.sheet)));
  const added: XlNamedItem[] = [];
  units.push({
    bytes: CALL_BYTES * (removed.length + tempNames.length * 2 + marks.length * 2) + marks.reduce((n, m) => n + m.formula.length * 3, 0),
    sheet: plan.sheets[0]?.name ?? "",
    queue: (c) => {
      const sheets = c.workbook.worksheets;
      for (const n of removed) sheets.getItem(n).delete();
      for (const mark of marks) {
        const sheet = sheets.getItem(tempOf.get(lower(mark.sheet)) ?? mark.sheet);
        // the previous run's marker on a roster sheet, which the engine saw when it read
        if (mark.replace) sheet.names.getItem(mark.name).delete();
        added.push(sheet.names.add(mark.name, mark.formula));
      }
      tempNames.forEach((t, i) => {
        const sheet = sheets.getItem(t);
        sheet.name = finalNames[i];
        if (plan.sheets[i].hidden) sheet.visibility = "VeryHidden";
      });
    },
    done: () => (report.sheets = [...finalNames]),
  });

  const collect = () => {
    report.resultSheets = [...blockProgress].filter(([, s]) => s.started).map(([n]) => n);
    report.cellsWritten = [...blockProgress.values()].reduce((n, s) => n + s.cells, 0) + (report.sheets.length > 0 ? sheetCells : 0);
  };
  let failedSheet: string | undefined;
  try {
    await runUnits(context, units, {
      signal,
      onProgress: (f) => progress(0.1 + 0.9 * f),
      onFailure: (batch) => (failedSheet = batch.find((u) => blockProgress.has(u.sheet))?.sheet),
    });
  } catch (error) {
    collect();
    await removeTemps(context, tempNames);
    const mapped = mapOfficeError(error, failedSheet);
    if (mapped instanceof XianjiaoError) throw new OfficeWriteError(mapped, report);
    throw mapped;
  }
  collect();
  await hideNames(context, added);
  return report;
}

/** Best effort: hides our markers from Excel's Name Manager (nothing depends on it). */
async function hideNames(context: XlContext, added: XlNamedItem[]): Promise<void> {
  if (added.length === 0) return;
  try {
    for (const item of added) item.visible = false;
    await context.sync();
  } catch {
    // a visible marker does no harm
  }
}

/** Best effort: drops the temporary sheets of a failed apply (a later run would drop them too). */
async function removeTemps(context: XlContext, tempNames: string[]): Promise<void> {
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
