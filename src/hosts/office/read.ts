import type { CellRange, SheetGrid, WorkbookInput } from "../../engine/types";
import { XianjiaoError } from "../../errors";
import { rectA1, type Rect } from "./address";
import { isPayloadError, officeCode, throwIfAborted } from "./errors";
import type { XlContext, XlNamedItem, XlRange, XlRangeAreas } from "./excel-api";
import { BLOCK_MARKER, SHEET_MARKER } from "../../engine/memory/markers";

const MARKER_CANONICAL = new Map([SHEET_MARKER, BLOCK_MARKER].map((n) => [n.toLowerCase(), n]));
const MARKER_NAMES = new Set(MARKER_CANONICAL.keys());
import {
  formulaRectsOf,
  markFormulaRects,
  markFromFormulas,
  mayBeMergeFailure,
  mergeScopes,
  mergesOf,
  queueFormulaCells,
  queueMerges,
  readFeatures,
  type MergeScope,
  type ReadFeatures,
} from "./read-extras";
import type { IsSetSupported } from "./runner";
import { appendAll } from "../../engine/lists";

/** Cells per read request: ~40 bytes a cell (value and format) ≈ 4 MB, far below Excel's 5 million cells per range. */
export const READ_CHUNK_CELLS = 100_000;
const MIN_CHUNK_CELLS = 1_000;
/** A GeneralException on a read of this many cells is taken as Excel on the web refusing the answer's size. */
const LARGE_READ_CELLS = 10_000;
/** A sheet whose used range is larger than this is not read (a stray far cell makes billions). */
export const MAX_SHEET_CELLS = 20_000_000;

export interface ReadOptions {
  signal?: AbortSignal;
  /** Called with 0..1 each time Excel answers. */
  onProgress?: (fraction: number) => void;
  /** Cells per chunk when the workbook must be read in parts. */
  chunkCells?: number;
  /** Requirement-set check deciding how merged areas and formula cells are read; none by default. */
  isSetSupported?: IsSetSupported;
}

/** A sheet's used range (values only), 0-based; rows 0 when the sheet holds no value. */
interface Used {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** What one sheet's read gathered, in sheet coordinates. */
interface Gathered {
  values: unknown[][];
  formats: unknown[][];
  /** Without special cells: the formulas, same shape as values. */
  formulas?: unknown[][];
  formulaRects: Rect[];
  merges?: CellRange[];
}

function grid(name: string, row: number, col: number, got: Gathered): SheetGrid {
  const values = got.values.map((line) => line.map((v) => (v === "" ? null : v)));
  if (got.formulas) markFromFormulas(values, got.formulas);
  markFormulaRects(values, { row, col }, got.formulaRects);
  return {
    name,
    values,
    numberFormats: got.formats.map((line) => line.map((f) => (typeof f === "string" ? f : null))),
    ...(got.merges ? { merges: got.merges } : {}),
    origin: { row, col },
  };
}

const empty = (name: string, merges?: CellRange[]): SheetGrid => ({ name, values: [], ...(merges ? { merges } : {}) });

function loadCells(range: XlRange, features: ReadFeatures): XlRangeAreas | null {
  range.load(["values", "numberFormat", ...(features.specialCells ? [] : ["formulas"])]);
  return queueFormulaCells(range, features);
}

/** Rows `first`…`first + count - 1` (from the used range's top) of one sheet. */
interface Part {
  sheet: number;
  first: number;
  count: number;
}

/** `parts` cut into pieces of at most `budget` cells (whole rows, at least one). */
function cut(parts: Part[], used: Used[], budget: number): Part[] {
  return parts.flatMap((p) => {
    const step = Math.max(1, Math.floor(budget / used[p.sheet].cols));
    const out: Part[] = [];
    for (let first = p.first; first < p.first + p.count; first += step) out.push({ sheet: p.sheet, first, count: Math.min(step, p.first + p.count - first) });
    return out;
  });
}

/** Whether a failed read of `cells` cells was Excel refusing the answer's size. */
function refusedAsTooLarge(error: unknown, cells: number): boolean {
  return isPayloadError(error) || (officeCode(error) === "GeneralException" && cells >= LARGE_READ_CELLS);
}

function tooLarge(u: Used, cells = u.rows * u.cols): XianjiaoError {
  return new XianjiaoError("OFFICE_READ_TOO_LARGE", { sheet: u.name, range: rectA1({ top: u.row, left: u.col, bottom: u.row + u.rows - 1, right: u.col + u.cols - 1 }), cells });
}

/**
 * Reads the used ranges in row chunks of at most `budget` cells, several small chunks per sync.
 * When Excel refuses a chunk as too large, or answers with null values (past its five million
 * cells per range), the chunk is read again in halves.
 */
async function readCells(context: XlContext, used: Used[], merges: (CellRange[] | undefined)[], features: ReadFeatures, budget: number, options: ReadOptions): Promise<SheetGrid[]> {
  const got: Gathered[] = used.map((_, s) => ({ values: [], formats: [], formulas: features.specialCells ? undefined : [], formulaRects: [], merges: merges[s] }));
  let pending = cut(
    used.flatMap((u, sheet) => (u.rows === 0 ? [] : [{ sheet, first: 0, count: u.rows }])),
    used,
    budget,
  );
  const total = used.reduce((n, u) => n + u.rows * u.cols, 0) || 1;
  let done = 0;
  while (pending.length > 0) {
    throwIfAborted(options.signal);
    // parts cut under an earlier, larger budget are cut again before they are asked for
    if (pending[0].count > 1 && pending[0].count * used[pending[0].sheet].cols > budget) pending = [...cut([pending[0]], used, budget), ...pending.slice(1)];
    const batch: { part: Part; range: XlRange; formulaCells: XlRangeAreas | null }[] = [];
    let cells = 0;
    while (pending.length > 0 && (batch.length === 0 || cells + pending[0].count * used[pending[0].sheet].cols <= budget)) {
      const part = pending.shift()!;
      const u = used[part.sheet];
      const range = context.workbook.worksheets.getItem(u.name).getRangeByIndexes(u.row + part.first, u.col, part.count, u.cols);
      batch.push({ part, range, formulaCells: loadCells(range, features) });
      cells += part.count * u.cols;
    }
    let answered = true;
    try {
      await context.sync();
    } catch (error) {
      if (!refusedAsTooLarge(error, cells) || Math.min(budget, cells) / 2 < MIN_CHUNK_CELLS) throw error;
      answered = false;
    }
    const nulls = answered ? batch.find(({ range }) => range.values == null || range.numberFormat == null || (!features.specialCells && range.formulas == null)) : undefined;
    if (!answered || nulls) {
      if (Math.min(budget, cells) / 2 < MIN_CHUNK_CELLS) throw tooLarge(used[nulls!.part.sheet], nulls!.part.count * used[nulls!.part.sheet].cols);
      budget = Math.floor(Math.min(budget, cells) / 2);
      pending = [...cut(batch.map((b) => b.part), used, budget), ...pending];
      continue;
    }
    for (const { part, range, formulaCells } of batch) {
      const g = got[part.sheet];
      appendAll(g.values, range.values);
      appendAll(g.formats, range.numberFormat);
      if (g.formulas) appendAll(g.formulas, range.formulas);
      appendAll(g.formulaRects, formulaRectsOf(formulaCells));
    }
    done += cells;
    options.onProgress?.(0.1 + (0.9 * done) / total);
  }
  return used.map((u, s) => (u.rows === 0 ? empty(u.name, merges[s]) : grid(u.name, u.row, u.col, got[s])));
}

const BOUNDS = ["rowIndex", "columnIndex", "rowCount", "columnCount"];

/** A sync asking for merged areas failed in a way that may be Excel refusing to list them. */
class MergesRefused extends Error {
  constructor(cause: unknown) {
    super("merged areas refused", { cause });
  }
}

/** Syncs a request that asks for merged areas (unless `scope` is "none"), telling a possible refusal apart. */
async function syncAsking(context: XlContext, scope: MergeScope): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw scope !== "none" && mayBeMergeFailure(error) ? new MergesRefused(error) : error;
  }
}

/**
 * Every sheet's used range (bounds only) and merged areas, in one sync. When Excel refuses to
 * list a sheet's merged areas (over 512) they are asked again for the top rows only, then not.
 */
async function sizeSheets(context: XlContext, names: string[], features: ReadFeatures, signal?: AbortSignal): Promise<{ used: Used[]; merges: (CellRange[] | undefined)[] }> {
  // the last scope is "none", which never throws MergesRefused
  for (const scope of mergeScopes(features)) {
    const sized = names.map((name) => {
      const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
      range.load(BOUNDS);
      return { range, merges: queueMerges(context, name, scope) };
    });
    try {
      await syncAsking(context, scope);
    } catch (error) {
      if (!(error instanceof MergesRefused)) throw error;
      throwIfAborted(signal);
      continue;
    }
    const used = sized.map(({ range: r }, i): Used => (r.isNullObject ? { name: names[i], row: 0, col: 0, rows: 0, cols: 0 } : { name: names[i], row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount }));
    return { used, merges: sized.map((s) => mergesOf(s.merges)) };
  }
  throw new Error("unreachable: the last merge scope never refuses");
}

/**
 * Reads every sheet's used range (values only) with values, number formats, merged areas and
 * formula cells that show nothing (see read-extras.ts), in three syncs for an ordinary
 * workbook: the sheet names; every used range's bounds and merged areas; the cells. The bounds
 * come first because Excel reads at most five million cells of a range (past that `values` may
 * come back null) and Excel on the web answers at most 5 MB: a large workbook is read in chunks
 * of rows, ~4 MB each, halved again while Excel still refuses.
 */
export async function readWorkbookWith(context: XlContext, options: ReadOptions = {}): Promise<WorkbookInput> {
  const { signal, chunkCells = READ_CHUNK_CELLS } = options;
  const features = readFeatures(options.isSetSupported ?? (() => false));
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  throwIfAborted(signal);
  options.onProgress?.(0.05);
  const names = sheets.items.map((s) => s.name);
  const hidden = sheets.items.map((s) => s.visibility !== "Visible");
  // the sheets' defined names come with the sizes' sync
  const definedNames = sheets.items.map((s) => {
    s.names.load("items/name,items/formula");
    return s.names;
  });
  const { used, merges } = await sizeSheets(context, names, features, signal);
  throwIfAborted(signal);
  const huge = used.find((u) => u.rows * u.cols > MAX_SHEET_CELLS);
  if (huge) throw tooLarge(huge);
  options.onProgress?.(0.1);
  // without special cells every cell also carries its formula: half as many cells per request
  const budget = features.specialCells ? chunkCells : Math.floor(chunkCells / 2);
  const grids = await readCells(context, used, merges, features, budget, options);
  grids.forEach((g, i) => {
    const own = ourNames(definedNames[i].items);
    if (own) g.names = own;
    if (hidden[i]) g.hidden = true;
  });
  return { sheets: grids };
}

/** The sheet-scoped names a run of ours may have set (markers), name → formula; undefined when none. */
function ourNames(items: readonly XlNamedItem[]): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const item of items) {
    if (!MARKER_NAMES.has(item.name.toLowerCase()) || typeof item.formula !== "string") continue;
    (out ??= {})[MARKER_CANONICAL.get(item.name.toLowerCase())!] = item.formula;
  }
  return out;
}
