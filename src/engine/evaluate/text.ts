import type { Action, ActionCode } from "../types";

/**
 * A number as a spreadsheet shows and compares it: 15 significant digits. A total of hours such
 * as =SUM(12.1, 12.2, 12.3, 13.4) arrives as 49.99999999999999 and a 58% cell as
 * 57.99999999999999; Excel shows both as the round number and so must every rule.
 */
export function excelPrecision(n: number): number {
  if (Number.isInteger(n)) return n;
  // A city's members share a few hundred distinct values (49.5 hours, 17 of 19 votes): each is
  // printed and parsed once, not once per member.
  let shown = precise.get(n);
  if (shown === undefined) {
    shown = Number(n.toPrecision(15));
    if (precise.size >= PRECISE_LIMIT) precise.clear();
    precise.set(n, shown);
  }
  return shown;
}
const precise = new Map<number, number>();
const PRECISE_LIMIT = 50_000;

/** A value as the user sees it in the cell: 46 → "46", 49.9 → "49.9", 50.0 → "50". */
export function asWritten(n: number): string {
  return String(excelPrecision(n));
}

/** A computed value, rounded to at most two decimals: 50 − 49.9 → "0.1", 200 ÷ 3 → "66.67". */
export function rounded(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A shortfall to at most two decimals, rounded up so that it is never shown as 0: 0.001 → "0.01". */
export function shortfall(n: number): string {
  return String(Math.ceil(excelPrecision(n) * 100 - 1e-9) / 100);
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 6 → "六", 12 → "十二", 24 → "二十四"; outside 0–99 the digits themselves. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

const FRACTIONS: [number, string][] = [
  [1 / 2, "半数"],
  [1 / 3, "三分之一"],
  [2 / 3, "三分之二"],
  [1 / 4, "四分之一"],
  [3 / 4, "四分之三"],
];

/** 0.5 → "半数", 2/3 → "三分之二", 0.6 → "60%". */
export function shareText(share: number): string {
  for (const [value, text] of FRACTIONS) if (Math.abs(share - value) < 1e-9) return text;
  return `${rounded(share * 100)}%`;
}

function action(code: ActionCode, text: string): Action {
  return Object.freeze({ code, text });
}

/** Actions whose wording never depends on the member: shared, frozen objects. */
export const FIXED_ACTIONS = {
  DISCIPLINE: action("DISCIPLINE", "依照党章和《中国共产党纪律处分条例》处理"),
  WITHDRAW: action("WITHDRAW", "未提出书面申请，原则上按自愿退党或自行脱党处理（待支部确认）"),
  PROBATION: action("PROBATION", "延长预备期或取消预备党员资格（待支部确认）"),
  // The same outcome for a 预备党员, opening with what makes it red (§6), as for a 正式党员.
  PROBATION_NO_APPLICATION: action("PROBATION", "未提出书面申请：延长预备期或取消预备党员资格（待支部确认）"),
  PROBATION_UNQUALIFIED: action("PROBATION", "评议不合格：延长预备期或取消预备党员资格（待支部确认）"),
  DISPOSE: action("DISPOSE", "组织处置：限期改正（一般一年），经教育仍无转变的劝其退党或除名"),
  REWRITE: action("REWRITE", "重点帮助，重新撰写党性分析材料"),
  ADMONISH: action("ADMONISH", "诫勉谈话，指出差距，帮助改进"),
  COMMEND: action("COMMEND", "表彰"),
} as const;

/** 表彰 for a 优秀 still awaiting approval: seed 004 puts commendation after the higher committee's approval and public notice. */
export const COMMEND_AFTER_APPROVAL: Action = action("COMMEND", "表彰（经上级党委审批、公示后）");

/** R4's action, worded with the configured number of months ("连续六个月…"). */
export function removeAction(maxMonths: number): Action {
  return action("REMOVE", `连续${chineseNumeral(maxMonths)}个月不参加组织生活，按党章第九条视为自行脱党，予以除名（待支部确认）`);
}
