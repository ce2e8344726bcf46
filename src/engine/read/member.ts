import type { CellRef, FieldId, MemberRecord, MemberValues } from "../types";
import type { TableSource } from "./source";
import { MemberStore, VALUE_FIELDS } from "./member-store";

/** One bit per value field (at most 31 of them), for the set of fields a member took from score rows. */
const FIELD_BIT = {} as Record<FieldId, number>;
VALUE_FIELDS.forEach((field, i) => (FIELD_BIT[field] = 1 << i));
if (VALUE_FIELDS.length > 31) throw new Error("more value fields than bits");

/**
 * What the members of one read share: the roster, the score tables in merge order, per score
 * table which of its rows each roster row took (-1: none), so a member carries no list, and
 * every member's values by column (indexed like the roster's rows).
 */
export class JoinSources {
  readonly matches: Int32Array[];
  readonly store: MemberStore;
  /** Fields read through from one score table (field → its index in `scores`): never taken row by row. */
  readonly readThrough: Partial<Record<FieldId, number>> = {};

  constructor(
    readonly roster: TableSource,
    readonly scores: readonly TableSource[],
  ) {
    this.matches = scores.map(() => new Int32Array(roster.length).fill(-1));
    this.store = new MemberStore(roster.length);
  }
}

/**
 * A member as the reader builds it from roster row `k` and the score rows merged onto it.
 * Its values live in the shared store (row `k` of every column); `cells` is worked out from
 * those rows when asked for (most members never need an address), so reading stores no
 * per-cell or per-value objects. Private fields stay out of JSON and of comparisons; the
 * identity (sheet, row, name, id, branch) is there as getters over the roster's columns.
 */
export class ReadMember implements MemberRecord {
  readonly #join: JoinSources;
  readonly #k: number;
  /** Fields whose value came from a score row rather than the roster (FIELD_BIT). */
  #taken = 0;

  constructor(join: JoinSources, k: number) {
    this.#join = join;
    this.#k = k;
  }

  // Identity is read from the roster's columns: a member object holds no copy of it.
  get sheet(): string {
    return this.#join.roster.sheet;
  }

  get row(): number {
    return this.#join.roster.rows[this.#k];
  }

  get name(): string {
    return this.#join.roster.names[this.#k];
  }

  get memberId(): string | undefined {
    return this.#join.roster.ids[this.#k];
  }

  get branch(): string | undefined {
    return this.#join.roster.branches[this.#k];
  }

  /** The member's row among the roster's data rows (its row in the value store). */
  get rosterIndex(): number {
    return this.#k;
  }

  /** The values copied into a plain object, afresh on each read (the engine reads `valuesView`). */
  get values(): MemberValues {
    return this.#join.store.copy(this.#k);
  }

  /** The values read through from the store's columns: no copy. */
  valuesView(): MemberValues {
    return this.#join.store.view(this.#k);
  }

  /** As valuesView, moving `reuse` to this member when it is a view of the same store. */
  valuesViewAt(reuse: MemberValues | undefined): MemberValues {
    return this.#join.store.viewAt(this.#k, reuse);
  }

  /** True when the member id can be joined on (given, and no digits lost). */
  get joinsOnId(): boolean {
    const roster = this.#join.roster;
    return roster.idUsable[this.#k] === 1 && roster.ids[this.#k] !== undefined;
  }

  /** The member id when it can be joined on, else "name|branch"; worked out when asked for. */
  get key(): string {
    return this.joinsOnId ? (this.memberId as string) : `${this.name}|${this.branch ?? ""}`;
  }

  /** The row of score table `t` already merged onto this member, or -1. */
  mergedFrom(t: number): number {
    return this.#join.matches[t][this.#k];
  }

  /** Records that row `j` of score table `t` was merged onto this member. */
  merge(t: number, j: number): void {
    this.#join.matches[t][this.#k] = j;
  }

  /** Records that `field`'s value came from the row just merged. */
  took(field: FieldId): void {
    this.#taken |= FIELD_BIT[field];
  }

  /** Where `field` was read: the score row it was taken from, else the roster's column. */
  cellOf(field: FieldId): CellRef | undefined {
    const join = this.#join;
    const from = join.readThrough[field];
    if (from !== undefined) {
      const j = join.matches[from][this.#k];
      if (j >= 0 && join.scores[from].valueOf(j, field) !== undefined) return join.scores[from].cellOf(j, field);
    } else if ((this.#taken & FIELD_BIT[field]) !== 0) {
      // The value came from the first merged row that has one: later rows only confirmed or conflicted.
      for (let t = 0; t < join.scores.length; t++) {
        const j = join.matches[t][this.#k];
        if (j >= 0 && join.scores[t].valueOf(j, field) !== undefined) return join.scores[t].cellOf(j, field);
      }
    }
    return join.roster.cellOf(this.#k, field);
  }

  /**
   * Where the member's `field` would be entered when it is blank: the roster's column if the roster
   * has one, else the member's row in a score table that has the column; undefined when no table
   * holding the field has a row for the member.
   */
  blankCellOf(field: FieldId): CellRef | undefined {
    const join = this.#join;
    const own = join.roster.cellOf(this.#k, field);
    if (own !== undefined) return own;
    for (let t = 0; t < join.scores.length; t++) {
      const j = join.matches[t][this.#k];
      if (j < 0) continue;
      const cell = join.scores[t].cellOf(j, field);
      if (cell !== undefined) return cell;
    }
    return undefined;
  }

  /** Every field's cell, built afresh on each read. */
  get cells(): Partial<Record<FieldId, CellRef>> {
    const cells: Partial<Record<FieldId, CellRef>> = {};
    for (const field of this.#join.roster.fields) cells[field] = this.cellOf(field);
    if (this.#taken !== 0) {
      for (const field of Object.keys(FIELD_BIT) as FieldId[]) {
        if ((this.#taken & FIELD_BIT[field]) !== 0) cells[field] = this.cellOf(field);
      }
    }
    for (const field of Object.keys(this.#join.readThrough) as FieldId[]) {
      const cell = this.cellOf(field);
      if (cell !== undefined) cells[field] = cell;
    }
    return cells;
  }
}

/** Where a member's `field` was read (sheet and "B7"), without building the member's whole `cells`. */
export function cellOf(member: MemberRecord, field: FieldId): CellRef | undefined {
  return member instanceof ReadMember ? member.cellOf(field) : member.cells[field];
}

/** Where a member's blank `field` would be entered (see ReadMember.blankCellOf); undefined when they have no row for it. */
export function blankCellOf(member: MemberRecord, field: FieldId): CellRef | undefined {
  return member instanceof ReadMember ? member.blankCellOf(field) : member.cells[field];
}

/** A member's values for reading: the reader's members give a view over the store, others their object. */
export function valuesOf(member: MemberRecord): MemberValues {
  return member instanceof ReadMember ? member.valuesView() : member.values;
}

/**
 * Members' values one after another through one view, moved from member to member: for a loop
 * over 160,000 members that is done with each member's values before it reads the next.
 */
export class ValuesCursor {
  private view: MemberValues | undefined;

  of(member: MemberRecord): MemberValues {
    if (!(member instanceof ReadMember)) return member.values;
    this.view = member.valuesViewAt(this.view);
    return this.view;
  }
}
