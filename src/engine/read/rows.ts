import type { CellRange, DataIssue, FieldId, IssueCode, SheetGrid } from "../types";
import { isBlank, plain, plainText, type Plain } from "./cell";
import { columnReaders } from "./cell-parser";
import { TableSource } from "./source";
import { normaliseHeader, normaliseWord } from "./text";
import { echoesHeader, notAPerson, sectionBranch } from "./row-kinds";
import { FOOTER_END_WORDS, FOOTER_SKIP_WORDS } from "./words";
import { FIELD_KINDS, Problem, isDigitsId, readText, valueText, type RawPercent } from "./values";

export interface TableRows {
  /** The data rows, parsed: identities, values, and the columns' letters. */
  source: TableSource;
  issues: DataIssue[];
  /** 0-based grid column just past the last non-empty user cell from the header down. */
  userEnd: number;
  /** 0-based grid column of the first non-empty cell right of a previous result block, if any. */
  afterBlock?: number;
  /** True when the table has no branch column and its section rows gave the rows their branch. */
  branchesFromSections: boolean;
}

/** A table's layout in grid coordinates, ready for the row scan. */
export interface TableLayout {
  grid: SheetGrid;
  originRow: number;
  originCol: number;
  headerTop: number;
  headerRow: number;
  columns: Map<FieldId, number>;
  headers: Partial<Record<FieldId, string>>;
  blockStart?: number;
  blockEnd?: number;
  /** Columns under one of our marked headers: ours, never user data. */
  marked?: readonly boolean[];
  /** Merged regions in grid coordinates: a value merged down over several rows belongs to each of them. */
  merges?: readonly CellRange[];
}

type Sortable = DataIssue & { r: number; c: number };

/** A footer line: "end" closes the table (合计, 填表人, 说明…), "skip" is a subtotal. */
const FOOTER_END = FOOTER_END_WORDS.map(normaliseWord);
const FOOTER_SKIP = FOOTER_SKIP_WORDS.map(normaliseWord);
/** 1 at the UTF-16 code a footer word starts with: one look per row, the name column of every row is tested. */
const FOOTER_FIRST_CHARS = new Uint8Array(0x10000);
for (const word of [...FOOTER_END, ...FOOTER_SKIP]) FOOTER_FIRST_CHARS[word.charCodeAt(0)] = 1;

/** A first character as normaliseWord would leave it: full-width ASCII halved, A–Z lowered. */
function leadCode(text: string): number {
  let i = 0;
  let code = text.charCodeAt(0);
  // trimStart, without making a string for the common case of no leading space
  while (i < text.length && (code <= 32 || code === 0x3000 || code === 0xa0 || code === 0xfeff)) code = text.charCodeAt(++i);
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code >= 65 && code <= 90) code += 32;
  return code;
}

export function footerKind(text: string): "end" | "skip" | undefined {
  if (text.length === 0 || FOOTER_FIRST_CHARS[leadCode(text)] !== 1) return undefined;
  const w = normaliseWord(text);
  for (const f of FOOTER_END) if (w.startsWith(f)) return "end";
  for (const f of FOOTER_SKIP) if (w.startsWith(f)) return "skip";
  return undefined;
}

function footerOf(raw: unknown): "end" | "skip" | undefined {
  if (typeof raw === "number" || raw === null || raw === undefined) return undefined;
  if (typeof raw === "string") return footerKind(raw);
  return footerKind(plainText(plain(raw)));
}

const noColumn = (_c: number): boolean => false;

/** Header texts (normalised) per grid column over the header rows: a row typed like them is the header again. */
function headerTextsOf(values: unknown[][], top: number, bottom: number, cols: readonly number[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const c of cols) {
    const set = new Set<string>();
    for (let r = Math.max(0, top); r <= bottom && r < values.length; r++) {
      const row = Array.isArray(values[r]) ? values[r] : [];
      const text = plainText(plain(row[c]));
      if (text) set.add(normaliseHeader(text));
    }
    out.set(c, set);
  }
  return out;
}

/**
 * Cells under a value merged down a column in the table's rows (a branch's 所在支部 or 应到人数
 * typed once for its block), keyed by row × 65536 + column: they hold the merge's value. The
 * name column is not filled: a member is one row.
 */
function mergedDown(values: unknown[][], merges: readonly CellRange[] | undefined, firstRow: number, cols: readonly number[], nameCol: number): Map<number, unknown> | undefined {
  if (!merges || merges.length === 0) return undefined;
  const wanted = new Set(cols);
  let out: Map<number, unknown> | undefined;
  for (const m of merges) {
    if (m.left !== m.right || m.bottom <= m.top || m.left === nameCol || !wanted.has(m.left) || m.bottom < firstRow || m.top < 0) continue;
    const master = Array.isArray(values[m.top]) ? values[m.top][m.left] : undefined;
    if (isBlank(master)) continue;
    out ??= new Map();
    for (let r = Math.max(m.top + 1, firstRow); r <= m.bottom; r++) out.set(r * 65536 + m.left, master);
  }
  return out;
}

/**
 * True when a row has a value in a mapped column other than `skip`. Not a closure in the row
 * loop: a closure over the row would make every row allocate a scope for it.
 */
function hasOtherValue(row: unknown[], cols: readonly number[], skip: number): boolean {
  for (let i = 0; i < cols.length; i++) if (i !== skip && plain(row[cols[i]]) !== undefined) return true;
  return false;
}

/** True when every value a nameless row has in the table's columns repeats the header (a two-row header typed again) or notes a unit. */
function repeatsHeader(row: unknown[], cols: readonly number[], headerTexts: Map<number, Set<string>>): boolean {
  let any = false;
  for (const c of cols) {
    const v = plain(row[c]);
    if (v === undefined) continue;
    if (typeof v !== "string" || !echoesHeader(v, headerTexts.get(c))) return false;
    any = true;
  }
  return any;
}

/** Reads every data row under a header in one pass: values, cells and data issues. */
export function readRows(t: TableLayout): TableRows {
  const { grid, originRow, originCol } = t;
  const values = grid.values;
  const formats = grid.numberFormats;
  const sheet = grid.name;
  const fields = [...t.columns.entries()].sort((a, b) => a[1] - b[1]);
  const fieldIds = fields.map(([f]) => f);
  const cols = fields.map(([, c]) => c);
  const kinds = fieldIds.map((f) => FIELD_KINDS[f]);
  const source = new TableSource(sheet, fieldIds, cols.map((c) => c + originCol), values.length - t.headerRow - 1);
  const colNames = source.letters;
  const width = cols.length;
  const nameAt = fieldIds.indexOf("name");
  const branchAt = fieldIds.indexOf("branch");
  const idAt = fieldIds.indexOf("memberId");
  const issues: Sortable[] = [];
  // Satisfaction cells as read, in parallel lists (no object per cell): row, grid row, field, value.
  const percentRow: number[] = [];
  const percentGridRow: number[] = [];
  const percentField: number[] = [];
  const percentRaw: RawPercent[] = [];
  const marked = t.marked;
  // Most tables have no block of ours yet: their scans skip the test altogether.
  const inBlock = marked !== undefined && marked.includes(true) ? (c: number) => marked[c] === true : noColumn;
  const issue = (code: IssueCode, r: number, i: number, v: Plain, params: Record<string, string | number> = {}) => {
    const text = valueText(v);
    issues.push({ code, sheet, cell: `${colNames[i]}${r + originRow + 1}`, ...(text ? { value: text } : {}), params: { field: t.headers[fieldIds[i]] ?? "", ...params }, r, c: cols[i] });
  };

  let userEnd = 0;
  let afterBlock: number | undefined;
  const noteAfterBlock = (row: unknown[]) => {
    if (t.blockEnd === undefined) return;
    const end = Math.min(row.length, afterBlock ?? row.length);
    for (let c = t.blockEnd + 1; c < end; c++) {
      if (inBlock(c) || isBlank(row[c])) continue;
      afterBlock = c;
      break;
    }
  };
  for (let r = t.headerTop; r <= t.headerRow && r < values.length; r++) {
    const row = Array.isArray(values[r]) ? values[r] : [];
    for (let c = row.length - 1; c >= userEnd; c--) if (!inBlock(c) && !isBlank(row[c])) userEnd = c + 1;
    noteAfterBlock(row);
  }

  const readers = columnReaders(kinds);
  const headerTexts = headerTextsOf(values, t.headerTop, t.headerRow, cols);
  const nameCol = nameAt >= 0 ? cols[nameAt] : -1;
  const merged = mergedDown(values, t.merges, t.headerRow + 1, cols, nameCol);
  const valueCols = new Set(cols);
  /** The branch the last section row named, for a table without a branch column. */
  let section: string | undefined;
  let fromSections = false;
  let ended = false;
  for (let r = t.headerRow + 1; r < values.length; r++) {
    const row: unknown[] = Array.isArray(values[r]) ? values[r] : [];
    let first = -1;
    for (let c = 0; c < row.length; c++) {
      if (inBlock(c) || isBlank(row[c])) continue;
      first = c;
      break;
    }
    if (first < 0) continue;
    let last = first;
    for (let c = row.length - 1; c > first; c--) {
      if (inBlock(c) || isBlank(row[c])) continue;
      last = c;
      break;
    }
    if (last + 1 > userEnd) userEnd = last + 1;
    if (t.blockEnd !== undefined && last > t.blockEnd) noteAfterBlock(row);
    if (ended) continue;
    const footer = footerOf(row[first]) ?? (nameAt >= 0 && cols[nameAt] !== first ? footerOf(row[cols[nameAt]]) : undefined);
    // A note right under the header (填表说明…) does not end a table that has not begun.
    if (footer === "end" && (source.length > 0 || r > t.headerRow + 2)) ended = true;
    if (footer) continue;
    // a lone text outside the table's value columns: a section row (in the branch column it is a member's row without a name)
    if (first === last && (first === nameCol || !valueCols.has(first))) {
      const branch = sectionBranch(plainText(plain(row[first])));
      if (branch !== undefined) {
        section = branch;
        continue;
      }
    }

    const formatRow = formats && Array.isArray(formats[r]) ? formats[r] : undefined;
    let name: string | undefined;
    if (nameAt >= 0) {
      const rawName = row[cols[nameAt]];
      const parsed = readText(plain(rawName));
      if (parsed instanceof Problem) {
        issue(parsed.code, r, nameAt, plain(rawName), parsed.params);
        continue;
      }
      if (parsed === undefined) {
        if (hasOtherValue(row, cols, nameAt) && !repeatsHeader(row, cols, headerTexts)) issue("NAME_BLANK", r, nameAt, undefined, { row: r + originRow + 1 });
        continue;
      }
      if (notAPerson(parsed)) continue;
      name = parsed;
    }
    const k = source.add(r + originRow, name ?? "");
    if (branchAt < 0 && section !== undefined) {
      if (!fromSections) source.giveBranches();
      fromSections = true;
      source.branches[k] = section;
    }
    for (let i = 0; i < width; i++) {
      if (i === nameAt) continue;
      let raw = row[cols[i]];
      if (merged !== undefined && isBlank(raw)) {
        const fill = merged.get(r * 65536 + cols[i]);
        if (fill !== undefined) raw = fill;
      }
      // An ID card number as typed, the usual case, is the id as it is.
      if (i === idAt && typeof raw === "string" && isDigitsId(raw)) {
        source.ids[k] = raw;
        source.idUsable[k] = 1;
        continue;
      }
      const parsed = readers[i].read(raw, formatRow ? formatRow[cols[i]] : undefined);
      if (parsed === undefined) {
        if (i === branchAt) source.branchBlank[k] = 1;
        continue;
      }
      if (parsed instanceof Problem) {
        issue(parsed.code, r, i, plain(raw), { name: name ?? "", ...parsed.params });
        if (parsed.fallback !== undefined) source.set(k, i, parsed.fallback);
        continue;
      }
      if (i === idAt) {
        const id = parsed as { id: string; usable: boolean };
        source.ids[k] = id.id;
        source.idUsable[k] = id.usable ? 1 : 0;
        if (!id.usable) issue("ID_PRECISION_LOST", r, i, plain(raw), { name: name ?? "" });
      } else if (i === branchAt) source.branches[k] = parsed as string;
      else if (kinds[i] === "percent") {
        percentRow.push(k);
        percentGridRow.push(r);
        percentField.push(i);
        percentRaw.push(parsed as RawPercent);
      }
      else source.set(k, i, parsed);
    }
  }

  // Satisfaction: when every plain number in the column is within 0–1, the column holds fractions.
  let fractions = false;
  for (const raw of percentRaw) {
    if (raw.percent) continue;
    if (raw.n < 0 || raw.n > 1) {
      fractions = false;
      break;
    }
    fractions = true;
  }
  for (let p = 0; p < percentRaw.length; p++) {
    const raw = percentRaw[p];
    const k = percentRow[p];
    const i = percentField[p];
    const n = raw.percent || !fractions ? raw.n : raw.n * 100;
    const r = percentGridRow[p];
    // 0.9 among 85s could be 0.9 or 90: ask, never guess
    if (!raw.percent && !fractions && n > 0 && n < 1) issue("PERCENT_AMBIGUOUS", r, i, plain(values[r][cols[i]]), { name: source.names[k] });
    else if (n < 0 || n > 100) issue("PERCENT_OUT_OF_RANGE", r, i, plain(values[r][cols[i]]), { name: source.names[k] });
    else source.set(k, i, Math.round(n * 1e9) / 1e9);
  }

  issues.sort((a, b) => a.r - b.r || a.c - b.c);
  return { source, issues: issues.map(({ r: _r, c: _c, ...rest }) => rest), userEnd, branchesFromSections: fromSections, ...(afterBlock !== undefined ? { afterBlock } : {}) };
}
