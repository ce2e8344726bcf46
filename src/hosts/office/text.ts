import { highlightFormula as expression } from "../highlight-formula";
import type { HighlightRule, PlanCell } from "../../engine/plan/types";

/** UTF-8 size of a string (what a request carries over the wire). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-8 size of a value's JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value ?? null));
}

const NUMBER_LIKE = /^\s*[+-]?(\d|\.\d)/;
const DATE_LIKE = /^\s*\d{1,4}[-/年.]\d{1,2}/;

/**
 * A string as it must go into `range.values` so Excel keeps it as the same text: Excel parses
 * what it is given like typed input, so "=…", "+…", "-…", "@…" would become formulas and
 * "12", "2025-03-01", "TRUE" numbers, dates or booleans. An apostrophe in front keeps the text
 * exactly, as it does when typing (the apostrophe itself is not part of the value).
 */
export function asExcelText(text: string): string {
  if (text === "") return text;
  if (/^[=+\-@']/.test(text) || NUMBER_LIKE.test(text) || DATE_LIKE.test(text) || /^\s*(true|false)\s*$/i.test(text)) {
    return `'${text}`;
  }
  return text;
}

/** A plan cell as written: numbers as numbers, text protected, null as "" (cleared). */
export function asExcelValue(value: PlanCell): string | number {
  if (value === null) return "";
  return typeof value === "number" ? value : asExcelText(value);
}

/** Column width in points for a width in characters (Excel's default 8.43 characters ≈ 48 points). */
export function widthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75);
}

/** A custom conditional-format formula for a highlight rule, relative to the range's top-left cell. */
export function highlightFormula(rule: HighlightRule, topLeft: string): string {
  return `=${expression(rule, topLeft)}`;
}
