import type { WorkbookPlan } from "../../engine/plan/types";
import { XianjiaoError } from "../../errors";
import type { ApplyOptions, ApplyReport } from "../host";
import { CALL_BYTES, refusedAsTooLarge, runUnits, type WriteUnit } from "./batches";
import { blockUnits, type BlockProgress } from "./block";
import { OfficeWriteError, officeCode } from "./errors";
import type { XlContext } from "./excel-api";
import { explainFailure, removeTemps } from "./failure";
import { placeSheets, type Placement } from "./names";
import { sheetUnits } from "./sheet";
import { surveyWorkbook, type Survey } from "./survey";

export { TEMP_PREFIX } from "./names";

export interface ApplySettings extends ApplyOptions {
  /** Whether chart category names can be set (ExcelApi 1.7). */
  canNameCategories: boolean;
  /** Whether `workbook.readOnly` can be asked (ExcelApi 1.8). */
  canAskReadOnly: boolean;
}

/** What the writes record as they succeed. */
interface Written {
  report: ApplyReport;
  /** Per result block's sheet: whether and how much of it was written. */
  blocks: Map<string, BlockProgress>;
  sheetCells: number;
}

/** The units that write a plan, in order: drop leftovers, replace the result blocks, build our sheets, then name them. */
function planUnits(plan: WorkbookPlan, survey: Survey, placement: Placement, canNameCategories: boolean, written: Written): WriteUnit[] {
  const { leftovers, replaced, tempNames, finalNames } = placement;
  const units: WriteUnit[] = [];
  if (leftovers.length > 0) {
    units.push({ bytes: CALL_BYTES * leftovers.length, sheet: leftovers[0], queue: (c) => leftovers.forEach((n) => c.workbook.worksheets.getItem(n).delete()) });
  }
  for (const probe of survey.blocks) units.push(...blockUnits(probe, written.blocks.get(probe.block.sheet)!));
  plan.sheets.forEach((sheet, i) => units.push(...sheetUnits(sheet, tempNames[i], canNameCategories, (n) => (written.sheetCells += n))));
  units.push({
    bytes: CALL_BYTES * (replaced.length + tempNames.length),
    sheet: plan.sheets[0]?.name ?? "",
    queue: (c) => {
      for (const n of replaced) c.workbook.worksheets.getItem(n).delete();
      tempNames.forEach((t, i) => (c.workbook.worksheets.getItem(t).name = finalNames[i]));
    },
    done: () => (written.report.sheets = [...finalNames]),
  });
  return units;
}

/**
 * Applies a workbook plan in one batch: two syncs to look (see survey.ts; a read-only or
 * protected workbook or sheet is refused there, before any write), then the writes in as few
 * syncs as the 4 MB request budget allows. Our sheets are built under temporary names and only
 * take their real names (replacing earlier ones) in the last sync, so a failure never leaves a
 * half sheet; result blocks are written in place and a re-run replaces them whole.
 */
export async function applyPlanWith(context: XlContext, plan: WorkbookPlan, settings: ApplySettings): Promise<ApplyReport> {
  const { signal } = settings;
  const report: ApplyReport = { resultSheets: [], sheets: [], cellsWritten: 0 };
  const progress = (f: number) => settings.onProgress?.(f);

  const survey = await surveyWorkbook(context, plan, { canAskReadOnly: settings.canAskReadOnly, signal });
  progress(0.1);
  const placement = placeSheets(plan, survey.names, survey.isOurs);
  const written: Written = { report, blocks: new Map(survey.blocks.map((p) => [p.block.sheet, { started: false, cells: 0 }])), sheetCells: 0 };
  const units = planUnits(plan, survey, placement, settings.canNameCategories, written);

  const collect = () => {
    report.resultSheets = [...written.blocks].filter(([, s]) => s.started).map(([n]) => n);
    report.cellsWritten = [...written.blocks.values()].reduce((n, s) => n + s.cells, 0) + (report.sheets.length > 0 ? written.sheetCells : 0);
  };
  let failedBatch: WriteUnit[] = [];
  try {
    await runUnits(context, units, {
      signal,
      onProgress: (f) => progress(0.1 + 0.9 * f),
      onFailure: (batch) => (failedBatch = batch),
    });
  } catch (error) {
    // calls before the failing one of a sync stay applied (unless Excel refused the request whole): its blocks may be written in part
    const refused = refusedAsTooLarge(error, failedBatch.reduce((n, u) => n + u.bytes, 0)) || officeCode(error) === "InvalidOperationInCellEditMode";
    for (const unit of refused ? [] : failedBatch) {
      const state = written.blocks.get(unit.sheet);
      if (state) state.started = true;
    }
    collect();
    const explained = await explainFailure(context, error, { batch: failedBatch, userSheets: new Set(written.blocks.keys()), placement });
    await removeTemps(context, placement.tempNames);
    if (explained instanceof XianjiaoError) throw new OfficeWriteError(explained, report);
    throw explained;
  }
  collect();
  return report;
}
