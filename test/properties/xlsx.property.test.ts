import fc from "fast-check";
import { cellValues, cli, load, tempDir } from "../cli/helpers";
import { rosterCase } from "./layouts";
import { writeWorkbook } from "./xlsx-workbook";

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
