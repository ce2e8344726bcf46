import { cellOf, type BranchSummary, type DataIssue, type IssueCode, type MemberResult, type RecognisedTable } from "../engine";
import { a1 } from "../engine/address";

/**
 * Issues about a whole sheet that change how the results read: an earlier result sheet of ours
 * kept beside the new one (renamed or edited by the user, or an older version's), or a table
 * left unread for want of a name column. The pane shows them above the results, not only in the list.
 */
const SHEET_NOTICES: ReadonlySet<IssueCode> = new Set<IssueCode>(["OUR_SHEET_RENAMED", "OUR_SHEET_EDITED", "OLD_SHEET_KEPT", "NO_NAME_COLUMN"]);

export function sheetNotices(issues: readonly DataIssue[]): DataIssue[] {
  return issues.filter((issue) => SHEET_NOTICES.has(issue.code));
}

/** Branches over their 优秀 cap (R15), in the summary's order. */
export function branchesOverCap(branches: readonly BranchSummary[]): BranchSummary[] {
  return branches.filter((branch) => branch.excellentOverCap);
}

/** The cell a click on a member selects: their name on the member list (else the row's first column of the table). */
export function memberCell(result: MemberResult, tables: readonly RecognisedTable[]): { sheet: string; cell: string } {
  const named = cellOf(result.member, "name");
  if (named) return named;
  const table = tables.find((t) => t.isRoster && t.sheet === result.member.sheet);
  return { sheet: result.member.sheet, cell: a1(result.member.row, table?.columns.name ?? 0) };
}
