import { isOursToSkip, type WorkbookInput } from "../engine";
import type { Locale } from "../i18n/t";

/** The user's own sheets: every sheet but the ones a run of ours created (or an older version did). */
export function userSheetNames(input: WorkbookInput): string[] {
  return input.sheets.filter((sheet) => !isOursToSkip(sheet)).map((sheet) => sheet.name);
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
