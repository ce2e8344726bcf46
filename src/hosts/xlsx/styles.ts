import type ExcelJS from "exceljs";

/** Light fill behind the headers we write. */
export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
/** Slightly stronger fill for the group header over the result block. */
export const GROUP_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFBDD7EE" } };

export function styleHeader(cell: ExcelJS.Cell, fill: ExcelJS.Fill = HEADER_FILL): void {
  cell.font = { bold: true };
  cell.fill = fill;
  cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
}

/** Empties a cell we wrote earlier: value and our styling. */
export function clearCell(cell: ExcelJS.Cell): void {
  cell.value = null;
  cell.style = {};
}

/** Text is always stored as a string cell: exceljs never turns "=…" strings into formulas. */
export function writeValue(cell: ExcelJS.Cell, value: string | number): void {
  cell.value = value;
}

const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
const HEADER_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: "middle", horizontal: "center", wrapText: true };
const headerStyles = new Map<ExcelJS.Fill, Partial<ExcelJS.Style>>();

/**
 * The style `styleHeader` gives a cell that had `base`, as a new object (a loaded style is shared
 * by every cell that has it). Without a base, one shared object per fill.
 */
export function headerStyle(base: Partial<ExcelJS.Style> | undefined, fill: ExcelJS.Fill): Partial<ExcelJS.Style> {
  if (base) return { ...base, font: HEADER_FONT, fill, alignment: HEADER_ALIGNMENT };
  let style = headerStyles.get(fill);
  if (!style) headerStyles.set(fill, (style = { font: HEADER_FONT, fill, alignment: HEADER_ALIGNMENT }));
  return style;
}
