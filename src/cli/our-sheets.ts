import type ExcelJS from "exceljs";
import { ABOUT_KEYS, SHEET_NAMES, type SummarySheetKind } from "../engine";
import { isOurSheet } from "../hosts/xlsx";

/** Our sheets in a workbook by kind ("评议-说明" or, beside a user sheet of that name, "评议-说明(2)"). */
export function ourSheets(workbook: ExcelJS.Workbook): Partial<Record<SummarySheetKind, ExcelJS.Worksheet>> {
  const found: Partial<Record<SummarySheetKind, ExcelJS.Worksheet>> = {};
  for (const ws of workbook.worksheets) {
    if (!isOurSheet(ws)) continue;
    const base = ws.name.replace(/\(\d+\)$/, "");
    for (const [kind, name] of Object.entries(SHEET_NAMES) as [SummarySheetKind, string][]) {
      if (base === name && !found[kind]) found[kind] = ws;
    }
  }
  return found;
}

/** A cell as plain text ("" when empty); numbers as written. */
export function cellText(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const value = ws.getRow(row).getCell(col).value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "richText" in value) return value.richText.map((p) => p.text).join("").trim();
  if (typeof value === "object" && "result" in value) return String(value.result ?? "").trim();
  return String(value).trim();
}

/** The key | value rows of 评议-说明 (ABOUT_KEYS): key text → value text. */
export function readAbout(ws: ExcelJS.Worksheet): Map<string, string> {
  const keys = new Set<string>(Object.values(ABOUT_KEYS));
  const out = new Map<string, string>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const key = cellText(ws, r, 1);
    if (keys.has(key) && !out.has(key)) out.set(key, cellText(ws, r, 2));
  }
  return out;
}
