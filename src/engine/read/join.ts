import type { DataIssue, FieldId, MemberRecord, RecognisedTable } from "../types";
import { JoinSources, ReadMember } from "./member";
import { ValueStore, valueSlot, valueStoreOf, type MemberStore, type ValueField } from "./member-store";
import { RowIndex } from "./row-index";
import type { TableSource } from "./source";
import type { NumberColumn } from "./columns";

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
  /** The unit a title above the table names ("城关镇党委党员名单"), if any. */
  titleUnitName?: string;
}

/** Fields that identify a member rather than describe them: never merged as values. */
const IDENTITY: ReadonlySet<FieldId> = new Set<FieldId>(["name", "memberId", "branch"]);

function show(v: unknown): string {
  if (typeof v === "boolean") return v ? "是" : "否";
  return String(v);
}

/** Fields the reader rewrites after the join (a default category, attendance above due): always copied. */
const REWRITTEN: ReadonlySet<FieldId> = new Set<FieldId>(["category", "sessionsDue", "sessionsAttended"]);

/**
 * Value fields that one score table alone has (not the roster, not another score table): the
 * store reads them through from that table's column instead of copying them member by member.
 */
function readThroughFields(roster: MemberTable, scores: MemberTable[]): Map<FieldId, number> {
  const from = new Map<FieldId, number>();
  const shared = new Set<FieldId>(roster.fields);
  scores.forEach((score, t) => {
    for (const field of score.fields) {
      if (IDENTITY.has(field) || valueSlot(field) < 0) continue;
      if (from.has(field)) shared.add(field);
      from.set(field, t);
    }
  });
  for (const field of [...from.keys()]) if (shared.has(field) || REWRITTEN.has(field)) from.delete(field);
  return from;
}

function readThrough(join: JoinSources, scores: MemberTable[], fields: Map<FieldId, number>): void {
  for (const [field, t] of fields) {
    const source = scores[t].source;
    const column = source.column(source.slot(field));
    if (column === null) continue;
    join.store.readThrough(valueSlot(field), column, join.matches[t]);
    join.readThrough[field] = t;
  }
}

/** The store takes the roster's value columns as they are: member values are indexed by roster row. */
function adoptRosterColumns(store: MemberStore, roster: MemberTable): void {
  for (const field of roster.fields) {
    const slot = valueSlot(field);
    if (slot < 0) continue;
    const column = roster.source.column(roster.source.slot(field));
    if (column !== null) store.adopt(slot, column);
  }
}

/**
 * Builds the member list from the roster and merges every score table onto it: on the member
 * id when both tables have one, else on (name, branch), else on a name unique in the roster.
 * Nothing is ever merged on a guess; each refusal is a data issue.
 */
export function joinTables(roster: MemberTable, scores: MemberTable[]): { members: MemberRecord[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  // Sized once for every roster row and cut to the members at the end: no list grown 30 times.
  const members = new Array<ReadMember>(roster.source.length);
  let count = 0;
  const rosterHasBranch = roster.fields.has("branch");
  const sheet = roster.table.sheet;
  const source = roster.source;
  const join = new JoinSources(source, scores.map((score) => score.source));
  const store = join.store;
  adoptRosterColumns(store, roster);
  readThrough(join, scores, readThroughFields(roster, scores));
  /** Roster rows by joinable member id (the first row of each id only). */
  const byId = new RowIndex(source.ids, null, source.length);
  /** Roster rows by (name, branch: "" when blank): members and their id-less second rows. */
  const byBranchName = new RowIndex(source.keys, source.branches, source.length);
  /** The member (or id-less second row) each roster row became, by roster row. */
  const atRow = new Array<ReadMember | undefined>(source.length).fill(undefined);
  /** 1 for roster rows whose (name, branch) another roster row has too. */
  const sharedKey = new Uint8Array(source.length);
  const index = (k: number) => {
    const earlier = byBranchName.add(k);
    if (earlier < 0) return;
    sharedKey[k] = 1;
    sharedKey[earlier] = 1;
  };

  for (let k = 0; k < source.length; k++) {
    const name = source.names[k];
    const id = source.ids[k];
    const idUsable = source.idUsable[k] === 1 && id !== undefined;
    const branchKey = source.branches[k] ?? "";
    const earlier = idUsable ? byId.add(k) : firstWithoutId(atRow, byBranchName, byBranchName.first(source.keys[k], branchKey));
    if (earlier >= 0) {
      const first = atRow[earlier] as ReadMember;
      issues.push({ code: "DUPLICATE_MEMBER", sheet, cell: source.address(k, "name"), value: name, params: { name, other: first.cellOf("name")?.cell ?? "" } });
      if (!idUsable) {
        atRow[k] = new ReadMember(join, k);
        index(k);
      }
      continue;
    }
    if (rosterHasBranch && source.branchBlank[k]) {
      issues.push({ code: "BRANCH_BLANK", sheet, cell: source.address(k, "branch"), params: { name } });
    }
    const member = new ReadMember(join, k);
    members[count++] = member;
    atRow[k] = member;
    index(k);
  }

  members.length = count;

  if (scores.length > 0) {
    const ix: Index = { byId, byBranchName, byName: undefined, keys: source.keys, branches: source.branches, rosterHasBranch, rosterHasId: roster.fields.has("memberId"), atRow, sharedKey, join };
    scores.forEach((score, t) => mergeScoreTable(score, t, ix, issues));
  }

  const fieldsSeen = (field: FieldId) => roster.fields.has(field) || scores.some((s) => s.fields.has(field));
  if (fieldsSeen("category")) {
    const category = store.otherColumn(valueSlot("category"));
    for (const m of members) if (category[m.rosterIndex] === undefined) category[m.rosterIndex] = "正式党员";
  }
  if (fieldsSeen("sessionsDue") && fieldsSeen("sessionsAttended")) {
    const dueColumn = store.numberColumn(valueSlot("sessionsDue"));
    const attendedColumn = store.numberColumn(valueSlot("sessionsAttended"));
    for (const m of members) {
      const k = m.rosterIndex;
      const due = dueColumn[k];
      const attended = attendedColumn[k];
      // NaN (blank) compares false
      if (!(attended > due)) continue;
      const at = m.cellOf("sessionsAttended");
      issues.push({ code: "ATTENDED_EXCEEDS_DUE", sheet: at?.sheet ?? sheet, cell: at?.cell ?? "", value: String(attended), params: { name: m.name, attended, due } });
      dueColumn[k] = NaN;
      attendedColumn[k] = NaN;
    }
  }
  return { members, issues };
}

interface Index {
  byId: RowIndex;
  byBranchName: RowIndex;
  /** Everyone by name alone; built when a score table without a branch column needs it. */
  byName: RowIndex | undefined;
  /** Blank-branch rows whose name no other roster row has; worked out when first needed. */
  soleBlank?: Map<string, number>;
  /** The roster's names as joined on (nameKey) and branches (undefined when blank) by row. */
  keys: readonly string[];
  branches: readonly (string | undefined)[];
  rosterHasBranch: boolean;
  rosterHasId: boolean;
  /** The member (or id-less second row) of each roster row. */
  atRow: (ReadMember | undefined)[];
  /** 1 for roster rows whose (name, branch) is not unique. */
  sharedKey: Uint8Array;
  /** The members' value store, and the fields it reads through from one score table (not merged row by row). */
  join: JoinSources;
}

/** The first roster row in `first`'s chain whose member has no id to be joined on (-1: none): a row of the same name and branch repeats them. */
function firstWithoutId(atRow: (ReadMember | undefined)[], index: RowIndex, first: number): number {
  for (let row = first; row >= 0; row = index.next[row]) if (!(atRow[row] as ReadMember).joinsOnId) return row;
  return -1;
}

function byName(ix: Index): RowIndex {
  if (ix.byName === undefined) {
    const index = new RowIndex(ix.keys, null, ix.atRow.length);
    ix.atRow.forEach((m, k) => {
      if (m !== undefined) index.add(k);
    });
    ix.byName = index;
  }
  return ix.byName;
}

/** The member of this name when there is exactly one in the whole roster and their branch is blank. */
function soleBlankBranch(ix: Index, name: string): number {
  if (ix.soleBlank === undefined) ix.soleBlank = soleBlankNames(ix);
  return ix.soleBlank.get(name) ?? -1;
}

/**
 * Name → roster row for the names held by exactly one roster row, whose branch is blank. Only
 * the few blank-branch rows are candidates; one pass over the others strikes out names they share.
 */
function soleBlankNames(ix: Index): Map<string, number> {
  const { atRow, keys: names, branches } = ix;
  const candidates = new Map<string, number>();
  /** 1 at the first character of a candidate's name: most other rows are passed without a lookup. */
  const firstChars = new Uint8Array(0x10000);
  for (let k = 0; k < atRow.length; k++) {
    if (atRow[k] === undefined || branches[k] !== undefined) continue;
    const name = names[k];
    candidates.set(name, candidates.has(name) ? -1 : k);
    firstChars[name.charCodeAt(0)] = 1;
  }
  if (candidates.size > 0) {
    for (let k = 0; k < atRow.length; k++) {
      if (atRow[k] === undefined || branches[k] === undefined) continue;
      const name = names[k];
      if (firstChars[name.charCodeAt(0)] === 1 && candidates.has(name)) candidates.set(name, -1);
    }
  }
  for (const [n, k] of candidates) if (k < 0) candidates.delete(n);
  return candidates;
}

/** One value field of a score table, with the columns it is merged from and into. */
interface MergedField {
  field: ValueField;
  /** Numbers (yes/no as 1/0), NaN when blank; or other values, undefined when blank. */
  from: NumberColumn | unknown[];
  into: NumberColumn | unknown[];
  store: ValueStore;
}

function mergedFields(score: MemberTable, join: JoinSources): MergedField[] {
  const out: MergedField[] = [];
  const { source } = score;
  const store = join.store;
  for (const field of score.fields) {
    if (IDENTITY.has(field) || join.readThrough[field] !== undefined) continue;
    const slot = valueSlot(field);
    if (slot < 0) continue;
    const kind = valueStoreOf(field as ValueField);
    const from = source.column(source.slot(field));
    if (from === null) continue;
    out.push({ field: field as ValueField, from, into: kind === ValueStore.Any ? store.otherColumn(slot) : store.numberColumn(slot), store: kind });
  }
  return out;
}

/** A stored value as a message shows it. */
function decoded(value: unknown, store: ValueStore): unknown {
  return store === ValueStore.YesNo ? value === 1 : value;
}

/**
 * The roster row a score row names, when it is the row after the one the previous score row
 * took and names it unambiguously: the same member the indexes would find, without a lookup.
 * Score sheets are usually copied from the roster, so most rows take this path.
 */
function nextInOrder(ix: Index, next: number, byId: boolean, id: string | undefined, key: string, branch: string | undefined): ReadMember | undefined {
  const candidate = next < ix.atRow.length ? ix.atRow[next] : undefined;
  if (candidate === undefined) return undefined;
  if (byId) return candidate.joinsOnId && candidate.memberId === id ? candidate : undefined;
  if (branch === undefined || ix.sharedKey[next] === 1) return undefined;
  return ix.keys[next] === key && candidate.branch === branch ? candidate : undefined;
}

function mergeScoreTable(score: MemberTable, t: number, ix: Index, issues: DataIssue[]): void {
  const sheet = score.table.sheet;
  const useIds = ix.rosterHasId && score.fields.has("memberId");
  const useBranch = ix.rosterHasBranch && score.fields.has("branch");
  const { source } = score;
  const fields = mergedFields(score, ix.join);
  const where = (j: number) => ({ sheet, row: source.rows[j] + 1, name: source.names[j] });
  const nameCell = (j: number) => source.address(j, "name");
  let next = 0;

  for (let j = 0; j < source.length; j++) {
    const name = source.names[j];
    const key = source.keys[j];
    const id = source.ids[j];
    const branch = source.branches[j];
    const byId = useIds && source.idUsable[j] === 1 && id !== undefined;
    let target = nextInOrder(ix, next, byId, id, key, useBranch ? branch : undefined);
    if (target === undefined) {
      let found: number;
      if (byId) {
        found = ix.byId.first(id as string, "");
      } else if (useBranch && branch !== undefined) {
        found = ix.byBranchName.first(key, branch);
        // The roster left this member's branch blank: a unique name still identifies them.
        if (found < 0) found = soleBlankBranch(ix, key);
        else if (ix.byBranchName.next[found] >= 0) {
          issues.push({ code: "AMBIGUOUS_NAME", sheet, cell: nameCell(j), value: name, params: { ...where(j), branch } });
          continue;
        }
      } else {
        const index = byName(ix);
        found = index.first(key, "");
        const count = index.count(found);
        if (count > 1) {
          issues.push({ code: "AMBIGUOUS_NAME_NO_BRANCH", sheet, cell: nameCell(j), value: name, params: { ...where(j), count } });
          continue;
        }
      }
      target = found < 0 ? undefined : ix.atRow[found];
    }
    if (!target) {
      issues.push({ code: "ORPHAN_ROW", sheet, cell: nameCell(j), value: name, params: where(j) });
      continue;
    }
    const member = target;
    const k = member.rosterIndex;
    next = k + 1;
    const earlier = member.mergedFrom(t);
    if (earlier >= 0) {
      issues.push({ code: "DUPLICATE_MEMBER", sheet, cell: nameCell(j), value: name, params: { name, other: nameCell(earlier) } });
      continue;
    }
    member.merge(t, j);
    if (useIds && branch !== undefined && member.branch !== undefined && branch !== member.branch) {
      conflict(issues, member, score, j, "branch", member.branch, branch);
    }
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const v = f.from[j];
      if (f.store === ValueStore.Any) {
        if (v === undefined) continue;
        const current = f.into[k];
        if (current === undefined) {
          f.into[k] = v;
          member.took(f.field);
        } else if (current !== v) conflict(issues, member, score, j, f.field, current, v);
        continue;
      }
      const n = v as number;
      if (n !== n) continue;
      const current = f.into[k] as number;
      if (current !== current) {
        f.into[k] = n;
        member.took(f.field);
      } else if (f.store === ValueStore.YesNo ? current !== n : !(Math.abs(current - n) < 1e-9)) {
        conflict(issues, member, score, j, f.field, decoded(current, f.store), decoded(n, f.store));
      }
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
