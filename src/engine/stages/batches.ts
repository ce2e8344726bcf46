/**
 * The three batches of seed 000: 第一批 县及县以上党政机关和部分企事业单位 (1–6 月),
 * 第二批 城市基层和乡镇机关 (7–12 月), 第三批 农村 (次年 1–6 月).
 */

export type BatchName = "第一批" | "第二批" | "第三批";

export interface BatchDef {
  name: BatchName;
  scope: string;
  /** Months counted from January of the campaign's first year: 1–6, 7–12, 13–18. */
  firstMonth: number;
  lastMonth: number;
  /** Plain Chinese period, e.g. "次年 1–6 月". */
  period: string;
}

export const BATCHES: readonly BatchDef[] = [
  { name: "第一批", scope: "县及县以上党政机关和部分企事业单位", firstMonth: 1, lastMonth: 6, period: "1–6 月" },
  { name: "第二批", scope: "城市基层和乡镇机关", firstMonth: 7, lastMonth: 12, period: "7–12 月" },
  { name: "第三批", scope: "农村", firstMonth: 13, lastMonth: 18, period: "次年 1–6 月" },
];

/** Where members whose 批次 is blank or unknown are summarised (their stages follow the one batch start). */
export const NO_BATCH_LABEL = "未填批次";

const NUMERALS: Record<string, number> = { "1": 1, "2": 2, "3": 3, 一: 1, 二: 2, 三: 3, 壹: 1, 贰: 2, 叁: 3 };
// Full-width digits, spaces of either width; "第 1 批", "1批", "一批次", "第一批" all match.
const BATCH_TEXT = /^第?([123一二三壹贰叁])批次?$/;

/** The batch named by `text` (第1批 / 一批 / 第一批 / 第 1 批次 / "1"), or undefined. */
export function batchOf(text: unknown): BatchName | undefined {
  if (typeof text === "number") return Number.isInteger(text) && text >= 1 && text <= 3 ? BATCHES[text - 1].name : undefined;
  if (typeof text !== "string") return undefined;
  const compact = text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, "");
  const m = BATCH_TEXT.exec(compact);
  const n = m ? NUMERALS[m[1]] : NUMERALS[compact];
  return n === undefined ? undefined : BATCHES[n - 1].name;
}

/** The batch's definition by name. */
export function batchDef(name: BatchName): BatchDef {
  return BATCHES.find((b) => b.name === name) as BatchDef;
}

/** The usual start date of a batch in a campaign that begins in `year`: 第三批 starts the next January. */
export function batchDefaultStart(name: BatchName, year: number): string {
  const def = batchDef(name);
  const y = year + Math.floor((def.firstMonth - 1) / 12);
  const m = ((def.firstMonth - 1) % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-01`;
}
