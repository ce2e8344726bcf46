import { isGroupHeaderText } from "../plan/types";
import type { CellRange } from "../types";
import { isBlank, plain, plainText } from "./cell";

const isOurs = (raw: unknown) => isGroupHeaderText(plainText(plain(raw)));

/**
 * 0-based grid column just past the user's last cell or merged region on `row` (0 when there
 * is none). A previous run's group header and its merge are ours and do not count. The result
 * block's group header goes on this row only right of it, so a note beside a title (填报日期…)
 * or a wide merged title is never covered.
 */
export function rowUserEnd(values: unknown[][], merges: readonly CellRange[], row: number): number {
  // the row may lie above the used range (negative in grid rows) and still cross a merge
  const cells: unknown[] = row >= 0 && Array.isArray(values[row]) ? values[row] : [];
  let end = 0;
  for (let c = cells.length - 1; c >= 0; c--) {
    if (!isBlank(cells[c]) && !isOurs(cells[c])) {
      end = c + 1;
      break;
    }
  }
  for (const m of merges) {
    if (m.top > row || m.bottom < row || m.right + 1 <= end) continue;
    const masterRow = m.top >= 0 && Array.isArray(values[m.top]) ? values[m.top] : [];
    if (m.left >= 0 && isOurs(masterRow[m.left])) continue;
    end = m.right + 1;
  }
  return end;
}

/**
 * The user's merged regions that reach a table's rows (from `fromRow` down): a result block
 * must start right of them, since a value written into a merged cell lands in its master.
 * A previous run's group header merge is ours and left out.
 */
export function userMergesFrom(values: unknown[][], merges: readonly CellRange[], fromRow: number): CellRange[] {
  return merges.filter((m) => {
    if (m.bottom < fromRow) return false;
    const masterRow = m.top >= 0 && Array.isArray(values[m.top]) ? values[m.top] : [];
    return !(m.left >= 0 && isOurs(masterRow[m.left]));
  });
}
