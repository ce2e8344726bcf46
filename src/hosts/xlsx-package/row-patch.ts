import { a1, columnIndex } from "./cell-address";
import type { OurCell, RowEdit } from "./block-edit";
import { cellText } from "../../engine/xml-chars";
import { attribute, escapeText, removeAttribute, setAttribute } from "./xml-text";

/**
 * An inline-string cell: our text is never a formula or a shared string, whatever it starts
 * with, and holds what a cell can (no character XML forbids, at most 32,767 characters).
 */
export function textCell(row: number, col: number, value: string, style: number | null, p = ""): string {
  const text = cellText(value);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<${p}c r="${a1(row, col)}"${style !== null ? ` s="${style}"` : ""} t="inlineStr"><${p}is><${p}t${space}>${escapeText(text)}</${p}t></${p}is></${p}c>`;
}

interface ExistingCell {
  col: number;
  xml: string;
  style: number | null;
  hasValue: boolean;
}

/** The cells of a row's inner XML, each with its column (cells without `r` get one). */
function cellsOf(inner: string, row: number, prefix: string): { cells: ExistingCell[]; rest: string } {
  const cells: ExistingCell[] = [];
  const open = new RegExp(`<${prefix}c\\b(?:[^>"']|"[^"]*"|'[^']*')*?(/?)>`, "g");
  const close = `</${prefix}c>`;
  let rest = "";
  let at = 0;
  let col = -1;
  let m: RegExpExecArray | null;
  while ((m = open.exec(inner)) !== null) {
    rest += inner.slice(at, m.index).trim();
    let tag = m[0];
    let end = m.index + tag.length;
    if (!m[1]) {
      const closeAt = inner.indexOf(close, end);
      end = closeAt < 0 ? inner.length : closeAt + close.length;
    }
    const r = attribute(tag, "r");
    col = r ? columnIndex(r) : col + 1;
    if (!r) tag = setAttribute(tag, "r", a1(row, col));
    const xml = tag + inner.slice(m.index + m[0].length, end);
    const s = attribute(tag, "s");
    cells.push({ col, xml, style: s === undefined ? null : Number(s), hasValue: !m[1] && /<(?:[\w.-]+:)?(?:v|f|is)\b/.test(xml) });
    at = end;
    open.lastIndex = end;
  }
  rest += inner.slice(at).trim();
  return { cells, rest };
}

/**
 * A row with the block's cells set: ours replace any cell in their column (keeping its style
 * when ours has none), cleared cells go, the rest stay as written, all in column order.
 */
export function patchRow(startTag: string, inner: string, endTag: string, row: number, edit: RowEdit, prefix: string): string {
  const { cells, rest } = cellsOf(inner, row, prefix);
  const ours: OurCell[] = edit.cells;
  const out: string[] = [];
  let o = 0;
  let dropped = false;
  const emitOursBefore = (col: number) => {
    for (; o < ours.length && ours[o].col < col; o++) out.push(textCell(row, ours[o].col, ours[o].text, ours[o].style, prefix));
  };
  for (const cell of cells) {
    emitOursBefore(cell.col);
    if (o < ours.length && ours[o].col === cell.col) {
      const mine = ours[o++];
      out.push(textCell(row, mine.col, mine.text, mine.style ?? cell.style, prefix));
    } else if (!edit.drops(cell.col, cell.hasValue)) out.push(cell.xml);
    else dropped = true;
  }
  emitOursBefore(Infinity);
  // spans hints at the row's columns: stale once cells come or go, kept when the row is as it was
  let tag = ours.length > 0 || dropped ? removeAttribute(startTag, "spans") : startTag;
  if (attribute(tag, "r") === undefined) tag = setAttribute(tag, "r", String(row + 1));
  if (tag.endsWith("/>")) tag = tag.slice(0, -2).trimEnd() + ">";
  return `${tag}${out.join("")}${rest}${endTag || `</${prefix}row>`}`;
}

/** A row that was not in the sheet, holding only our cells. */
export function newRow(row: number, edit: RowEdit, prefix: string): string {
  if (edit.cells.length === 0) return "";
  return `<${prefix}row r="${row + 1}">${edit.cells.map((c) => textCell(row, c.col, c.text, c.style, prefix)).join("")}</${prefix}row>`;
}
