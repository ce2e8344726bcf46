import ExcelJS from "exceljs";

/**
 * A worksheet's rows held lean: per row, one value and one style per column (holes where the
 * sheet has no cell). Values are what exceljs's `cell.value` would give; styles are the objects
 * exceljs's style table shares, one per style, so the streaming writer indexes each once.
 */
export interface LeanRow {
  height?: number;
  hidden?: boolean;
  outlineLevel?: number;
  values: ExcelJS.CellValue[];
  styles: (Partial<ExcelJS.Style> | undefined)[];
}

/** Rows by 0-based index (holes for rows the sheet does not hold). */
export type LeanRows = (LeanRow | undefined)[];

/** A workbook read lean: sheet-level settings in `workbook` (its sheets hold no cells), rows beside it. */
export interface LeanWorkbook {
  workbook: ExcelJS.Workbook;
  rows: Map<ExcelJS.Worksheet, LeanRows>;
}

export function leanRow(rows: LeanRows, row: number): LeanRow {
  let out = rows[row];
  if (!out) {
    while (rows.length < row) rows.push(undefined); // keep the array dense: holes make it a dictionary
    out = rows[row] = { values: [], styles: [] };
  }
  return out;
}

export function leanValue(rows: LeanRows, row: number, col: number): ExcelJS.CellValue {
  return rows[row]?.values[col] ?? null;
}

export function hasCell(row: LeanRow, col: number): boolean {
  return row.values[col] !== undefined || row.styles[col] !== undefined;
}

const T = ExcelJS.ValueType;
/** One cell of exceljs's own, to turn the rare value models (formula, hyperlink, error) into values exactly as it does. */
let scratch: ExcelJS.Cell | undefined;

interface CellModel {
  address: string;
  type: number;
  value?: unknown;
  style?: Partial<ExcelJS.Style>;
}

function modelValue(model: CellModel): ExcelJS.CellValue {
  switch (model.type) {
    case T.Null:
      return null;
    case T.Number:
    case T.String:
    case T.Date:
    case T.RichText:
    case T.Boolean:
      return model.value as ExcelJS.CellValue;
    default: {
      scratch ??= new ExcelJS.Workbook().addWorksheet("scratch").getCell("A1");
      (scratch as unknown as { model: CellModel }).model = { ...model, address: "A1", style: undefined };
      return scratch.value;
    }
  }
}

function columnIndex(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 65) break;
    col = col * 26 + ((code | 32) - 96);
  }
  return col - 1;
}

export interface RowModel {
  number: number;
  height?: number;
  hidden?: boolean;
  outlineLevel?: number;
  cells: CellModel[];
}

/** A reconciled exceljs row model (shared strings, styles and dates resolved) as a lean row. */
export function toLeanRow(model: RowModel): LeanRow {
  const row: LeanRow = { values: [], styles: [] };
  if (model.height) row.height = model.height;
  if (model.hidden) row.hidden = true;
  if (model.outlineLevel) row.outlineLevel = model.outlineLevel;
  for (const cell of model.cells) {
    const col = columnIndex(cell.address);
    if (col < 0) continue;
    while (row.values.length < col) {
      row.values.push(undefined as unknown as ExcelJS.CellValue);
      row.styles.push(undefined);
    }
    row.values[col] = modelValue(cell);
    row.styles[col] = cell.style && hasKeys(cell.style) ? cell.style : undefined;
  }
  return row;
}

function hasKeys(style: object): boolean {
  for (const _ in style) return true;
  return false;
}
