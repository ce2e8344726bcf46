import type { CellRef, FieldId, MemberRecord, MemberValues } from "../types";
import type { ParsedRow } from "./rows";
import { FIELD_KINDS } from "./values";

/** Every value key in one literal, so all members' values share one object shape. */
export function newValues(): MemberValues {
  return {
    category: undefined,
    isLeader: undefined,
    batch: undefined,
    studyHours: undefined,
    concentratedDays: undefined,
    sessionsDue: undefined,
    sessionsAttended: undefined,
    monthsAbsent: undefined,
    analysisSubmitted: undefined,
    satisfaction: undefined,
    satisfied: undefined,
    fairlySatisfied: undefined,
    basicallySatisfied: undefined,
    dissatisfied: undefined,
    rectified: undefined,
    applicationSubmitted: undefined,
    proposedGrade: undefined,
    votersDue: undefined,
    votersPresent: undefined,
    votesFor: undefined,
    votesAgainst: undefined,
    votesAbstain: undefined,
    votesExcellent: undefined,
    votesQualified: undefined,
    votesBasic: undefined,
    votesUnqualified: undefined,
    approved: undefined,
    excellentNominated: undefined,
    disciplined: undefined,
  };
}

/** One bit per field, for the set of fields a member took from score rows. */
const FIELD_BIT = {} as Record<FieldId, number>;
(Object.keys(FIELD_KINDS) as FieldId[]).forEach((field, i) => (FIELD_BIT[field] = 1 << i));

/**
 * A member as the reader builds it: the roster row, plus the score-sheet rows merged onto it.
 * `cells` is worked out from those rows when first asked for (most members never need an
 * address), so reading stores no per-cell objects. Private fields stay out of JSON and of
 * object comparisons.
 */
export class ReadMember implements MemberRecord {
  key: string;
  sheet: string;
  row: number;
  name: string;
  memberId: string | undefined;
  branch: string | undefined;
  values: MemberValues;
  readonly #origin: ParsedRow;
  /** Score rows merged onto this member, in merge order. */
  #merged: ParsedRow[] | undefined = undefined;
  /** Merge number of the score table the last merged row came from. */
  #lastTable = -1;
  /** Fields whose value came from a score row rather than the roster (FIELD_BIT). */
  #taken = 0;

  constructor(origin: ParsedRow, key: string, values: MemberValues) {
    this.key = key;
    this.sheet = origin.source.sheet;
    this.row = origin.row;
    this.name = origin.name;
    this.memberId = origin.memberId;
    this.branch = origin.branch;
    this.values = values;
    this.#origin = origin;
  }

  /** The row already merged onto this member from score table number `table`, if any. */
  mergedFrom(table: number): ParsedRow | undefined {
    return this.#lastTable === table && this.#merged !== undefined ? this.#merged[this.#merged.length - 1] : undefined;
  }

  /** Records that `row` of score table number `table` was merged onto this member. */
  merge(row: ParsedRow, table: number): void {
    if (this.#merged === undefined) this.#merged = [row];
    else this.#merged.push(row);
    this.#lastTable = table;
  }

  /** Records that `field`'s value came from the last merged row. */
  took(field: FieldId): void {
    this.#taken |= FIELD_BIT[field];
  }

  /** Where `field` was read: the score row it was taken from, else the roster's column. */
  cellOf(field: FieldId): CellRef | undefined {
    if ((this.#taken & FIELD_BIT[field]) !== 0 && this.#merged !== undefined) {
      // The value came from the first merged row that has one: later rows only confirmed or conflicted.
      for (const row of this.#merged) {
        if (row.source.valueAt(row.at, field) !== undefined) return row.source.cellAt(row.row, field);
      }
    }
    return this.#origin.source.cellAt(this.#origin.row, field);
  }

  /** Every field's cell, built on demand. */
  get cells(): Partial<Record<FieldId, CellRef>> {
    const cells: Partial<Record<FieldId, CellRef>> = {};
    const origin = this.#origin.source;
    for (const field of origin.fields) cells[field] = this.cellOf(field);
    if (this.#merged !== undefined) {
      for (const field of Object.keys(FIELD_BIT) as FieldId[]) {
        if ((this.#taken & FIELD_BIT[field]) !== 0) cells[field] = this.cellOf(field);
      }
    }
    return cells;
  }
}

/** Where a member's `field` was read (sheet and "B7"), without building the member's whole `cells`. */
export function cellOf(member: MemberRecord, field: FieldId): CellRef | undefined {
  return member instanceof ReadMember ? member.cellOf(field) : member.cells[field];
}
