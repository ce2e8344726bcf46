import type { HighlightRule } from "../engine/plan/types";

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The Excel expression (without "=") that is true where a highlight rule matches, relative to
 * the range's top-left cell. Every host writes highlights as expression rules: Excel, Excel on
 * the web, LibreOffice and exceljs all read those alike.
 */
export function highlightFormula(rule: HighlightRule, topLeft: string): string {
  switch (rule.match) {
    case "equals":
      return `${topLeft}=${quoted(rule.text)}`;
    case "beginsWith":
      return `LEFT(${topLeft},${rule.text.length})=${quoted(rule.text)}`;
    case "contains":
      // SEARCH treats * ? ~ as wildcards; ~ escapes them.
      return `ISNUMBER(SEARCH(${quoted(rule.text.replace(/[~*?]/g, "~$&"))},${topLeft}))`;
  }
}
