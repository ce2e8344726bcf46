import type { PlanCell } from "../plan/types";
import type { SheetGrid } from "../types";
import { writtenText } from "../plan/text";
import { CELL_TEXT_LIMIT } from "../xml-chars";

/**
 * A short hash of a sheet's contents, the same whether taken from the rows we plan to write or
 * from the cells a host reads back: numbers to 15 significant digits (what Excel keeps), text
 * as a host writes it (writtenText), empty cells skipped. Two 32-bit FNV-1a lanes.
 */
export class ContentHash {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;
  private readonly digits: number[] = [];

  private char(c: number): void {
    this.a = Math.imul(this.a ^ c, 0x01000193);
    this.b = Math.imul(this.b ^ c, 0x5bd1e995) ^ (this.b >>> 15);
  }

  /** Hashes text as it stands; false (nothing hashed) when a host would not write it so (writtenText). */
  private addText(text: string, checked = true): boolean {
    if (checked && text.length > CELL_TEXT_LIMIT) return false;
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // a control character XML cannot hold, a surrogate (paired or not), U+FFFE/U+FFFF: the slow way
      if (checked && ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe)) return false;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    this.a = a;
    this.b = b;
    return true;
  }

  /** A non-negative integer's decimal digits, as String() writes them. */
  private addInteger(n: number): void {
    const digits = this.digits;
    digits.length = 0;
    do {
      digits.push(48 + (n % 10));
      n = Math.floor(n / 10);
    } while (n > 0);
    for (let i = digits.length - 1; i >= 0; i--) this.char(digits[i]);
  }

  /**
   * One non-empty cell at a 0-based sheet position: the text `${row},${col}:${canonical}\n`
   * hashed without making it (a run hashes a city's issues sheet).
   */
  cell(row: number, col: number, value: unknown): void {
    if (value === "" || value === null || value === undefined) return;
    const plainText = typeof value === "string";
    // (only text is written through writtenText; a formula or a number's text is hashed as it is)
    const text = plainText ? value : canonical(value);
    if (text === null) return;
    const a = this.a;
    const b = this.b;
    this.addInteger(row);
    this.char(44); // ,
    this.addInteger(col);
    this.char(58); // :
    if (!this.addText(text, plainText)) {
      const written = writtenText(text);
      if (written === "") {
        this.a = a;
        this.b = b;
        return;
      }
      this.addText(written, false);
    }
    this.char(10); // \n
  }

  digest(): string {
    return (this.a >>> 0).toString(36) + (this.b >>> 0).toString(36);
  }
}

/** Integers below this print the same with 15 significant digits as without. */
const EXACT_INTEGER = 1e15;

/** The canonical text of a cell that is not text; null for an empty one. */
function canonical(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (Number.isInteger(value) && Math.abs(value) < EXACT_INTEGER) return String(value);
    return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : null;
  }
  if (typeof value === "boolean") return `b${value}`;
  if (typeof value === "object" && typeof (value as { formula?: unknown }).formula === "string") return `f${(value as { formula: string }).formula}`;
  return `o${String(value)}`;
}

/** The hash of the rows we plan to write (row 0 at the sheet's A1). */
export function planHash(rows: readonly PlanCell[][]): string {
  const hash = new ContentHash();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) hash.cell(r, c, row[c]);
  }
  return hash.digest();
}

/** The hash of a sheet as a host read it. */
export function gridHash(grid: SheetGrid): string {
  const hash = new ContentHash();
  const top = grid.origin?.row ?? 0;
  const left = grid.origin?.col ?? 0;
  const values = Array.isArray(grid.values) ? grid.values : [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) hash.cell(top + r, left + c, row[c]);
  }
  return hash.digest();
}
