import type { PlanCell } from "./types";
import { SHEET_MARK } from "./types";
import { safeText } from "./text";

/** Row 0 of every sheet we create: "先教评议助手 · 支部汇总 · 某单位（2026-11-24）". */
export function titleRow(what: string, unitName: string, today: string): PlanCell[] {
  const unit = unitName.trim() ? ` · ${unitName.trim()}` : "";
  return [safeText(`${SHEET_MARK} · ${what}${unit}（${today}）`)];
}

/** A text's width in Excel's character units: CJK counted double, plus a little padding, at most `max`. */
export function displayWidth(text: string, max = Infinity): number {
  let w = 2;
  for (let i = 0; i < text.length && w < max; i++) w += text.charCodeAt(i) > 0x2e7f ? 2 : 1;
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
      const text = typeof value === "number" ? String(Math.round(value * 10) / 10) : value;
      const w = displayWidth(text, max);
      if (w > widths[c]) widths[c] = w;
    }
  }
  return widths;
}

export const yesNo = (flag: boolean): string => (flag ? "是" : "否");
