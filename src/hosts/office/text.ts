import { highlightFormula as expression } from "../highlight-formula";
import type { HighlightRule, PlanCell } from "../../engine/plan/types";
import { cellText } from "../../engine/xml-chars";

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

/**
 * Number format of cells that hold text: Excel keeps whatever string is written there as that
 * string. Typed as Excel types `numberFormat`, though a single value applies to every cell.
 */
export const TEXT_FORMAT = "@" as unknown as string[][];

const NUMBER_LIKE = /^\s*[+-]?\s*[$¥￥€£]?\s*(\d|\.\d)/;
const NEGATIVE_LIKE = /^\s*\(\s*[$¥￥€£]?\s*(\d|\.\d)/;
const DATE_LIKE = /^\s*\d{1,4}[-/年.]\d{1,2}/;
const MONTH_NAME = /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]+\d/i;
const ERROR_LIKE = /^\s*#[A-Z/0!?_]+\s*$/i;

/**
 * A string as it must go into `range.values` of a General cell so Excel keeps it as the same
 * text: Excel parses what it is given like typed input, so "=…", "+…", "-…", "@…" would become
 * formulas, "12", "(12)", "¥12", "2025-03-01", "Jan 5", "TRUE" numbers, dates or booleans and
 * "#N/A" an error. An apostrophe in front keeps the text exactly, as it does when typing (the
 * apostrophe itself is not part of the value). Cells formatted as text (TEXT_FORMAT) need none.
 */
export function asExcelText(text: string): string {
  if (text === "") return text;
  const parsed = [NUMBER_LIKE, NEGATIVE_LIKE, DATE_LIKE, MONTH_NAME, ERROR_LIKE].some((re) => re.test(text));
  if (/^[=+\-@']/.test(text) || parsed || /^\s*(true|false)\s*$/i.test(text)) return `'${text}`;
  return text;
}

/**
 * A plan cell as written: numbers as numbers, text protected, null as "" (cleared). Text is what
 * every writer writes (cellText: within a cell's 32,767 characters), so the next run's content
 * hash of our sheets matches what Excel holds.
 */
export function asExcelValue(value: PlanCell): string | number {
  if (value === null) return "";
  return typeof value === "number" ? value : asExcelText(cellText(value));
}

/** Column width in points for a width in characters (Excel's default 8.43 characters ≈ 48 points). */
export function widthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75);
}

/** A custom conditional-format formula for a highlight rule, relative to the range's top-left cell. */
export function highlightFormula(rule: HighlightRule, topLeft: string): string {
  return `=${expression(rule, topLeft)}`;
}
