import type { SheetGrid, WorkbookInput } from "../../engine/types";
import { officeCode, throwIfAborted } from "./errors";
import type { XlContext, XlRange } from "./excel-api";

/** Cells per read request when a workbook is too big for one: ~40 bytes a cell (value and format) ≈ 4 MB. */
export const READ_CHUNK_CELLS = 100_000;
const MIN_CHUNK_CELLS = 1_000;

const isPayloadError = (error: unknown) => {
  const code = officeCode(error);
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
};

interface Used {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function grid(name: string, row: number, col: number, values: unknown[][], formats: unknown[][]): SheetGrid {
  return {
    name,
    values: values.map((line) => line.map((v) => (v === "" ? null : v))),
    numberFormats: formats.map((line) => line.map((f) => (typeof f === "string" ? f : null))),
    origin: { row, col },
  };
}

/** Reads the used ranges in row chunks of at most `budget` cells, several small chunks per sync. */
async function readInChunks(context: XlContext, used: Used[], budget: number, signal?: AbortSignal): Promise<SheetGrid[]> {
  const values = used.map(() => [] as unknown[][]);
  const formats = used.map(() => [] as unknown[][]);
  const parts: { sheet: number; first: number; count: number }[] = [];
  used.forEach((u, sheet) => {
    if (u.rows === 0) return;
    const step = Math.max(1, Math.floor(budget / u.cols));
    for (let first = 0; first < u.rows; first += step) parts.push({ sheet, first, count: Math.min(step, u.rows - first) });
  });
  let i = 0;
  while (i < parts.length) {
    throwIfAborted(signal);
    const batch: { part: (typeof parts)[number]; range: XlRange }[] = [];
    let cells = 0;
    while (i < parts.length && (batch.length === 0 || cells + parts[i].count * used[parts[i].sheet].cols <= budget)) {
      const part = parts[i++];
      const u = used[part.sheet];
      const range = context.workbook.worksheets.getItem(u.name).getRangeByIndexes(u.row + part.first, u.col, part.count, u.cols);
      range.load(["values", "numberFormat"]);
      batch.push({ part, range });
      cells += part.count * u.cols;
    }
    await context.sync();
    for (const { part, range } of batch) {
      values[part.sheet].push(...range.values);
      formats[part.sheet].push(...range.numberFormat);
    }
  }
  return used.map((u, s) => (u.rows === 0 ? { name: u.name, values: [] } : grid(u.name, u.row, u.col, values[s], formats[s])));
}

/**
 * Reads every sheet's used range (values only) with values and number formats: two syncs for
 * an ordinary workbook; when the answer would pass Excel on the web's 5 MB limit, one more for
 * the sizes and one per ~4 MB chunk of rows (halved again while Excel still refuses).
 */
export async function readWorkbookWith(context: XlContext, signal?: AbortSignal, chunkCells = READ_CHUNK_CELLS): Promise<WorkbookInput> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  throwIfAborted(signal);
  const names = sheets.items.map((s) => s.name);

  const load = (withValues: boolean) =>
    names.map((name) => {
      const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
      range.load(withValues ? ["rowIndex", "columnIndex", "rowCount", "columnCount", "values", "numberFormat"] : ["rowIndex", "columnIndex", "rowCount", "columnCount"]);
      return range;
    });
  const usedOf = (ranges: XlRange[]): Used[] =>
    ranges.map((r, i) =>
      r.isNullObject ? { name: names[i], row: 0, col: 0, rows: 0, cols: 0 } : { name: names[i], row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount },
    );

  const whole = load(true);
  try {
    await context.sync();
    return {
      sheets: whole.map((r, i) => (r.isNullObject ? { name: names[i], values: [] } : grid(names[i], r.rowIndex, r.columnIndex, r.values, r.numberFormat))),
    };
  } catch (error) {
    if (!isPayloadError(error)) throw error;
  }
  throwIfAborted(signal);
  const sized = load(false);
  await context.sync();
  const used = usedOf(sized);
  for (let budget = chunkCells; ; budget = Math.floor(budget / 2)) {
    try {
      return { sheets: await readInChunks(context, used, budget, signal) };
    } catch (error) {
      if (!isPayloadError(error) || budget / 2 < MIN_CHUNK_CELLS) throw error;
    }
  }
}
