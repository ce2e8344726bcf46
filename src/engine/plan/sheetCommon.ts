import type { PlanCell } from "./types";
import { safeText } from "./text";

/** "2026-11-24" → "2026年11月24日", as an official document dates itself; anything else as it is. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The title of a document about a unit: "城关镇党委党员评议支部汇总表（2026年11月24日）", a note before the date when given. */
export function titleText(subject: string, unitName: string, today: string, note?: string): string {
  return safeText(`${unitName.trim()}${subject}（${note ? `${note}，` : ""}${chineseDate(today)}）`);
}

/** Row 0 of every sheet we create: the unit and the subject, dated. */
export function titleRow(subject: string, unitName: string, today: string, note?: string): PlanCell[] {
  return [titleText(subject, unitName, today, note)];
}

/**
 * Members between a chart's gridlines: a whole number (1, 2, 5, 10, 20, 50 …) giving at most
 * about eight gridlines up to the largest count, so the value axis counts people, never halves.
 */
export function wholeAxisUnit(largest: number): number {
  const raw = Math.max(1, largest) / 8;
  for (let scale = 1; ; scale *= 10) for (const step of [1, 2, 5]) if (step * scale >= raw) return step * scale;
}

/** A text's width in Excel's character units: CJK counted double, plus a little padding, at most `max`. */
export function displayWidth(text: string, max = Infinity): number {
  let w = 2;
  for (let i = 0; i < text.length && w < max; i++) w += text.charCodeAt(i) > 0x2e7f ? 2 : 1;
  return Math.min(max, w);
}

/** displayWidth(String(n)) without making the string: a summary sheet holds tens of thousands of counts. */
function numberWidth(n: number, max: number): number {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15 || !Number.isInteger(n * 10)) return displayWidth(String(n), max);
  let w = 2 + (n < 0 ? 1 : 0) + (Number.isInteger(n) ? 0 : 2);
  let whole = Math.floor(Math.abs(n));
  do {
    w++;
    whole = Math.floor(whole / 10);
  } while (whole > 0);
  return Math.min(max, w);
}

/** Column widths in characters: the longest text of each column (CJK counted double), clamped. */
export function fitWidths(rows: readonly PlanCell[][], fromRow: number, columns: number, min = 6, max = 40): number[] {
  const widths = new Array<number>(columns).fill(min);
  for (let r = fromRow; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < columns && c < row.length; c++) {
      const value = row[c];
      if (value === null || value === undefined) continue;
      const w = typeof value === "number" ? numberWidth(Math.round(value * 10) / 10, max) : displayWidth(value, max);
      if (w > widths[c]) widths[c] = w;
    }
  }
  return widths;
}

export const yesNo = (flag: boolean): string => (flag ? "是" : "否");

/** The widest row of a sheet plan, at least 1 (a loop: a city's register has more rows than Math.max takes arguments). */
export function planWidth(rows: readonly (readonly unknown[])[]): number {
  let width = 1;
  for (const row of rows) if (row.length > width) width = row.length;
  return width;
}
