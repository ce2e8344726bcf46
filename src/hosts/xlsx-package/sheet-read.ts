import type { Readable } from "node:stream";
import type { CellRange, RawCell, SheetGrid } from "../../engine/types";
import { columnIndex, parseArea } from "./cell-address";
import { formulaResult, formulaValue, hyperlinkText, plainValue, type CellPieces } from "./cell-values";
import type { CellFormats } from "./number-formats";
import { decodeEscapes } from "./shared-strings";
import { parseXml, relationshipId } from "./xml-stream";

export interface SheetContext {
  formats: CellFormats;
  shared: (string | null)[];
  /** Shared-string entries made of rich-text runs. */
  rich: Set<number>;
  date1904: boolean;
}

/** A worksheet read: the engine's grid and what the write pass needs to know of A1. */
export interface SheetRead {
  grid: SheetGrid;
  /** A1 when it holds plain text (not rich text, a formula or a link): how our sheets are told apart. */
  a1Text: string | null;
}

interface Row {
  values: RawCell[];
  formats: (string | null)[];
}

/**
 * Streams one worksheet part into a grid: the used range of cells holding a value (plus merged
 * areas), values in their masters only, number formats beside them. Only the cells are kept.
 */
export async function readSheet(name: string, stream: Readable, context: SheetContext): Promise<SheetRead> {
  const { formats, shared, rich, date1904 } = context;
  const rows: (Row | undefined)[] = [];
  const merges: CellRange[] = [];
  const linked: string[] = [];
  /** Formula cells whose cached result was 0, false or "": a hyperlink shows it as text. */
  const falsyResults = new Map<string, unknown>();
  let a1Text: string | null = null;
  let a1Rich = false;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;

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
    let row = rows[rowIndex];
    if (!row) {
      while (rows.length < rowIndex) rows.push(undefined);
      row = rows[rowIndex] = { values: [], formats: [] };
    }
    row.values[col] = value;
    row.formats[col] = style > 0 ? (formats.codes[style] ?? null) : null;
    if (rowIndex < top) top = rowIndex;
    if (rowIndex > bottom) bottom = rowIndex;
    if (col < left) left = col;
    if (col > right) right = col;
  };

  const finishCell = () => {
    const isDate = style > 0 && formats.dates[style] === true;
    const p = pieces;
    let value: RawCell;
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
        style = attributes.s ? parseInt(attributes.s, 10) || 0 : 0;
        pieces = { type: attributes.t, value: undefined, runs: null, formula: undefined, formulaType: undefined };
        formulaSi = undefined;
        formulaRef = undefined;
      } else if (tag === "row") {
        const r = parseInt(attributes.r, 10);
        rowIndex = Number.isFinite(r) ? r - 1 : rowIndex + 1;
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
    if (text === null || text === "") delete row.values[at.left];
    else row.values[at.left] = text;
    if (at.top === 0 && at.left === 0) a1Text = null;
  }
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right && c < row.values.length; c++) {
        if ((r > m.top || c > m.left) && row.values[c] !== undefined) delete row.values[c];
      }
    }
    if (m.top < top) top = m.top;
    if (m.bottom > bottom) bottom = m.bottom;
    if (m.left < left) left = m.left;
    if (m.right > right) right = m.right;
  }
  return { grid: toGrid(name, rows, merges, top, left, bottom, right), a1Text: a1Rich ? null : a1Text };
}

/** Dense rows of the used range, null where no cell is. */
function toGrid(name: string, rows: (Row | undefined)[], merges: CellRange[], top: number, left: number, bottom: number, right: number): SheetGrid {
  if (bottom < 0) return { name, values: [], numberFormats: [], merges, origin: { row: 0, col: 0 } };
  const width = right - left + 1;
  const values: RawCell[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const source = rows[r];
    rows[r] = undefined;
    const v = new Array<RawCell>(width).fill(null);
    const f = new Array<string | null>(width).fill(null);
    if (source) {
      source.values.forEach((value, c) => {
        if (c < left || c > right) return;
        v[c - left] = value;
        f[c - left] = source.formats[c] ?? null;
      });
    }
    values.push(v);
    numberFormats.push(f);
  }
  return { name, values, numberFormats, merges, origin: { row: top, col: left } };
}
