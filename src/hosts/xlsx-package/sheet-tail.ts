import { parseArea, type Area } from "./cell-address";
import { attribute, setAttribute } from "./xml-text";
import { children } from "./xml-children";

/**
 * Worksheet elements after sheetData, in the order the schema requires them: an element we
 * add goes before the first one that must follow it.
 */
export const TAIL_ORDER = [
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export const tailRank = (name: string): number => TAIL_ORDER.indexOf(name);

export interface TailEdit {
  /** Merges to drop and the one to add. */
  dropMerges: Area[];
  addMerge: Area | null;
  /** Conditional formats lying wholly in these columns, from `fromRow` down, are a previous run's: dropped. */
  clearFormats: { left: number; right: number; fromRow: number } | null;
  /** Our conditional formats, made once the highest priority in use is known. */
  formats: (nextPriority: number) => string;
}

const same = (a: Area, b: Area) => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

/** mergeCells with the previous group header's merge dropped and the new one added. */
export function patchMergeCells(element: string, edit: TailEdit, mergeXml: (area: Area) => string): string {
  const open = /^<[^>]*?\/?>/.exec(element)![0];
  const inner = open.endsWith("/>") ? "" : element.slice(open.length, element.lastIndexOf("</"));
  const kept = children(inner).filter((tag) => {
    const area = parseArea(attribute(tag, "ref") ?? "");
    return !(area && edit.dropMerges.some((d) => same(d, area)));
  });
  if (edit.addMerge) kept.push(mergeXml(edit.addMerge));
  if (kept.length === 0) return "";
  const name = /^<([\w.:-]+)/.exec(open)![1];
  return `${setAttribute(open.replace(/\s*\/>$/, ">"), "count", String(kept.length))}${kept.join("")}</${name}>`;
}

/** True when a conditional format is a previous run's highlight on the block's columns. */
export function isOldHighlight(element: string, clear: NonNullable<TailEdit["clearFormats"]>): boolean {
  const sqref = attribute(/^<[^>]*>/.exec(element)![0], "sqref") ?? "";
  const parts = sqref.trim().split(/\s+/).map(parseArea);
  return parts.length > 0 && parts.every((r) => r !== null && r.left >= clear.left && r.right <= clear.right && r.top >= clear.fromRow);
}

/** The highest cfRule priority in a conditional format. */
export function maxPriority(element: string): number {
  let max = 0;
  for (const m of element.matchAll(/\spriority\s*=\s*"(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}
