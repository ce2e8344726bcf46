import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/engine/types";

/** A generated cell as exceljs stores it; undefined for what a real file cannot hold (NaN, odd objects). */
export function toExcel(raw: unknown): ExcelJS.CellValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "string" || typeof raw === "boolean") return raw;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  if (raw instanceof Date) return Number.isFinite(raw.getTime()) ? raw : undefined;
  const o = raw as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error } as ExcelJS.CellErrorValue;
  if (Array.isArray(o.richText)) return { richText: o.richText.filter((r) => typeof r?.text === "string").map((r) => ({ text: r.text })) };
  if ("formula" in o || "sharedFormula" in o) {
    const result = toExcel(o.result);
    return { formula: "SUM(A1:A3)", ...(result !== undefined && typeof result !== "object" ? { result } : {}) } as ExcelJS.CellFormulaValue;
  }
  return undefined;
}

/** Writes a generated sheet with exceljs at its origin, merges included, plus formulas beside the table. */
export async function writeWorkbook(file: string, grid: SheetGrid, extra: { formulaAt: number | null }): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.name);
  const o = grid.origin ?? { row: 0, col: 0 };
  grid.values.forEach((row, r) =>
    row.forEach((raw, c) => {
      const value = toExcel(raw);
      if (value !== undefined) ws.getCell(o.row + r + 1, o.col + c + 1).value = value;
    }),
  );
  for (const m of grid.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  if (extra.formulaAt !== null) {
    // a calculated column right of the table, written by a tool that stores no results
    const width = Math.max(...grid.values.map((row) => row.length));
    const row = o.row + Math.min(extra.formulaAt, grid.values.length - 1) + 1;
    ws.getCell(row, o.col + width + 1).value = { formula: 'IF(B2="","",B2)' } as ExcelJS.CellFormulaValue;
    ws.getCell(row + 1, o.col + width + 1).value = { formula: 'IF(B3="","",B3)', result: "" } as ExcelJS.CellFormulaValue;
  }
  await wb.xlsx.writeFile(file);
}
