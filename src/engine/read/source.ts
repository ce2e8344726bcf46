import type { CellRef, FieldId } from "../types";
import { columnName } from "./address";
import { FIELD_KINDS } from "./values";

/**
 * One member table's parsed data, stored once per table rather than once per cell: the mapped
 * fields in column order, their column letters, and every row's values one after another
 * (`fields.length` slots a row). A1 addresses are only built when an issue or a reason asks.
 */
export class TableSource {
  /** Field → slot in `fields`, -1 when the table has no column for it. */
  private readonly slots: Record<FieldId, number>;
  /** Parsed values, row after row; identity fields (name, id, branch) stay undefined here. */
  readonly values: unknown[] = [];
  /** Column letters of each field, in `fields` order. */
  readonly letters: readonly string[];

  constructor(
    readonly sheet: string,
    readonly fields: readonly FieldId[],
    /** 0-based sheet column of each field. */
    readonly columns: readonly number[],
  ) {
    this.slots = { ...NO_SLOTS };
    fields.forEach((field, i) => (this.slots[field] = i));
    this.letters = columns.map(columnName);
  }

  get width(): number {
    return this.fields.length;
  }

  slot(field: FieldId): number {
    return this.slots[field];
  }

  /** The value of `field` in the row whose values start at `at`; undefined when blank or unmapped. */
  valueAt(at: number, field: FieldId): unknown {
    const slot = this.slots[field];
    return slot < 0 ? undefined : this.values[at + slot];
  }

  /** Where `field` of a row was read: sheet and "B7"; undefined when the table has no such column. */
  cellAt(sheetRow: number, field: FieldId): CellRef | undefined {
    const slot = this.slots[field];
    return slot < 0 ? undefined : { sheet: this.sheet, cell: this.letters[slot] + String(sheetRow + 1) };
  }

  /** Just the A1 address ("" when unmapped). */
  addressAt(sheetRow: number, field: FieldId): string {
    const slot = this.slots[field];
    return slot < 0 ? "" : this.letters[slot] + String(sheetRow + 1);
  }
}

const NO_SLOTS = {} as Record<FieldId, number>;
for (const field of Object.keys(FIELD_KINDS) as FieldId[]) NO_SLOTS[field] = -1;
