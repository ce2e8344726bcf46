import { buildConsolidationSheets, checkSummaries, consolidationPlan, readSummary, type DataIssue, type ReadOutcome, type Rejection, type UnitSummary } from "../../engine";
import { XianjiaoError } from "../../errors";
import type { ApplyReport, WorkbookHost } from "../../hosts/host";
import { gridsOf } from "../../hosts/xlsx/grids";
import { loadExcel } from "../export/exportSummary";

/** A file the user chose, as the browser read it: nothing leaves the computer. */
export interface ReceivedFile {
  name: string;
  bytes: Uint8Array;
}

const baseName = (name: string) => name.replace(/\.[^.]*$/, "");

/**
 * Each received file read as a unit's summary (engine/consolidate/summary.ts, as the command
 * line reads it), or why it is not one: a file exceljs cannot open is named as not a summary.
 */
export async function readReceived(files: readonly ReceivedFile[]): Promise<ReadOutcome[]> {
  const excel = await loadExcel();
  const out: ReadOutcome[] = [];
  for (const file of files) {
    try {
      const workbook = new excel.Workbook();
      try {
        await workbook.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
      } catch (error) {
        throw new XianjiaoError("NOT_A_SUMMARY", { file: file.name, detail: "不是能打开的 .xlsx 工作簿" }, { cause: error });
      }
      out.push({ file: file.name, summary: readSummary(gridsOf(workbook), file.name, baseName(file.name)) });
    } catch (error) {
      out.push({ file: file.name, error });
    }
  }
  return out;
}

export interface PaneConsolidation {
  units: UnitSummary[];
  rejected: Rejection[];
  report: ApplyReport;
  /** Earlier consolidation sheets the user edited or renamed, kept beside the new ones. */
  issues: DataIssue[];
}

/**
 * 汇总上报 in the pane: the same checks as `consolidate` (not a summary, a unit sent twice,
 * other rules — each named, not merged), then the consolidation written into the open workbook
 * as our sheets, replacing an earlier consolidation's untouched sheets and nothing else. Throws
 * NOTHING_TO_CONSOLIDATE_PANE, with the rejections attached, when no file can be merged.
 */
export async function consolidateInPane(
  host: WorkbookHost,
  files: readonly ReceivedFile[],
  options: { unitName: string; today: string; signal?: AbortSignal },
): Promise<PaneConsolidation> {
  const { units, rejected } = checkSummaries(await readReceived(files), { inPane: true });
  if (units.length === 0) throw new XianjiaoError("NOTHING_TO_CONSOLIDATE_PANE", {}, { cause: rejected });
  const input = await host.readWorkbook({ signal: options.signal });
  const sheets = buildConsolidationSheets({ units, rejected, unitName: options.unitName.trim(), today: options.today, branches: true });
  const { plan, issues } = consolidationPlan(input, sheets);
  const report = await host.applyPlan(plan, { signal: options.signal });
  return { units, rejected, report, issues };
}
