import { RESULT_HEADER_MARK, RESULT_HEADERS } from "../plan/types";
import type { CellRange, FieldId } from "../types";
import { plain, plainText } from "./cell";
import { matchHeader } from "./match";
import { normaliseHeader } from "./text";

/** How many rows from the top are searched for the header row. */
export const HEADER_SEARCH_ROWS = 30;
/** Header cells further right than this are not read (no staff table is this wide). */
export const HEADER_MAX_COLUMNS = 512;

export interface MappedColumn {
  field: FieldId;
  col: number;
  /** The header as the user wrote it ("民主评议·赞成" when the group gave the meaning). */
  header: string;
}

/** A header found on a grid; rows and columns are grid indices (not yet shifted by origin). */
export interface LocatedHeader {
  headerRow: number;
  headerTop: number;
  mapped: MappedColumn[];
  /** Second columns for a field already mapped. */
  duplicates: (MappedColumn & { firstCol: number })[];
  unmapped: { col: number; header: string }[];
  /** Header text per column as written, and normalised (for overrides and the unit column of a survey). */
  texts: string[];
  norms: string[];
  /** The rightmost unbroken run of marked headers: the previous run's block. */
  blockStart?: number;
  blockEnd?: number;
  /** Per column: the header row holds one of our marked headers (that column is ours, never read). */
  marked: boolean[];
  /** Per marked column: which of our result headers it holds ("评议等次"). */
  ours: (string | undefined)[];
}

/** Where a previous run's block marker says our header cells are (grid coordinates). */
export interface BlockHint {
  row: number;
  left: number;
  right: number;
}

const OUR_HEADERS = new Set<string>(RESULT_HEADERS);

interface HeaderRows {
  texts: string[][];
  marked: boolean[][];
  ours: (string | undefined)[][];
  width: number;
}

/**
 * The first rows' header texts. A header is ours when it carries the mark an older version
 * wrote ("〔评议〕评议等次"), or when it is one of our headers inside the block marker's cells.
 */
function readHeaderRows(values: unknown[][], hint: BlockHint | undefined): HeaderRows {
  const rows = Math.min(values.length, HEADER_SEARCH_ROWS + 1);
  const texts: string[][] = [];
  const marked: boolean[][] = [];
  const ours: (string | undefined)[][] = [];
  let width = 0;
  for (let r = 0; r < rows; r++) {
    const row = Array.isArray(values[r]) ? values[r] : [];
    const w = Math.min(row.length, HEADER_MAX_COLUMNS);
    const t: string[] = new Array(w);
    const m: boolean[] = new Array(w);
    const o: (string | undefined)[] = new Array(w);
    const inHint = hint !== undefined && hint.row === r;
    for (let c = 0; c < w; c++) {
      const text = plainText(plain(row[c]));
      const bare = text.startsWith(RESULT_HEADER_MARK) ? text.slice(RESULT_HEADER_MARK.length) : undefined;
      const hinted = inHint && c >= hint.left && c <= hint.right && OUR_HEADERS.has(text) ? text : undefined;
      m[c] = bare !== undefined || hinted !== undefined;
      o[c] = bare ?? hinted;
      t[c] = m[c] ? "" : text;
    }
    markFullBlock(t, m, o);
    texts.push(t);
    marked.push(m);
    ours.push(o);
    width = Math.max(width, w);
  }
  return { texts, marked, ours, width };
}

/**
 * Our six headers side by side, in order, are ours even where the block marker is gone (the
 * table was copied into another workbook): nobody types that row by accident.
 */
function markFullBlock(texts: string[], marked: boolean[], ours: (string | undefined)[]): void {
  const n = RESULT_HEADERS.length;
  for (let c = 0; c + n <= texts.length; c++) {
    if (texts[c] !== RESULT_HEADERS[0]) continue;
    let k = 1;
    while (k < n && texts[c + k] === RESULT_HEADERS[k]) k++;
    if (k < n) continue;
    for (k = 0; k < n; k++) {
      marked[c + k] = true;
      ours[c + k] = texts[c + k];
      texts[c + k] = "";
    }
    c += n - 1;
  }
}

/** Group text per column of the row above the sub-headers: merged cells, a cell with blanks to its right, or repeated text. */
function groupsOf(texts: string[][], sub: string[], width: number, merges: CellRange[], upperRow: number): (string | undefined)[] {
  const upper = texts[upperRow];
  const groups: (string | undefined)[] = new Array(width).fill(undefined);
  const covered: boolean[] = new Array(width).fill(false);
  for (const m of merges) {
    if (m.top > upperRow || m.bottom < upperRow) continue;
    // A merge reaching down into the sub-header row is one tall header, not a group.
    const isGroup = m.bottom === upperRow && m.right > m.left;
    // A merged area shows its top-left cell's text; one whose top-left lies outside the grid shows nothing we can read.
    const text = m.top >= 0 && m.left >= 0 ? (texts[m.top]?.[m.left] ?? "") : "";
    for (let c = Math.max(0, m.left); c <= m.right && c < width; c++) {
      covered[c] = true;
      if (isGroup && text) groups[c] = text;
    }
  }
  for (let c = 0; c < width; c++) {
    const text = upper[c] ?? "";
    if (!text || covered[c]) continue;
    let e = c + 1;
    // Blanks to the right, or the same text repeated (how some readers report a merged cell).
    while (e < width && (!upper[e] || upper[e] === text) && (sub[e] ?? "") && !covered[e]) e++;
    if (e > c + 1) for (let k = c; k < e; k++) groups[k] = text;
  }
  return groups;
}

interface Candidate {
  headerRow: number;
  headerTop: number;
  headers: string[];
  groups: (string | undefined)[];
  score: number;
  hasName: boolean;
  /** Columns whose field their group header gave (上级党委审批 over 意见). */
  grouped: number;
}

export class HeaderLocator {
  private readonly norms = new Map<string, string>();

  norm(text: string): string {
    let n = this.norms.get(text);
    if (n === undefined) {
      n = normaliseHeader(text);
      this.norms.set(text, n);
    }
    return n;
  }

  private match(header: string, group: string | undefined) {
    return matchHeader(this.norm(header), group ? this.norm(group) : undefined);
  }

  private candidate(rows: HeaderRows, r: number, twoRow: boolean, merges: CellRange[]): Candidate {
    const sub = rows.texts[r];
    const upper = twoRow ? rows.texts[r - 1] : undefined;
    const groups = upper ? groupsOf(rows.texts, sub, rows.width, merges, r - 1) : new Array(rows.width).fill(undefined);
    const headers: string[] = new Array(rows.width);
    const seen = new Set<FieldId>();
    let grouped = 0;
    for (let c = 0; c < rows.width; c++) {
      let header = sub[c] ?? "";
      if (upper && header === "" && !groups[c]) header = upper[c] ?? "";
      headers[c] = header;
      const m = header ? this.match(header, groups[c]) : undefined;
      if (m) seen.add(m.field);
      if (m?.byContext) grouped++;
    }
    return { headerRow: r, headerTop: twoRow ? r - 1 : r, headers, groups, score: seen.size, hasName: seen.has("name"), grouped };
  }

  /** Finds the header row (the sub-header row of a two-row header) in the first rows of a grid. */
  locate(values: unknown[][], merges: CellRange[], hint?: BlockHint): LocatedHeader | undefined {
    const rows = readHeaderRows(values, hint);
    let best: Candidate | undefined;
    for (let r = 0; r < rows.texts.length && r < HEADER_SEARCH_ROWS; r++) {
      const options = [this.candidate(rows, r, false, merges)];
      if (r > 0) options.push(this.candidate(rows, r, true, merges));
      for (const c of options) {
        if (!c.hasName && c.score < 2) continue;
        // A row of sub-headers under a row whose groups name fields themselves (书面申请 over 是否提交 / 提交日期)
        // ties with that row read alone: the sub-headers win when their groups gave some of them their meaning.
        const under = best !== undefined && c.score === best.score && c.grouped > 0 && c.headerTop === best.headerRow && c.headerTop === best.headerTop;
        if (!best || c.score > best.score || under) best = c;
      }
    }
    return best ? this.describe(best, rows) : undefined;
  }

  private describe(c: Candidate, rows: HeaderRows): LocatedHeader {
    const marked = rows.marked[c.headerRow];
    let blockStart: number | undefined;
    let blockEnd: number | undefined;
    // The previous block is the rightmost unbroken run of marked headers: a column the user put
    // between or after our columns stays theirs, and an older run to the left is left alone.
    for (let col = marked.length - 1; col >= 0; col--) {
      if (marked[col]) {
        if (blockEnd === undefined) blockEnd = col;
        blockStart = col;
      } else if (blockEnd !== undefined) break;
    }
    const mapped: MappedColumn[] = [];
    const duplicates: LocatedHeader["duplicates"] = [];
    const unmapped: { col: number; header: string }[] = [];
    const firstCol = new Map<FieldId, number>();
    const norms: string[] = new Array(c.headers.length);
    for (let col = 0; col < c.headers.length; col++) {
      const header = c.headers[col];
      norms[col] = header ? this.norm(header) : "";
      if (!header) continue;
      if (marked[col]) continue;
      const group = c.groups[col];
      const m = this.match(header, group);
      if (!m) {
        unmapped.push({ col, header });
        continue;
      }
      const entry = { field: m.field, col, header: m.byContext && group ? `${group}·${header}` : header };
      const first = firstCol.get(m.field);
      if (first === undefined) {
        firstCol.set(m.field, col);
        mapped.push(entry);
      } else duplicates.push({ ...entry, firstCol: first });
    }
    return { headerRow: c.headerRow, headerTop: c.headerTop, mapped, duplicates, unmapped, texts: c.headers, norms, blockStart, blockEnd, marked, ours: rows.ours[c.headerRow] };
  }
}
