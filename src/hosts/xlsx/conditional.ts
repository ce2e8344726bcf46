import type ExcelJS from "exceljs";
import { HIGHLIGHT_COLOURS, type HighlightRule } from "../../engine/plan/types";
import { a1, rangeA1 } from "./address";
import { installStopIfTrue } from "./stop-if-true";
import { highlightFormula } from "../highlight-formula";

installStopIfTrue();

/** "#FFC7CE" → "FFFFC7CE" (exceljs wants ARGB). */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}


/** exceljs keeps a sheet's conditional formats here (its streaming writer under another name); its typings do not declare the field. */
export function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  const holder = ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[]; conditionalFormatting?: ExcelJS.ConditionalFormattingOptions[] };
  if (holder.conditionalFormattings) return holder.conditionalFormattings;
  if (Array.isArray(holder.conditionalFormatting)) return holder.conditionalFormatting;
  holder.conditionalFormattings = [];
  return holder.conditionalFormattings;
}

/** Highest priority number already used on a sheet (new rules go after it). */
function maxPriority(worksheet: ExcelJS.Worksheet): number {
  let max = 0;
  for (const cf of conditionalFormats(worksheet)) {
    for (const rule of cf.rules) max = Math.max(max, (rule as { priority?: number }).priority ?? 0);
  }
  return max;
}

/** Adds one column's highlight rules, in order, with stopIfTrue; rows and column are 0-based. */
export function addHighlights(
  worksheet: ExcelJS.Worksheet,
  column: number,
  firstRow: number,
  lastRow: number,
  rules: HighlightRule[],
): void {
  if (rules.length === 0 || lastRow < firstRow) return;
  let priority = maxPriority(worksheet);
  const topLeft = a1(firstRow, column);
  worksheet.addConditionalFormatting({
    ref: rangeA1(firstRow, column, lastRow, column),
    rules: rules.map((rule) => {
      const colours = HIGHLIGHT_COLOURS[rule.colour];
      return {
        type: "expression",
        formulae: [highlightFormula(rule, topLeft)],
        priority: ++priority,
        stopIfTrue: true,
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(colours.fill) } },
          font: { color: { argb: argb(colours.font) } },
        },
      } as ExcelJS.ConditionalFormattingRule;
    }),
  });
}
