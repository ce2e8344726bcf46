import { BRANCH_COLUMNS, draftEml, summaryMail, TOTAL_LABEL, type RunResult, type SummaryRow } from "../../engine";

/** The 合计 row of the planned branch summary, header → value (what the level above reads too). */
function totalRow(result: RunResult): SummaryRow {
  const sheet = result.plan.sheets.find((s) => s.kind === "branches");
  const row: SummaryRow = {};
  const total = sheet?.rows.find((cells, r) => r > sheet.headerRow && cells[0] === TOTAL_LABEL) ?? [];
  BRANCH_COLUMNS.forEach((column, c) => (row[column] = total[c] ?? null));
  return row;
}

/** "上报邮件-某单位-2025-03-01.eml". */
export function mailFileName(unitName: string, today: string): string {
  const unit = unitName.replace(/[\\/:*?"<>|\s]+/g, "").slice(0, 40);
  return `上报邮件-${unit ? `${unit}-` : ""}${today}.eml`;
}

/**
 * The e-mail draft (.eml, X-Unsent) carrying the exported summary, as the command line's
 * `export --eml` writes it: to the rule settings' 上报邮箱 when set, the unit and date in the
 * subject, the key figures and the open data issues in the body.
 */
export function summaryDraft(result: RunResult, options: { unitName: string; to: string | null; summary: { name: string; bytes: Uint8Array }; now?: Date }): Uint8Array {
  const now = options.now ?? new Date();
  const { subject, body } = summaryMail({ unit: options.unitName, today: result.today, total: totalRow(result), openIssues: result.issues.length, fileName: options.summary.name });
  return draftEml({ to: options.to, subject, body, attachment: options.summary, date: { epochMs: now.getTime(), offsetMinutes: -now.getTimezoneOffset() } });
}
