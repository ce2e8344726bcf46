import type { Category, DecidedGrade, MemberValues } from "../types";
import { FIELD_KINDS } from "./values";
import { numberColumn, type NumberColumn } from "./columns";

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
    publicized: undefined,
  };
}

export type ValueField = keyof MemberValues;

/** The value fields in a fixed order: a field's index is its slot in the store. */
export const VALUE_FIELDS = Object.keys(newValues()) as ValueField[];
const SLOT = {} as Record<ValueField, number>;
VALUE_FIELDS.forEach((field, slot) => (SLOT[field] = slot));

export function valueSlot(field: string): number {
  const slot = SLOT[field as ValueField];
  return slot === undefined ? -1 : slot;
}

/** How a value is kept: numbers as themselves, yes/no as 1/0 (NaN blank in both), the rest as they are. */
export const ValueStore = { Number: 1, YesNo: 2, Any: 3 } as const;
export type ValueStore = (typeof ValueStore)[keyof typeof ValueStore];

export function valueStoreOf(field: ValueField): ValueStore {
  switch (FIELD_KINDS[field]) {
    case "number":
    case "integer":
    case "percent":
      return ValueStore.Number;
    case "yesno":
    case "yesOrDate":
      return ValueStore.YesNo;
    default:
      return ValueStore.Any;
  }
}

const STORES: ValueStore[] = VALUE_FIELDS.map(valueStoreOf);

/**
 * Every member's values by field, one column per field over the member index: numbers and
 * yes/no answers in number columns. A city of 160,000 members then holds a few dozen arrays
 * instead of 160,000 objects of 30 properties, which the garbage collector would copy twice.
 * A field only one table has is read through from that table's column (through the rows the
 * members took from it, for a score table), never copied; a missing column reads as blank.
 */
export class MemberStore {
  private readonly numbers: (NumberColumn | null)[] = VALUE_FIELDS.map(() => null);
  private readonly others: (unknown[] | null)[] = VALUE_FIELDS.map(() => null);
  /** Per slot: the table row of each member when the column is a score table's, else null. */
  private readonly rowsOf: (Int32Array | null)[] = VALUE_FIELDS.map(() => null);

  constructor(readonly capacity: number) {}

  /** The column of a number or yes/no field, made (all blank) when first asked for. */
  numberColumn(slot: number): NumberColumn {
    let column = this.numbers[slot];
    if (column === null) this.numbers[slot] = column = numberColumn(this.capacity);
    return column;
  }

  /** The column of a category, batch or grade field, made (all blank) when first asked for. */
  otherColumn(slot: number): unknown[] {
    let column = this.others[slot];
    if (column === null) this.others[slot] = column = new Array<unknown>(this.capacity).fill(undefined);
    return column;
  }

  /**
   * Takes a table's column as this field's column (same index, same encoding), without copying:
   * the roster's rows are the members' rows. Later writes (merged score values) go into it.
   */
  adopt(slot: number, column: NumberColumn | unknown[]): void {
    if (STORES[slot] === ValueStore.Any) this.others[slot] = column;
    else this.numbers[slot] = column as NumberColumn;
  }

  /**
   * Reads this field from a score table's column: member `i`'s value is row `rows[i]` of it
   * (-1: the member has no row there, so the value is blank). Nothing is copied.
   */
  readThrough(slot: number, column: NumberColumn | unknown[], rows: Int32Array): void {
    this.adopt(slot, column);
    this.rowsOf[slot] = rows;
  }

  /** The row of member `i` in the field's column; -1 when the member has none. */
  private at(i: number, slot: number): number {
    const rows = this.rowsOf[slot];
    return rows === null ? i : rows[i];
  }

  /** Member `i`'s number in `slot` (a number field); undefined when blank. */
  number(i: number, slot: number): number | undefined {
    const column = this.numbers[slot];
    if (column === null) return undefined;
    const at = this.at(i, slot);
    if (at < 0) return undefined;
    const n = column[at];
    return n === n ? n : undefined;
  }

  /** Member `i`'s answer in `slot` (a yes/no field); undefined when blank. */
  yesNo(i: number, slot: number): boolean | undefined {
    const column = this.numbers[slot];
    if (column === null) return undefined;
    const at = this.at(i, slot);
    if (at < 0) return undefined;
    const n = column[at];
    return n === 1 ? true : n === 0 ? false : undefined;
  }

  /** Member `i`'s value in `slot` (a category, batch or grade field); undefined when blank. */
  other(i: number, slot: number): unknown {
    const column = this.others[slot];
    if (column === null) return undefined;
    const at = this.at(i, slot);
    return at < 0 ? undefined : column[at];
  }

  /** Member `i`'s value of the field in `slot`; undefined when blank. */
  get(i: number, slot: number): unknown {
    switch (STORES[slot]) {
      case ValueStore.Number:
        return this.number(i, slot);
      case ValueStore.YesNo:
        return this.yesNo(i, slot);
      default:
        return this.other(i, slot);
    }
  }

  /** Gives member `i` a value; the field must not be read through from a score table. */
  set(i: number, slot: number, value: unknown): void {
    if (this.rowsOf[slot] !== null) throw new Error(`${VALUE_FIELDS[slot]} is read through from a score table`);
    switch (STORES[slot]) {
      case ValueStore.Number:
        this.numberColumn(slot)[i] = typeof value === "number" ? value : NaN;
        break;
      case ValueStore.YesNo:
        this.numberColumn(slot)[i] = value === true ? 1 : value === false ? 0 : NaN;
        break;
      default:
        this.otherColumn(slot)[i] = value;
    }
  }

  /** Member `i`'s values, read through from the columns (no copy is made). */
  view(i: number): MemberValues {
    return new ValuesView(this, i);
  }

  /** `reuse` moved to member `i` when it is a view of this store, else a new view. */
  viewAt(i: number, reuse: MemberValues | undefined): MemberValues {
    if (reuse instanceof ValuesView && reuse.store === this) {
      reuse.i = i;
      return reuse;
    }
    return new ValuesView(this, i);
  }

  /** Member `i`'s values copied into a plain object. */
  copy(i: number): MemberValues {
    const values = newValues() as Record<string, unknown>;
    for (let slot = 0; slot < VALUE_FIELDS.length; slot++) values[VALUE_FIELDS[slot]] = this.get(i, slot);
    return values as MemberValues;
  }
}

/**
 * A member's values as getters over the store's columns. Each field has its own small getter
 * (slot numbers as in VALUE_FIELDS) so the evaluator's reads compile to a column load.
 */
class ValuesView implements MemberValues {
  constructor(
    readonly store: MemberStore,
    /** The member whose values it shows; a reused view is moved from member to member. */
    public i: number,
  ) {}

  get category(): Category | undefined {
    return this.store.other(this.i, 0) as Category | undefined;
  }

  get isLeader(): boolean | undefined {
    return this.store.yesNo(this.i, 1);
  }

  get batch(): string | undefined {
    return this.store.other(this.i, 2) as string | undefined;
  }

  get studyHours(): number | undefined {
    return this.store.number(this.i, 3);
  }

  get concentratedDays(): number | undefined {
    return this.store.number(this.i, 4);
  }

  get sessionsDue(): number | undefined {
    return this.store.number(this.i, 5);
  }

  get sessionsAttended(): number | undefined {
    return this.store.number(this.i, 6);
  }

  get monthsAbsent(): number | undefined {
    return this.store.number(this.i, 7);
  }

  get analysisSubmitted(): boolean | undefined {
    return this.store.yesNo(this.i, 8);
  }

  get satisfaction(): number | undefined {
    return this.store.number(this.i, 9);
  }

  get satisfied(): number | undefined {
    return this.store.number(this.i, 10);
  }

  get fairlySatisfied(): number | undefined {
    return this.store.number(this.i, 11);
  }

  get basicallySatisfied(): number | undefined {
    return this.store.number(this.i, 12);
  }

  get dissatisfied(): number | undefined {
    return this.store.number(this.i, 13);
  }

  get rectified(): boolean | undefined {
    return this.store.yesNo(this.i, 14);
  }

  get applicationSubmitted(): boolean | undefined {
    return this.store.yesNo(this.i, 15);
  }

  get proposedGrade(): DecidedGrade | undefined {
    return this.store.other(this.i, 16) as DecidedGrade | undefined;
  }

  get votersDue(): number | undefined {
    return this.store.number(this.i, 17);
  }

  get votersPresent(): number | undefined {
    return this.store.number(this.i, 18);
  }

  get votesFor(): number | undefined {
    return this.store.number(this.i, 19);
  }

  get votesAgainst(): number | undefined {
    return this.store.number(this.i, 20);
  }

  get votesAbstain(): number | undefined {
    return this.store.number(this.i, 21);
  }

  get votesExcellent(): number | undefined {
    return this.store.number(this.i, 22);
  }

  get votesQualified(): number | undefined {
    return this.store.number(this.i, 23);
  }

  get votesBasic(): number | undefined {
    return this.store.number(this.i, 24);
  }

  get votesUnqualified(): number | undefined {
    return this.store.number(this.i, 25);
  }

  get approved(): boolean | undefined {
    return this.store.yesNo(this.i, 26);
  }

  get excellentNominated(): boolean | undefined {
    return this.store.yesNo(this.i, 27);
  }

  get disciplined(): boolean | undefined {
    return this.store.yesNo(this.i, 28);
  }

  get publicized(): boolean | undefined {
    return this.store.yesNo(this.i, 29);
  }
}
