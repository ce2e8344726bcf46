import type { HighlightRule } from "./types";

/*
 * Highlights of the result block, keyed on the cell text (CAMPAIGN_RULES §6). Every list is
 * ordered red → amber → green and the first matching rule wins, so "不合格" and "基本合格"
 * are caught before "合格", and "合格（待审批）" is amber, not green.
 */

const red = (match: HighlightRule["match"], text: string): HighlightRule => ({ match, text, colour: "red" });
const amber = (match: HighlightRule["match"], text: string): HighlightRule => ({ match, text, colour: "amber" });
const green = (match: HighlightRule["match"], text: string): HighlightRule => ({ match, text, colour: "green" });

/** 学习情况 */
export const STUDY_HIGHLIGHTS: HighlightRule[] = [amber("beginsWith", "未达标")];
/** 满意度: "低于70：65". */
export const SATISFACTION_HIGHLIGHTS: HighlightRule[] = [amber("beginsWith", "低于")];
/** 书面申请 */
export const APPLICATION_HIGHLIGHTS: HighlightRule[] = [red("beginsWith", "未提出书面申请")];
/** 评议等次: begins-with only, never "contains 合格". */
export const GRADE_HIGHLIGHTS: HighlightRule[] = [
  red("beginsWith", "不合格"),
  amber("beginsWith", "基本合格"),
  amber("contains", "待审批"),
  amber("beginsWith", "待定"),
  green("beginsWith", "优秀"),
  green("beginsWith", "合格"),
];
/** 处置建议: the most serious action comes first in the cell, and red is tested first. */
export const ACTION_HIGHLIGHTS: HighlightRule[] = [
  red("contains", "纪律处分"),
  red("contains", "违纪"),
  red("contains", "除名"),
  red("contains", "自行脱党"),
  red("contains", "组织处置"),
  amber("contains", "延长预备期"),
  amber("contains", "重新撰写"),
  amber("contains", "诫勉"),
  amber("contains", "复核评优"),
  amber("contains", "补学"),
  green("contains", "表彰"),
];

/** Highlights per result column (offset in RESULT_HEADERS order); 问题说明 has none. */
export const RESULT_HIGHLIGHTS: { column: number; rules: HighlightRule[] }[] = [
  { column: 0, rules: STUDY_HIGHLIGHTS },
  { column: 1, rules: SATISFACTION_HIGHLIGHTS },
  { column: 2, rules: APPLICATION_HIGHLIGHTS },
  { column: 3, rules: GRADE_HIGHLIGHTS },
  { column: 4, rules: ACTION_HIGHLIGHTS },
];

/** What a host does with a rule list: the colour of the first rule the text matches. */
export function highlightFor(text: string, rules: readonly HighlightRule[]): HighlightRule["colour"] | null {
  for (const rule of rules) {
    const hit =
      rule.match === "equals" ? text === rule.text : rule.match === "beginsWith" ? text.startsWith(rule.text) : text.includes(rule.text);
    if (hit) return rule.colour;
  }
  return null;
}
