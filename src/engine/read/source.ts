import type { CellRef, FieldId } from "../types";
import { columnLetters } from "../address";
import { FIELD_KINDS } from "./values";
import { numberColumn, type NumberColumn } from "./columns";
import { nameKey } from "./text";

/** How a field's values are stored: numbers and yes/no in number columns, the rest as they are. */
type Store = 0 | 1 | 2 | 3;
const Store = { None: 0, Number: 1, YesNo: 2, Any: 3 } as const;

function storeOf(field: FieldId): Store {
  switch (FIELD_KINDS[field]) {
    case "name":
    case "id":
      return Store.None;
    case "number":
    case "integer":
    case "percent":
      return Store.Number;
    case "yesno":
    case "yesOrDate":
      return Store.YesNo;
    default:
      return field === "branch" ? Store.None : Store.Any;
  }
}

/**
 * One member table's parsed rows, stored by column rather than as an object per row or per
 * cell: a city of 160,000 members is read without millions of small objects, and numbers and
 * yes/no answers sit in typed arrays the garbage collector never scans. Row `k` (0-based among
 * the table's data rows) has its identity in `rows[k]`, `names[k]`, … and its values behind
 * `value(k, slot)`. A1 addresses are built only when an issue or a reason asks for one.
 */
export class TableSource {
  /** Field → slot in `fields`, -1 when the table has no column for it. */
  private readonly slots: Record<FieldId, number>;
  private readonly stores: Store[];
  /** Per slot: numbers (NaN when blank) or yes/no (1/0, NaN when blank). */
  private readonly numbers: (NumberColumn | null)[];
  /** Per slot: any other value (category, grade, batch), undefined when blank. */
  private readonly others: (unknown[] | null)[];
  /** Column letters of each field, in `fields` order. */
  readonly letters: readonly string[];
  readonly width: number;
  /** Number of rows added. */
  length = 0;
  /** 0-based sheet row of each data row. */
  readonly rows: Int32Array;
  readonly names: string[];
  /** The names as joined on (nameKey): `names` itself until a name holds a look-alike of the middle dot. */
  keys: string[];
  readonly ids: (string | undefined)[];
  /** 1 when the id can be joined on (it has not lost digits). */
  readonly idUsable: Uint8Array;
  /** Trimmed branch; undefined when blank or when the table has no branch column (nor section rows). */
  branches: (string | undefined)[];
  /** 1 when the table has a branch column and the row's cell is blank. */
  readonly branchBlank: Uint8Array;

  constructor(
    readonly sheet: string,
    /** Mapped fields in column order. */
    readonly fields: readonly FieldId[],
    /** 0-based sheet column of each field. */
    columns: readonly number[],
    /** Most rows the table can have. */
    capacity: number,
  ) {
    const n = Math.max(0, capacity);
    this.slots = { ...NO_SLOTS };
    fields.forEach((field, i) => (this.slots[field] = i));
    this.letters = columns.map(columnLetters);
    this.width = fields.length;
    this.stores = fields.map(storeOf);
    this.numbers = this.stores.map((s) => (s === Store.Number || s === Store.YesNo ? numberColumn(n) : null));
    this.others = this.stores.map((s) => (s === Store.Any ? new Array<unknown>(n).fill(undefined) : null));
    this.rows = new Int32Array(n);
    this.names = new Array<string>(n).fill("");
    this.keys = this.names;
    // A table without the column reads every row's as blank, from one shared empty list.
    this.ids = fields.includes("memberId") ? new Array<string | undefined>(n).fill(undefined) : NONE;
    this.idUsable = new Uint8Array(n);
    this.branches = fields.includes("branch") ? new Array<string | undefined>(n).fill(undefined) : NONE;
    this.branchBlank = new Uint8Array(n);
  }

  /** Starts a row with every value blank (numbers start as NaN); its values are then given with `set`. Returns its index. */
  add(sheetRow: number, name: string): number {
    const k = this.length++;
    this.rows[k] = sheetRow;
    this.names[k] = name;
    const key = nameKey(name);
    if (key !== name && this.keys === this.names) this.keys = this.names.slice();
    this.keys[k] = key;
    return k;
  }

  /** Makes room for branches when a table without a branch column names them in section rows. */
  giveBranches(): void {
    if (this.branches === NONE) this.branches = new Array<string | undefined>(this.rows.length).fill(undefined);
  }

  /** Gives row `k` its parsed value for slot `slot`. */
  set(k: number, slot: number, value: unknown): void {
    switch (this.stores[slot]) {
      case Store.Number:
        this.numbers[slot]![k] = typeof value === "number" ? value : NaN;
        break;
      case Store.YesNo:
        this.numbers[slot]![k] = value === true ? 1 : value === false ? 0 : NaN;
        break;
      case Store.Any:
        this.others[slot]![k] = value;
        break;
      default:
    }
  }

  /** Row `k`'s value in slot `slot`; undefined when blank. */
  value(k: number, slot: number): unknown {
    switch (this.stores[slot]) {
      case Store.Number: {
        const n = this.numbers[slot]![k];
        return n === n ? n : undefined;
      }
      case Store.YesNo: {
        const n = this.numbers[slot]![k];
        return n === 1 ? true : n === 0 ? false : undefined;
      }
      case Store.Any:
        return this.others[slot]![k];
      default:
        return undefined;
    }
  }

  /**
   * The column of slot `slot`: numbers (yes/no as 1/0, NaN when blank) for a number or yes/no
   * field, the values themselves for a category, batch or grade; null for a name, id or branch.
   */
  column(slot: number): NumberColumn | unknown[] | null {
    return this.numbers[slot] ?? this.others[slot];
  }

  slot(field: FieldId): number {
    return this.slots[field];
  }

  /** The value of `field` in row `k`; undefined when blank or unmapped. */
  valueOf(k: number, field: FieldId): unknown {
    const slot = this.slots[field];
    return slot < 0 ? undefined : this.value(k, slot);
  }

  /** The A1 address of `field` in row `k` ("" when the table has no such column). */
  address(k: number, field: FieldId): string {
    const slot = this.slots[field];
    return slot < 0 ? "" : this.letters[slot] + String(this.rows[k] + 1);
  }

  /** Where `field` of row `k` was read; undefined when the table has no such column. */
  cellOf(k: number, field: FieldId): CellRef | undefined {
    return this.slots[field] < 0 ? undefined : { sheet: this.sheet, cell: this.address(k, field) };
  }
}

const NONE: (string | undefined)[] = Object.freeze([]) as unknown as (string | undefined)[];
const NO_SLOTS = {} as Record<FieldId, number>;
for (const field of Object.keys(FIELD_KINDS) as FieldId[]) NO_SLOTS[field] = -1;
