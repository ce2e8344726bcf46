import { RESULT_GROUP_HEADER, isGroupHeaderText, type ResultBlockPlan } from "../../engine/plan/types";
import { MAX_COL } from "./address";
import { CALL_BYTES, type WriteUnit } from "./batches";
import type { XlContext, XlRange, XlWorksheet } from "./excel-api";
import { GROUP_FILL, HEADER_FILL, highlightUnit } from "./highlights";
import { rowUnits } from "./rows";
import { TEXT_FORMAT, widthPoints } from "./text";
import { cellText } from "../../engine/xml-chars";

/** How far right of the block's first column the probe looks for a previous run's headers. */
const PROBE_EXTRA = 40;

/** What the first sync loads about a block's sheet. */
export interface BlockProbe {
  block: ResultBlockPlan;
  sheet: XlWorksheet;
  /** Strips of the row above the header and of the planned group-header row. */
  above: { row: number; range: XlRange }[];
  used: XlRange;
  width: number;
}

export function probeBlock(context: XlContext, block: ResultBlockPlan): BlockProbe {
  const sheet = context.workbook.worksheets.getItemOrNullObject(block.sheet);
  sheet.protection.load("protected");
  const width = Math.min(block.headers.length + PROBE_EXTRA, MAX_COL - block.firstColumn + 1);
  const strip = (row: number) => {
    const range = sheet.getRangeByIndexes(row, block.firstColumn, 1, width);
    range.load("values");
    return range;
  };
  const rows = new Set<number>();
  if (block.headerRow > 0) rows.add(block.headerRow - 1);
  if (block.groupHeaderRow !== null && block.groupHeaderRow >= 0 && block.groupHeaderRow !== block.headerRow) rows.add(block.groupHeaderRow);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(["rowIndex", "rowCount"]);
  return { block, sheet, above: [...rows].map((row) => ({ row, range: strip(row) })), used, width };
}

const isOurs = (value: unknown) => typeof value === "string" && isGroupHeaderText(value);

export interface BlockProgress {
  /** Some of the block's cells were written. */
  started: boolean;
  cells: number;
}

/**
 * Units replacing one result block: clear the previous block (values, formats and our
 * conditional formats, as wide as the plan says it was) and our old group header, format the new
 * block as text ("@") so Excel keeps every result as the text it is ("(12)", "#N/A", "1/5" and
 * "=…" included, which a General cell would turn into numbers, errors, dates and formulas), then
 * write the headers and group header, the rows in chunks, the highlights and the widths. Cells
 * outside the old and new block are never written; a user's text in the group-header row is
 * left alone.
 */
export function blockUnits(probe: BlockProbe, progress: BlockProgress): WriteUnit[] {
  const { block } = probe;
  const { sheet: name, firstColumn: first, headerRow, headers } = block;
  const oldWidth = block.previousWidth;
  const planLast = headerRow + block.rows.length;
  const usedLast = probe.used.isNullObject ? headerRow : probe.used.rowIndex + probe.used.rowCount - 1;
  const lastRow = Math.max(planLast, usedLast, headerRow);
  const oldGroupCells = probe.above.flatMap(({ row, range }) =>
    (range.values[0] as unknown[]).map((v, i) => (isOurs(v) ? { row, col: first + i } : null)).filter((c) => c !== null),
  );
  const g = block.groupHeaderRow;
  const groupCell = g === null || g < 0 ? undefined : probe.above.find((a) => a.row === g)?.range.values[0][0];
  const writeGroup = g !== null && g >= 0 && headers.length > 0 && (groupCell === undefined || groupCell === "" || groupCell === null || isOurs(groupCell));
  const sheetOf = (context: XlContext) => context.workbook.worksheets.getItem(name);
  const start = () => (progress.started = true);

  const units: WriteUnit[] = [];
  if (oldWidth > 0 || oldGroupCells.length > 0) {
    units.push({
      bytes: CALL_BYTES * (2 + oldGroupCells.length),
      sheet: name,
      queue: (context) => {
        const sheet = sheetOf(context);
        if (oldWidth > 0) {
          const old = sheet.getRangeByIndexes(headerRow, first, lastRow - headerRow + 1, oldWidth);
          old.conditionalFormats.clearAll();
          old.clear("All");
        }
        for (const cell of oldGroupCells) sheet.getCell(cell.row, cell.col).clear("All");
      },
      done: start,
    });
  }
  if (headers.length === 0) return units;

  units.push({
    bytes: CALL_BYTES * (7 + headers.length) + JSON.stringify(headers).length * 3,
    sheet: name,
    queue: (context) => {
      const sheet = sheetOf(context);
      // one value for the whole range: Excel applies it to every cell
      sheet.getRangeByIndexes(headerRow, first, block.rows.length + 1, headers.length).numberFormat = TEXT_FORMAT;
      const header = sheet.getRangeByIndexes(headerRow, first, 1, headers.length);
      header.values = [headers];
      header.format.font.bold = true;
      header.format.fill.color = HEADER_FILL;
      if (writeGroup) {
        const cell = sheet.getCell(g!, first);
        cell.values = [[RESULT_GROUP_HEADER]];
        cell.format.font.bold = true;
        cell.format.fill.color = GROUP_FILL;
      }
      block.widths.forEach((w, i) => {
        if (i < headers.length && w > 0) sheet.getRangeByIndexes(headerRow, first + i, 1, 1).format.columnWidth = widthPoints(w);
      });
    },
    done: () => {
      start();
      progress.cells += headers.length + (writeGroup ? 1 : 0);
    },
  });

  const rows = block.rows.map((row) => headers.map((_, c) => cellText(row[c] ?? "")));
  units.push(
    ...rowUnits(name, name, headerRow + 1, first, rows, (cells) => {
      start();
      progress.cells += cells;
    }),
  );
  const highlights = block.highlights.filter((h) => h.column < headers.length).map((h) => ({ column: first + h.column, rules: h.rules }));
  if (highlights.length > 0 && rows.length > 0) units.push({ ...highlightUnit(name, name, highlights, headerRow + 1, headerRow + rows.length), done: start });
  return units;
}
