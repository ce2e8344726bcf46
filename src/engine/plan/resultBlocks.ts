import type { MemberResult, RecognisedTable } from "../types";
import type { RuleSet } from "../rules";
import { RESULT_HEADERS, type PlanName, type ResultBlockPlan } from "./types";
import { BLOCK_MARKER, rangeFormula } from "../memory/markers";
import type { RecordBuilder } from "../memory/record-builder";
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
export function buildResultBlocks(tables: readonly RecognisedTable[], results: readonly MemberResult[], rules: RuleSet, record?: RecordBuilder): ResultBlockPlan[] {
  const rosters = tables.filter((table) => table.isRoster);
  // Per roster: the block's rows, each member's cells put at their row as they are met.
  const rows = rosters.map((table) => new Array<string[] | undefined>(Math.max(0, table.lastRow - table.headerRow)));
  const filled = rosters.map(() => 0);
  const writer = new ResultCellWriter(rules);
  for (let i = 0; i < results.length; i++) {
    const result = results[i];
    const { sheet, row } = result.member;
    for (let t = 0; t < rosters.length; t++) {
      const table = rosters[t];
      if (table.sheet !== sheet || row <= table.headerRow || row > table.lastRow) continue;
      const at = row - table.headerRow - 1;
      // Two results on one row cannot happen with the reader's records; the first one wins.
      if (rows[t][at] === undefined) {
        const cells = writer.cells(result);
        rows[t][at] = cells;
        filled[t]++;
        const manual = result.manual;
        record?.add(sheet, row, result.member.key, cells[3], cells[4], manual?.grade !== undefined, manual?.outcome !== undefined);
      }
      break;
    }
  }
  const blocks: ResultBlockPlan[] = [];
  const headers: string[] = [...RESULT_HEADERS];
  rosters.forEach((table, t) => {
    if (filled[t] === 0) return;
    const firstColumn = table.resultBlockStart ?? table.userColumnEnd;
    blocks.push({
      sheet: table.sheet,
      firstColumn,
      previousWidth: table.resultBlockStart !== undefined ? (table.resultBlockWidth ?? 0) : 0,
      headerRow: table.headerRow,
      groupHeaderRow: groupHeaderRowOf(table, firstColumn),
      headers: [...headers],
      rows: withBlankRows(rows[t]),
      highlights: RESULT_HIGHLIGHTS.map((h) => ({ column: h.column, rules: [...h.rules] })),
      // wide enough for the header itself, which a secretary reads first
      widths: RESULT_WIDTHS.map((w, i) => Math.max(w, displayWidth(headers[i]))),
    });
  });
  return blocks;
}

/** The rows with "" in every cell of a row that has no member, so stale text from an earlier run is cleared. */
function withBlankRows(rows: (string[] | undefined)[]): string[][] {
  const width = RESULT_HEADERS.length;
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = new Array<string>(width).fill("");
  return rows as string[][];
}

/**
 * The block marker of each result block: its header cells, which Excel moves with the columns.
 * `marked` holds the sheets that already have one (replaced).
 */
export function blockMarkers(blocks: readonly ResultBlockPlan[], marked: ReadonlySet<string>): PlanName[] {
  return blocks.map((block) => ({
    replace: marked.has(block.sheet),
    sheet: block.sheet,
    name: BLOCK_MARKER,
    formula: rangeFormula(block.sheet, { top: block.headerRow, left: block.firstColumn, bottom: block.headerRow, right: block.firstColumn + block.headers.length - 1 }),
  }));
}
