import { jsonBytes } from "../office/text";
import type { XlRange } from "../office/excel-api";
import type { MemoryCell } from "./cells";
import { writeOnly, type MemoryContext } from "./context";
import type { RangeTarget } from "./range";

/**
 * `range.format` of a memory range: write-only fill, font and column width, each queued as one
 * format operation over the whole range. `target` resolves the range at sync (and refuses a
 * protected sheet).
 */
export function rangeFormat(context: MemoryContext, target: () => RangeTarget): XlRange["format"] {
  const formatCells = (location: string, value: unknown, store: (cell: MemoryCell) => void) =>
    context.enqueueAt(location, jsonBytes(value ?? null), () => {
      const { sheet, rect } = target();
      sheet.forEachCell(rect, (r, c) => store(sheet.cell(r, c)));
      context.book.counters.formatOps++;
    });
  const format = writeOnly<XlRange["format"]>({
    columnWidth: (points: number) =>
      context.enqueueAt("RangeFormat.columnWidth", 8, () => {
        const { sheet, rect } = target();
        for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
        context.book.counters.formatOps++;
      }),
  });
  const fill = writeOnly({ color: (color: string) => formatCells("RangeFill.color", color, (cell) => (cell.fill = color)) });
  const font = writeOnly({
    color: (color: string) => formatCells("RangeFont.color", color, (cell) => (cell.fontColor = color)),
    bold: (bold: boolean) => formatCells("RangeFont.bold", bold, (cell) => (cell.bold = bold)),
    size: (size: number) => formatCells("RangeFont.size", size, (cell) => (cell.fontSize = size)),
  });
  Object.defineProperty(format, "fill", { value: fill, enumerable: true });
  Object.defineProperty(format, "font", { value: font, enumerable: true });
  return format;
}
