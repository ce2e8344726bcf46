import type { RuleOff } from "../types";
import type { RuleSet } from "../rules";
import { ABOUT_KEYS, SHEET_NAMES, SUMMARY_FORMAT_VERSION, type PlanCell, type SheetPlan } from "./types";
import { RULE_LABELS } from "./labels";
import { ruleOffDetail } from "../../i18n/t";
import { titleRow } from "./sheetCommon";
import { safeText } from "./text";

export const RULES_OFF_TITLE = "未启用的规则（缺少的列）";

export interface AboutInput {
  rules: RuleSet;
  rulesOff: readonly RuleOff[];
  today: string;
  unitName: string;
  fingerprint: string;
}

/**
 * 评议-说明: key | value rows right under the title (ABOUT_KEYS, read back by the
 * consolidation), then the rules switched off and the columns they miss.
 */
export function buildAboutSheet(input: AboutInput): SheetPlan {
  const { rules } = input;
  const rows: PlanCell[][] = [
    titleRow("说明", input.unitName, input.today),
    [ABOUT_KEYS.format, SUMMARY_FORMAT_VERSION],
    [ABOUT_KEYS.unit, safeText(input.unitName)],
    [ABOUT_KEYS.today, input.today],
    [ABOUT_KEYS.scheme, safeText(String(rules.stages.scheme))],
    [ABOUT_KEYS.batchStart, rules.batchStart ? String(rules.batchStart) : ""],
    [ABOUT_KEYS.fingerprint, input.fingerprint],
    [ABOUT_KEYS.rules, JSON.stringify(rules)],
  ];
  const boldRows: number[] = [];
  if (input.rulesOff.length > 0) {
    rows.push([]);
    boldRows.push(rows.length);
    rows.push([RULES_OFF_TITLE]);
    for (const off of input.rulesOff) {
      rows.push([`${off.rule} ${RULE_LABELS[off.rule] ?? ""}`.trim(), safeText(ruleOffDetail(off))]);
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
    widths: [24, 80],
    highlights: [],
  };
}
