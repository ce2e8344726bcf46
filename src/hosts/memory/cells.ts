import { MAX_COL, MAX_ROW, type Rect } from "../office/address";
import { parseTyped } from "./typed-input";

export { dateSerial } from "./typed-input";

export type CellValue = string | number | boolean | null;

export interface MemoryCell {
  value: CellValue;
  /** Set when a written string became a formula (Excel would evaluate it). */
  formula?: string;
  /** The value is an error (#N/A, #NAME?…), shown by `value` as its text. */
  error?: boolean;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  fontSize?: number;
  /** Text wraps within the cell. */
  wrap?: boolean;
  verticalAlignment?: "Top" | "Center" | "Bottom";
  /** Colour of each edge that has a line. */
  borders?: Partial<Record<CellEdge, string>>;
  /** ExcelApi 1.7 `range.hyperlink`. */
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export type CellEdge = "top" | "bottom" | "left" | "right";

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
  /** Colour of the edges the format draws round a cell it applies to, or null. */
  border: string | null;
  /** The format sets bold text (ConditionalRangeFont.bold). */
  bold?: boolean;
  stopIfTrue: boolean;
}

export interface ChartData {
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  categoryNames: Rect | null;
  position: { start: string; end?: string } | null;
  /** In points, when set. */
  width?: number;
  height?: number;
  legend?: string;
  /** Value axis: gridline step, lowest value, label format. */
  majorUnit?: number;
  minimum?: number;
  valueFormat?: string;
  /** Fill and outline colour per series index, where set. */
  seriesColours: string[];
  seriesLines: string[];
}

/** How a sheet prints (ExcelApi 1.9 `worksheet.pageLayout`), where set. */
export interface PageLayoutData {
  orientation?: "Portrait" | "Landscape";
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally?: boolean;
  /** "$1:$2" as set. */
  printTitleRows?: string;
  centerFooter?: string;
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
  readonly pageLayout: PageLayoutData = {};
  /** 0-based rows above which a manual page break lies, in the order added. */
  readonly pageBreaks: number[] = [];
  /** Ranges whose rows were fitted to their text (`format.autofitRows()`). */
  readonly autofitRows: Rect[] = [];
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
        const used = cell.value !== null || cell.formula !== undefined || (!valuesOnly && (cell.numberFormat || cell.fill || cell.fontColor || cell.bold || cell.borders || cell.wrap));
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

/** The year Excel gives a typed date without one ("1/5", "Jan 5"): the current year. */
const thisYear = () => new Date().getFullYear();

/**
 * Stores a value written through `range.values`. In a cell formatted as text ("@") a string is
 * kept exactly as given (a leading apostrophe included); elsewhere Excel parses it like typed
 * input (see typed-input.ts): a leading apostrophe keeps the rest as text, "=…" becomes a
 * formula, "(12)" and "¥12" numbers, "#N/A" an error, "1/5" a date. Numbers and booleans are
 * stored as they are. null leaves the cell unchanged (the caller skips it); "" clears it.
 */
export function storeValue(cell: MemoryCell, value: unknown): void {
  delete cell.formula;
  delete cell.error;
  if (value === "") {
    cell.value = null;
    return;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    cell.value = value;
    return;
  }
  const text = String(value);
  if (cell.numberFormat === "@") {
    cell.value = text;
    return;
  }
  const typed = parseTyped(text, thisYear());
  switch (typed.kind) {
    case "text":
      cell.value = typed.text;
      return;
    case "formula":
      cell.formula = typed.formula;
      cell.value = "#NAME?";
      cell.error = true;
      return;
    case "error":
      cell.value = typed.code;
      cell.error = true;
      return;
    case "boolean":
      cell.value = typed.value;
      return;
    case "number":
      cell.value = typed.value;
      if (typed.numberFormat && (cell.numberFormat === undefined || cell.numberFormat === "General")) cell.numberFormat = typed.numberFormat;
      return;
  }
}

/** What `range.valueTypes` says of a cell. */
export function valueType(cell: MemoryCell | undefined): "Empty" | "String" | "Double" | "Boolean" | "Error" {
  const v = cell?.value ?? null;
  if (v === null) return "Empty";
  if (cell?.error) return "Error";
  return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
}

/** A cell's value as `range.values` returns it ("" for an empty cell). */
export function readValue(cell: MemoryCell | undefined): string | number | boolean {
  return cell?.value ?? "";
}
