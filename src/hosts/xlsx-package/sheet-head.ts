import { parseArea, areaA1, type Area } from "./cell-address";
import { attribute, setAttribute } from "./xml-text";
import { children, locate } from "./xml-children";

/** The part of a worksheet before `<sheetData>`: its dimension and column widths. */

/** The dimension widened to cover `area`. */
export function widenDimension(head: string, area: Area): string {
  const at = locate(head, "dimension");
  if (!at) return head;
  const tag = head.slice(at.start, at.end);
  const old = parseArea(attribute(tag, "ref") ?? "");
  const union = old
    ? { top: Math.min(old.top, area.top), left: Math.min(old.left, area.left), bottom: Math.max(old.bottom, area.bottom), right: Math.max(old.right, area.right) }
    : area;
  return head.slice(0, at.start) + setAttribute(tag, "ref", areaA1(union)) + head.slice(at.end);
}

interface ColRange {
  min: number;
  max: number;
  tag: string;
}

function colTag(range: ColRange, min: number, max: number, width?: number): string {
  let tag = setAttribute(setAttribute(range.tag, "min", String(min)), "max", String(max));
  if (width !== undefined) tag = setAttribute(setAttribute(tag, "width", String(width)), "customWidth", "1");
  return tag;
}

/**
 * Column widths set for the given 0-based columns; ranges of `<col>` that cover them are split
 * so the other columns keep what they had. `<cols>` is added before sheetData when missing.
 */
export function setColumnWidths(head: string, widths: Map<number, number>, prefix: string): string {
  if (widths.size === 0) return head;
  const at = locate(head, "cols");
  const ranges: ColRange[] = at
    ? children(head.slice(at.innerStart, at.innerEnd)).map((tag) => ({ min: Number(attribute(tag, "min")), max: Number(attribute(tag, "max")), tag }))
    : [];
  const out: { min: number; xml: string }[] = [];
  const ours = new Set([...widths.keys()].map((c) => c + 1));
  for (const range of ranges) {
    let start = range.min;
    for (let c = range.min; c <= range.max + 1; c++) {
      if (c <= range.max && !ours.has(c)) continue;
      if (start < c) out.push({ min: start, xml: start === range.min && c - 1 === range.max ? range.tag : colTag(range, start, c - 1) });
      if (c <= range.max) {
        out.push({ min: c, xml: colTag(range, c, c, widths.get(c - 1)) });
        ours.delete(c);
      }
      start = c + 1;
    }
  }
  for (const c of ours) out.push({ min: c, xml: `<${prefix}col min="${c}" max="${c}" width="${widths.get(c - 1)}" customWidth="1"/>` });
  out.sort((a, b) => a.min - b.min);
  const cols = `<${prefix}cols>${out.map((o) => o.xml).join("")}</${prefix}cols>`;
  if (at) return head.slice(0, at.start) + cols + head.slice(at.end);
  return head + cols;
}
