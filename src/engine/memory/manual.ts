import { ACTION_ORDER, GRADES, type Action, type DataIssue, type Grade, type MemberResult, type RecognisedTable, type SheetGrid } from "../types";
import { plain, plainText } from "../read/cell";
import { a1 } from "../address";
import { FIXED_ACTIONS } from "../evaluate/text";
import { gradeText, outcomeText } from "../plan/resultCells";
import type { RecordEntry, RunRecord } from "./record";
import { MemberKeyHasher, memberKeyHash } from "./member-key";

/** What the secretary typed over our cells, beside what the tool computed. */
export interface ManualDecision {
  grade?: { text: string; computed: string };
  outcome?: { text: string; computed: string };
}

/** What a table's previous block held: its decision columns and, per sheet row, their text ("" where blank). */
export interface TableDecisions {
  gradeCol?: number;
  outcomeCol?: number;
  rows: Map<number, { grade: string; outcome: string }>;
}

/** The roster's previous decisions, by sheet. */
export type DecisionCells = Map<string, TableDecisions>;

export interface ManualInput {
  results: readonly MemberResult[];
  cells: DecisionCells;
  record: RunRecord | null;
  /** 恢复自动评议: true for everyone, or the members' refs (memberRef) to return to the computed result. */
  reset?: true | ReadonlySet<string>;
}

export interface ManualOutput {
  results: MemberResult[];
  issues: DataIssue[];
  /** How many members keep a decision of the secretary's. */
  count: number;
}

/** A member as the pane and the report name them for 恢复自动评议. */
export function memberRef(result: MemberResult): string {
  return memberKeyHash(result.member.sheet, result.member.key);
}

/** The grade a typed text means: "不合格", "不合格（支委会复议）", "合格（待审批）", "优秀（待公示）"; null when it is none. */
export function gradeOfText(text: string): { grade: Grade; pending: boolean; publicity: boolean } | null {
  const bare = text.replace(/\s+/g, "");
  const m = /^([^（(]+)(?:[（(](.*)[）)])?$/.exec(bare);
  if (!m) return null;
  const grade = GRADES.find((g) => g === m[1]);
  const note = m[2] ?? "";
  return grade ? { grade, pending: note.includes("待审批"), publicity: note.includes("待公示") } : null;
}

const GRADE_ACTIONS = new Set<Action["code"]>(["DISPOSE", "ADMONISH", "COMMEND", "REVIEW_EXCELLENT"]);
const ORDER = new Map<string, number>(ACTION_ORDER.map((code, i) => [code, i]));

/** The member's actions for a grade the secretary set: the grade's own outcome replaces the computed one's. */
function actionsFor(result: MemberResult, grade: Grade): Action[] {
  const kept = result.actions.filter((a) => !GRADE_ACTIONS.has(a.code));
  const disciplined = kept.some((a) => a.code === "DISCIPLINE");
  if (grade === "不合格" && !disciplined) kept.push(FIXED_ACTIONS.DISPOSE);
  if (grade === "基本合格") kept.push(FIXED_ACTIONS.ADMONISH);
  if (grade === "优秀") kept.push(FIXED_ACTIONS.COMMEND);
  return kept.sort((a, b) => (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0));
}

function cellText(grid: SheetGrid, row: number, col: number | undefined): string {
  if (col === undefined) return "";
  const line = grid.values[row - (grid.origin?.row ?? 0)];
  return Array.isArray(line) ? plainText(plain(line[col - (grid.origin?.col ?? 0)])) : "";
}

/**
 * The previous block's 评议等次 and 处置建议 cells of every row of a table that holds text there
 * (null when the table has no previous block), taken from its grid while it is at hand: a host
 * may let the grid go before the evaluation.
 */
export function decisionCellsOf(table: RecognisedTable, grid: SheetGrid): TableDecisions | null {
  const previous = table.previousBlock;
  if (!previous || (previous.gradeCol === undefined && previous.outcomeCol === undefined) || !Array.isArray(grid.values)) return null;
  const rows = new Map<number, { grade: string; outcome: string }>();
  const top = grid.origin?.row ?? 0;
  for (let r = Math.max(table.headerRow + 1, top); r < top + grid.values.length; r++) {
    const grade = cellText(grid, r, previous.gradeCol);
    const outcome = cellText(grid, r, previous.outcomeCol);
    if (grade !== "" || outcome !== "") rows.set(r, { grade, outcome });
  }
  return { ...previous, rows };
}

/** Record entries by member and by row; a member hash met twice is no key at all. */
function indexRecord(entries: readonly RecordEntry[]) {
  const byMember = new Map<string, RecordEntry | null>();
  const byRow = new Map<string, RecordEntry>();
  for (const e of entries) {
    byMember.set(e.member, byMember.has(e.member) ? null : e);
    byRow.set(`${e.sheet}\u0000${e.row}`, e);
  }
  return { byMember, byRow };
}

/**
 * Is a cell's text the secretary's? Not when blank or equal to what we would write now. With a
 * record: not when it is what we wrote for this member (or for whoever was on this row: the user
 * sorted their own columns only) and that was not already their decision. Without a record (an
 * older version's block) any other text is taken as theirs: keeping a stale cell the secretary
 * can return to the computed one is better than erasing a decision.
 */
function typedBySecretary(now: string, computed: string, mine: RecordEntry | null | undefined, onRow: RecordEntry | undefined, record: boolean, which: "grade" | "outcome"): boolean {
  if (now === "" || now === computed) return false;
  if (!record) return true;
  const manual = which === "grade" ? "manualGrade" : "manualOutcome";
  if (mine && mine[which] === now) return mine[manual];
  if (onRow && onRow[which] === now) return onRow[manual];
  return true;
}

/**
 * Keeps the secretary's own decisions: a 评议等次 or 处置建议 cell of the previous block that
 * differs from what the previous run wrote there is used as the member's grade or outcome (the
 * grade in every count), kept in the cell and marked 人工认定 with what the tool computed.
 */
export function applyManualDecisions(input: ManualInput): ManualOutput {
  const results = input.results as MemberResult[];
  const issues: DataIssue[] = [];
  if (input.cells.size === 0) return { results, issues, count: 0 };

  const hasRecord = input.record !== null;
  const { byMember, byRow } = indexRecord(input.record?.entries ?? []);
  const reset = input.reset;
  const hashers = new Map<string, MemberKeyHasher>();
  let out: MemberResult[] | null = null;
  let count = 0;
  for (let i = 0; i < results.length; i++) {
    const result = results[i];
    const block = input.cells.get(result.member.sheet);
    if (!block) continue;
    const { row, sheet } = result.member;
    const now = block.rows.get(row);
    if (!now) continue;
    let hasher = hashers.get(sheet);
    if (!hasher) hashers.set(sheet, (hasher = new MemberKeyHasher(sheet)));
    const ref = hasher.hash(result.member.key).text();
    if (reset === true || reset?.has(ref)) continue;
    const mine = hasRecord ? byMember.get(ref) : undefined;
    const onRow = hasRecord ? byRow.get(`${sheet}\u0000${row}`) : undefined;
    const decision: ManualDecision = {};
    if (block.gradeCol !== undefined) {
      const computed = gradeText(result);
      if (typedBySecretary(now.grade, computed, mine, onRow, hasRecord, "grade")) decision.grade = { text: now.grade, computed };
    }
    if (block.outcomeCol !== undefined) {
      const computed = outcomeText(result);
      if (typedBySecretary(now.outcome, computed, mine, onRow, hasRecord, "outcome")) decision.outcome = { text: now.outcome, computed };
    }
    if (!decision.grade && !decision.outcome) continue;
    out ??= results.slice();
    out[i] = withDecision(result, decision, issues, block.gradeCol);
    count++;
  }
  return { results: out ?? results, issues, count };
}

function withDecision(result: MemberResult, decision: ManualDecision, issues: DataIssue[], gradeCol: number | undefined): MemberResult {
  const next: MemberResult = { ...result, manual: decision, reasons: [...result.reasons], statuses: { ...result.statuses } };
  const notes: string[] = [];
  if (decision.grade) {
    const typed = gradeOfText(decision.grade.text);
    notes.push(`人工认定：原评议为${decision.grade.computed}`);
    if (typed) {
      next.grade = typed.grade;
      next.pendingApproval = typed.pending;
      next.pendingPublicity = typed.publicity && !typed.pending;
      next.actions = actionsFor(result, typed.grade);
      next.statuses.R13 = typed.grade === "优秀" || typed.grade === "合格" ? "达标" : typed.grade === "基本合格" || typed.grade === "不合格" ? "未达标" : next.statuses.R13;
    } else {
      next.grade = "待定";
      next.pendingApproval = false;
      next.pendingPublicity = false;
      next.actions = actionsFor(result, "待定");
      issues.push({
        code: "MANUAL_GRADE_UNKNOWN",
        sheet: result.member.sheet,
        cell: a1(result.member.row, gradeCol ?? 0),
        value: decision.grade.text,
        params: { name: result.member.name, value: decision.grade.text },
      });
    }
  }
  if (decision.outcome) notes.push(decision.outcome.computed === "" ? "人工填写处置建议（原无处置建议）" : `人工填写处置建议（原为：${decision.outcome.computed}）`);
  next.reasons.unshift(...notes);
  return next;
}
