import { EXCEL_ERRORS } from "../../engine/read/words";
import type { Rect } from "../office/address";
import type { MemoryCell, SheetData } from "./cells";
import { contains, intersects } from "./conditional";
import { MemoryOfficeError, invalidArgument } from "./errors";

/** Excel's getMergedAreas fails when the range holds more merged areas than this. */
export const MERGED_AREAS_LIMIT = 512;

const inside = (inner: Rect, outer: Rect) => inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;

/**
 * Merges `rect` (each of its rows on its own when `across`), as `range.merge()` does: merged
 * areas inside it are absorbed, one it crosses only in part is refused, and only the top-left
 * value of each new area is kept.
 */
export function mergeCells(sheet: SheetData, rect: Rect, across: boolean): void {
  const targets = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
  for (const target of targets) {
    if (sheet.merges.some((m) => intersects(m, target) && !inside(m, target))) {
      throw invalidArgument("Cannot merge cells that cross part of a merged area.");
    }
  }
  for (const target of targets) {
    if (target.top === target.bottom && target.left === target.right) continue;
    sheet.merges = sheet.merges.filter((m) => !inside(m, target));
    sheet.merges.push({ ...target });
    sheet.forEachCell(target, (r, c) => {
      if (r === target.top && c === target.left) return;
      const cell = sheet.get(r, c);
      if (!cell) return;
      cell.value = null;
      delete cell.formula;
      delete cell.error;
    });
  }
}

/** Unmerges every merged area `rect` touches, as `range.unmerge()` does. */
export function unmergeCells(sheet: SheetData, rect: Rect): void {
  sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
}

/** The merged areas whose top-left cell lies in `rect` (what Excel's getMergedAreas returns), or null. */
export function mergedAreasIn(sheet: SheetData, rect: Rect): Rect[] | null {
  const found = sheet.merges.filter((m) => contains(rect, m.top, m.left));
  if (found.length > MERGED_AREAS_LIMIT) {
    throw new MemoryOfficeError("GeneralException", `The range holds more than ${MERGED_AREAS_LIMIT} merged areas.`);
  }
  return found.length > 0 ? found.map((m) => ({ ...m })).sort((a, b) => a.top - b.top || a.left - b.left) : null;
}

export type SpecialCellType = "Formulas" | "Constants";
export type SpecialValueType = "All" | "Text";

function isError(value: MemoryCell["value"]): boolean {
  return typeof value === "string" && EXCEL_ERRORS.has(value.toUpperCase());
}

function matches(cell: MemoryCell | undefined, type: SpecialCellType, valueType: SpecialValueType): boolean {
  if (!cell) return false;
  const isFormula = cell.formula !== undefined;
  if (type === "Formulas" ? !isFormula : isFormula || cell.value === null) return false;
  if (valueType === "All") return true;
  // a formula whose result is "" is text, as in Excel's Go To Special
  return (cell.value === null || typeof cell.value === "string") && !isError(cell.value);
}

/**
 * Cells of `rect` of one kind, as rectangles (runs along each row, stacked where rows repeat),
 * like `getSpecialCellsOrNullObject`; null when there is none.
 */
export function specialCellsIn(sheet: SheetData, rect: Rect, type: SpecialCellType, valueType: SpecialValueType = "All"): Rect[] | null {
  if (type !== "Formulas" && type !== "Constants") throw invalidArgument(`The cell type “${String(type)}” is not modelled.`);
  if (valueType !== "All" && valueType !== "Text") throw invalidArgument(`The value type “${String(valueType)}” is not modelled.`);
  const out: Rect[] = [];
  let open: Rect[] = [];
  const bottom = Math.min(rect.bottom, sheet.rows.length - 1);
  for (let r = rect.top; r <= bottom; r++) {
    const runs: Rect[] = [];
    const line = sheet.rows[r];
    const right = Math.min(rect.right, (line?.length ?? 0) - 1);
    for (let c = rect.left; c <= right; c++) {
      if (!matches(line?.[c], type, valueType)) continue;
      const last = runs[runs.length - 1];
      if (last && last.right === c - 1) last.right = c;
      else runs.push({ top: r, bottom: r, left: c, right: c });
    }
    const next: Rect[] = [];
    for (const run of runs) {
      const above = open.find((o) => o.left === run.left && o.right === run.right && o.bottom === r - 1);
      if (above) {
        above.bottom = r;
        next.push(above);
      } else {
        out.push(run);
        next.push(run);
      }
    }
    open = next;
  }
  return out.length > 0 ? out : null;
}
