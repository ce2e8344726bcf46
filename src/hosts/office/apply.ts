import type { WorkbookPlan } from "../../engine/plan/types";
import { XianjiaoError } from "../../errors";
import type { ApplyOptions, ApplyReport } from "../host";
import { CALL_BYTES, refusedAsTooLarge, runUnits, type WriteUnit } from "./batches";
import { blockUnits, type BlockProgress } from "./block";
import { OfficeWriteError, officeCode } from "./errors";
import type { XlContext, XlNamedItem } from "./excel-api";
import { explainFailure, removeTemps } from "./failure";
import { placeSheets, type Placement } from "./names";
import { sheetUnits, type SheetFeatures } from "./sheet";
import { surveyWorkbook, type Survey } from "./survey";

export { TEMP_PREFIX } from "./names";

export interface ApplySettings extends ApplyOptions, SheetFeatures {
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

/**
 * The units that write a plan, in order: drop leftovers, replace the result blocks, build our
 * sheets, then remove the earlier ones of ours, name ours, hide the run record and set the
 * markers. `added` collects the markers set, to hide them afterwards.
 */
function planUnits(plan: WorkbookPlan, survey: Survey, placement: Placement, features: SheetFeatures, written: Written, added: XlNamedItem[]): WriteUnit[] {
  const { leftovers, replaced, tempNames, finalNames } = placement;
  const units: WriteUnit[] = [];
  if (leftovers.length > 0) {
    units.push({ bytes: CALL_BYTES * leftovers.length, sheet: leftovers[0], queue: (c) => leftovers.forEach((n) => c.workbook.worksheets.getItem(n).delete()) });
  }
  for (const probe of survey.blocks) units.push(...blockUnits(probe, written.blocks.get(probe.block.sheet)!));
  plan.sheets.forEach((sheet, i) => units.push(...sheetUnits(sheet, tempNames[i], features, (n) => (written.sheetCells += n))));
  const tempOf = new Map(finalNames.map((n, i) => [n.toLowerCase(), tempNames[i]]));
  const present = new Set(survey.names.map((n) => n.toLowerCase()));
  const marks = plan.names.filter((mark) => tempOf.has(mark.sheet.toLowerCase()) || present.has(mark.sheet.toLowerCase()));
  units.push({
    bytes: CALL_BYTES * (replaced.length + tempNames.length * 2 + marks.length * 2) + marks.reduce((n, m) => n + m.formula.length * 3, 0),
    sheet: plan.sheets[0]?.name ?? "",
    queue: (c) => {
      const sheets = c.workbook.worksheets;
      for (const n of replaced) sheets.getItem(n).delete();
      for (const mark of marks) {
        const sheet = sheets.getItem(tempOf.get(mark.sheet.toLowerCase()) ?? mark.sheet);
        // the previous run's marker on a roster sheet, which the engine saw when it read
        if (mark.replace) sheet.names.getItem(mark.name).delete();
        added.push(sheet.names.add(mark.name, mark.formula));
      }
      tempNames.forEach((t, i) => {
        const sheet = sheets.getItem(t);
        sheet.name = finalNames[i];
        const hidden = plan.sheets[i].hidden;
        if (hidden) sheet.visibility = hidden === "veryHidden" ? "VeryHidden" : "Hidden";
      });
    },
    done: () => (written.report.sheets = [...finalNames]),
  });
  return units;
}

/** Best effort: hides our markers from Excel's Name Manager (nothing depends on it; Excel hides only names created in the same batch). */
async function hideNames(context: XlContext, added: XlNamedItem[]): Promise<void> {
  if (added.length === 0) return;
  try {
    for (const item of added) item.visible = false;
    await context.sync();
  } catch {
    // a visible marker does no harm
  }
}

/**
 * Applies a workbook plan in one batch: one sync to look (see survey.ts; a read-only or
 * protected workbook or sheet is refused there, before any write), then the writes in as few
 * syncs as the 4 MB request budget allows, then one to hide our markers. Our sheets are built
 * under temporary names and only take their real names (the earlier ones the plan removes going
 * first) in the last write, so a failure never leaves a half sheet; result blocks are written in
 * place and a re-run replaces them whole.
 */
export async function applyPlanWith(context: XlContext, plan: WorkbookPlan, settings: ApplySettings): Promise<ApplyReport> {
  const { signal } = settings;
  const report: ApplyReport = { resultSheets: [], sheets: [], cellsWritten: 0 };
  const progress = (f: number) => settings.onProgress?.(f);

  const survey = await surveyWorkbook(context, plan, { canAskReadOnly: settings.canAskReadOnly, signal });
  progress(0.1);
  const placement = placeSheets(plan, survey.names);
  const written: Written = { report, blocks: new Map(survey.blocks.map((p) => [p.block.sheet, { started: false, cells: 0 }])), sheetCells: 0 };
  const added: XlNamedItem[] = [];
  const units = planUnits(plan, survey, placement, settings, written, added);

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
  await hideNames(context, added);
  return report;
}
