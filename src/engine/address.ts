/** A1 addresses from 0-based sheet coordinates, and back: shared by the engine and every host. */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "B7" for sheet row 6, column 1. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rectA1(rect: Rect): string {
  const start = a1(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right ? start : `${start}:${a1(rect.bottom, rect.right)}`;
}

function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** Parses "B7" or "$B$7" into 0-based coordinates; null when it is not a cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnNumber(m[1]) };
}

/** Last row and column Excel has (1,048,576 × 16,384), 0-based. */
export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

/**
 * Parses "B7:D9", "B7", "C:E" or "3:5" (optionally "Sheet!…") into 0-based inclusive bounds;
 * null when it is not one rectangular address.
 */
export function parseRect(address: string): Rect | null {
  const bang = address.lastIndexOf("!");
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").trim();
  const [first, second = first] = ref.split(":");
  const cols = /^([A-Z]{1,3})$/i;
  const rows = /^(\d+)$/;
  if (cols.test(first) && cols.test(second)) {
    const a = columnNumber(first);
    const b = columnNumber(second);
    return { top: 0, left: Math.min(a, b), bottom: MAX_ROW, right: Math.max(a, b) };
  }
  if (rows.test(first) && rows.test(second)) {
    const a = Number(first) - 1;
    const b = Number(second) - 1;
    if (a < 0 || b < 0) return null;
    return { top: Math.min(a, b), left: 0, bottom: Math.max(a, b), right: MAX_COL };
  }
  const a = parseA1(first);
  const b = parseA1(second);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
