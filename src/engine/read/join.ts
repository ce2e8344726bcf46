import type { DataIssue, FieldId, MemberRecord, MemberValues, RecognisedTable } from "../types";
import { ReadMember, newValues } from "./member";
import type { ParsedRow } from "./rows";
import type { TableSource } from "./source";

/** A member table with its parsed rows. */
export interface MemberTable {
  table: RecognisedTable;
  rows: ParsedRow[];
  /** The table's fields, column letters and values. */
  source: TableSource;
  /** Header text per mapped field, as the user wrote it. */
  headers: Partial<Record<FieldId, string>>;
  fields: Set<FieldId>;
}

/** Fields that identify a member rather than describe them: never merged as values. */
const IDENTITY: ReadonlySet<FieldId> = new Set<FieldId>(["name", "memberId", "branch"]);


function show(v: unknown): string {
  if (typeof v === "boolean") return v ? "是" : "否";
  return String(v);
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}

function nameCell(row: ParsedRow): string {
  return row.source.addressAt(row.row, "name");
}

/** Name → branch ("" when blank) → members; nested so that no key string is built per row. */
type NameBranchIndex = Map<string, Map<string, ReadMember[]>>;

function addTo<K>(map: Map<K, ReadMember[]>, key: K, member: ReadMember): void {
  const list = map.get(key);
  if (list) list.push(member);
  else map.set(key, [member]);
}

/** The roster row's values in one fixed-shape object. */
function rosterValues(row: ParsedRow): MemberValues {
  const values = newValues();
  const bag = values as Record<string, unknown>;
  const { source } = row;
  const store = source.values;
  const fields = source.fields;
  for (let i = 0; i < fields.length; i++) {
    const v = store[row.at + i];
    if (v !== undefined) bag[fields[i]] = v;
  }
  return values;
}

/**
 * Builds the member list from the roster and merges every score table onto it: on the member
 * id when both tables have one, else on (name, branch), else on a name unique in the roster.
 * Nothing is ever merged on a guess; each refusal is a data issue.
 */
export function joinTables(roster: MemberTable, scores: MemberTable[]): { members: MemberRecord[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const members: ReadMember[] = [];
  const byId = new Map<string, ReadMember>();
  const idless: NameBranchIndex = new Map();
  /** Id-less second rows of a name in a branch: they make that name ambiguous for score sheets. */
  const doubles: ReadMember[] = [];
  const rosterHasBranch = roster.fields.has("branch");
  const sheet = roster.table.sheet;

  for (const row of roster.rows) {
    const idUsable = row.idUsable && row.memberId !== undefined;
    const branchKey = row.branch ?? "";
    let byBranch = idUsable ? undefined : idless.get(row.name);
    const first = idUsable ? byId.get(row.memberId!) : byBranch?.get(branchKey)?.[0];
    const member = new ReadMember(row, idUsable ? row.memberId! : `${row.name}|${branchKey}`, first ? newValues() : rosterValues(row));
    if (first) {
      issues.push({ code: "DUPLICATE_MEMBER", sheet, cell: nameCell(row), value: row.name, params: { name: row.name, other: first.cellOf("name")?.cell ?? "" } });
      if (!idUsable) doubles.push(member);
      continue;
    }
    if (rosterHasBranch && row.branchBlank) {
      issues.push({ code: "BRANCH_BLANK", sheet, cell: row.source.addressAt(row.row, "branch"), params: { name: row.name } });
    }
    members.push(member);
    if (idUsable) byId.set(row.memberId!, member);
    else {
      if (!byBranch) idless.set(row.name, (byBranch = new Map()));
      addTo(byBranch, branchKey, member);
    }
  }

  if (scores.length > 0) {
    const byNameBranch: NameBranchIndex = new Map();
    const byName = new Map<string, ReadMember[]>();
    const index = (m: ReadMember) => {
      let byBranch = byNameBranch.get(m.name);
      if (!byBranch) byNameBranch.set(m.name, (byBranch = new Map()));
      addTo(byBranch, m.branch ?? "", m);
      addTo(byName, m.name, m);
    };
    for (const m of members) index(m);
    for (const m of doubles) index(m);
    const ix: Index = { byId, byNameBranch, byName, rosterHasBranch, rosterHasId: roster.fields.has("memberId") };
    scores.forEach((score, t) => mergeScoreTable(score, t, ix, issues));
  }

  const categoryPresent = roster.fields.has("category") || scores.some((s) => s.fields.has("category"));
  for (const m of members) {
    if (categoryPresent && m.values.category === undefined) m.values.category = "正式党员";
    const { sessionsDue: due, sessionsAttended: attended } = m.values;
    if (due !== undefined && attended !== undefined && attended > due) {
      const at = m.cellOf("sessionsAttended");
      issues.push({ code: "ATTENDED_EXCEEDS_DUE", sheet: at?.sheet ?? sheet, cell: at?.cell ?? "", value: String(attended), params: { name: m.name, attended, due } });
      // undefined rather than delete: every member's values keep one shape
      m.values.sessionsDue = undefined;
      m.values.sessionsAttended = undefined;
    }
  }
  return { members, issues };
}

interface Index {
  byId: Map<string, ReadMember>;
  byNameBranch: NameBranchIndex;
  byName: Map<string, ReadMember[]>;
  rosterHasBranch: boolean;
  rosterHasId: boolean;
}

function mergeScoreTable(score: MemberTable, t: number, ix: Index, issues: DataIssue[]): void {
  const sheet = score.table.sheet;
  const useIds = ix.rosterHasId && score.fields.has("memberId");
  const useBranch = ix.rosterHasBranch && score.fields.has("branch");
  const { source } = score;
  const store = source.values;
  // Value fields with their slots in the score table's rows.
  const fields: FieldId[] = [];
  const slots: number[] = [];
  for (const field of score.fields) {
    if (IDENTITY.has(field)) continue;
    fields.push(field);
    slots.push(source.slot(field));
  }
  const where = (row: ParsedRow) => ({ sheet, row: row.row + 1, name: row.name });

  for (const row of score.rows) {
    let target: ReadMember | undefined;
    if (useIds && row.idUsable && row.memberId !== undefined) {
      target = ix.byId.get(row.memberId);
    } else {
      let list: ReadMember[] | undefined;
      if (useBranch && row.branch !== undefined) {
        list = ix.byNameBranch.get(row.name)?.get(row.branch);
        // The roster left this member's branch blank: a unique name still identifies them.
        const named = list ? undefined : ix.byName.get(row.name);
        if (named && named.length === 1 && named[0].branch === undefined) list = named;
        if (list && list.length > 1) {
          issues.push({ code: "AMBIGUOUS_NAME", sheet, cell: nameCell(row), value: row.name, params: { ...where(row), branch: row.branch } });
          continue;
        }
      } else {
        list = ix.byName.get(row.name);
        if (list && list.length > 1) {
          issues.push({ code: "AMBIGUOUS_NAME_NO_BRANCH", sheet, cell: nameCell(row), value: row.name, params: { ...where(row), count: list.length } });
          continue;
        }
      }
      target = list?.[0];
    }
    if (!target) {
      issues.push({ code: "ORPHAN_ROW", sheet, cell: nameCell(row), value: row.name, params: where(row) });
      continue;
    }
    const member = target;
    const earlier = member.mergedFrom(t);
    if (earlier) {
      issues.push({ code: "DUPLICATE_MEMBER", sheet, cell: nameCell(row), value: row.name, params: { name: row.name, other: nameCell(earlier) } });
      continue;
    }
    member.merge(row, t);
    if (useIds && row.branch !== undefined && member.branch !== undefined && row.branch !== member.branch) {
      conflict(issues, member, score, row, "branch", member.branch, row.branch);
    }
    const bag = member.values as Record<string, unknown>;
    for (let i = 0; i < fields.length; i++) {
      const v = store[row.at + slots[i]];
      if (v === undefined) continue;
      const field = fields[i];
      const current = bag[field];
      if (current === undefined) {
        bag[field] = v;
        member.took(field);
      } else if (!same(current, v)) conflict(issues, member, score, row, field, current, v);
    }
  }
}

function conflict(issues: DataIssue[], member: MemberRecord, score: MemberTable, row: ParsedRow, field: FieldId, kept: unknown, other: unknown): void {
  issues.push({
    code: "CONFLICTING_VALUES",
    sheet: score.table.sheet,
    cell: row.source.addressAt(row.row, field),
    value: show(other),
    params: { name: member.name, field: score.headers[field] ?? field, value: show(kept), other: show(other) },
  });
}
