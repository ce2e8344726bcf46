import { SHEET_MARK, type WorkbookInput } from "../engine";
import type { Locale } from "../i18n/t";

/** The user's own sheets: every sheet but the ones a run of ours created (A1 starts with SHEET_MARK). */
export function userSheetNames(input: WorkbookInput): string[] {
  return input.sheets
    .filter((sheet) => {
      const a1 = sheet.values[0]?.[0];
      return !(typeof a1 === "string" && a1.startsWith(SHEET_MARK) && (sheet.origin?.row ?? 0) === 0 && (sheet.origin?.col ?? 0) === 0);
    })
    .map((sheet) => sheet.name);
}

/** Sheet names quoted and joined for a sentence: “党员名单”、“Sheet2” (or , in English). */
export function sheetList(names: readonly string[], locale: Locale): string {
  return names.map((name) => `“${name}”`).join(locale === "en" ? ", " : "、");
}

/** The unit-survey tables (§4) found, one entry per sheet with the number of units it counts. */
export function surveySheets(surveys: readonly { sheet: string }[]): { sheet: string; units: number }[] {
  const units = new Map<string, number>();
  for (const survey of surveys) units.set(survey.sheet, (units.get(survey.sheet) ?? 0) + 1);
  return [...units].map(([sheet, count]) => ({ sheet, units: count }));
}
