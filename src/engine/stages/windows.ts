import { XianjiaoError } from "../../errors";
import type { StageWindow } from "../types";
import type { RuleSet } from "../rules/schema";
import { addDays, addMonths, isIsoDate, isoToDayNumber } from "./dates";
import { batchDef, type BatchName } from "./batches";

/**
 * The start date of a batch: the rule set's own date for it, else counted from the one batch
 * start (第一批 on it, 第二批 six months and 第三批 twelve months after, as seed 000 spaces them).
 * Without a batch (a workbook with no 批次 column, or a member whose 批次 is blank or unknown)
 * it is the one batch start. null when no date can be had.
 */
export function batchStartDate(rules: RuleSet, batch?: BatchName): string | null {
  const campaign = rules.batchStart !== null && isIsoDate(rules.batchStart) ? rules.batchStart : null;
  if (batch === undefined) return campaign;
  const own = rules.batches?.[batch] ?? null;
  if (own !== null && isIsoDate(own)) return own;
  return campaign === null ? null : addMonths(campaign, batchDef(batch).firstMonth - 1);
}

/**
 * Each stage's window from `rules.batchStart` (or, given a batch, from that batch's start): a
 * stage of N days starting D covers D … D+N−1 and the next stage starts the day after. Status
 * against `today` (ISO): before the window 未开始, inside it (both ends included) 进行中, after
 * it 已结束.
 *
 * With no start date, the windows cannot be placed on the calendar: every window comes back
 * with start "" and end "" and status 未定, so summaries still list the stages by name.
 * A `today` that is not a real YYYY-MM-DD date is misuse by the caller and throws BAD_DATE.
 */
export function stageWindows(rules: RuleSet, today: string, batch?: BatchName): StageWindow[] {
  if (!isIsoDate(today)) throw new XianjiaoError("BAD_DATE", { option: "today", value: String(today) });
  const list = rules.stages.list;
  const first = batchStartDate(rules, batch);
  if (first === null) {
    return list.map((s) => ({ name: s.name, start: "", end: "", status: "未定" as const }));
  }
  const todayNumber = isoToDayNumber(today);
  const windows: StageWindow[] = [];
  let start = first;
  for (const stage of list) {
    const end = addDays(start, stage.days - 1);
    const startNumber = isoToDayNumber(start);
    const endNumber = startNumber + stage.days - 1;
    const status = todayNumber < startNumber ? "未开始" : todayNumber > endNumber ? "已结束" : "进行中";
    windows.push({ name: stage.name, start, end, status });
    start = addDays(end, 1);
  }
  return windows;
}

/** The stage in progress on `today`, or undefined (before, after, or no batch start). */
export function currentStageIndex(windows: readonly StageWindow[]): number | undefined {
  const i = windows.findIndex((w) => w.status === "进行中");
  return i === -1 ? undefined : i;
}
