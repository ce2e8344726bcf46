import type { RuleOff } from "../types";
import type { RuleSet } from "../rules";
import { ABOUT_KEYS, SHEET_NAMES, SUMMARY_FORMAT_VERSION, type PlanCell, type SheetPlan } from "./types";
import { RULE_LABELS } from "./labels";
import { ruleOffDetail } from "../../i18n/t";
import { chineseDate, titleRow } from "./sheetCommon";
import { datesSentence, ruleSentences, stagesSentence } from "./ruleSentences";
import { safeText } from "./text";

export const RULES_OFF_TITLE = "未启用的规则（缺少的列）";
export const ABOUT_SUBJECT = "本次评议依据";
export const TECHNICAL_SUBJECT = "评议技术信息（供汇总合并时核对，请勿修改）";

export interface AboutInput {
  rules: RuleSet;
  rulesOff: readonly RuleOff[];
  today: string;
  unitName: string;
  fingerprint: string;
}

/**
 * 评议-说明, read as 本次评议依据: who and when, each rule in one sentence with its threshold,
 * the stages and their dates, and the rules switched off with the columns they miss. The
 * technical lines (format, fingerprint, the rules as JSON) are on the technical sheet.
 */
export function buildAboutSheet(input: AboutInput): SheetPlan {
  const { rules } = input;
  const rows: PlanCell[][] = [
    titleRow(ABOUT_SUBJECT, input.unitName, input.today),
    ["评议单位", safeText(input.unitName.trim() || "（未填写）")],
    ["评议日期", chineseDate(input.today)],
    [],
    ["一、评议规则"],
  ];
  const boldRows = [rows.length - 1];
  for (const sentence of ruleSentences(rules)) rows.push([sentence.label, sentence.text]);
  rows.push([]);
  boldRows.push(rows.length);
  rows.push(["二、阶段安排"]);
  rows.push(["阶段方案", safeText(stagesSentence(rules))]);
  rows.push(["起算日期", datesSentence(rules)]);
  if (input.rulesOff.length > 0) {
    rows.push([]);
    boldRows.push(rows.length);
    rows.push([`三、${RULES_OFF_TITLE}`]);
    for (const off of input.rulesOff) {
      rows.push([`${RULE_LABELS[off.rule] ?? ""}（${off.rule}）`, safeText(ruleOffDetail(off))]);
    }
  }
  return {
    name: SHEET_NAMES.about,
    kind: "about",
    rows,
    headerRow: 0,
    boldRows,
    percentColumns: [],
    decimalColumns: [],
    widths: [22, 66],
    highlights: [],
    wrapColumns: [1],
  };
}

/**
 * 评议-技术信息 (hidden): key | value rows right under the title (ABOUT_KEYS), which the export
 * carries and the consolidation reads back: the format, the unit, the date, the rule fingerprint
 * and the rules as JSON.
 */
export function buildTechnicalSheet(input: AboutInput): SheetPlan {
  const { rules } = input;
  return {
    name: SHEET_NAMES.technical,
    kind: "technical",
    hidden: "hidden",
    rows: [
      [TECHNICAL_SUBJECT],
      [ABOUT_KEYS.format, SUMMARY_FORMAT_VERSION],
      [ABOUT_KEYS.unit, safeText(input.unitName)],
      [ABOUT_KEYS.today, input.today],
      [ABOUT_KEYS.scheme, safeText(String(rules.stages.scheme))],
      [ABOUT_KEYS.batchStart, rules.batchStart ? String(rules.batchStart) : ""],
      [ABOUT_KEYS.fingerprint, input.fingerprint],
      [ABOUT_KEYS.rules, JSON.stringify(rules)],
    ],
    headerRow: 0,
    boldRows: [],
    percentColumns: [],
    decimalColumns: [],
    widths: [24, 80],
    highlights: [],
  };
}
