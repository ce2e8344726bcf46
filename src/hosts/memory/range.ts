import { jsonBytes } from "../office/text";
import { qualified, type Rect } from "../office/address";
import type { XlConditionalFormat, XlRange } from "../office/excel-api";
import { readValue, storeValue, type ConditionalFormatData, type MemoryCell, type SheetData } from "./cells";
import { clearConditionalFormats } from "./conditional";
import { MemoryObject, type MemoryContext } from "./context";
import { rangeFormat } from "./range-format";
import { MemoryConditionalFormat } from "./conditional-format";
import { MemoryOfficeError, accessDenied, apiNotFound, invalidArgument } from "./errors";
import type { XlHyperlink } from "../office/excel-api";
import { mergeCells, mergedAreasIn, specialCellsIn, unmergeCells, type SpecialCellType, type SpecialValueType } from "./merges";
import { MemoryRangeAreas } from "./range-areas";
import type { MemoryWorksheet } from "./worksheet";

export interface RangeTarget {
  sheet: SheetData;
  rect: Rect;
}

export function guardProtected(sheet: SheetData): void {
  if (sheet.protected) throw accessDenied("The cell or chart you're trying to change is on a protected sheet.");
}

const SHAPE_ERROR = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/** A range proxy. Its rectangle is fixed when the call that made it runs at sync. */
export class MemoryRange extends MemoryObject implements XlRange {
  private resolved: RangeTarget | null | undefined;

  constructor(
    context: MemoryContext,
    readonly worksheet: MemoryWorksheet,
    private readonly locate: (sheet: SheetData) => Rect | null,
  ) {
    super(context);
    this.settle("isNullObject", () => this.target(true) === null);
  }

  /** A range already resolved, with its scalar properties loaded (an item of a loaded collection). */
  static loaded(context: MemoryContext, worksheet: MemoryWorksheet, sheet: SheetData, rect: Rect): MemoryRange {
    const range = new MemoryRange(context, worksheet, () => rect);
    range.resolved = { sheet, rect };
    range.setLoaded("isNullObject", false);
    for (const name of ["address", "rowIndex", "columnIndex", "rowCount", "columnCount"]) range.setLoaded(name, range.snapshot(name));
    return range;
  }

  /** The sheet and rectangle, resolved once; null for a null object (or throws when `nullable` is false). */
  target(nullable = false): RangeTarget | null {
    if (this.resolved === undefined) {
      const sheet = this.worksheet.target(true);
      const rect = sheet ? this.locate(sheet) : null;
      this.resolved = sheet && rect ? { sheet, rect } : null;
    }
    if (this.resolved === null && !nullable) throw new MemoryOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return this.resolved;
  }

  private get book() {
    return this.context.book;
  }

  protected scalarProperties(): string[] {
    return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "numberFormat", "formulas"];
  }

  protected snapshot(property: string): unknown {
    const t = this.target(true);
    if (!t) return null;
    const { sheet, rect } = t;
    const grid = (fn: (cell: MemoryCell | undefined) => unknown) => {
      // past Excel's limit for one read, cell-level properties come back null instead of failing
      if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > this.book.readCellLimit) return null;
      const out: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const line: unknown[] = [];
        for (let c = rect.left; c <= rect.right; c++) line.push(fn(sheet.get(r, c)));
        out.push(line);
      }
      return out;
    };
    switch (property) {
      case "values":
        return grid(readValue);
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "formulas":
        return grid((cell) => cell?.formula ?? readValue(cell));
      case "address":
        return qualified(sheet.name, rect);
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      default:
        throw new MemoryOfficeError("InvalidArgument", `The property '${property}' does not exist on Range.`);
    }
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(input: unknown[][]) {
    this.writeCells(input, (cell, value) => storeValue(cell, value), "Range.values");
  }
  /** Write-only here: a link to a place in the workbook or an address (ExcelApi 1.7), on every cell of the range. */
  get hyperlink(): XlHyperlink {
    return this.read("hyperlink");
  }
  set hyperlink(link: XlHyperlink) {
    this.context.enqueueAt("Range.hyperlink", jsonBytes(link ?? null), () => {
      if (!this.book.isSetSupported("ExcelApi", "1.7")) throw apiNotFound("Range.hyperlink");
      const { sheet, rect } = this.target()!;
      guardProtected(sheet);
      if (!link || (link.documentReference === undefined && link.address === undefined)) throw invalidArgument("The hyperlink needs an address or a document reference.", "Range.hyperlink");
      const text = link.textToDisplay;
      sheet.forEachCell(rect, (r, c) => {
        const cell = sheet.cell(r, c);
        cell.hyperlink = { ...link };
        if (text !== undefined) storeValue(cell, text);
      });
      this.book.counters.linksWritten++;
    });
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(input: unknown[][]) {
    this.writeCells(input, (cell, value) => storeValue(cell, value), "Range.formulas");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    this.writeCells(input, (cell, value) => (cell.numberFormat = String(value)), "Range.numberFormat");
  }

  /**
   * Queues a 2-D write with Excel's shape check, or a single value (not in an array) that goes
   * into every cell; null entries leave a cell as it is.
   */
  private writeCells(input: unknown, store: (cell: MemoryCell, value: unknown) => void, location: "Range.values" | "Range.formulas" | "Range.numberFormat"): void {
    const isValues = location !== "Range.numberFormat";
    this.context.enqueueAt(location, jsonBytes(input ?? null), () => {
      const { sheet, rect } = this.target()!;
      guardProtected(sheet);
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      const grid = Array.isArray(input) ? (input as unknown[]) : null;
      if (grid && (grid.length !== rows || grid.some((line) => !Array.isArray(line) || line.length !== cols))) {
        throw invalidArgument(SHAPE_ERROR);
      }
      let written = 0;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const value = grid ? (grid[r] as unknown[])[c] : input;
          if (value === null || value === undefined) continue;
          store(sheet.cell(rect.top + r, rect.left + c), value);
          if (value !== "") written++;
        }
      }
      if (isValues) this.book.counters.cellsWritten += written;
      else this.book.counters.formatOps++;
    });
  }

  readonly format: XlRange["format"] = rangeFormat(this.context, () => {
    const { sheet, rect } = this.target()!;
    guardProtected(sheet);
    return { sheet, rect };
  });

  readonly conditionalFormats = {
    add: (type: "Custom"): XlConditionalFormat => {
      const proxy = new MemoryConditionalFormat(this.context);
      this.context.enqueueAt("ConditionalFormatCollection.add", type.length, () => {
        const { sheet, rect } = this.target()!;
        guardProtected(sheet);
        const data: ConditionalFormatData = {
          id: this.book.nextId(),
          type,
          rects: [rect],
          anchor: { row: rect.top, col: rect.left },
          formula: "",
          fill: null,
          font: null,
          border: null,
          stopIfTrue: false,
        };
        sheet.conditionalFormats.unshift(data);
        proxy.bind(sheet, data);
        this.book.counters.conditionalFormatOps++;
      });
      return proxy;
    },
    clearAll: (): void =>
      this.context.enqueueAt("ConditionalFormatCollection.clearAll", 0, () => {
        const { sheet, rect } = this.target()!;
        guardProtected(sheet);
        clearConditionalFormats(sheet, rect);
        this.book.counters.conditionalFormatOps++;
      }),
  };

  getCell(row: number, column: number): MemoryRange {
    return this.derive((r) => ({ top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): MemoryRange {
    return this.derive((r) => {
      const out = { ...r, bottom: r.bottom + deltaRows, right: r.right + deltaColumns };
      if (out.bottom < out.top || out.right < out.left) throw invalidArgument("The resized range is empty.");
      return out;
    });
  }

  /** Merges the range (each row on its own when `across`); see mergeCells. */
  merge(across = false): void {
    this.context.enqueueAt("Range.merge", 8, () => {
      const { sheet, rect } = this.target()!;
      guardProtected(sheet);
      mergeCells(sheet, rect, across);
      this.book.counters.formatOps++;
    });
  }

  unmerge(): void {
    this.context.enqueueAt("Range.unmerge", 0, () => {
      const { sheet, rect } = this.target()!;
      guardProtected(sheet);
      unmergeCells(sheet, rect);
      this.book.counters.formatOps++;
    });
  }

  /** Merged areas whose top-left cell is in this range (as Excel: not those that only reach into it). */
  getMergedAreasOrNullObject(): MemoryRangeAreas {
    return this.areas((sheet, rect) => mergedAreasIn(sheet, rect));
  }

  getSpecialCellsOrNullObject(cellType: SpecialCellType, cellValueType?: SpecialValueType): MemoryRangeAreas {
    return this.areas((sheet, rect) => specialCellsIn(sheet, rect, cellType, cellValueType));
  }

  private areas(find: (sheet: SheetData, rect: Rect) => Rect[] | null): MemoryRangeAreas {
    return new MemoryRangeAreas(this.context, this.worksheet, () => {
      const t = this.target(true);
      const rects = t ? find(t.sheet, t.rect) : null;
      return t && rects ? { sheet: t.sheet, rects } : null;
    });
  }

  private derive(fn: (rect: Rect) => Rect): MemoryRange {
    return new MemoryRange(this.context, this.worksheet, () => {
      const parent = this.target(true);
      return parent ? fn(parent.rect) : null;
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.context.enqueueAt("Range.clear", applyTo.length, () => {
      const { sheet, rect } = this.target()!;
      guardProtected(sheet);
      sheet.forEachCell(rect, (r, c) => {
        const cell = sheet.get(r, c);
        if (!cell) return;
        if (applyTo !== "Formats") {
          cell.value = null;
          delete cell.formula;
          delete cell.error;
        }
        if (applyTo !== "Contents") {
          delete cell.numberFormat;
          delete cell.fill;
          delete cell.fontColor;
          delete cell.bold;
          delete cell.fontSize;
          delete cell.wrap;
          delete cell.verticalAlignment;
          delete cell.borders;
        }
        if (applyTo === "All") delete cell.hyperlink;
        if (cell.value === null && Object.keys(cell).length === 1) sheet.rows[r][c] = undefined;
      });
      if (applyTo !== "Contents") clearConditionalFormats(sheet, rect);
      this.book.counters.formatOps++;
    });
  }

  select(): void {
    this.context.enqueueAt("Range.select", 0, () => {
      const { sheet, rect } = this.target()!;
      this.book.activeSheetId = sheet.id;
      this.book.selection = { sheet: sheet.name, address: qualified(sheet.name, rect) };
    });
  }
}
