import type ExcelJS from "exceljs";
import type { SheetGrid } from "../../engine/types";

/** A cell as the engine reads it: rich text → text, a formula → its cached result, a link → its text, an error → its code. */
export function plainCellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined || typeof value !== "object" || value instanceof Date) return value ?? null;
  const v = value as unknown as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((p) => p.text ?? "").join("");
  if ("formula" in v || "sharedFormula" in v) return plainCellValue((v.result ?? null) as ExcelJS.CellValue);
  if (typeof v.error === "string") return v.error;
  if ("text" in v) return plainCellValue((v.text ?? null) as ExcelJS.CellValue);
  return null;
}

/**
 * A loaded workbook's sheets as the engine's grids (values from A1, hidden sheets marked). No
 * exceljs code runs here, only its model is read, so the browser's bundle stays as it is.
 */
export function gridsOf(workbook: ExcelJS.Workbook): SheetGrid[] {
  return workbook.worksheets.map((ws) => {
    const values: unknown[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const line: unknown[] = [];
      for (let c = 1; c <= row.cellCount; c++) line.push(plainCellValue(row.getCell(c).value));
      values.push(line);
    }
    const grid: SheetGrid = { name: ws.name, values };
    if (ws.state === "hidden" || ws.state === "veryHidden") grid.hidden = true;
    return grid;
  });
}
