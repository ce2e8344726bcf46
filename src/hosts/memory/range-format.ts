import type { Rect } from "../office/address";
import { jsonBytes } from "../office/text";
import type { XlBorder, XlBorderIndex, XlRange } from "../office/excel-api";
import type { CellEdge, MemoryCell, SheetData } from "./cells";
import { writeOnly, type MemoryContext } from "./context";
import { invalidArgument } from "./errors";
import type { RangeTarget } from "./range";

const BLACK = "#000000";
const BORDER_INDEXES: readonly XlBorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"];

/** The cell edges a border index of a range stands for, as [row, column, edge] of each cell it lines. */
function edgesOf(rect: Rect, index: XlBorderIndex, visit: (row: number, col: number, edge: CellEdge) => void): void {
  const { top, bottom, left, right } = rect;
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      if (index === "EdgeTop" && r === top) visit(r, c, "top");
      if (index === "EdgeBottom" && r === bottom) visit(r, c, "bottom");
      if (index === "EdgeLeft" && c === left) visit(r, c, "left");
      if (index === "EdgeRight" && c === right) visit(r, c, "right");
      if (index === "InsideHorizontal") {
        if (r > top) visit(r, c, "top");
        if (r < bottom) visit(r, c, "bottom");
      }
      if (index === "InsideVertical") {
        if (c > left) visit(r, c, "left");
        if (c < right) visit(r, c, "right");
      }
    }
  }
}

/**
 * `format.borders` of a range (or of every rectangle of a RangeAreas): `getItem(index)` gives
 * one edge whose `style` ("Continuous" draws a black line, "None" removes it) and `color` (which
 * draws the line in that colour) are write-only, each one format operation over the whole range.
 */
export function rangeBorders(context: MemoryContext, target: () => { sheet: SheetData; rects: Rect[] }): { getItem(index: XlBorderIndex): XlBorder } {
  const apply = (location: string, value: unknown, index: XlBorderIndex, store: (cell: MemoryCell, edge: CellEdge) => void) =>
    context.enqueueAt(location, jsonBytes(value ?? null) + index.length, () => {
      const { sheet, rects } = target();
      for (const rect of rects) edgesOf(rect, index, (r, c, edge) => store(sheet.cell(r, c), edge));
      context.book.counters.formatOps++;
    });
  return {
    getItem: (index: XlBorderIndex) => {
      if (!BORDER_INDEXES.includes(index)) throw invalidArgument(`The border index “${index}” is not valid.`, "RangeBorderCollection.getItem");
      return writeOnly<XlBorder>({
        style: (style: string) =>
          apply("RangeBorder.style", style, index, (cell, edge) => {
            if (style === "None") {
              if (cell.borders) delete cell.borders[edge];
            } else (cell.borders ??= {})[edge] = cell.borders?.[edge] ?? BLACK;
          }),
        color: (color: string) => apply("RangeBorder.color", color, index, (cell, edge) => ((cell.borders ??= {})[edge] = color)),
      });
    },
  };
}

/**
 * `range.format` of a memory range: write-only fill, font, column width, wrapping, vertical
 * alignment and borders, each queued as one format operation over the whole range, and
 * `autofitRows()`. `target` resolves the range at sync (and refuses a protected sheet).
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
    wrapText: (wrap: boolean) => formatCells("RangeFormat.wrapText", wrap, (cell) => (cell.wrap = wrap)),
    verticalAlignment: (alignment: string) =>
      formatCells("RangeFormat.verticalAlignment", alignment, (cell) => {
        if (alignment !== "Top" && alignment !== "Center" && alignment !== "Bottom") throw invalidArgument(`The alignment “${alignment}” is not valid.`, "RangeFormat.verticalAlignment");
        cell.verticalAlignment = alignment;
      }),
  });
  const fill = writeOnly({ color: (color: string) => formatCells("RangeFill.color", color, (cell) => (cell.fill = color)) });
  const font = writeOnly({
    color: (color: string) => formatCells("RangeFont.color", color, (cell) => (cell.fontColor = color)),
    bold: (bold: boolean) => formatCells("RangeFont.bold", bold, (cell) => (cell.bold = bold)),
    size: (size: number) => formatCells("RangeFont.size", size, (cell) => (cell.fontSize = size)),
  });
  const borders = rangeBorders(context, () => {
    const { sheet, rect } = target();
    return { sheet, rects: [rect] };
  });
  const autofitRows = () =>
    context.enqueueAt("RangeFormat.autofitRows", 0, () => {
      const { sheet, rect } = target();
      sheet.autofitRows.push({ ...rect });
      context.book.counters.formatOps++;
    });
  Object.defineProperty(format, "fill", { value: fill, enumerable: true });
  Object.defineProperty(format, "font", { value: font, enumerable: true });
  Object.defineProperty(format, "borders", { value: borders, enumerable: true });
  Object.defineProperty(format, "autofitRows", { value: autofitRows, enumerable: true });
  return format;
}
