import type ExcelJS from "exceljs";
import { SHEET_NAMES, parseSheetMarker, SHEET_MARKER, type SummarySheetKind } from "../engine";
import { isOurSheet } from "../hosts/xlsx";

/**
 * Our sheets in a workbook by kind: those a marker names (markers read from the package, see
 * hosts/xlsx-package/sheet-markers.ts), else an older version's, titled in A1 and named as ours
 * ("评议-说明" or, beside a user sheet of that name, "评议-说明(2)").
 */
export function ourSheets(workbook: ExcelJS.Workbook, markers: ReadonlyMap<string, Record<string, string>> = new Map()): Partial<Record<SummarySheetKind, ExcelJS.Worksheet>> {
  const found: Partial<Record<SummarySheetKind, ExcelJS.Worksheet>> = {};
  for (const ws of workbook.worksheets) {
    const marker = parseSheetMarker(markers.get(ws.name)?.[SHEET_MARKER]);
    if (marker) {
      const kind = marker.kind as SummarySheetKind;
      if (kind in SHEET_NAMES && !found[kind]) found[kind] = ws;
      continue;
    }
    if (!isOurSheet(ws)) continue;
    const base = ws.name.replace(/\(\d+\)$/, "");
    for (const [kind, name] of Object.entries(SHEET_NAMES) as [SummarySheetKind, string][]) {
      if (base === name && !found[kind]) found[kind] = ws;
    }
  }
  return found;
}
