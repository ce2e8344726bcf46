import { cellText } from "../../engine/xml-chars";
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

/** Text is always stored as a string cell: exceljs never turns "=…" strings into formulas. */
export function writeValue(cell: ExcelJS.Cell, value: string | number): void {
  cell.value = typeof value === "string" ? cellText(value) : value;
}
