import type { BranchSummary, MemberResult } from "../types";
import { valuesOf } from "../read/member";
import { memberSatisfaction } from "../summarise/satisfaction";
import { NO_BRANCH_LABEL, SHEET_NAMES, type PlanCell, type SheetPlan } from "./types";
import type { Rect } from "../address";
import { GRADE_HIGHLIGHTS, ACTION_HIGHLIGHTS } from "./highlights";
import { MAX_PAGE_BREAKS, PAGE_FOOTER } from "./print";
import { gradeText, outcomeText } from "./resultCells";
import { titleRow } from "./sheetCommon";
import { safeText } from "./text";

/** Columns of the register, in order. */
export const REGISTER_COLUMNS = ["序号", "姓名", "党员类别", "学时", "满意度", "评议等次", "处置建议"] as const;
/** Widths in characters: together about what an upright A4 page holds. */
const REGISTER_WIDTHS = [5, 10, 9, 6, 7, 16, 36];
/** 姓名, 评议等次 and 处置建议 wrap: a long name or a list of actions is never cut. */
const WRAPPED = [1, 5, 6];
/** Where each branch's block ends: lines to sign on paper. */
/** An ideographic space: the gap between the parts of a line on a Chinese form. */
const GAP = "\u3000\u3000";
export const SIGNATURE_LINE = `填表人：＿＿＿＿＿＿${GAP}审核人：＿＿＿＿＿＿${GAP}日期：＿＿＿＿年＿＿月＿＿日`;
export const REGISTER_SUBJECT = "党员民主评议结果登记表";

const col = (name: (typeof REGISTER_COLUMNS)[number]) => REGISTER_COLUMNS.indexOf(name);

const BRANCH_LINE_START = "支部：";

/**
 * Whether a register of this many branches can be printed a branch a page: Excel keeps at most
 * 1,026 manual page breaks in a sheet. A larger unit (a city) prints its registers branch by
 * branch from the branches' own workbooks; one sheet of 160,000 members would also cost a run
 * what the rest of it costs.
 */
export function registerPrintable(branches: number): boolean {
  return branches <= MAX_PAGE_BREAKS + 1;
}

/** The branch line over a block: "支部：第一党支部", two ideographic spaces, "党员 12 人". */
export function branchLine(branch: string, members: number): string {
  return safeText(`${BRANCH_LINE_START}${branch}${GAP}党员 ${members} 人`);
}

/** A member's row: what the result columns say (the secretary's own decision where they typed one). */
function memberRow(n: number, result: MemberResult): PlanCell[] {
  const values = valuesOf(result.member);
  const hours = result.statuses.R1 === "不适用" ? "—" : values.studyHours ?? "未录入";
  const value = result.statuses.R5 === "未录入" ? undefined : (result.satisfaction ?? memberSatisfaction(values));
  const satisfaction = result.statuses.R5 === "不适用" ? "—" : value !== undefined ? Math.round(value * 10) / 10 : "未录入";
  return [
    n,
    safeText(result.member.name),
    values.category ?? "正式党员",
    hours,
    satisfaction,
    result.manual?.grade?.text ?? gradeText(result),
    result.manual?.outcome?.text ?? outcomeText(result),
  ];
}

/**
 * 评议-登记表, the register a branch files on paper: per branch a block — the branch line, a row
 * per member (序号, 姓名, 党员类别, 学时, 满意度, 评议等次, 处置建议), the lines to sign — each
 * block on pages of its own. The title (the unit) and the column header repeat on every page,
 * which is numbered in the footer; 处置建议 wraps and is never cut.
 */
export function buildRegisterSheet(results: readonly MemberResult[], branches: readonly BranchSummary[], unitName: string, today: string): SheetPlan {
  const headerRow = 1;
  const rows: PlanCell[][] = [titleRow(REGISTER_SUBJECT, unitName, today), [...REGISTER_COLUMNS]];
  const byBranch = new Map<string, MemberResult[]>();
  for (const result of results) {
    const branch = result.member.branch || NO_BRANCH_LABEL;
    let list = byBranch.get(branch);
    if (!list) byBranch.set(branch, (list = []));
    list.push(result);
  }
  // the summary's order; a branch it does not list (none should) after it
  const listed = new Set(branches.map((b) => b.branch));
  const order = [...[...listed].filter((b) => byBranch.has(b)), ...[...byBranch.keys()].filter((b) => !listed.has(b))];
  const boldRows: number[] = [];
  const bordered: Rect[] = [];
  const rowBreaks: number[] = [];
  for (const branch of order) {
    const members = byBranch.get(branch)!;
    // (registerPrintable keeps the breaks within Excel's limit)
    if (rows.length > headerRow + 1) rowBreaks.push(rows.length);
    boldRows.push(rows.length);
    rows.push([branchLine(branch, members.length)]);
    const first = rows.length;
    members.forEach((result, i) => rows.push(memberRow(i + 1, result)));
    bordered.push({ top: first, left: 0, bottom: rows.length - 1, right: REGISTER_COLUMNS.length - 1 });
    rows.push([], [SIGNATURE_LINE]);
  }
  return {
    name: SHEET_NAMES.register,
    kind: "register",
    rows,
    headerRow,
    boldRows,
    percentColumns: [],
    decimalColumns: [col("满意度")],
    widths: [...REGISTER_WIDTHS],
    highlights: [
      { column: col("评议等次"), rules: [...GRADE_HIGHLIGHTS] },
      { column: col("处置建议"), rules: [...ACTION_HIGHLIGHTS] },
    ],
    wrapColumns: [...WRAPPED],
    bordered,
    numberedRows: col("序号"),
    boldRule: { column: 0, beginsWith: BRANCH_LINE_START },
    print: { landscape: false, pagesWide: 1, titleRows: headerRow + 1, repeatFirstColumn: false, rowBreaks, footer: PAGE_FOOTER },
  };
}
