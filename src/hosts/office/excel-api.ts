/**
 * The part of the Excel JavaScript API the Office host uses, as structural types. Excel's own
 * `Excel.RequestContext` satisfies them (checked in runner.ts), and so does the in-memory
 * workbook, so one host runs against both. Methods are declared as methods on purpose: their
 * parameters stay bivariant, which lets Excel's overloads match.
 */

export interface XlLoadable {
  load(propertyNames?: string | string[]): unknown;
}

export interface XlRangeFormat {
  columnWidth: number;
  readonly fill: { color: string };
  readonly font: { color: string; bold: boolean; size: number };
}

export interface XlConditionalFormat {
  priority: number;
  stopIfTrue: boolean;
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}

export interface XlConditionalFormatCollection {
  add(type: "Custom"): XlConditionalFormat;
  clearAll(): void;
}

/** Several rectangles of one sheet (merged areas, special cells): ExcelApi 1.9. */
export interface XlRangeAreas extends XlLoadable {
  readonly isNullObject: boolean;
  /** "Sheet1!A1:B4,Sheet1!D1:D4": every rectangle, each with its sheet name. */
  readonly address: string;
  readonly areaCount: number;
  readonly cellCount: number;
  /** The rectangles as ranges. */
  readonly areas: XlLoadable & { readonly items: XlRange[] };
}

export interface XlRange extends XlLoadable {
  /* eslint-disable @typescript-eslint/no-explicit-any -- Excel types these as any[][] */
  values: any[][];
  numberFormat: any[][];
  /** The formula of a formula cell ("=A1+1"), the constant of any other cell. */
  formulas: any[][];
  /* eslint-enable @typescript-eslint/no-explicit-any */
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  readonly format: XlRangeFormat;
  readonly conditionalFormats: XlConditionalFormatCollection;
  getCell(row: number, column: number): XlRange;
  getResizedRange(deltaRows: number, deltaColumns: number): XlRange;
  merge(across?: boolean): void;
  unmerge(): void;
  /** ExcelApi 1.13: the merged areas whose top-left cell lies in this range; fails past 512 areas. */
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** ExcelApi 1.9: the formula (or constant) cells of this range, of the given result type. */
  getSpecialCellsOrNullObject(cellType: "Formulas" | "Constants", cellValueType?: "All" | "Text"): XlRangeAreas;
  clear(applyTo?: "All" | "Formats" | "Contents"): void;
  select(): void;
}

export interface XlChart {
  readonly title: { text: string };
  readonly axes: { readonly categoryAxis: { setCategoryNames(sourceData: XlRange): void } };
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
}

export interface XlChartCollection {
  add(type: "ColumnClustered", sourceData: XlRange, seriesBy?: "Columns"): XlChart;
}

/** A defined name (ExcelApi 1.1; formula 1.7). */
export interface XlNamedItem extends XlLoadable {
  readonly isNullObject: boolean;
  readonly name: string;
  /** With its leading "=": ="text" for a constant, ='Sheet'!$A$1:$B$2 for a range. */
  readonly formula: string;
  visible: boolean;
  delete(): void;
}

/** A worksheet's defined names (ExcelApi 1.4). */
export interface XlNamedItemCollection extends XlLoadable {
  readonly items: XlNamedItem[];
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
  getItem(name: string): XlNamedItem;
  getItemOrNullObject(name: string): XlNamedItem;
}

export interface XlWorksheet extends XlLoadable {
  name: string;
  /** "Visible", "Hidden" or "VeryHidden" (hidden even from Excel's Unhide dialog). */
  visibility: "Visible" | "Hidden" | "VeryHidden";
  readonly names: XlNamedItemCollection;
  readonly isNullObject: boolean;
  readonly protection: XlLoadable & { readonly protected: boolean };
  readonly freezePanes: { freezeRows(rowCount?: number): void };
  readonly charts: XlChartCollection;
  getRange(address?: string): XlRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getCell(row: number, column: number): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
}

export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
}

export interface XlWorkbook extends XlLoadable {
  readonly worksheets: XlWorksheetCollection;
  /** Whether the workbook's structure is protected (sheets cannot be added, deleted or renamed). */
  readonly protection: XlLoadable & { readonly protected: boolean };
  /** ExcelApi 1.8: the workbook was opened read-only. */
  readonly readOnly: boolean;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<void>;
}

/** Runs one batch against a workbook: `Excel.run` in Excel, `MemoryWorkbook.run` elsewhere. */
export type ExcelRunner = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

/** The document's settings bag (Office.context.document.settings, or the memory workbook's). */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(): Promise<void>;
}

/**
 * An Office error as Office.js throws it: OfficeExtension.Error has a string `code`, a `message`
 * and `debugInfo.errorLocation`, the API member whose call failed ("Range.values",
 * "WorksheetCollection.add"); an Office.Error from an async callback has a numeric `code`.
 */
export interface OfficeErrorLike {
  code?: string | number;
  message?: string;
  debugInfo?: { errorLocation?: string };
}
