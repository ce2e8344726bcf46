/**
 * Text the plan writes. A value that starts with = + - or @ would become a formula in a
 * spreadsheet; its first character is replaced by the full-width form (＝ ＋ － ＠), which reads
 * the same to a person, needs no hidden character, and is plain text in every host.
 */
const FULL_WIDTH: Record<number, string> = { 61: "＝", 43: "＋", 45: "－", 64: "＠" };

export function safeText(text: string): string {
  const first = text.charCodeAt(0);
  // = 61, + 43, - 45, @ 64: the only starts that need a change.
  if (first !== 61 && first !== 43 && first !== 45 && first !== 64) return text;
  return FULL_WIDTH[first] + text.slice(1);
}

/** A number for a sentence: integers as is, others to at most two decimals. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 100) / 100);
}

/** One decimal, rounded down, so a value below a threshold never prints as the threshold. */
export function formatBelow(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Math.floor(value * 10 + 1e-9) / 10);
}

/** One decimal, rounded. */
export function formatOneDecimal(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 10) / 10);
}

/** 0-based column → letters ("A", "AB"). */
export function columnLetters(col: number): string {
  let letters = "";
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "B7" → { row: 6, col: 1 }; null for "" or anything else. */
export function parseA1(cell: string): { row: number; col: number } | null {
  const match = /^([A-Za-z]{1,3})(\d+)$/.exec(cell);
  if (!match) return null;
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** Text as every host writes it into a cell (see xml-chars): the hash of what we wrote is taken over it. */
export { cellText as writtenText } from "../xml-chars";
