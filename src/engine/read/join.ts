import type { CellRef, DataIssue, FieldId, MemberRecord, RecognisedTable } from "../types";
import type { ParsedRow } from "./rows";

/** A member table with its parsed rows. */
export interface MemberTable {
  table: RecognisedTable;
  rows: ParsedRow[];
  /** Header text per mapped field, as the user wrote it. */
  headers: Partial<Record<FieldId, string>>;
  fields: Set<FieldId>;
}

/** Fields that identify a member rather than describe them: never merged as values. */
const IDENTITY: ReadonlySet<FieldId> = new Set<FieldId>(["name", "memberId", "branch"]);

const SEP = "\u0001";

function show(v: unknown): string {
  if (typeof v === "boolean") return v ? "是" : "否";
  return String(v);
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}

function nameCell(row: ParsedRow): string {
  return row.cells.name?.cell ?? "";
}

/**
 * Builds the member list from the roster and merges every score table onto it: on the member
 * id when both tables have one, else on (name, branch), else on a name unique in the roster.
 * Nothing is ever merged on a guess; each refusal is a data issue.
 */
export function joinTables(roster: MemberTable, scores: MemberTable[]): { members: MemberRecord[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const members: MemberRecord[] = [];
  const byId = new Map<string, MemberRecord>();
  const idless = new Map<string, MemberRecord>();
  /** Id-less second rows of a name in a branch: they make that name ambiguous for score sheets. */
  const doubles: MemberRecord[] = [];
  const rosterHasBranch = roster.fields.has("branch");
  const sheet = roster.table.sheet;

  for (const row of roster.rows) {
    const idUsable = row.idUsable && row.memberId !== undefined;
    const nb = row.name + SEP + (row.branch ?? "");
    const member: MemberRecord = { key: idUsable ? row.memberId! : `${row.name}|${row.branch ?? ""}`, sheet, row: row.row, name: row.name, values: row.values, cells: row.cells };
    if (row.memberId !== undefined) member.memberId = row.memberId;
    if (row.branch !== undefined) member.branch = row.branch;
    const first = idUsable ? byId.get(row.memberId!) : idless.get(nb);
    if (first) {
      issues.push({ code: "DUPLICATE_MEMBER", sheet, cell: nameCell(row), value: row.name, params: { name: row.name, other: first.cells.name?.cell ?? "" } });
      if (!idUsable) doubles.push(member);
      continue;
    }
    if (rosterHasBranch && row.branchBlank) {
      issues.push({ code: "BRANCH_BLANK", sheet, cell: row.cells.branch?.cell ?? "", params: { name: row.name } });
    }
    members.push(member);
    if (idUsable) byId.set(row.memberId!, member);
    else idless.set(nb, member);
  }

  if (scores.length > 0) {
    const byNameBranch = new Map<string, MemberRecord[]>();
    const byName = new Map<string, MemberRecord[]>();
    for (const m of [...members, ...doubles]) {
      const nb = m.name + SEP + (m.branch ?? "");
      const a = byNameBranch.get(nb);
      if (a) a.push(m);
      else byNameBranch.set(nb, [m]);
      const b = byName.get(m.name);
      if (b) b.push(m);
      else byName.set(m.name, [m]);
    }
    const ix: Index = { byId, byNameBranch, byName, rosterHasBranch, rosterHasId: roster.fields.has("memberId") };
    for (const score of scores) mergeScoreTable(score, ix, issues);
  }

  const categoryPresent = roster.fields.has("category") || scores.some((s) => s.fields.has("category"));
  for (const m of members) {
    if (categoryPresent && m.values.category === undefined) m.values.category = "正式党员";
    const { sessionsDue: due, sessionsAttended: attended } = m.values;
    if (due !== undefined && attended !== undefined && attended > due) {
      const at: CellRef | undefined = m.cells.sessionsAttended;
      issues.push({ code: "ATTENDED_EXCEEDS_DUE", sheet: at?.sheet ?? sheet, cell: at?.cell ?? "", value: String(attended), params: { name: m.name, attended, due } });
      delete m.values.sessionsDue;
      delete m.values.sessionsAttended;
    }
  }
  return { members, issues };
}

interface Index {
  byId: Map<string, MemberRecord>;
  byNameBranch: Map<string, MemberRecord[]>;
  byName: Map<string, MemberRecord[]>;
  rosterHasBranch: boolean;
  rosterHasId: boolean;
}

function mergeScoreTable(score: MemberTable, ix: Index, issues: DataIssue[]): void {
  const sheet = score.table.sheet;
  const useIds = ix.rosterHasId && score.fields.has("memberId");
  const useBranch = ix.rosterHasBranch && score.fields.has("branch");
  const values = [...score.fields].filter((f) => !IDENTITY.has(f));
  const matched = new Map<MemberRecord, ParsedRow>();

  for (const row of score.rows) {
    const cell = nameCell(row);
    const where = { sheet, row: row.row + 1, name: row.name };
    let target: MemberRecord | undefined;
    if (useIds && row.idUsable && row.memberId !== undefined) {
      target = ix.byId.get(row.memberId);
    } else {
      let list: MemberRecord[] | undefined;
      if (useBranch && row.branch !== undefined) {
        list = ix.byNameBranch.get(`${row.name}${SEP}${row.branch}`);
        // The roster left this member's branch blank: a unique name still identifies them.
        const named = list ? undefined : ix.byName.get(row.name);
        if (named && named.length === 1 && named[0].branch === undefined) list = named;
        if (list && list.length > 1) {
          issues.push({ code: "AMBIGUOUS_NAME", sheet, cell, value: row.name, params: { ...where, branch: row.branch } });
          continue;
        }
      } else {
        list = ix.byName.get(row.name);
        if (list && list.length > 1) {
          issues.push({ code: "AMBIGUOUS_NAME_NO_BRANCH", sheet, cell, value: row.name, params: { ...where, count: list.length } });
          continue;
        }
      }
      target = list?.[0];
    }
    if (!target) {
      issues.push({ code: "ORPHAN_ROW", sheet, cell, value: row.name, params: where });
      continue;
    }
    const member = target;
    const earlier = matched.get(member);
    if (earlier) {
      issues.push({ code: "DUPLICATE_MEMBER", sheet, cell, value: row.name, params: { name: row.name, other: earlier.cells.name?.cell ?? "" } });
      continue;
    }
    matched.set(member, row);
    if (useIds && row.branch !== undefined && member.branch !== undefined && row.branch !== member.branch) {
      conflict(issues, member, score, row, "branch", member.branch, row.branch);
    }
    const bag = member.values as Record<string, unknown>;
    const incoming = row.values as Record<string, unknown>;
    for (const field of values) {
      const v = incoming[field];
      if (v === undefined) continue;
      const current = bag[field];
      if (current === undefined) {
        bag[field] = v;
        const from = row.cells[field];
        if (from) member.cells[field] = from;
      } else if (!same(current, v)) conflict(issues, member, score, row, field, current, v);
    }
  }
}

function conflict(issues: DataIssue[], member: MemberRecord, score: MemberTable, row: ParsedRow, field: FieldId, kept: unknown, other: unknown): void {
  const at = row.cells[field];
  issues.push({
    code: "CONFLICTING_VALUES",
    sheet: score.table.sheet,
    cell: at?.cell ?? "",
    value: show(other),
    params: { name: member.name, field: score.headers[field] ?? field, value: show(kept), other: show(other) },
  });
}
