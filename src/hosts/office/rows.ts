import type { XlContext } from "./excel-api";
import { CALL_BYTES, type WriteUnit } from "./batches";
import { jsonBytes } from "./text";

/**
 * Units writing `rows` (already converted for Excel) at (top, left) of a sheet, one
 * `range.values` assignment each; a unit is cut between rows where a request is full.
 */
export function rowUnits(sheet: string, label: string, top: number, left: number, rows: (string | number)[][], onWritten: (cells: number) => void): WriteUnit[] {
  if (rows.length === 0) return [];
  const width = rows[0].length;
  const prefix = [0];
  const filled = [0];
  rows.forEach((row, i) => {
    prefix.push(prefix[i] + jsonBytes(row) + 1);
    filled.push(filled[i] + row.filter((v) => v !== "").length);
  });
  const unit = (from: number, to: number): WriteUnit => ({
    bytes: prefix[to] - prefix[from] + CALL_BYTES,
    sheet: label,
    queue: (context: XlContext) => {
      const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(top + from, left, to - from, width);
      range.values = rows.slice(from, to);
    },
    take: (bytes: number) => {
      // the most rows whose request fits in `bytes` (at least one), found in the prefix sums
      let lo = from + 1;
      let hi = to - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (prefix[mid] - prefix[from] + CALL_BYTES <= bytes) lo = mid;
        else hi = mid - 1;
      }
      return lo < to ? [unit(from, lo), unit(lo, to)] : undefined;
    },
    done: () => onWritten(filled[to] - filled[from]),
  });
  return [unit(0, rows.length)];
}
