import type { Readable } from "node:stream";
import type { CellRange, RawCell, SheetGrid } from "../../engine/types";
import { a1, columnIndex, columnLetters, parseArea } from "./cell-address";
import { formulaResult, formulaValue, hyperlinkText, plainValue, type CellPieces } from "./cell-values";
import type { CellFormats } from "./number-formats";
import { decodeEscapes, ownString } from "./shared-strings";
import { FAR_COLUMNS, FAR_ROWS, LAST_COL, LAST_ROW, mainSpan, type FarCell } from "./sheet-body";
import { parseXml, relationshipId } from "./xml-stream";

export interface SheetContext {
  formats: CellFormats;
  shared: (string | null)[];
  /** Shared-string entries made of rich-text runs. */
  rich: Set<number>;
  date1904: boolean;
  /** Formula cells are left out (read as empty): their cached results are not values a user typed. */
  dropFormulas?: boolean;
}

/** A worksheet read: the engine's grid and what the write pass needs to know of A1. */
export interface SheetRead {
  grid: SheetGrid;
  /** A1 when it holds plain text (not rich text, a formula or a link): how our sheets are told apart. */
  a1Text: string | null;
}

interface Row {
  values: RawCell[];
  /** Number formats by column; absent until a cell of the row has one. */
  formats: (string | null)[] | undefined;
  /** Cells holding a value, and the first and last of their columns. */
  count: number;
  min: number;
  max: number;
}

/** A cell or row outside Excel's grid (a column beyond XFD, a row beyond 1,048,576): no workbook Excel wrote. */
export class OutsideGridError extends Error {
  constructor(readonly where: string) {
    super(`cell ${where} lies outside the worksheet grid`);
    this.name = "OutsideGridError";
  }
}

/** How many set-aside cells are listed one by one (the rest are counted). */
const LISTED_FAR_CELLS = 20;

/**
 * Streams one worksheet part into a grid: the cells holding a value in the sheet's main block
 * (plus merged areas near it), values in their masters only, number formats beside them. A grid
 * costs memory for the cells there are, not for the area they span: each row is as long as its
 * own last cell, and cells far from the main block are set aside (see sheet-body).
 */
export async function readSheet(name: string, stream: Readable, context: SheetContext): Promise<SheetRead> {
  const { formats, shared, rich, date1904 } = context;
  const rows: (Row | undefined)[] = [];
  const columnCells = new Uint32Array(LAST_COL + 1);
  const merges: CellRange[] = [];
  const linked: string[] = [];
  /** Formula cells whose cached result was 0, false or "": a hyperlink shows it as text. */
  const falsyResults = new Map<string, unknown>();
  let a1Text: string | null = null;
  let a1Rich = false;

  let rowIndex = -1;
  let col = -1;
  let address: string | undefined;
  let style = 0;
  let pieces: CellPieces = { type: undefined, value: undefined, runs: null, formula: undefined, formulaType: undefined };
  let reading: "v" | "t" | "f" | "run" | null = null;
  let run: string[] | null = null;
  let inCell = false;
  /** Inside a phonetic run (furigana), whose text is not the cell's. */
  let inPhonetic = false;
  /** Shared formulas: si → the master's address, as dependents name their formula. */
  const masters = new Map<string, string>();
  let formulaSi: string | undefined;
  let formulaRef: string | undefined;

  const put = (value: RawCell) => {
    if (value === null || value === "") return;
    if (typeof value === "string") value = ownString(value);
    let row = rows[rowIndex];
    if (!row) row = rows[rowIndex] = { values: [], formats: undefined, count: 0, min: col, max: col };
    if (row.values[col] === undefined) {
      row.count++;
      columnCells[col]++;
      if (col < row.min) row.min = col;
      if (col > row.max) row.max = col;
    }
    row.values[col] = value;
    const format = style > 0 ? (formats.codes[style] ?? null) : null;
    if (format !== null) (row.formats ??= [])[col] = format;
    else if (row.formats !== undefined) row.formats[col] = null;
  };
  /** Takes a cell's value out again (a hyperlink with no text, a cell hidden under a merge). */
  const remove = (row: Row, c: number) => {
    if (row.values[c] === undefined) return;
    delete row.values[c];
    row.count--;
    columnCells[c]--;
  };

  const finishCell = () => {
    const isDate = style > 0 && formats.dates[style] === true;
    const p = pieces;
    let value: RawCell;
    if (context.dropFormulas && (p.formula !== undefined || p.formulaType)) return;
    if (p.formula || p.formulaType) {
      const result = formulaResult(p, isDate, date1904);
      let formula = p.formula ?? "";
      if (p.formulaType === "shared" && formulaSi !== undefined) {
        if (formulaRef) masters.set(formulaSi, address ?? "");
        else if (!p.formula) formula = masters.get(formulaSi) ?? "";
      }
      if (result !== undefined && !result && address) falsyResults.set(address, result);
      value = formulaValue(result, formula);
    } else {
      value = plainValue(p, isDate, date1904, shared);
      if (rowIndex === 0 && col === 0 && typeof value === "string" && p.runs === null) {
        a1Text = value;
        a1Rich = p.type === "s" && rich.has(parseInt(p.value ?? "", 10));
      }
    }
    put(value);
  };

  await parseXml(stream, {
    open(tag, attributes) {
      if (inCell) {
        if (tag === "v") reading = "v";
        else if (tag === "f") {
          reading = "f";
          pieces.formula = pieces.formula ?? "";
          pieces.formulaType = attributes.t;
          formulaSi = attributes.si;
          formulaRef = attributes.ref;
        } else if (tag === "r") {
          run = [];
          reading = null;
        } else if (tag === "rPh") inPhonetic = true;
        else if (tag === "t" && !inPhonetic) {
          if (run !== null) {
            run.length = 0;
            reading = "run";
          } else reading = "t";
        }
        return;
      }
      if (tag === "c") {
        inCell = true;
        address = attributes.r;
        col = address ? columnIndex(address) : col + 1;
        if (col < 0 || col > LAST_COL) throw new OutsideGridError((address ?? a1(rowIndex, col)).slice(0, 24));
        style = attributes.s ? parseInt(attributes.s, 10) || 0 : 0;
        pieces = { type: attributes.t, value: undefined, runs: null, formula: undefined, formulaType: undefined };
        formulaSi = undefined;
        formulaRef = undefined;
      } else if (tag === "row") {
        const r = parseInt(attributes.r, 10);
        rowIndex = Number.isFinite(r) ? r - 1 : rowIndex + 1;
        if (!Number.isInteger(rowIndex) || rowIndex < 0 || rowIndex > LAST_ROW) throw new OutsideGridError(`${columnLetters(0)}${String(attributes.r ?? rowIndex + 1).slice(0, 16)}`);
        col = -1;
      } else if (tag === "mergeCell") {
        const area = attributes.ref ? parseArea(attributes.ref) : null;
        if (area) merges.push(area);
      } else if (tag === "hyperlink") {
        if (attributes.ref && relationshipId(attributes) && !attributes.ref.includes(":")) linked.push(attributes.ref);
      }
    },
    text(text) {
      switch (reading) {
        case "v":
        case "t":
          pieces.value = pieces.value === undefined ? text : pieces.value + text;
          break;
        case "f":
          pieces.formula += text;
          break;
        case "run":
          run!.push(text);
          break;
      }
    },
    close(tag) {
      if (!inCell) return;
      if (tag === "c") {
        inCell = false;
        inPhonetic = false;
        reading = null;
        run = null;
        finishCell();
      } else if (tag === "r" && run !== null) {
        (pieces.runs ??= []).push(decodeEscapes(run.join("")));
        run = null;
      } else if (tag === "rPh") inPhonetic = false;
      else if (tag === "v" || tag === "f" || tag === "t" || tag === "is") reading = null;
    },
  });

  for (const ref of linked) {
    const at = parseArea(ref);
    const row = at ? rows[at.top] : undefined;
    if (!at || !row || row.values[at.left] === undefined) continue;
    const current = row.values[at.left];
    const isFormula = typeof current === "object" && current !== null && "formula" in current;
    const text = hyperlinkText(isFormula ? falsyResults.get(ref) : current);
    if (text === null || text === "") remove(row, at.left);
    else row.values[at.left] = text;
    if (at.top === 0 && at.left === 0) a1Text = null;
  }
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
      const row = rows[r];
      if (!row || row.count === 0 || row.max < m.left || row.min > m.right) continue;
      for (let c = Math.max(m.left, row.min); c <= m.right && c <= row.max; c++) {
        if ((r > m.top || c > m.left) && row.values[c] !== undefined) remove(row, c);
      }
    }
  }
  return { grid: toGrid(name, rows, columnCells, merges), a1Text: a1Rich ? null : a1Text };
}

/**
 * The engine's grid of the sheet's main block: from its first row and column (or those of a
 * merged area near it) to its last row, each row as long as its own last cell; cells outside
 * the block are listed as set aside.
 */
function toGrid(name: string, rows: (Row | undefined)[], columnCells: Uint32Array, merges: CellRange[]): SheetGrid {
  const cols = mainSpan(columnCells.length, (c) => columnCells[c], FAR_COLUMNS);
  const body = cols && mainSpan(rows.length, (r) => cellsWithin(rows[r], cols), FAR_ROWS);
  if (!cols || !body) return { name, values: [], numberFormats: [], merges, origin: { row: 0, col: 0 } };
  let top = body.first;
  let left = cols.first;
  let bottom = body.last;
  // merged areas near the block widen it as they did when the grid was their bounding box
  for (const m of merges) {
    if (m.top < body.first - FAR_ROWS || m.bottom > body.last + FAR_ROWS || m.left < cols.first - FAR_COLUMNS || m.left > cols.last + FAR_COLUMNS) continue;
    if (m.top < top) top = m.top;
    if (m.left < left) left = m.left;
    if (m.bottom > bottom) bottom = m.bottom;
  }
  const far: FarCell[] = [];
  let farTotal = 0;
  const setAside = (row: Row, r: number, from: number, to: number) => {
    if (row.count === 0 || to < row.min || from > row.max) return;
    // the keys of a row's cells, not every index between: a row with a cell at XFD has 16,384
    for (const key of Object.keys(row.values)) {
      const c = Number(key);
      if (c < from || c > to) continue;
      farTotal++;
      if (far.length < LISTED_FAR_CELLS) far.push({ row: r, col: c, value: row.values[c] });
    }
  };
  // rows with the same formats share one array; those without any share the empty one
  const formatRows = new Map<string, (string | null)[]>([["", []]]);
  const values: RawCell[][] = new Array(bottom - top + 1);
  const numberFormats: (string | null)[][] = new Array(bottom - top + 1);
  const end = Math.max(rows.length, bottom + 1);
  for (let r = 0; r < end; r++) {
    const row = rows[r];
    if (r < top || r > bottom) {
      if (row) setAside(row, r, 0, LAST_COL);
      continue;
    }
    rows[r] = undefined;
    if (!row || row.count === 0) {
      values[r - top] = [];
      numberFormats[r - top] = formatRows.get("")!;
      continue;
    }
    if (row.min < cols.first || row.max > cols.last) {
      setAside(row, r, 0, cols.first - 1);
      setAside(row, r, cols.last + 1, LAST_COL);
    }
    const { v, f } = rowCells(row, left, Math.min(row.max, cols.last), formatRows);
    values[r - top] = v;
    numberFormats[r - top] = f;
  }
  const grid: SheetGrid = { name, values, numberFormats, merges, origin: { row: top, col: left } };
  if (farTotal > 0) grid.setAside = { cells: far, total: farTotal };
  return grid;
}

/** How many of a row's cells lie in the columns of the main block. */
function cellsWithin(row: Row | undefined, cols: { first: number; last: number }): number {
  if (!row || row.count === 0) return 0;
  if (row.min >= cols.first && row.max <= cols.last) return row.count;
  let n = 0;
  for (const key of Object.keys(row.values)) {
    const c = Number(key);
    if (c >= cols.first && c <= cols.last) n++;
  }
  return n;
}

/**
 * A row's cells from column `left` to its last (at most `last`) as a dense array (null where no
 * cell is), and their number formats: rows with the same formats share one array (a roster's
 * rows mostly have the same ones), a row without any has none.
 */
function rowCells(row: Row, left: number, last: number, formatRows: Map<string, (string | null)[]>): { v: RawCell[]; f: (string | null)[] } {
  let right = last;
  // a cell taken out again (under a merge, an empty link) may have been the last
  while (right >= left && row.values[right] === undefined) right--;
  const width = Math.max(0, right - left + 1);
  const v = new Array<RawCell>(width).fill(null);
  let key = "";
  for (let c = Math.max(left, row.min); c <= right; c++) {
    const value = row.values[c];
    if (value === undefined) continue;
    v[c - left] = value;
    const format = row.formats?.[c];
    if (format) key += `${c - left}\u0000${format}\u0001`;
  }
  if (key === "") return { v, f: formatRows.get("")! };
  key = `${width}\u0001${key}`;
  let f = formatRows.get(key);
  if (!f) {
    f = new Array<string | null>(width).fill(null);
    for (let c = Math.max(left, row.min); c <= right; c++) if (row.values[c] !== undefined) f[c - left] = row.formats?.[c] ?? null;
    formatRows.set(key, f);
  }
  return { v, f };
}
