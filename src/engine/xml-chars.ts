/**
 * Text every writer puts into a workbook (evaluate's package, export and consolidate through
 * exceljs): without the characters XML 1.0 cannot hold, and a cell never longer than Excel's
 * 32,767 characters.
 */

// Tab, newline and carriage return are the only control characters XML 1.0 allows; lone
// surrogates and U+FFFE/U+FFFF are not characters at all.
// eslint-disable-next-line no-control-regex -- these are exactly the characters to strip
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- the same characters, tested once
const ANY_FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The most characters (UTF-16 code units, as Excel counts them) a cell holds. */
export const CELL_TEXT_LIMIT = 32_767;

/** Marks text cut at the limit, so a reader sees it goes on. */
const CUT = "…";

export function hasXmlForbidden(text: string): boolean {
  return ANY_FORBIDDEN.test(text);
}

/** Text without the characters XML 1.0 forbids. */
export function stripXmlForbidden(text: string): string {
  return ANY_FORBIDDEN.test(text) ? text.replace(FORBIDDEN, "") : text;
}

/** A cell's text as it can be written: forbidden characters dropped, cut to 32,767 characters (ending in "…"). */
export function cellText(text: string): string {
  const clean = stripXmlForbidden(text);
  if (clean.length <= CELL_TEXT_LIMIT) return clean;
  let end = CELL_TEXT_LIMIT - CUT.length;
  // never split a character written as a surrogate pair
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return clean.slice(0, end) + CUT;
}
