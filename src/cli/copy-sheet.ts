import type ExcelJS from "exceljs";
import ExcelJSLib from "exceljs";
import { sheetMerges } from "../hosts/xlsx/read";
import { conditionalFormats } from "../hosts/xlsx/conditional";

/**
 * ID numbers never leave the unit in an export: runs of 15–18 digits (an 18-digit ID may end
 * in X) and the scientific form a number-stored ID shows ("1.10101E+17").
 */
const ID_PATTERN = /(?<!\d)\d{15,18}[Xx]?(?!\d)|\d\.\d+[eE]\+1[4-9]/g;
export const ID_MASK = "〔证件号已隐去〕";

export function maskIds(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof value === "string") return value.replace(ID_PATTERN, ID_MASK);
  if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) >= 1e14) return ID_MASK;
  return value;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Copies values (ID numbers masked), styles, widths, merges, views, page setup and conditional formats. */
export function copySheet(source: ExcelJS.Worksheet, target: ExcelJS.Worksheet, mask = true): void {
  source.eachRow({ includeEmpty: true }, (row, r) => {
    const targetRow = target.getRow(r);
    if (row.height) targetRow.height = row.height;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.type === ExcelJSLib.ValueType.Merge) return;
      const out = targetRow.getCell(c);
      // a link to a cell of OUT would lead nowhere in the summary: its text alone
      const value = cell.value !== null && typeof cell.value === "object" && "hyperlink" in cell.value ? cell.value.text : cell.value;
      out.value = mask ? maskIds(value) : value;
      out.style = clone(cell.style);
    });
  });
  source.columns?.forEach((column, i) => {
    if (column.width) target.getColumn(i + 1).width = column.width;
  });
  for (const m of sheetMerges(source)) target.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  target.views = clone(source.views);
  // page layout, print titles and page numbers: the summary prints as it does in OUT; a hidden sheet stays hidden
  target.pageSetup = clone(source.pageSetup);
  target.headerFooter = clone(source.headerFooter);
  target.state = source.state;
  for (const cf of conditionalFormats(source)) target.addConditionalFormatting(clone(cf));
}
