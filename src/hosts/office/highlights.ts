import { HIGHLIGHT_COLOURS, type HighlightRule } from "../../engine/plan/types";
import { a1 } from "./address";
import { CALL_BYTES, type WriteUnit } from "./batches";
import type { XlWorksheet } from "./excel-api";
import { highlightFormula } from "./text";

/** Light fill behind the headers we write, and a stronger one for the group header. */
export const HEADER_FILL = "#DDEBF7";
export const GROUP_FILL = "#BDD7EE";

/**
 * Adds one column's highlight rules as custom conditional formats (ExcelApi 1.6), in plan order
 * with stopIfTrue, so the first rule a text matches wins (Excel adds each new format on top, so
 * the priority is set explicitly).
 */
export function queueHighlights(sheet: XlWorksheet, column: number, firstRow: number, lastRow: number, rules: readonly HighlightRule[]): void {
  if (rules.length === 0 || lastRow < firstRow) return;
  const range = sheet.getRangeByIndexes(firstRow, column, lastRow - firstRow + 1, 1);
  const topLeft = a1(firstRow, column);
  rules.forEach((rule, i) => {
    const colours = HIGHLIGHT_COLOURS[rule.colour];
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = highlightFormula(rule, topLeft);
    cf.custom.format.fill.color = colours.fill;
    cf.custom.format.font.color = colours.font;
    cf.stopIfTrue = true;
    cf.priority = i;
  });
}

/** Highlights of several columns as one unit. */
export function highlightUnit(
  sheetName: string,
  label: string,
  columns: { column: number; rules: readonly HighlightRule[] }[],
  firstRow: number,
  lastRow: number,
): WriteUnit {
  const rules = columns.reduce((n, c) => n + c.rules.length, 0);
  return {
    bytes: CALL_BYTES * (1 + rules * 6),
    sheet: label,
    queue: (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      for (const c of columns) queueHighlights(sheet, c.column, firstRow, lastRow, c.rules);
    },
  };
}
