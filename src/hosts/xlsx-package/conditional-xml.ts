import type { Highlight, HighlightRule } from "../../engine/plan/types";
import { a1, areaA1 } from "./cell-address";
import { escapeText } from "./xml-text";
import { highlightFormula } from "../highlight-formula";

/**
 * One column's highlight rules over rows firstRow…lastRow (0-based) as a conditionalFormatting
 * element: in list order, each with stopIfTrue, so the first rule a text matches wins.
 * `priority` gives the next free priority and is advanced; "" when there is nothing to write.
 * `p` is the sheet's prefix for the spreadsheet namespace ("" or "x:").
 */
export function highlightXml(
  column: number,
  firstRow: number,
  lastRow: number,
  rules: readonly HighlightRule[],
  dxf: Record<Highlight, number>,
  priority: { next: number },
  p = "",
): string {
  if (rules.length === 0 || lastRow < firstRow) return "";
  const topLeft = a1(firstRow, column);
  const cfRules = rules.map(
    (rule) =>
      `<${p}cfRule type="expression" dxfId="${dxf[rule.colour]}" priority="${priority.next++}" stopIfTrue="1"><${p}formula>${escapeText(highlightFormula(rule, topLeft))}</${p}formula></${p}cfRule>`,
  );
  return `<${p}conditionalFormatting sqref="${areaA1({ top: firstRow, left: column, bottom: lastRow, right: column })}">${cfRules.join("")}</${p}conditionalFormatting>`;
}
