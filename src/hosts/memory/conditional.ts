import { HIGHLIGHT_COLOURS, type Highlight } from "../../engine/plan/types";
import { parseA1, type Rect } from "../office/address";
import { readValue, type ConditionalFormatData, type SheetData } from "./cells";

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(rect: Rect, row: number, col: number): boolean {
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

/** `a` minus `b`, as up to four rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

/** Removes conditional formats from the cells of `rect` (Excel's `conditionalFormats.clearAll()`). */
export function clearConditionalFormats(sheet: SheetData, rect: Rect): number {
  let touched = 0;
  const kept: ConditionalFormatData[] = [];
  for (const cf of sheet.conditionalFormats) {
    if (!cf.rects.some((r) => intersects(r, rect))) {
      kept.push(cf);
      continue;
    }
    touched++;
    cf.rects = cf.rects.flatMap((r) => subtract(r, rect));
    if (cf.rects.length > 0) kept.push(cf);
  }
  sheet.conditionalFormats = kept;
  return touched;
}

const REF = String.raw`(\$?[A-Z]{1,3}\$?\d+)`;
const TEXT = String.raw`"((?:[^"]|"")*)"`;
const SHAPES: { re: RegExp; test: (m: RegExpExecArray, cellText: (ref: string) => string, cellValue: (ref: string) => unknown) => boolean }[] = [
  {
    re: new RegExp(String.raw`^=ISNUMBER\(${REF}\)$`, "i"),
    test: (m, _text, value) => typeof value(m[1]) === "number",
  },
  {
    re: new RegExp(String.raw`^=LEFT\(${REF},(\d+)\)=${TEXT}$`, "i"),
    test: (m, text) => same(text(m[1]).slice(0, Number(m[2])), unquote(m[3])),
  },
  {
    re: new RegExp(String.raw`^=ISNUMBER\(SEARCH\(${TEXT},${REF}\)\)$`, "i"),
    test: (m, text) => text(m[2]).toLowerCase().includes(unquote(m[1]).replace(/~([~*?])/g, "$1").toLowerCase()),
  },
  {
    re: new RegExp(String.raw`^=${REF}=${TEXT}$`, "i"),
    test: (m, text) => same(text(m[1]), unquote(m[2])),
  },
];

function unquote(text: string): string {
  return text.replace(/""/g, '"');
}

/** Excel compares text case-insensitively. */
function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Cell reference `ref` (relative to `anchor`) as seen from cell (row, col). */
function shifted(ref: string, anchor: { row: number; col: number }, row: number, col: number): { row: number; col: number } {
  const at = parseA1(ref);
  if (!at) throw new Error(`not a cell reference: ${ref}`);
  const [, colPart, rowPart] = /^(\$?[A-Z]+)(\$?\d+)$/i.exec(ref)!;
  return {
    row: rowPart.startsWith("$") ? at.row : at.row + (row - anchor.row),
    col: colPart.startsWith("$") ? at.col : at.col + (col - anchor.col),
  };
}

/**
 * Whether one custom rule's formula is true at (row, col); only the shapes the host writes are
 * understood. A formula over an error cell (#N/A) is an error itself, which Excel takes as false.
 */
export function formulaHolds(sheet: SheetData, cf: ConditionalFormatData, row: number, col: number): boolean {
  let overError = false;
  const cellAt = (ref: string) => {
    const at = shifted(ref, cf.anchor, row, col);
    const cell = sheet.get(at.row, at.col);
    if (cell?.error) overError = true;
    return cell;
  };
  const cellText = (ref: string) => String(readValue(cellAt(ref)));
  const cellValue = (ref: string) => readValue(cellAt(ref));
  for (const shape of SHAPES) {
    const m = shape.re.exec(cf.formula);
    if (m) return shape.test(m, cellText, cellValue) && !overError;
  }
  throw new Error(`formula the memory workbook cannot evaluate: ${cf.formula}`);
}

export interface AppliedFormat {
  fill?: string;
  font?: string;
  /** Colour of the lines the format draws round the cell. */
  border?: string;
  bold?: boolean;
}

/**
 * The conditional format Excel would show on one cell: rules in priority order, each matching
 * rule filling in what earlier ones left unset, stopping at a matching rule with stopIfTrue.
 */
export function evaluateAt(sheet: SheetData, row: number, col: number): AppliedFormat | null {
  const applied: AppliedFormat = {};
  let any = false;
  for (const cf of sheet.conditionalFormats) {
    if (!cf.rects.some((r) => contains(r, row, col))) continue;
    if (!formulaHolds(sheet, cf, row, col)) continue;
    any = true;
    if (cf.fill && applied.fill === undefined) applied.fill = cf.fill;
    if (cf.font && applied.font === undefined) applied.font = cf.font;
    if (cf.border && applied.border === undefined) applied.border = cf.border;
    if (cf.bold !== undefined && applied.bold === undefined) applied.bold = cf.bold;
    if (cf.stopIfTrue) break;
  }
  return any ? applied : null;
}

/** The highlight whose fill the applied format shows, or null. */
export function highlightOf(format: AppliedFormat | null): Highlight | null {
  if (!format?.fill) return null;
  const fill = format.fill.toUpperCase();
  const hit = (Object.keys(HIGHLIGHT_COLOURS) as Highlight[]).find((h) => HIGHLIGHT_COLOURS[h].fill.toUpperCase() === fill);
  return hit ?? null;
}
