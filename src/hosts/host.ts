import type { SheetGrid, WorkbookInput } from "../engine/types";
import type { WorkbookPlan } from "../engine/plan/types";

/** What a host reports after applying a plan. */
export interface ApplyReport {
  /** Sheets whose result block was written. */
  resultSheets: string[];
  /** Our sheets created or replaced, with the names actually used. */
  sheets: string[];
  /** Cells written (values), for the progress and the log. */
  cellsWritten: number;
}

export interface ApplyOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * A workbook the task pane can work on: Excel through Office.js, or the in-memory workbook of
 * the demo and the tests. The task pane only ever talks to this interface.
 */
export interface WorkbookHost {
  /** Reads every sheet; `onProgress` (0..1) is called each time Excel answers. */
  readWorkbook(options?: { signal?: AbortSignal; onProgress?: (fraction: number) => void }): Promise<WorkbookInput>;
  applyPlan(plan: WorkbookPlan, options?: ApplyOptions): Promise<ApplyReport>;
  /** Activates the sheet and selects the cell (A1 address). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** The unit's rule settings saved in the document, or null. */
  loadSettings(): Promise<unknown | null>;
  saveSettings(settings: unknown): Promise<void>;
  /** Opens a new workbook from .xlsx bytes where the host can (Excel.createWorkbook). */
  openWorkbook?(base64: string): Promise<void>;
  /**
   * False where a download offered by the pane does nothing (Excel on Mac and iPad): files must
   * then be opened in Excel with openWorkbook. Absent means downloads work.
   */
  canDownload?: boolean;
}

export type { SheetGrid, WorkbookInput };
