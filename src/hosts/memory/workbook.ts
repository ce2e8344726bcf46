import type { Highlight } from "../../engine/plan/types";
import type { SheetGrid } from "../../engine/types";
import { parseA1, type Rect } from "../office/address";
import type { ExcelRunner, SettingsStore, XlContext } from "../office/excel-api";
import { readValue, SheetData, storeValue, type MemoryCell } from "./cells";
import { evaluateAt, highlightOf, type AppliedFormat } from "./conditional";
import { MemoryContext } from "./context";
import { mergeCells } from "./merges";
import { MemoryWorksheetCollection } from "./worksheet";

export interface MemoryCounters {
  syncs: number;
  /** Request size of every sync, in bytes (JSON of the queued calls). */
  requestBytes: number[];
  largestRequestBytes: number;
  conditionalFormatOps: number;
  /** Cell-format changes (fill, font, number format, widths, freeze panes, clear), each over a whole range. */
  formatOps: number;
  cellsWritten: number;
}

export interface Fault {
  code: string;
  message: string;
}

const emptyCounters = (): MemoryCounters => ({
  syncs: 0,
  requestBytes: [],
  largestRequestBytes: 0,
  conditionalFormatOps: 0,
  formatOps: 0,
  cellsWritten: 0,
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
  /** While true every sync fails as Excel does when a cell is being edited. */
  cellEditMode = false;
  /** Requirement sets reported as supported, with the highest version ("ExcelApi" → "1.12"). */
  apiVersions: Record<string, string> = { ExcelApi: "1.17" };
  /** Saved document settings, and those set but not yet saved. */
  readonly savedSettings = new Map<string, unknown>();
  private readonly pendingSettings = new Map<string, unknown>();
  private faults: { sync: number; error: Fault }[] = [];
  private idCounter = 1;

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

  /** An ExcelRunner over this workbook; pending calls are synced when the batch ends, as Excel.run does. */
  readonly run: ExcelRunner = async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => {
    const context = new MemoryContext(this);
    const workbook = { worksheets: new MemoryWorksheetCollection(context) };
    const xl = Object.assign(context, { workbook }) as MemoryContext & XlContext;
    const result = await batch(xl);
    if (context.pending > 0) await context.sync();
    return result;
  };

  readonly settings: SettingsStore = {
    get: (name) => (this.pendingSettings.has(name) ? this.pendingSettings.get(name) : (this.savedSettings.get(name) ?? null)),
    set: (name, value) => void this.pendingSettings.set(name, JSON.parse(JSON.stringify(value ?? null))),
    saveAsync: async () => {
      for (const [k, v] of this.pendingSettings) this.savedSettings.set(k, v);
      this.pendingSettings.clear();
    },
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
