import type { RawCell } from "../../engine/types";

/**
 * Turning a cell's XML pieces into the value the engine reads: what exceljs gives for the same
 * cell and `toRawCell` made of it, so a workbook reads the same whichever path reads it.
 */

const DAY_MS = 24 * 3600 * 1000;

/** A serial date to a Date (1900 or 1904 date system). */
export function serialToDate(serial: unknown, date1904: boolean): Date {
  return new Date(Math.round((Number(serial) - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** The five entities once more: a formula's string result is unescaped twice. */
export function decodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[c] ?? c);
}

export interface CellPieces {
  /** The `t` attribute. */
  type: string | undefined;
  /** Text of `<v>` and of plain `<t>` in an inline string, joined; undefined when there was none. */
  value: string | undefined;
  /** Rich-text runs of an inline string, when it has runs. */
  runs: string[] | null;
  /** `<f>` text ("" for a shared formula's dependent); undefined without `<f>`. */
  formula: string | undefined;
  /** The `t` of `<f>` (shared, array). */
  formulaType: string | undefined;
}

/** A formula cell: its cached result, as read (a date-formatted number becomes a Date). */
export function formulaResult(p: CellPieces, isDate: boolean, date1904: boolean): unknown {
  if (!p.value) return undefined;
  let result: unknown;
  if (p.type === "str") result = decodeAgain(p.value);
  else if (p.type === "b") result = parseInt(p.value, 10) !== 0;
  else if (p.type === "e") result = { error: p.value };
  else result = parseFloat(p.value);
  return isDate ? serialToDate(result, date1904) : result;
}

/** A value cell (no formula): shared strings resolved, dates made. */
export function plainValue(p: CellPieces, isDate: boolean, date1904: boolean, shared: (string | null)[]): RawCell {
  if (p.runs !== null) return p.runs.join("");
  if (p.value === undefined) return null;
  switch (p.type) {
    case "s":
      return shared[parseInt(p.value, 10)] ?? null;
    case "str":
      return decodeAgain(p.value);
    case "inlineStr":
      return p.value;
    case "b":
      return parseInt(p.value, 10) !== 0;
    case "e":
      return { error: p.value };
    default: {
      const n = parseFloat(p.value);
      return isDate ? serialToDate(n, date1904) : n;
    }
  }
}

/** A formula cell as the engine reads it: its result when there is one, else `{ formula }`. */
export function formulaValue(result: unknown, formula: string): RawCell {
  // a result of 0, false or "" counts as none, as it does when exceljs hands the cell over
  return result ? (result as RawCell) : { formula };
}

/** A cell with a hyperlink: its value as text (numbers and booleans included). */
export function hyperlinkText(value: unknown): RawCell {
  if (value === undefined || value === null) return null;
  if (typeof value === "object") return value as RawCell;
  return String(value);
}
