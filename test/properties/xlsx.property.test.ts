import fc from "fast-check";
import ExcelJS from "exceljs";
import { cellValues, cli, load, tempDir } from "../cli/helpers";
import type { SheetGrid } from "../../src/engine/types";
import { rosterCase } from "./layouts";

/** A generated cell as exceljs stores it; undefined for what a real file cannot hold (NaN, odd objects). */
function toExcel(raw: unknown): ExcelJS.CellValue | undefined {
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
async function writeWorkbook(file: string, grid: SheetGrid, extra: { formulaAt: number | null }): Promise<void> {
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

describe("xianjiao evaluate on random workbooks", () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it("never changes a user cell, and a second run over its output changes nothing (50 workbooks)", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(rosterCase, fc.option(fc.nat(12)), async ({ input }, formulaAt) => {
        n++;
        const grid = input.sheets[0];
        const source = tmp.file(`输入${n}.xlsx`);
        const once = tmp.file(`一次${n}.xlsx`);
        const twice = tmp.file(`两次${n}.xlsx`);
        await writeWorkbook(source, grid, { formulaAt });
        const args = ["--today", "2025-03-25", "--unit", "县直机关工委"];
        const first = await cli("evaluate", source, "-o", once, ...args);
        expect(first.stderr).toBe("");
        expect(first.code).toBe(0);

        const before = (await load(source)).getWorksheet(grid.name)!;
        const after = (await load(once)).getWorksheet(grid.name)!;
        const now = cellValues(after);
        for (const [addr, value] of cellValues(before)) expect([addr, now.get(addr)]).toEqual([addr, value]);
        expect(after.model.merges.filter((m) => before.model.merges.includes(m)).sort()).toEqual([...before.model.merges].sort());

        expect((await cli("evaluate", once, "-o", twice, ...args)).code).toBe(0);
        const a = await load(once);
        const b = await load(twice);
        expect(b.worksheets.map((ws) => ws.name)).toEqual(a.worksheets.map((ws) => ws.name));
        for (const ws of a.worksheets) expect([ws.name, cellValues(b.getWorksheet(ws.name)!)]).toEqual([ws.name, cellValues(ws)]);
      }),
      { numRuns: 50 },
    );
  }, 120_000);
});
