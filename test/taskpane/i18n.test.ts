import { FIELD_LABELS, RULE_LABELS } from "../../src/engine";
import type { IssueCode } from "../../src/engine/types";
import { catalogue, issueMessage, LOCALES, t, type MessageKey } from "../../src/i18n/t";
import { uiEn, uiZh } from "../../src/i18n/ui";
import { en } from "../../src/i18n/en";
import { localeFor } from "../../src/taskpane/context";

/** Every issue code (the type makes this list complete: a missing or extra code fails tsc). */
const ISSUE_CODES: Record<IssueCode, true> = {
  NO_MEMBER_TABLE: true,
  REGISTER_TOO_MANY_BRANCHES: true,
  NOT_MEMBER_TABLE: true,
  NO_NAME_COLUMN: true,
  HEADER_DUPLICATE: true,
  NAME_BLANK: true,
  BRANCH_BLANK: true,
  NOT_A_NUMBER: true,
  NEGATIVE_NUMBER: true,
  NOT_AN_INTEGER: true,
  PERCENT_OUT_OF_RANGE: true,
  PERCENT_AMBIGUOUS: true,
  NOT_YES_NO: true,
  UNKNOWN_GRADE: true,
  UNKNOWN_CATEGORY: true,
  ERROR_VALUE: true,
  ID_PRECISION_LOST: true,
  ATTENDED_EXCEEDS_DUE: true,
  DUPLICATE_MEMBER: true,
  AMBIGUOUS_NAME: true,
  ORPHAN_ROW: true,
  BALLOT_PRESENT_EXCEEDS_DUE: true,
  BALLOT_VOTES_EXCEED_PRESENT: true,
  CONFLICTING_VALUES: true,
  TEXT_TOO_LONG: true,
  DATE_NOT_EXPECTED: true,
  UNREADABLE_VALUE: true,
  AMBIGUOUS_NAME_NO_BRANCH: true,
  OUR_SHEET_EDITED: true,
  OUR_SHEET_RENAMED: true,
  OLD_SHEET_KEPT: true,
  MANUAL_GRADE_UNKNOWN: true,
  UNKNOWN_BATCH: true,
  NOT_ENTERED: true,
  NOT_ENTERED_NO_ROW: true,
  CELL_SET_ASIDE: true,
  CELLS_SET_ASIDE_MORE: true,
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("every UI key has a non-empty text in both languages with the same placeholders", () => {
  const keys = Object.keys(uiZh) as (keyof typeof uiZh)[];
  expect(Object.keys(uiEn).sort()).toEqual([...keys].sort());
  for (const key of keys) {
    expect(uiZh[key].trim()).not.toBe("");
    expect(uiEn[key].trim()).not.toBe("");
    expect({ key, vars: placeholders(uiEn[key]) }).toEqual({ key, vars: placeholders(uiZh[key]) });
  }
  // the English UI is English: no task-pane sentence left in Chinese only (names of sheets/grades aside)
  for (const key of keys.filter((k) => k.startsWith("ui."))) expect(uiEn[key]).toMatch(/[A-Za-z]|^\{/);
});

test("every issue code has a message in every language, and values fill the placeholders", () => {
  for (const code of Object.keys(ISSUE_CODES) as IssueCode[]) {
    for (const locale of LOCALES) {
      const template = catalogue(locale)[`issue.${code}` as MessageKey];
      expect({ code, locale, template: typeof template }).toEqual({ code, locale, template: "string" });
      const params = Object.fromEntries(placeholders(template).map((p) => [p, `〈${p}〉`]));
      const message = issueMessage({ code, sheet: "党员名单", cell: "B7", value: params.value, params }, locale);
      expect(message).not.toMatch(/\{\w+\}/);
    }
  }
});

test("the pane's language follows Office's display language", () => {
  expect(localeFor("en-US")).toBe("en");
  expect(localeFor("EN-gb")).toBe("en");
  expect(localeFor("zh-CN")).toBe("zh-CN");
  expect(localeFor("fr-FR")).toBe("zh-CN");
  expect(localeFor(undefined)).toBe("zh-CN");
  expect(t("ui.evaluate.running", { percent: 40 }, "en")).toBe("Evaluating… 40%");
});

test("the English pane has no Chinese left but quoted names (sheets, headers) — labels, rules, grades and settings included", () => {
  const paneKeys = (Object.keys(en) as MessageKey[]).filter((key) => /^(ui|field|rule|grade|scheme|settings)\./.test(key));
  expect(paneKeys.filter((key) => key.startsWith("field.")).length).toBe(Object.keys(FIELD_LABELS).length);
  const unquotedChinese = paneKeys
    .map((key) => ({ key, rest: en[key].replace(/“[^”]*”/g, "") }))
    .filter(({ rest }) => /[\u2e80-\u9fff\uff00-\uffef]/.test(rest))
    .map(({ key }) => key);
  expect(unquotedChinese).toEqual([]);
});

test("the Chinese rule names are the ones the sheets print (评议-说明 lists rules switched off by them)", () => {
  for (const [rule, label] of Object.entries(RULE_LABELS)) expect(t(`rule.${rule}` as MessageKey)).toBe(label);
  for (const field of Object.keys(FIELD_LABELS)) expect(t(`field.${field}` as MessageKey)).toContain(FIELD_LABELS[field as keyof typeof FIELD_LABELS]);
});
