/**
 * The part of the Excel JavaScript API the Office host uses, as structural types. Excel's own
 * `Excel.RequestContext` satisfies them (checked in runner.ts), and so does the in-memory
 * workbook, so one host runs against both. Methods are declared as methods on purpose: their
 * parameters stay bivariant, which lets Excel's overloads match.
 */

export interface XlLoadable {
  load(propertyNames?: string | string[]): unknown;
}

/** One edge of a range's borders (ExcelApi 1.1): "EdgeTop", "InsideHorizontal"… */
export interface XlBorder {
  /** "Continuous", "None"… */
  style: string;
  color: string;
}

export type XlBorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

export interface XlRangeFormat {
  columnWidth: number;
  /** Text wraps within the cell (ExcelApi 1.1). */
  wrapText: boolean;
  /** "Top", "Center", "Bottom"… */
  verticalAlignment: string;
  readonly fill: { color: string };
  readonly font: { color: string; bold: boolean; size: number };
  readonly borders: { getItem(index: XlBorderIndex): XlBorder };
  /** Fits the rows' heights to their text (ExcelApi 1.2). */
  autofitRows(): void;
}

/** A cell's link (ExcelApi 1.7): to a place in the workbook ('Sheet'!B7) or an address. */
export interface XlHyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface XlConditionalFormat {
  priority: number;
  stopIfTrue: boolean;
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: {
      readonly fill: { color: string };
      readonly font: { color: string; bold: boolean };
      /** The edges a conditional format can draw (ExcelApi 1.6). */
      readonly borders: { getItem(index: "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight"): XlBorder };
    };
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
  /** ExcelApi 1.7. */
  hyperlink: XlHyperlink;
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
  readonly axes: {
    readonly categoryAxis: { setCategoryNames(sourceData: XlRange): void };
    /** majorUnit and minimum ExcelApi 1.1; numberFormat 1.8. */
    readonly valueAxis: { majorUnit: number; minimum: number; numberFormat: string };
  };
  /** "Top", "Bottom", "Left", "Right"… */
  readonly legend: { position: string };
  readonly series: { getItemAt(index: number): { readonly format: { readonly fill: { setSolidColor(color: string): void }; readonly line: { color: string } } } };
  /** In points (ExcelApi 1.1). */
  width: number;
  height: number;
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
}

/** How a sheet prints (ExcelApi 1.9). */
export interface XlPageLayout {
  /** "Portrait" or "Landscape". */
  orientation: string;
  /** "A4", "Letter"… */
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally: boolean;
  readonly headersFooters: { readonly defaultForAllPages: { centerFooter: string } };
  setPrintTitleRows(printTitleRows: XlRange | string): void;
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
  /** ExcelApi 1.9. */
  readonly pageLayout: XlPageLayout;
  /** A page break above the top-left cell of the range given (ExcelApi 1.9). */
  readonly horizontalPageBreaks: { add(pageBreakRange: XlRange | string): unknown };
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
