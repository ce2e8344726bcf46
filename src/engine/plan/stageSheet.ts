import type { StageSummary } from "../types";
import { SHEET_NAMES, TOTAL_LABEL, type PlanCell, type SheetPlan } from "./types";
import { fitWidths, titleRow } from "./sheetCommon";
import { safeText } from "./text";

export const STAGE_COLUMNS = ["阶段", "开始", "结束", "状态", "支部", "已完成", "未完成"] as const;
/** The columns when the workbook has a 批次 column: the batch first, each with its own windows. */
export const BATCH_STAGE_COLUMNS = ["批次", ...STAGE_COLUMNS] as const;
export const SKIPPED_TITLE = "未检查的项目（所需列缺失，不影响阶段完成）";
export const UNDATED_NOTE = "未设批次开始日期：各阶段的起止日期和状态未定。请在规则设置中填写批次开始日期（命令行用 --batch-start）。";

/**
 * 评议-阶段汇总: per stage a row per branch and a bold 合计 row (支部 = 合计), then the checks
 * skipped for each stage under the table. With batches (a 批次 column in the workbook) the
 * table runs batch × stage × branch, the batch in the first column.
 */
export function buildStageSheet(stages: readonly StageSummary[], unitName: string, today: string): SheetPlan {
  const headerRow = 1;
  const byBatch = stages.some((stage) => stage.batch !== "");
  const columns: readonly string[] = byBatch ? BATCH_STAGE_COLUMNS : STAGE_COLUMNS;
  const rows: PlanCell[][] = [titleRow("党员评议阶段汇总表", unitName, today), [...columns]];
  const boldRows: number[] = [];
  const undated = stages.some((stage) => stage.status === "未定");
  for (const stage of stages) {
    const window = [safeText(stage.name), stage.start, stage.end, stage.status];
    const lead: PlanCell[] = byBatch ? [safeText(stage.batch), ...window] : window;
    for (const branch of stage.byBranch) rows.push([...lead, safeText(branch.branch), branch.completed, branch.notCompleted]);
    boldRows.push(rows.length);
    rows.push([...lead, TOTAL_LABEL, stage.completed, stage.notCompleted]);
  }
  const tableEnd = rows.length;
  if (undated) rows.push([], [UNDATED_NOTE]);
  // Each stage's skipped checks once, however many batches list it: every batch has the same stages.
  const skipped = stages.filter((stage) => stage.batch === stages[0].batch && stage.skippedChecks.length > 0);
  if (skipped.length > 0) {
    rows.push([]);
    boldRows.push(rows.length);
    rows.push([SKIPPED_TITLE]);
    for (const stage of skipped) for (const check of stage.skippedChecks) rows.push([safeText(stage.name), safeText(check)]);
  }
  return {
    name: SHEET_NAMES.stages,
    kind: "stages",
    rows,
    headerRow,
    boldRows,
    percentColumns: [],
    decimalColumns: [],
    // Only the table sets widths: the title, the notes and the skipped checks below it (long text
    // in the 开始 column) overflow into the empty cells to their right.
    widths: fitWidths(rows.slice(0, tableEnd), headerRow, columns.length),
    highlights: [{ column: columns.indexOf("状态"), rules: [{ match: "equals", text: "进行中", colour: "amber" }] }],
  };
}
