import { ABOUT_KEYS, type PlanCell, type SheetPlan } from "./types";
import { safeText } from "./text";

/**
 * Sheets planned without a unit's name, given one afterwards (the pane asks for it at export
 * rather than sending the secretary back to evaluate): each title reads "{unit}{subject}（date）"
 * as titleText writes it, 评议-技术信息's 单位 and 本次评议依据's 评议单位 name it. Sheets that
 * already carry a unit are returned as they are.
 */
export function withUnitName(sheets: readonly SheetPlan[], unitName: string): SheetPlan[] {
  const unit = unitName.trim();
  if (unit === "") return [...sheets];
  return sheets.map((sheet) => {
    const rows = sheet.rows.map((row, r): PlanCell[] => {
      // the technical sheet's and the run record's headings name no unit
      if (r === 0 && typeof row[0] === "string" && sheet.kind !== "technical" && sheet.kind !== "record") return [safeText(`${unit}${row[0]}`), ...row.slice(1)];
      if (sheet.kind === "technical" && row[0] === ABOUT_KEYS.unit && (row[1] ?? "") === "") return [row[0], safeText(unit)];
      if (sheet.kind === "about" && row[0] === "评议单位") return [row[0], safeText(unit)];
      return row;
    });
    return { ...sheet, rows };
  });
}
