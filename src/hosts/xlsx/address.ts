/** A1 addresses from 0-based sheet coordinates. */

import { a1 } from "../../engine/address";

export { a1, columnLetters } from "../../engine/address";

export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

/** Parses "B7" or "$B$7" into 0-based coordinates; null when it is not an address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parses "B7:D9" (or a single "B7") into 0-based inclusive bounds. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [first, second = first] = ref.split(":");
  const a = parseA1(first);
  const b = parseA1(second);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
