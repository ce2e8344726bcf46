/** A1 references of the package: 0-based coordinates from and to "B7", "B7:D9", "$B$7". */

export function columnIndex(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + (code - 64);
    else if (code >= 97 && code <= 122) col = col * 26 + (code - 96);
    else if (code !== 36) break; // "$"
  }
  return col - 1;
}

import { a1 } from "../../engine/address";

export { a1, columnLetters } from "../../engine/address";

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const areaA1 = (a: Area): string => (a.top === a.bottom && a.left === a.right ? a1(a.top, a.left) : `${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`);

function parseCell(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** "B7:D9" or "B7" as 0-based inclusive bounds; null when it is not a cell reference. */
export function parseArea(ref: string): Area | null {
  const [first, second = first] = ref.split(":");
  const a = parseCell(first);
  const b = parseCell(second);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
