import type { MemberResult, RecognisedTable } from "../types";
import type { RuleSet } from "../rules";
import { RESULT_HEADER_MARK, RESULT_HEADERS, type ResultBlockPlan } from "./types";
import { RESULT_HIGHLIGHTS } from "./highlights";
import { ResultCellWriter } from "./resultCells";
import { displayWidth } from "./sheetCommon";

const RESULT_WIDTHS = [24, 12, 14, 16, 36, 48];

/**
 * The row a group header may use: the top of a two-row header, else the row above; null when
 * there is none or when a user cell or merge on it reaches the block's first column.
 */
function groupHeaderRowOf(table: RecognisedTable, firstColumn: number): number | null {
  const row = table.headerTop < table.headerRow ? table.headerTop : table.headerRow - 1;
  if (row < 0) return null;
  return table.groupRowEnd !== undefined && table.groupRowEnd > firstColumn ? null : row;
}

/**
 * One block per roster table that holds members, on the roster's own sheet. It starts where a
 * previous run's block was (replacing it) or just past the user's last column, and covers every
 * row from below the header to the end of the used range: rows without a member get "" so
 * stale text from an earlier run is cleared.
 */
export function buildResultBlocks(tables: readonly RecognisedTable[], results: readonly MemberResult[], rules: RuleSet): ResultBlockPlan[] {
  const rosters = tables.filter((table) => table.isRoster);
  // Per roster: row offsets (from the first data row) and cells, pushed in the order met.
  const offsets = rosters.map((): number[] => []);
  const cells = rosters.map((): string[][] => []);
  const writer = new ResultCellWriter(rules);
  for (let i = 0; i < results.length; i++) {
    const result = results[i];
    const { sheet, row } = result.member;
    for (let t = 0; t < rosters.length; t++) {
      const table = rosters[t];
      if (table.sheet !== sheet || row <= table.headerRow || row > table.lastRow) continue;
      offsets[t].push(row - table.headerRow - 1);
      cells[t].push(writer.cells(result));
      break;
    }
  }
  const blocks: ResultBlockPlan[] = [];
  const headers = RESULT_HEADERS.map((header) => RESULT_HEADER_MARK + header);
  rosters.forEach((table, t) => {
    if (offsets[t].length === 0) return;
    const firstColumn = table.resultBlockStart ?? table.userColumnEnd;
    blocks.push({
      sheet: table.sheet,
      firstColumn,
      headerRow: table.headerRow,
      groupHeaderRow: groupHeaderRowOf(table, firstColumn),
      headers: [...headers],
      rows: denseRows(table.lastRow - table.headerRow, offsets[t], cells[t]),
      highlights: RESULT_HIGHLIGHTS.map((h) => ({ column: h.column, rules: [...h.rules] })),
      // wide enough for the marked header itself, which a secretary reads first
      widths: RESULT_WIDTHS.map((w, i) => Math.max(w, displayWidth(headers[i]))),
    });
  });
  return blocks;
}

/**
 * `count` rows, member cells at their offsets and blank rows elsewhere. Built by pushing in
 * order: a preallocated `new Array(count)` of this size would be a slow sparse array.
 */
function denseRows(count: number, offsets: number[], cells: string[][]): string[][] {
  let order: number[] | null = null;
  for (let i = 1; i < offsets.length; i++) {
    if (offsets[i] < offsets[i - 1]) {
      order = offsets.map((_, k) => k).sort((a, b) => offsets[a] - offsets[b]);
      break;
    }
  }
  const width = RESULT_HEADERS.length;
  const rows: string[][] = [];
  let next = 0;
  const at = (n: number) => offsets[order ? order[n] : n];
  for (let r = 0; r < count; r++) {
    // Two results on one row cannot happen with the reader's records; the first one wins.
    while (next < offsets.length && at(next) < r) next++;
    if (next < offsets.length && at(next) === r) {
      rows.push(cells[order ? order[next] : next]);
      next++;
    } else rows.push(new Array<string>(width).fill(""));
  }
  return rows;
}
