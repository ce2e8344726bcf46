import type { PlanCell } from "../plan/types";
import type { SheetGrid } from "../types";
import { writtenText } from "../plan/text";

/**
 * A short hash of a sheet's contents, the same whether taken from the rows we plan to write or
 * from the cells a host reads back: numbers to 15 significant digits (what Excel keeps), text
 * as a host writes it (writtenText), empty cells skipped. Two 32-bit FNV-1a lanes.
 */
export class ContentHash {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;

  private addText(text: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    this.a = a;
    this.b = b;
  }

  /** One non-empty cell at a 0-based sheet position. */
  cell(row: number, col: number, value: unknown): void {
    const text = canonical(value);
    if (text === null) return;
    this.addText(`${row},${col}:${text}\n`);
  }

  digest(): string {
    return (this.a >>> 0).toString(36) + (this.b >>> 0).toString(36);
  }
}

/** A cell's canonical text; null for an empty cell. */
function canonical(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : null;
  if (typeof value === "string") {
    const text = writtenText(value);
    return text === "" ? null : text;
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
