import { promises as fs } from "node:fs";
import * as path from "node:path";
import { ABOUT_KEYS, draftEml, readKeys, readSummary, summaryMail, type SheetGrid, type SummarySheetKind } from "../engine";
import { cellAt, rowsEnd } from "./our-sheets";

/** Rows of 评议-数据问题 below its header that hold an issue (a 序号); null without the sheet. */
function openIssues(grid: SheetGrid | undefined): number | null {
  if (!grid) return null;
  let n = 0;
  for (let r = 2; r < rowsEnd(grid); r++) if (typeof cellAt(grid, r, 0) === "number") n++;
  return n;
}

/** 上报邮箱 from the rule settings the evaluation saved on 评议-技术信息, when set. */
export function savedReportEmail(technical: SheetGrid | undefined): string | null {
  if (!technical) return null;
  try {
    const rules = JSON.parse(readKeys(technical).get(ABOUT_KEYS.rules) ?? "null") as { reportEmail?: unknown } | null;
    return typeof rules?.reportEmail === "string" && rules.reportEmail.trim() !== "" ? rules.reportEmail.trim() : null;
  } catch {
    return null;
  }
}

export interface MailDraftInput {
  sheets: Partial<Record<SummarySheetKind, SheetGrid>>;
  /** The evaluated workbook's file name, the unit's name when the workbook gives none. */
  evaluated: string;
  /** The summary workbook as written, and the name it is attached under. */
  summaryFile: string;
  summaryName: string;
  to: string | null;
  now: Date;
}

/** The e-mail draft carrying the summary: subject and body from the evaluated workbook's sheets, the summary's bytes attached. */
export async function mailDraft(input: MailDraftInput): Promise<Uint8Array> {
  const grids = Object.values(input.sheets).filter((grid): grid is SheetGrid => grid !== undefined);
  const summary = readSummary(grids, input.evaluated, path.basename(input.evaluated, path.extname(input.evaluated)));
  const today = input.sheets.technical ? (readKeys(input.sheets.technical).get(ABOUT_KEYS.today) ?? "") : "";
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : input.now.toISOString().slice(0, 10);
  const { subject, body } = summaryMail({ unit: summary.unit, today: iso, total: summary.total, openIssues: openIssues(input.sheets.issues), fileName: input.summaryName });
  const bytes = new Uint8Array(await fs.readFile(input.summaryFile));
  return draftEml({ to: input.to, subject, body, attachment: { name: input.summaryName, bytes }, date: { epochMs: input.now.getTime(), offsetMinutes: -input.now.getTimezoneOffset() } });
}
