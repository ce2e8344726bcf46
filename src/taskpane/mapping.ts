import type { ColumnOverrides, FieldId, RecognisedTable, SheetGrid } from "../engine";

/** One header cell of a recognised table, as the mapping editor shows it. */
export interface HeaderRow {
  /** 0-based sheet column. */
  col: number;
  /** Column letter, e.g. "C". */
  letter: string;
  header: string;
  /** The field after the user's overrides, or null when the column is not used. */
  field: FieldId | null;
  /** The field the reader recognised on its own. */
  auto: FieldId | null;
}

export function columnLetter(col: number): string {
  let out = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** The header cell's text; in a two-row header a blank lower cell shows the text above it. */
function headerText(grid: SheetGrid | undefined, table: RecognisedTable, col: number): string {
  if (!grid) return "";
  const origin = grid.origin ?? { row: 0, col: 0 };
  for (let row = table.headerRow; row >= table.headerTop; row--) {
    const value = grid.values[row - origin.row]?.[col - origin.col];
    const text = value === null || value === undefined ? "" : String(value).trim();
    if (text) return text;
  }
  return "";
}

/** Field → sheet column after the overrides of this sheet (the reader's own rule). */
export function effectiveColumns(table: RecognisedTable, overrides: ColumnOverrides): Map<FieldId, number> {
  const columns = new Map<FieldId, number>(Object.entries(table.columns) as [FieldId, number][]);
  const sheet = overrides[table.sheet] ?? {};
  for (const field of Object.keys(sheet).sort() as FieldId[]) {
    const target = sheet[field];
    if (target === null || target === undefined) {
      columns.delete(field);
      continue;
    }
    for (const [other, c] of columns) if (c === target && other !== field) columns.delete(other);
    columns.set(field, target);
  }
  return columns;
}

/** Every header cell of the table (mapped or not), left to right. */
export function headerRows(table: RecognisedTable, grid: SheetGrid | undefined, overrides: ColumnOverrides): HeaderRow[] {
  const auto = new Map<number, FieldId>();
  for (const [field, col] of Object.entries(table.columns) as [FieldId, number][]) auto.set(col, field);
  const effective = new Map<number, FieldId>();
  for (const [field, col] of effectiveColumns(table, overrides)) effective.set(col, field);
  const headers = new Map<number, string>(table.unmappedHeaders.map((h) => [h.col, h.header]));
  const cols = new Set<number>([...auto.keys(), ...effective.keys(), ...headers.keys()]);
  return [...cols]
    .sort((a, b) => a - b)
    .map((col) => ({
      col,
      letter: columnLetter(col),
      header: headers.get(col) ?? headerText(grid, table, col),
      field: effective.get(col) ?? null,
      auto: auto.get(col) ?? null,
    }));
}

/**
 * The overrides after the user picks `field` (or "not used") for column `col` of a table.
 * Entries that say what the reader found anyway are dropped, so the result stays minimal.
 */
export function setColumnField(overrides: ColumnOverrides, table: RecognisedTable, col: number, field: FieldId | null): ColumnOverrides {
  const sheet: Partial<Record<FieldId, number | null>> = { ...(overrides[table.sheet] ?? {}) };
  const current = effectiveColumns(table, overrides);
  for (const [other, c] of current) if (c === col && other !== field) sheet[other] = null;
  if (field) sheet[field] = col;
  for (const key of Object.keys(sheet) as FieldId[]) {
    const target = sheet[key];
    const autoCol = table.columns[key];
    if ((target === null && autoCol === undefined) || target === autoCol) delete sheet[key];
  }
  const next: ColumnOverrides = { ...overrides };
  if (Object.keys(sheet).length === 0) delete next[table.sheet];
  else next[table.sheet] = sheet;
  return next;
}

export function overrideCount(overrides: ColumnOverrides): number {
  return Object.values(overrides).reduce((n, sheet) => n + Object.keys(sheet).length, 0);
}

/** Headers many tables have that no rule reads (a serial number, remarks): not worth a warning. */
const INCIDENTAL_HEADER = /^(序号|编号|行号|顺序号|no\.?|备注|说明)$/i;

/** Header cells of a table that map to no field (after the overrides) and are not incidental. */
export function unrecognisedHeaders(table: RecognisedTable, overrides: ColumnOverrides = {}): RecognisedTable["unmappedHeaders"] {
  const mapped = new Set(effectiveColumns(table, overrides).values());
  return table.unmappedHeaders.filter((h) => !mapped.has(h.col) && !INCIDENTAL_HEADER.test(h.header.replace(/\s+/g, "")));
}

/** The mapping editor starts open when something needs a look: no member list, or a header no field took. */
export function mappingNeedsReview(tables: readonly RecognisedTable[]): boolean {
  return !tables.some((table) => table.isRoster) || tables.some((table) => unrecognisedHeaders(table).length > 0);
}
