import type { DataIssue, FieldId, MemberRecord, MemberValues, RecognisedTable } from "../types";
import { JoinSources, ReadMember, newValues } from "./member";
import type { TableSource } from "./source";

/** A member table with its parsed rows. */
export interface MemberTable {
  table: RecognisedTable;
  /** The data rows: identities, values and the columns' letters. */
  source: TableSource;
  /** Header text per mapped field, as the user wrote it. */
  headers: Partial<Record<FieldId, string>>;
  fields: Set<FieldId>;
  /** The unit named above the table ("填报单位：…"), if any. */
  unitName?: string;
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

/**
 * Members by a text key. Most keys name one member, kept as is; an array only where a key is
 * shared, so indexing 160,000 members allocates no list per member.
 */
type Lookup = Map<string, ReadMember | ReadMember[]>;

function addTo(map: Lookup, key: string, member: ReadMember): void {
  const found = map.get(key);
  if (found === undefined) map.set(key, member);
  else if (Array.isArray(found)) found.push(member);
  else map.set(key, [found, member]);
}

/** Branch ("" when blank) → name → members: few branches, so no key string is built per row. */
type BranchNameIndex = Map<string, Lookup>;

function addByBranch(index: BranchNameIndex, branch: string, name: string, member: ReadMember): void {
  let names = index.get(branch);
  if (!names) index.set(branch, (names = new Map()));
  addTo(names, name, member);
}

function firstOf(found: ReadMember | ReadMember[] | undefined): ReadMember | undefined {
  return Array.isArray(found) ? found[0] : found;
}

/** The first of these members who has no id to be joined on: a roster row of the same name and branch repeats them. */
function firstWithoutId(found: ReadMember | ReadMember[] | undefined): ReadMember | undefined {
  if (found === undefined) return undefined;
  if (!Array.isArray(found)) return found.joinsOnId ? undefined : found;
  return found.find((m) => !m.joinsOnId);
}

function countOf(found: ReadMember | ReadMember[] | undefined): number {
  return found === undefined ? 0 : Array.isArray(found) ? found.length : 1;
}

/** Roster row `k`'s values in one fixed-shape object. */
function rosterValues(source: TableSource, k: number): MemberValues {
  const values = newValues();
  const bag = values as Record<string, unknown>;
  const fields = source.fields;
  for (let i = 0; i < fields.length; i++) {
    const v = source.value(k, i);
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
  /** Everyone by branch and name; members joined on their id only where a score table may need the name. */
  const byBranchName: BranchNameIndex = new Map();
  const indexAll = scores.length > 0;
  /** Id-less second rows of a name in a branch: they make that name ambiguous for score sheets. */
  const doubles: ReadMember[] = [];
  const rosterHasBranch = roster.fields.has("branch");
  const sheet = roster.table.sheet;
  const source = roster.source;
  const join = new JoinSources(source, scores.map((score) => score.source));

  for (let k = 0; k < source.length; k++) {
    const name = source.names[k];
    const id = source.ids[k];
    const idUsable = source.idUsable[k] && id !== undefined;
    const branchKey = source.branches[k] ?? "";
    const first = idUsable ? byId.get(id) : firstWithoutId(byBranchName.get(branchKey)?.get(name));
    if (first) {
      issues.push({ code: "DUPLICATE_MEMBER", sheet, cell: source.address(k, "name"), value: name, params: { name, other: first.cellOf("name")?.cell ?? "" } });
      if (!idUsable) {
        const double = new ReadMember(join, k, rosterValues(source, k));
        doubles.push(double);
        addByBranch(byBranchName, branchKey, name, double);
      }
      continue;
    }
    if (rosterHasBranch && source.branchBlank[k]) {
      issues.push({ code: "BRANCH_BLANK", sheet, cell: source.address(k, "branch"), params: { name } });
    }
    const member = new ReadMember(join, k, rosterValues(source, k));
    members.push(member);
    if (idUsable) byId.set(id, member);
    if (!idUsable || indexAll) addByBranch(byBranchName, branchKey, name, member);
  }

  if (indexAll) {
    const ix: Index = { byId, byBranchName, byName: undefined, soleBlank: undefined, everyone: [members, doubles], rosterHasBranch, rosterHasId: roster.fields.has("memberId") };
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
  byBranchName: BranchNameIndex;
  /** Built when a score table without a branch column needs it. */
  byName: Lookup | undefined;
  /** Blank-branch members whose name occurs nowhere else in the roster; built when first needed. */
  soleBlank: Map<string, ReadMember> | undefined;
  /** The roster's members and its id-less second rows. */
  everyone: ReadMember[][];
  rosterHasBranch: boolean;
  rosterHasId: boolean;
}

function byName(ix: Index): Lookup {
  if (ix.byName === undefined) {
    const map: Lookup = new Map();
    for (const list of ix.everyone) for (const m of list) addTo(map, m.name, m);
    ix.byName = map;
  }
  return ix.byName;
}

/**
 * The member of this name when there is exactly one in the whole roster and their branch is
 * blank. Worked out once for every blank-branch name, so a score row costs one lookup.
 */
function soleBlankBranch(ix: Index, name: string): ReadMember | undefined {
  if (ix.soleBlank === undefined) {
    const sole = new Map<string, ReadMember>();
    const blank = ix.byBranchName.get("");
    if (blank !== undefined) {
      for (const [n, found] of blank) if (!Array.isArray(found)) sole.set(n, found);
      for (const [branch, names] of ix.byBranchName) {
        if (branch === "" || sole.size === 0) continue;
        for (const n of names.keys()) sole.delete(n);
      }
    }
    ix.soleBlank = sole;
  }
  return ix.soleBlank.get(name);
}

function mergeScoreTable(score: MemberTable, t: number, ix: Index, issues: DataIssue[]): void {
  const sheet = score.table.sheet;
  const useIds = ix.rosterHasId && score.fields.has("memberId");
  const useBranch = ix.rosterHasBranch && score.fields.has("branch");
  const { source } = score;
  // Value fields with their slots in the score table's rows.
  const fields: FieldId[] = [];
  const slots: number[] = [];
  for (const field of score.fields) {
    if (IDENTITY.has(field)) continue;
    fields.push(field);
    slots.push(source.slot(field));
  }
  const where = (j: number) => ({ sheet, row: source.rows[j] + 1, name: source.names[j] });
  const nameCell = (j: number) => source.address(j, "name");

  for (let j = 0; j < source.length; j++) {
    const name = source.names[j];
    const id = source.ids[j];
    const branch = source.branches[j];
    let target: ReadMember | undefined;
    if (useIds && source.idUsable[j] && id !== undefined) {
      target = ix.byId.get(id);
    } else {
      let found: ReadMember | ReadMember[] | undefined;
      if (useBranch && branch !== undefined) {
        found = ix.byBranchName.get(branch)?.get(name);
        // The roster left this member's branch blank: a unique name still identifies them.
        if (!found) found = soleBlankBranch(ix, name);
        if (countOf(found) > 1) {
          issues.push({ code: "AMBIGUOUS_NAME", sheet, cell: nameCell(j), value: name, params: { ...where(j), branch } });
          continue;
        }
      } else {
        found = byName(ix).get(name);
        const count = countOf(found);
        if (count > 1) {
          issues.push({ code: "AMBIGUOUS_NAME_NO_BRANCH", sheet, cell: nameCell(j), value: name, params: { ...where(j), count } });
          continue;
        }
      }
      target = firstOf(found);
    }
    if (!target) {
      issues.push({ code: "ORPHAN_ROW", sheet, cell: nameCell(j), value: name, params: where(j) });
      continue;
    }
    const member = target;
    const earlier = member.mergedFrom(t);
    if (earlier >= 0) {
      issues.push({ code: "DUPLICATE_MEMBER", sheet, cell: nameCell(j), value: name, params: { name, other: nameCell(earlier) } });
      continue;
    }
    member.merge(t, j);
    if (useIds && branch !== undefined && member.branch !== undefined && branch !== member.branch) {
      conflict(issues, member, score, j, "branch", member.branch, branch);
    }
    const bag = member.values as Record<string, unknown>;
    for (let i = 0; i < fields.length; i++) {
      const v = source.value(j, slots[i]);
      if (v === undefined) continue;
      const field = fields[i];
      const current = bag[field];
      if (current === undefined) {
        bag[field] = v;
        member.took(field);
      } else if (!same(current, v)) conflict(issues, member, score, j, field, current, v);
    }
  }
}

function conflict(issues: DataIssue[], member: MemberRecord, score: MemberTable, j: number, field: FieldId, kept: unknown, other: unknown): void {
  issues.push({
    code: "CONFLICTING_VALUES",
    sheet: score.table.sheet,
    cell: score.source.address(j, field),
    value: show(other),
    params: { name: member.name, field: score.headers[field] ?? field, value: show(kept), other: show(other) },
  });
}
