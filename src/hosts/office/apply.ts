import { SHEET_MARK, type WorkbookPlan } from "../../engine/plan/types";
import { XianjiaoError } from "../../errors";
import type { ApplyOptions, ApplyReport } from "../host";
import { CALL_BYTES, runUnits, type WriteUnit } from "./batches";
import { blockUnits, probeBlock, type BlockProgress } from "./block";
import { OfficeWriteError, mapOfficeError, throwIfAborted } from "./errors";
import type { XlContext, XlRange } from "./excel-api";
import { sheetUnits } from "./sheet";

/** Our sheets are built under these names and renamed once everything else is written. */
export const TEMP_PREFIX = "~评议临时";
const MAX_SUFFIX = 9;

const lower = (s: string) => s.toLowerCase();

/** name, name(2), … name(9): the names one of our sheets may take. */
function candidates(name: string): string[] {
  return Array.from({ length: MAX_SUFFIX }, (_, i) => (i === 0 ? name : `${name}(${i + 1})`));
}

export interface ApplySettings extends ApplyOptions {
  /** Whether chart category names can be set (ExcelApi 1.7). */
  canNameCategories: boolean;
}

/**
 * Applies a workbook plan in one batch: two syncs to look (sheet names, protection, the
 * previous block's headers, whose sheets are ours), then the writes in as few syncs as the
 * 4 MB request budget allows. Our sheets are built under temporary names and only take their
 * real names (replacing earlier ones) in the last sync, so a failure never leaves a half sheet;
 * result blocks are written in place and a re-run replaces them whole.
 */
export async function applyPlanWith(context: XlContext, plan: WorkbookPlan, options: ApplySettings): Promise<ApplyReport> {
  const { signal } = options;
  const report: ApplyReport = { resultSheets: [], sheets: [], cellsWritten: 0 };
  const progress = (f: number) => options.onProgress?.(f);

  // Look 1: names, and everything about the result blocks' sheets.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const probes = plan.resultBlocks.map((block) => probeBlock(context, block));
  await context.sync();
  throwIfAborted(signal);
  const names = worksheets.items.map((s) => s.name);
  const existing = new Map(names.map((n) => [lower(n), n]));
  const blocks = probes.filter((p) => !p.sheet.isNullObject);
  const locked = blocks.find((p) => p.sheet.protection.protected);
  if (locked) throw new XianjiaoError("OFFICE_SHEET_PROTECTED", { sheet: locked.block.sheet });

  // Look 2: cell A1 of sheets our sheets could replace, to tell ours from the user's.
  const wanted = plan.sheets.flatMap((s) => candidates(s.name)).filter((n) => existing.has(lower(n)));
  const firstCells = new Map<string, XlRange>();
  for (const n of new Set(wanted.map(lower))) {
    const range = worksheets.getItem(existing.get(n)!).getRange("A1");
    range.load("values");
    firstCells.set(n, range);
  }
  if (firstCells.size > 0) await context.sync();
  throwIfAborted(signal);
  progress(0.1);
  const isOurs = (n: string) => {
    const v = firstCells.get(lower(n))?.values[0][0];
    return typeof v === "string" && v.startsWith(SHEET_MARK);
  };

  const taken = new Set(names.map(lower));
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
  units.push({
    bytes: CALL_BYTES * (replaced.length + tempNames.length),
    sheet: plan.sheets[0]?.name ?? "",
    queue: (c) => {
      for (const n of replaced) c.workbook.worksheets.getItem(n).delete();
      tempNames.forEach((t, i) => (c.workbook.worksheets.getItem(t).name = finalNames[i]));
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
  return report;
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
