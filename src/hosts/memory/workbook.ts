import type { Highlight } from "../../engine/plan/types";
import type { SheetGrid } from "../../engine/types";
import { parseA1, type Rect } from "../office/address";
import type { ExcelRunner, SettingsStore, XlContext } from "../office/excel-api";
import { readValue, SheetData, storeValue, valueType, type MemoryCell } from "./cells";
import { evaluateAt, highlightOf, type AppliedFormat } from "./conditional";
import { MemoryContext } from "./context";
import { mergeCells } from "./merges";
import { MemoryWorkbookProxy } from "./book-proxy";
import { invalidArgument, MemoryOfficeError } from "./errors";

export interface MemoryCounters {
  syncs: number;
  /** Request size of every sync, in bytes (JSON of the queued calls). */
  requestBytes: number[];
  largestRequestBytes: number;
  conditionalFormatOps: number;
  /** Cell-format changes (fill, font, number format, widths, freeze panes, clear), each over a whole range. */
  formatOps: number;
  cellsWritten: number;
  /** `range.hyperlink` assignments. */
  linksWritten: number;
  /** Manual page breaks added. */
  pageBreaks: number;
}

export interface Fault {
  code: string;
  message: string;
  errorLocation?: string;
}

/** Office.context.platform values the host tells apart. */
export type MemoryPlatform = "PC" | "Mac" | "OfficeOnline" | "iOS";

const emptyCounters = (): MemoryCounters => ({
  syncs: 0,
  requestBytes: [],
  largestRequestBytes: 0,
  conditionalFormatOps: 0,
  formatOps: 0,
  cellsWritten: 0,
  linksWritten: 0,
  pageBreaks: 0,
});

export interface GridData {
  name: string;
  /** A cell may be a formula: `{ formula: "=IF(F4>50,\"\",\"补\")", result: "" }` (no result: "" as Excel shows it). */
  values: unknown[][];
  numberFormats?: (string | null | undefined)[][];
  /** Merged areas, 0-based inclusive; values inside one other than its top-left cell are dropped. */
  merges?: readonly Rect[];
}

function isFormulaCell(value: unknown): value is { formula: string; result?: unknown } {
  return typeof value === "object" && value !== null && typeof (value as { formula?: unknown }).formula === "string";
}

/** Stores a grid value as fromGrids takes it (formula objects, dates as serials). */
function storeGridValue(cell: MemoryCell, value: unknown): void {
  if (isFormulaCell(value)) {
    const result = value.result;
    cell.formula = value.formula.startsWith("=") ? value.formula : `=${value.formula}`;
    cell.value = typeof result === "string" || typeof result === "number" || typeof result === "boolean" ? (result === "" ? null : result) : null;
  } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") cell.value = value;
  else if (value instanceof Date) cell.value = (value.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
  else storeValue(cell, String(value));
}

/**
 * A workbook held in memory that answers the Excel JavaScript API calls the Office host makes,
 * with Excel's proxy semantics, payload limit and failures. Used by tests, the demo page and
 * benchmarks; no Node API is used.
 */
export class MemoryWorkbook {
  sheets: SheetData[] = [];
  activeSheetId = 0;
  selection: { sheet: string; address: string } | null = null;
  counters = emptyCounters();
  /** Excel on the web refuses requests and responses over 5 MB. */
  payloadLimit = 5 * 1024 * 1024;
  /**
   * How an oversized request or response is refused: with the payload codes, or (as Excel on the
   * web has done) with a bare GeneralException.
   */
  oversizedAs: "payload" | "GeneralException" = "payload";
  /** Excel reads at most five million cells of one range; past that `values` (and formats) come back null. */
  readCellLimit = 5_000_000;
  /** Requirement sets reported as supported, with the highest version ("ExcelApi" → "1.12"). */
  apiVersions: Record<string, string> = { ExcelApi: "1.17" };
  /** Review → Protect Workbook: sheets cannot be added, deleted or renamed (`workbook.protection.protected`). */
  structureProtected = false;
  /** Opened read-only (`workbook.readOnly`, ExcelApi 1.8): edits are allowed but cannot be saved to the file. */
  readOnly = false;
  /** Where Excel runs (Office.context.platform); on a Mac a download link in the pane does nothing. */
  platform: MemoryPlatform = "PC";
  /** Workbooks opened with Excel.createWorkbook, as the base64 .xlsx given. */
  readonly createdWorkbooks: string[] = [];
  /** Saved document settings, and those set but not yet saved. */
  readonly savedSettings = new Map<string, unknown>();
  private readonly pendingSettings = new Map<string, unknown>();
  /** When set, settings.saveAsync fails with this Office.Error (code, name, message). */
  settingsSaveError: { code: number; name: string; message: string } | null = null;
  private faults: { sync: number; error: Fault }[] = [];
  private idCounter = 1;
  private editing = false;
  private editWaiters: (() => void)[] = [];

  static fromGrids(grids: GridData[]): MemoryWorkbook {
    const book = new MemoryWorkbook();
    for (const grid of grids) {
      const sheet = book.addSheetData(grid.name);
      grid.values.forEach((line, r) =>
        line.forEach((value, c) => {
          const format = grid.numberFormats?.[r]?.[c];
          if (format) sheet.cell(r, c).numberFormat = format;
          if (value === null || value === undefined || value === "") return;
          storeGridValue(sheet.cell(r, c), value);
        }),
      );
      for (const m of grid.merges ?? []) mergeCells(sheet, m, false);
    }
    if (book.sheets.length > 0) book.activeSheetId = book.sheets[0].id;
    return book;
  }

  /**
   * Every sheet's used range as the engine's grids (with origin, and merges where there are
   * any); a formula cell showing nothing is `{ formula }`, as the .xlsx host hands it over.
   */
  toGrids(): SheetGrid[] {
    return this.sheets.map((sheet) => {
      const rect = sheet.usedRect(false);
      if (!rect) return { name: sheet.name, values: [] };
      const values: unknown[][] = [];
      const numberFormats: (string | null)[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const line: unknown[] = [];
        const formats: (string | null)[] = [];
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = sheet.get(r, c);
          line.push(cell?.formula !== undefined && cell.value === null ? { formula: cell.formula } : (cell?.value ?? null));
          formats.push(cell?.numberFormat ?? null);
        }
        values.push(line);
        numberFormats.push(formats);
      }
      const grid: SheetGrid = { name: sheet.name, values, numberFormats, origin: { row: rect.top, col: rect.left } };
      if (sheet.merges.length > 0) grid.merges = sheet.merges.map((m) => ({ ...m }));
      return grid;
    });
  }

  nextId(): number {
    return this.idCounter++;
  }

  addSheetData(name: string): SheetData {
    const sheet = new SheetData(this.nextId(), name);
    this.sheets.push(sheet);
    return sheet;
  }

  freeSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const name = `Sheet${n}`;
      if (!this.sheet(name)) return name;
    }
  }

  sheet(name: string): SheetData | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** A cell's value by sheet and A1 address (null when empty). */
  value(sheet: string, cell: string): string | number | boolean | null {
    const at = parseA1(cell);
    if (!at) throw new Error(`not a cell address: ${cell}`);
    const data = this.sheet(sheet);
    if (!data) throw new Error(`no sheet ${sheet}`);
    const v = readValue(data.get(at.row, at.col));
    return v === "" ? null : v;
  }

  /** What `range.valueTypes` says of a cell: "String", "Double", "Error"… */
  valueType(sheet: string, cell: string): ReturnType<typeof valueType> {
    const at = parseA1(cell);
    const data = this.sheet(sheet);
    if (!at || !data) throw new Error(`no cell ${sheet}!${cell}`);
    return valueType(data.get(at.row, at.col));
  }

  /** A cell's formula by sheet and A1 address (null when it holds none). */
  formula(sheet: string, cell: string): string | null {
    const at = parseA1(cell);
    const data = this.sheet(sheet);
    if (!at || !data) throw new Error(`no cell ${sheet}!${cell}`);
    return data.get(at.row, at.col)?.formula ?? null;
  }

  /** The conditional format Excel would show on a cell, or null. */
  evaluateConditionalFormat(sheet: string, cell: string): AppliedFormat | null {
    const at = parseA1(cell);
    const data = this.sheet(sheet);
    if (!at || !data) throw new Error(`no cell ${sheet}!${cell}`);
    return evaluateAt(data, at.row, at.col);
  }

  highlightAt(sheet: string, cell: string): Highlight | null {
    return highlightOf(this.evaluateConditionalFormat(sheet, cell));
  }

  protect(sheet: string, on = true): void {
    const data = this.sheet(sheet);
    if (!data) throw new Error(`no sheet ${sheet}`);
    data.protected = on;
  }

  /** Makes the n-th sync from now (1 = the next one) fail with the given Office error, before it applies anything. */
  failAt(fault: { sync: number; error: Fault }): void {
    this.faults.push({ sync: this.counters.syncs + fault.sync, error: fault.error });
  }

  /** Called by a sync: the fault planned for it, if any. */
  takeFault(): Fault | null {
    const index = this.faults.findIndex((f) => f.sync === this.counters.syncs);
    if (index < 0) return null;
    return this.faults.splice(index, 1)[0].error;
  }

  resetCounters(): void {
    this.faults = this.faults.map((f) => ({ ...f, sync: f.sync - this.counters.syncs }));
    this.counters = emptyCounters();
  }

  /**
   * While true a cell is being edited: a sync waits until the edit ends when the run asked for
   * `delayForCellEdit`, and fails with InvalidOperationInCellEditMode otherwise.
   */
  get cellEditMode(): boolean {
    return this.editing;
  }
  set cellEditMode(on: boolean) {
    this.editing = on;
    if (on) return;
    const waiting = this.editWaiters;
    this.editWaiters = [];
    for (const resume of waiting) resume();
  }

  /** Syncs held until the cell edit ends. */
  get syncsWaitingForEdit(): number {
    return this.editWaiters.length;
  }

  /** Called by a sync before it is processed. */
  async untilCellEditEnds(delay: boolean): Promise<void> {
    while (this.editing) {
      if (!delay) {
        throw new MemoryOfficeError(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
        );
      }
      await new Promise<void>((resume) => this.editWaiters.push(resume));
    }
  }

  /** The error an oversized request or response gets. */
  oversized(what: "Request" | "Response"): MemoryOfficeError {
    if (this.oversizedAs === "GeneralException") return new MemoryOfficeError("GeneralException", "An internal error has occurred.");
    return new MemoryOfficeError(`${what}PayloadSizeLimitExceeded`, `The ${what.toLowerCase()} payload size has exceeded the limit.`);
  }

  /** An ExcelRunner over this workbook, as `Excel.run(options, batch)`: pending calls are synced when the batch ends. */
  runWith(options: { delayForCellEdit?: boolean } = {}): ExcelRunner {
    return async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => {
      const context = new MemoryContext(this, options.delayForCellEdit === true);
      const xl = Object.assign(context, { workbook: new MemoryWorkbookProxy(context) }) as MemoryContext & XlContext;
      const result = await batch(xl);
      if (context.pending > 0) await context.sync();
      return result;
    };
  }

  /** `Excel.run(batch)` without options: a sync during a cell edit fails. */
  readonly run: ExcelRunner = this.runWith();

  readonly settings: SettingsStore = {
    get: (name) => (this.pendingSettings.has(name) ? this.pendingSettings.get(name) : (this.savedSettings.get(name) ?? null)),
    set: (name, value) => void this.pendingSettings.set(name, JSON.parse(JSON.stringify(value ?? null))),
    // Office writes the settings into the open document only; the file keeps them once the user saves it.
    saveAsync: async () => {
      if (this.settingsSaveError) throw Object.assign(new Error(this.settingsSaveError.message), this.settingsSaveError);
      for (const [k, v] of this.pendingSettings) this.savedSettings.set(k, v);
      this.pendingSettings.clear();
    },
  };

  /** Excel.createWorkbook (ExcelApi 1.8): opens a new workbook window from .xlsx bytes, unsaved. */
  readonly createWorkbook = async (base64: string): Promise<void> => {
    await Promise.resolve();
    if (!this.isSetSupported("ExcelApi", "1.8")) throw new MemoryOfficeError("ApiNotFound", "The API you are trying to use could not be found.");
    if (!base64.startsWith("UEsDB")) throw invalidArgument("The argument is invalid or missing or has an incorrect format.", "Application.createWorkbook");
    this.createdWorkbooks.push(base64);
  };

  isSetSupported = (name: string, version: string): boolean => {
    const have = this.apiVersions[name];
    if (have === undefined) return false;
    const [a, b] = [have, version].map((v) => v.split(".").map(Number));
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    }
    return true;
  };
}
