import { jsonBytes } from "../office/text";
import { parseRect, MAX_COL, MAX_ROW, type Rect } from "../office/address";
import type { XlChart, XlRange, XlWorksheet, XlWorksheetCollection } from "../office/excel-api";
import type { ChartData, SheetData } from "./cells";
import { MemoryObject, type MemoryContext } from "./context";
import { MemoryOfficeError, accessDenied, apiNotFound, invalidArgument, notLoaded } from "./errors";
import { writeOnly } from "./context";
import { guardProtected, MemoryRange } from "./range";
import { MemoryNamedItemCollection, renameInNames } from "./names";
import { horizontalPageBreaks, pageLayout } from "./page-layout";
import type { Visibility } from "./cells";

const BAD_NAME = /[[\]:*?/\\]/;

/** Throws like Excel for a sheet name that is empty, too long, has a forbidden character or is taken. */
export function checkSheetName(sheets: readonly SheetData[], name: string, self?: SheetData): void {
  if (name.trim() === "" || name.length > 31 || BAD_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw invalidArgument(`The sheet name “${name}” is not valid.`);
  }
  const lower = name.toLowerCase();
  if (sheets.some((s) => s !== self && s.name.toLowerCase() === lower)) {
    throw new MemoryOfficeError("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
  }
}

class MemoryProtection extends MemoryObject {
  constructor(
    context: MemoryContext,
    private readonly worksheet: MemoryWorksheet,
  ) {
    super(context);
  }
  protected scalarProperties(): string[] {
    return ["protected"];
  }
  protected snapshot(property: string): unknown {
    if (property !== "protected") throw invalidArgument(`The property '${property}' does not exist on WorksheetProtection.`);
    return this.worksheet.target(true)?.protected ?? null;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

class MemoryChart implements XlChart {
  data: ChartData | null = null;
  sheet: SheetData | null = null;
  constructor(private readonly context: MemoryContext) {}

  private set(bytes: unknown, fn: (data: ChartData) => void): void {
    this.context.enqueue(jsonBytes(bytes), () => {
      if (!this.data) throw new MemoryOfficeError("ItemNotFound", "The chart does not exist.");
      fn(this.data);
    });
  }

  readonly title = Object.defineProperty({} as { text: string }, "text", {
    get: () => {
      throw notLoaded("text");
    },
    set: (text: string) => this.set(text, (data) => (data.title = text)),
  });

  readonly axes = {
    categoryAxis: {
      setCategoryNames: (source: XlRange) => this.set(0, (data) => (data.categoryNames = (source as MemoryRange).target()!.rect)),
    },
    valueAxis: writeOnly<{ majorUnit: number; minimum: number; numberFormat: string }>({
      majorUnit: (unit: number) =>
        this.set(unit, (data) => {
          if (!(unit > 0)) throw invalidArgument("The major unit must be greater than 0.", "ChartAxis.majorUnit");
          data.majorUnit = unit;
        }),
      minimum: (value: number) => this.set(value, (data) => (data.minimum = value)),
      numberFormat: (format: string) =>
        this.set(format, (data) => {
          if (!this.context.book.isSetSupported("ExcelApi", "1.8")) throw apiNotFound("ChartAxis.numberFormat");
          data.valueFormat = format;
        }),
    }),
  };

  readonly legend = writeOnly<{ position: string }>({ position: (position: string) => this.set(position, (data) => (data.legend = position)) });

  readonly series = {
    getItemAt: (index: number) => ({
      format: {
        fill: {
          setSolidColor: (color: string) =>
            this.set(color, (data) => {
              if (index < 0 || index >= this.seriesCount(data)) throw new MemoryOfficeError("ItemNotFound", "The series does not exist.", "ChartSeriesCollection.getItemAt");
              data.seriesColours[index] = color;
            }),
        },
        line: writeOnly<{ color: string }>({ color: (color: string) => this.set(color, (data) => (data.seriesLines[index] = color)) }),
      },
    }),
  };

  get width(): number {
    throw notLoaded("width");
  }
  set width(points: number) {
    this.set(points, (data) => (data.width = points));
  }
  get height(): number {
    throw notLoaded("height");
  }
  set height(points: number) {
    this.set(points, (data) => (data.height = points));
  }

  /**
   * Series of a column chart over its source, one per column; as in Excel, a first column of
   * text below the header (without category names set) is the categories, not a series.
   */
  private seriesCount(data: ChartData): number {
    const columns = data.source.right - data.source.left + 1;
    if (data.categoryNames || !this.sheet) return columns;
    const first = this.sheet.get(data.source.top + 1, data.source.left)?.value;
    return typeof first === "string" ? columns - 1 : columns;
  }

  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void {
    const where = (cell: XlRange | string | undefined) => (typeof cell === "string" || cell === undefined ? cell : (cell as MemoryRange).target()!.rect);
    this.set(0, (data) => {
      const start = where(startCell);
      const end = where(endCell);
      const text = (v: string | Rect | undefined) => (v === undefined ? undefined : typeof v === "string" ? v : `R${v.top}C${v.left}`);
      data.position = { start: text(start)!, end: text(end) };
    });
  }
}

/** Adding, deleting and renaming sheets is refused while the workbook's structure is protected. */
function guardStructure(context: MemoryContext, location: string): void {
  if (context.book.structureProtected) throw accessDenied("The workbook is protected; its structure cannot be changed.", location);
}

/** A worksheet proxy. It finds its sheet once, when the call that made it runs at sync. */
export class MemoryWorksheet extends MemoryObject implements XlWorksheet {
  private resolved: SheetData | null | undefined;

  constructor(
    context: MemoryContext,
    private readonly locate: () => SheetData | null,
    private readonly nullable: boolean,
  ) {
    super(context);
    this.settle("isNullObject", () => this.target(true) === null);
  }

  /** For proxies made from an already-loaded collection. */
  static of(context: MemoryContext, sheet: SheetData): MemoryWorksheet {
    const proxy = new MemoryWorksheet(context, () => sheet, false);
    proxy.resolved = sheet;
    proxy.setLoaded("isNullObject", false);
    for (const name of ["name", "id", "position", "visibility"]) proxy.setLoaded(name, proxy.snapshot(name));
    return proxy;
  }

  target(): SheetData;
  target(nullable: true): SheetData | null;
  target(nullable = false): SheetData | null {
    if (this.resolved === undefined) {
      this.resolved = this.locate();
      if (this.resolved === null && !this.nullable) throw new MemoryOfficeError("ItemNotFound", "The requested resource doesn't exist.", "WorksheetCollection.getItem");
    }
    if (this.resolved && !this.context.book.sheets.includes(this.resolved)) {
      throw new MemoryOfficeError("ItemNotFound", "The worksheet was deleted.", "WorksheetCollection.getItem");
    }
    if (this.resolved === null && !nullable) throw new MemoryOfficeError("ItemNotFound", "The requested resource doesn't exist.", "WorksheetCollection.getItem");
    return this.resolved;
  }

  protected scalarProperties(): string[] {
    return ["name", "id", "position", "visibility"];
  }

  protected snapshot(property: string): unknown {
    const sheet = this.target(true);
    if (!sheet) return null;
    switch (property) {
      case "name":
        return sheet.name;
      case "id":
        return `{${sheet.id}}`;
      case "position":
        return this.context.book.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      default:
        throw invalidArgument(`The property '${property}' does not exist on Worksheet.`);
    }
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.context.enqueueAt("Worksheet.name", name.length, () => {
      const sheet = this.target();
      guardStructure(this.context, "Worksheet.name");
      checkSheetName(this.context.book.sheets, name, sheet);
      const from = sheet.name;
      sheet.name = name;
      renameInNames(this.context.book.sheets, from, name);
    });
  }

  get visibility(): Visibility {
    return this.read("visibility");
  }
  /** As in Excel, the last visible sheet cannot be hidden. */
  set visibility(visibility: Visibility) {
    this.context.enqueueAt("Worksheet.visibility", visibility.length, () => {
      const sheet = this.target();
      guardStructure(this.context, "Worksheet.visibility");
      if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) throw invalidArgument(`The visibility “${visibility}” is not valid.`);
      const others = this.context.book.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
      if (visibility !== "Visible" && others.length === 0) {
        throw new MemoryOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      sheet.visibility = visibility;
    });
  }

  readonly names = new MemoryNamedItemCollection(this.context, () => this.target());

  readonly protection = new MemoryProtection(this.context, this);

  readonly freezePanes = {
    freezeRows: (rowCount = 1) =>
      this.context.enqueueAt("WorksheetFreezePanes.freezeRows", 4, () => {
        const sheet = this.target();
        guardProtected(sheet);
        sheet.frozenRows = rowCount;
        this.context.book.counters.formatOps++;
      }),
  };

  readonly pageLayout = pageLayout(this.context, () => {
    const sheet = this.target();
    guardProtected(sheet);
    return sheet;
  });

  readonly horizontalPageBreaks = horizontalPageBreaks(this.context, () => {
    const sheet = this.target();
    guardProtected(sheet);
    return sheet;
  });

  readonly charts = {
    add: (type: "ColumnClustered", source: XlRange, seriesBy: "Columns" = "Columns"): XlChart => {
      const chart = new MemoryChart(this.context);
      this.context.enqueueAt("ChartCollection.add", type.length + 20, () => {
        const sheet = this.target();
        guardProtected(sheet);
        const data: ChartData = { type, source: (source as MemoryRange).target()!.rect, seriesBy, title: "", categoryNames: null, position: null, seriesColours: [], seriesLines: [] };
        sheet.charts.push(data);
        chart.data = data;
        chart.sheet = sheet;
      });
      return chart;
    },
  };

  private range(locate: (sheet: SheetData) => Rect | null): MemoryRange {
    return new MemoryRange(this.context, this, locate);
  }

  getRange(address?: string): MemoryRange {
    return this.range(() => {
      if (address === undefined) return { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL };
      const rect = parseRect(address);
      if (!rect) throw invalidArgument(`The address “${address}” is not valid.`, "Worksheet.getRange");
      return rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): MemoryRange {
    return this.range(() => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) throw invalidArgument("The range is empty or outside the sheet.", "Worksheet.getRangeByIndexes");
      return { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
    });
  }

  getCell(row: number, column: number): MemoryRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRangeOrNullObject(valuesOnly = false): MemoryRange {
    return this.range((sheet) => sheet.usedRect(valuesOnly));
  }

  activate(): void {
    this.context.enqueueAt("Worksheet.activate", 0, () => {
      this.context.book.activeSheetId = this.target().id;
    });
  }

  delete(): void {
    this.context.enqueueAt("Worksheet.delete", 0, () => {
      const book = this.context.book;
      const sheet = this.target();
      guardStructure(this.context, "Worksheet.delete");
      if (!book.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw new MemoryOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      if (book.activeSheetId === sheet.id) book.activeSheetId = book.sheets[0].id;
      if (book.selection?.sheet === sheet.name) book.selection = null;
    });
  }
}

export class MemoryWorksheetCollection extends MemoryObject implements XlWorksheetCollection {
  protected scalarProperties(): string[] {
    return ["items"];
  }

  /** Any load of the collection ("items/name", "name", nothing) loads its items with their scalars. */
  override load(): this {
    return super.load(["items"]);
  }

  protected snapshot(): unknown {
    return this.context.book.sheets.map((sheet) => MemoryWorksheet.of(this.context, sheet));
  }

  get items(): MemoryWorksheet[] {
    return this.read("items");
  }

  add(name?: string): MemoryWorksheet {
    let created: SheetData | null = null;
    this.context.enqueueAt("WorksheetCollection.add", (name ?? "").length, () => {
      const book = this.context.book;
      guardStructure(this.context, "WorksheetCollection.add");
      const chosen = name ?? book.freeSheetName();
      checkSheetName(book.sheets, chosen);
      created = book.addSheetData(chosen);
    });
    return new MemoryWorksheet(this.context, () => created, false);
  }

  private find(key: string): SheetData | null {
    const lower = key.toLowerCase();
    return this.context.book.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  getItem(key: string): MemoryWorksheet {
    return new MemoryWorksheet(this.context, () => this.find(key), false);
  }

  getItemOrNullObject(key: string): MemoryWorksheet {
    return new MemoryWorksheet(this.context, () => this.find(key), true);
  }
}
