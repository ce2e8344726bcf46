import type { Grade } from "../types";
import { GRADE_COLOURS, type HighlightRule } from "./types";

/*
 * Highlights of the result block, keyed on the cell text (CAMPAIGN_RULES §6). Within a column
 * the rules are mutually exclusive — a text matches at most one — because spreadsheet programs
 * disagree on which of several matching conditional formats wins (LibreOffice lets a later one
 * override an earlier stopIfTrue rule). Lists still run red → amber → green.
 */

const red = (match: HighlightRule["match"], text: string): HighlightRule => ({ match, text, colour: "red" });
const amber = (match: HighlightRule["match"], text: string): HighlightRule => ({ match, text, colour: "amber" });
const green = (match: HighlightRule["match"], text: string): HighlightRule => ({ match, text, colour: "green" });
/** A grade in its own colour (GRADE_COLOURS): the same in the chart, the pane and the sheet. */
const grade = (match: HighlightRule["match"], text: Grade): HighlightRule => ({ match, text, colour: GRADE_COLOURS[text] });

/** 学习情况 */
export const STUDY_HIGHLIGHTS: HighlightRule[] = [amber("beginsWith", "未达标")];
/** 满意度: "低于70：65". */
export const SATISFACTION_HIGHLIGHTS: HighlightRule[] = [amber("beginsWith", "低于")];
/** 书面申请 */
export const APPLICATION_HIGHLIGHTS: HighlightRule[] = [red("beginsWith", "未提出书面申请")];
/**
 * 评议等次, each grade in its own colour (GRADE_COLOURS): "合格" sits inside "不合格" and
 * "基本合格", so nothing here uses contains; a pending grade ("合格（待审批）", "合格（待公示）")
 * is amber, while "不合格（待审批）" stays red.
 */
export const GRADE_HIGHLIGHTS: HighlightRule[] = [
  grade("beginsWith", "不合格"),
  grade("beginsWith", "基本合格"),
  // 待审批 and 待公示 alike
  amber("beginsWith", "合格（待"),
  amber("beginsWith", "优秀（待"),
  grade("beginsWith", "待定"),
  grade("equals", "优秀"),
  grade("equals", "合格"),
  grade("equals", "不评定"),
];
/**
 * 处置建议: actions are written most serious first, so the first action's opening words decide
 * the colour (and one edited by hand recolours itself).
 */
export const ACTION_HIGHLIGHTS: HighlightRule[] = [
  red("beginsWith", "依照党章"),
  red("beginsWith", "连续"),
  red("beginsWith", "未提出书面申请"),
  red("beginsWith", "组织处置"),
  red("beginsWith", "评议不合格"),
  amber("beginsWith", "延长预备期"),
  amber("beginsWith", "重点帮助"),
  amber("beginsWith", "诫勉"),
  amber("beginsWith", "复核评优"),
  amber("beginsWith", "补学"),
  green("beginsWith", "表彰"),
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
