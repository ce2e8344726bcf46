import type { CellRange, SheetGrid, WorkbookInput } from "../../engine/types";
import type { Rect } from "./address";
import { officeCode, throwIfAborted } from "./errors";
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

/** Cells per read request when a workbook is too big for one: ~40 bytes a cell (value and format) ≈ 4 MB. */
export const READ_CHUNK_CELLS = 100_000;
const MIN_CHUNK_CELLS = 1_000;

const isPayloadError = (error: unknown) => {
  const code = officeCode(error);
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
};

export interface ReadOptions {
  signal?: AbortSignal;
  /** Cells per chunk when the workbook must be read in parts. */
  chunkCells?: number;
  /** Requirement-set check deciding how merged areas and formula cells are read; none by default. */
  isSetSupported?: IsSetSupported;
}

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

function loadCells(range: XlRange, features: ReadFeatures, extra: string[] = []): XlRangeAreas | null {
  range.load([...extra, "values", "numberFormat", ...(features.specialCells ? [] : ["formulas"])]);
  return queueFormulaCells(range, features);
}

/** Reads the used ranges in row chunks of at most `budget` cells, several small chunks per sync. */
async function readInChunks(context: XlContext, used: Used[], merges: (CellRange[] | undefined)[], features: ReadFeatures, budget: number, signal?: AbortSignal): Promise<SheetGrid[]> {
  const got: Gathered[] = used.map((_, s) => ({ values: [], formats: [], formulas: features.specialCells ? undefined : [], formulaRects: [], merges: merges[s] }));
  const parts: { sheet: number; first: number; count: number }[] = [];
  used.forEach((u, sheet) => {
    if (u.rows === 0) return;
    const step = Math.max(1, Math.floor(budget / u.cols));
    for (let first = 0; first < u.rows; first += step) parts.push({ sheet, first, count: Math.min(step, u.rows - first) });
  });
  let i = 0;
  while (i < parts.length) {
    throwIfAborted(signal);
    const batch: { part: (typeof parts)[number]; range: XlRange; formulaCells: XlRangeAreas | null }[] = [];
    let cells = 0;
    while (i < parts.length && (batch.length === 0 || cells + parts[i].count * used[parts[i].sheet].cols <= budget)) {
      const part = parts[i++];
      const u = used[part.sheet];
      const range = context.workbook.worksheets.getItem(u.name).getRangeByIndexes(u.row + part.first, u.col, part.count, u.cols);
      batch.push({ part, range, formulaCells: loadCells(range, features) });
      cells += part.count * u.cols;
    }
    await context.sync();
    for (const { part, range, formulaCells } of batch) {
      const g = got[part.sheet];
      appendAll(g.values, range.values);
      appendAll(g.formats, range.numberFormat);
      if (g.formulas) appendAll(g.formulas, range.formulas);
      appendAll(g.formulaRects, formulaRectsOf(formulaCells));
    }
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

async function readWithScope(context: XlContext, names: string[], features: ReadFeatures, scope: MergeScope, chunkCells: number, signal?: AbortSignal): Promise<SheetGrid[]> {
  const usedRange = (name: string) => context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
  const whole = names.map((name) => {
    const range = usedRange(name);
    return { range, formulaCells: loadCells(range, features, BOUNDS), merges: queueMerges(context, name, scope) };
  });
  try {
    await syncAsking(context, scope);
    return whole.map(({ range: r, formulaCells, merges }, i) => {
      const m = mergesOf(merges);
      if (r.isNullObject) return empty(names[i], m);
      const got: Gathered = { values: r.values, formats: r.numberFormat, formulas: features.specialCells ? undefined : r.formulas, formulaRects: formulaRectsOf(formulaCells), merges: m };
      return grid(names[i], r.rowIndex, r.columnIndex, got);
    });
  } catch (error) {
    if (!isPayloadError(error)) throw error;
  }
  throwIfAborted(signal);
  const sized = names.map((name) => {
    const range = usedRange(name);
    range.load(BOUNDS);
    return { range, merges: queueMerges(context, name, scope) };
  });
  await syncAsking(context, scope);
  const used: Used[] = sized.map(({ range: r }, i) =>
    r.isNullObject ? { name: names[i], row: 0, col: 0, rows: 0, cols: 0 } : { name: names[i], row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount },
  );
  const merges = sized.map((s) => mergesOf(s.merges));
  // without special cells every cell also carries its formula: half as many cells per request
  const first = features.specialCells ? chunkCells : Math.floor(chunkCells / 2);
  for (let budget = first; ; budget = Math.floor(budget / 2)) {
    try {
      return await readInChunks(context, used, merges, features, budget, signal);
    } catch (error) {
      if (!isPayloadError(error) || budget / 2 < MIN_CHUNK_CELLS) throw error;
    }
  }
}

/**
 * Reads every sheet's used range (values only) with values, number formats, merged areas and
 * formula cells that show nothing (see read-extras.ts): two syncs for an ordinary workbook;
 * when the answer would pass Excel on the web's 5 MB limit, one more for the sizes and one per
 * ~4 MB chunk of rows (halved again while Excel still refuses). When Excel refuses to list a
 * sheet's merged areas (over 512) the read is made again asking only the top rows, then none.
 */
export async function readWorkbookWith(context: XlContext, options: ReadOptions = {}): Promise<WorkbookInput> {
  const { signal, chunkCells = READ_CHUNK_CELLS } = options;
  const features = readFeatures(options.isSetSupported ?? (() => false));
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  throwIfAborted(signal);
  const names = sheets.items.map((s) => s.name);
  const hidden = sheets.items.map((s) => s.visibility !== "Visible");
  // the sheets' defined names come with the used ranges' sync
  const definedNames = sheets.items.map((s) => {
    s.names.load("items/name,items/formula");
    return s.names;
  });
  const scopes = mergeScopes(features);
  // the last scope is "none", which never throws MergesRefused
  for (let i = 0; ; i++) {
    try {
      const grids = await readWithScope(context, names, features, scopes[i], chunkCells, signal);
      grids.forEach((g, s) => {
        const own = ourNames(definedNames[s].items);
        if (own) g.names = own;
        if (hidden[s]) g.hidden = true;
      });
      return { sheets: grids };
    } catch (error) {
      if (!(error instanceof MergesRefused)) throw error;
      throwIfAborted(signal);
    }
  }
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
