import { MAX_COL, MAX_ROW, type Rect } from "../office/address";

export type CellValue = string | number | boolean | null;

export interface MemoryCell {
  value: CellValue;
  /** Set when a written string became a formula (Excel would evaluate it). */
  formula?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  fontSize?: number;
}

export interface ConditionalFormatData {
  id: number;
  type: "Custom";
  /** Cells it applies to; Excel shrinks this when part of it is cleared. */
  rects: Rect[];
  /** Relative references in the formula are relative to this cell (the original top-left). */
  anchor: { row: number; col: number };
  formula: string;
  fill: string | null;
  font: string | null;
  stopIfTrue: boolean;
}

export interface ChartData {
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  categoryNames: Rect | null;
  position: { start: string; end?: string } | null;
}

/** A defined name scoped to a sheet. */
export interface NameData {
  name: string;
  /** With its leading "=", as Excel reports it. */
  formula: string;
  visible: boolean;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

/** One worksheet's contents and formats. */
export class SheetData {
  /** Defined names scoped to this sheet, by lower-cased name (names are case-insensitive). */
  readonly names = new Map<string, NameData>();
  visibility: Visibility = "Visible";
  readonly rows: (MemoryCell | undefined)[][] = [];
  /** In priority order: index 0 is evaluated first. */
  conditionalFormats: ConditionalFormatData[] = [];
  readonly charts: ChartData[] = [];
  /** Merged areas, 0-based inclusive; the value of each lives in its top-left cell. */
  merges: Rect[] = [];
  frozenRows = 0;
  /** Column widths in points, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  protected = false;

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  get(row: number, col: number): MemoryCell | undefined {
    return this.rows[row]?.[col];
  }

  cell(row: number, col: number): MemoryCell {
    if (row < 0 || col < 0 || row > MAX_ROW || col > MAX_COL) throw new RangeError(`cell out of the sheet: ${row},${col}`);
    const line = (this.rows[row] ??= []);
    return (line[col] ??= { value: null });
  }

  /**
   * Bounding box of cells holding a value or a formula (valuesOnly), or anything at all
   * (formats and merged areas too).
   */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    this.rows.forEach((line, r) => {
      if (!line) return;
      line.forEach((cell, c) => {
        if (!cell) return;
        const used = cell.value !== null || cell.formula !== undefined || (!valuesOnly && (cell.numberFormat || cell.fill || cell.fontColor || cell.bold));
        if (!used) return;
        if (top < 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    });
    if (!valuesOnly) {
      for (const m of this.merges) {
        if (top < 0 || m.top < top) top = m.top;
        bottom = Math.max(bottom, m.bottom);
        left = Math.min(left, m.left);
        right = Math.max(right, m.right);
      }
    }
    return top < 0 ? null : { top, left, bottom, right };
  }

  forEachCell(rect: Rect, fn: (row: number, col: number) => void): void {
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c);
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

/** Excel's date serial (1900 system) of a calendar date. */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * Stores a value written through `range.values` the way Excel parses typed input: a leading
 * apostrophe keeps text as text, "=…" (and "+…", "-…", "@…" that are not numbers) become
 * formulas, numeric, boolean and date-looking text becomes a number/boolean unless the cell is
 * formatted as text ("@"). null leaves the cell unchanged; "" clears it.
 */
export function storeValue(cell: MemoryCell, value: unknown): void {
  delete cell.formula;
  if (value === "") {
    cell.value = null;
    return;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    cell.value = value;
    return;
  }
  const text = String(value);
  if (text.startsWith("'")) {
    cell.value = text.slice(1);
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = text;
    return;
  }
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) {
    const percent = trimmed.endsWith("%");
    const n = Number(percent ? trimmed.slice(0, -1) : trimmed);
    cell.value = percent ? n / 100 : n;
    return;
  }
  if (/^[=+\-@]/.test(text)) {
    cell.formula = text.startsWith("=") ? text : `=${text}`;
    cell.value = "#NAME?";
    return;
  }
  if (/^(true|false)$/i.test(trimmed)) {
    cell.value = trimmed.toLowerCase() === "true";
    return;
  }
  const date = ISO_DATE.exec(trimmed);
  if (date) {
    cell.value = dateSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    cell.numberFormat ??= "yyyy/m/d";
    return;
  }
  cell.value = text;
}

/** A cell's value as `range.values` returns it ("" for an empty cell). */
export function readValue(cell: MemoryCell | undefined): string | number | boolean {
  return cell?.value ?? "";
}
