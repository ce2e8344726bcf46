import type { CellRange } from "../../engine/types";
import { MAX_COL, parseRect, type Rect } from "./address";
import { officeCode } from "./errors";
import type { XlContext, XlRange, XlRangeAreas } from "./excel-api";
import type { IsSetSupported } from "./runner";

/**
 * What the reader can learn besides values and number formats, by requirement set:
 * merged areas (getMergedAreasOrNullObject, ExcelApi 1.13) and formula cells without reading
 * their formulas (getSpecialCellsOrNullObject, ExcelApi 1.9). Without 1.9 the formulas
 * themselves are read with the values (a bigger answer, same syncs); without 1.13 merged areas
 * stay unknown and the grid carries no `merges` (an empty list means "known: none").
 */
export interface ReadFeatures {
  merges: boolean;
  specialCells: boolean;
}

export function readFeatures(isSetSupported: IsSetSupported): ReadFeatures {
  return { merges: isSetSupported("ExcelApi", "1.13"), specialCells: isSetSupported("ExcelApi", "1.9") };
}

/**
 * Where merged areas are asked for: the whole sheet (Excel only returns areas whose top-left
 * cell lies in the range asked, so asking the used range would miss a merge starting above or
 * left of it), the top rows only when the sheet has too many merged areas for Excel to list
 * (over 512), or nowhere.
 */
export type MergeScope = "sheet" | "top" | "none";

/** Rows the "top" scope covers: titles, notes and header rows are found there. */
export const MERGE_TOP_ROWS = 50;

export function mergeScopes(features: ReadFeatures): MergeScope[] {
  return features.merges ? ["sheet", "top", "none"] : ["none"];
}

/** Whether a failed read may be Excel refusing to list the merged areas (so a narrower scope may pass). */
export function mayBeMergeFailure(error: unknown): boolean {
  const code = officeCode(error);
  return code !== undefined && code !== "InvalidOperationInCellEditMode" && code !== "RequestPayloadSizeLimitExceeded" && code !== "ResponsePayloadSizeLimitExceeded";
}

export function queueMerges(context: XlContext, sheet: string, scope: MergeScope): XlRangeAreas | null {
  if (scope === "none") return null;
  const ws = context.workbook.worksheets.getItem(sheet);
  const range = scope === "sheet" ? ws.getRange() : ws.getRangeByIndexes(0, 0, MERGE_TOP_ROWS, MAX_COL + 1);
  const areas = range.getMergedAreasOrNullObject();
  areas.load("address");
  return areas;
}

/** The merged areas read, [] when there are none, undefined when they were not asked for. */
export function mergesOf(areas: XlRangeAreas | null): CellRange[] | undefined {
  if (!areas) return undefined;
  return areas.isNullObject ? [] : areaRects(areas.address);
}

/** Formula cells of `range` whose result is text ("" included): the only formulas that can look empty. */
export function queueFormulaCells(range: XlRange, features: ReadFeatures): XlRangeAreas | null {
  if (!features.specialCells) return null;
  const areas = range.getSpecialCellsOrNullObject("Formulas", "Text");
  areas.load("address");
  return areas;
}

export function formulaRectsOf(areas: XlRangeAreas | null): Rect[] {
  return !areas || areas.isNullObject ? [] : areaRects(areas.address);
}

/** "Sheet1!A1:B4,'My, sheet'!D1:D4" → rectangles (commas inside a quoted sheet name kept). */
export function areaRects(address: string): Rect[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.map((p) => parseRect(p.trim())).filter((r): r is Rect => r !== null);
}

/** A formula cell that shows nothing, as the engine takes it: taken, with no value to read. */
const formulaCell = (formula: string) => ({ formula });

/**
 * Marks the formula cells of `rects` (sheet coordinates) that read as blank in a grid whose
 * top-left is `origin`, so the engine never puts a result block over them. The formula text is
 * not known here: "=" stands for it.
 */
export function markFormulaRects(values: unknown[][], origin: { row: number; col: number }, rects: readonly Rect[]): void {
  for (const rect of rects) {
    const bottom = Math.min(rect.bottom, origin.row + values.length - 1);
    for (let r = Math.max(rect.top, origin.row); r <= bottom; r++) {
      const line = values[r - origin.row];
      const right = Math.min(rect.right, origin.col + line.length - 1);
      for (let c = Math.max(rect.left, origin.col); c <= right; c++) {
        const v = line[c - origin.col];
        if (v === null || v === "") line[c - origin.col] = formulaCell("=");
      }
    }
  }
}

/** Without ExcelApi 1.9: marks blank-looking cells whose `formulas` entry is a formula, with its text. */
export function markFromFormulas(values: unknown[][], formulas: unknown[][]): void {
  values.forEach((line, r) =>
    line.forEach((v, c) => {
      const f = formulas[r]?.[c];
      if ((v === null || v === "") && typeof f === "string" && f.startsWith("=")) line[c] = formulaCell(f);
    }),
  );
}
