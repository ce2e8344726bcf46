import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { RESULT_HEADERS, SHEET_MARK } from "../../src/engine";
import { cli, load, tempDir } from "../cli/helpers";
import { riskyRoster } from "./fixtures";
import { unzip } from "./zip";

/**
 * Text that starts with = + - or @ (a name, a branch, a unit, a value the user typed) must reach
 * our cells as plain text: never a formula when the file is opened.
 */

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

const RISKY = /^[=+\-@]/;

/** Addresses of cells holding a formula, per sheet name, straight from the package XML. */
function formulaCells(file: string): Map<string, string[]> {
  const parts = unzip(readFileSync(file));
  const workbook = parts.get("xl/workbook.xml")!.toString("utf8");
  const rels = parts.get("xl/_rels/workbook.xml.rels")!.toString("utf8");
  const out = new Map<string, string[]>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const xml = parts.get(`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`)!.toString("utf8");
    const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>((?:(?!<\/c>).)*)<\/c>/g)].filter((c) => c[2].includes("<f")).map((c) => c[1]);
    out.set(m[1], cells);
  }
  return out;
}

/** Every cell we wrote: our sheets whole, and the result block on the roster. */
function ourCells(wb: ExcelJS.Workbook): { where: string; cell: ExcelJS.Cell }[] {
  const out: { where: string; cell: ExcelJS.Cell }[] = [];
  for (const ws of wb.worksheets) {
    // our sheets go by our names (titles carry the unit now; an older version's began with SHEET_MARK)
    const ours = ws.name.startsWith("评议-") || String(ws.getCell("A1").value ?? "").startsWith(SHEET_MARK);
    const blockColumns = new Set<number>();
    // our block: the six result headers side by side
    ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.value !== RESULT_HEADERS[0]) return;
      const first = Number(cell.col);
      if (RESULT_HEADERS.every((h, i) => row.getCell(first + i).value === h)) RESULT_HEADERS.forEach((_, i) => blockColumns.add(first + i));
    }));
    ws.eachRow((row) => row.eachCell((cell) => {
      if (ours || blockColumns.has(Number(cell.col))) out.push({ where: `${ws.name}!${cell.address}`, cell });
    }));
  }
  return out;
}

describe("text that looks like a formula", () => {
  it("lands in our cells of evaluate, export and consolidate as plain text", async () => {
    const input = tmp.file("名单.xlsx");
    await riskyRoster(input);
    const out = tmp.file("结果.xlsx");
    const run = await cli("evaluate", input, "-o", out, "--today", "2025-03-25", "--unit", "=县直机关工委");
    expect(run.code).toBe(0);
    const summary = tmp.file("汇总.xlsx");
    expect((await cli("export", out, "-o", summary, "--with-issues")).code).toBe(0);
    const merged = tmp.file("合并.xlsx");
    expect((await cli("consolidate", summary, "-o", merged, "--unit", "+市委组织部")).code).toBe(0);

    const evaluated = await load(out);
    const cells = ourCells(evaluated);
    // the risky texts did reach our cells: branches, names and values, in their safe form
    const texts = cells.map(({ cell }) => String(cell.value));
    expect(texts).toEqual(expect.arrayContaining(["＝第一支部", "－第二支部", "＠第三支部"]));
    expect(texts).toContain("＠李秀英"); // the duplicate row's name, on the issues sheet
    expect(texts.some((t) => t.startsWith("＝1+1"))).toBe(true);

    for (const file of [out, summary, merged]) {
      const wb = await load(file);
      for (const { where, cell } of ourCells(wb)) {
        expect([file, where, cell.type]).not.toEqual([file, where, ExcelJS.ValueType.Formula]);
        if (typeof cell.value === "string") expect([where, RISKY.test(cell.value)]).toEqual([where, false]);
      }
      const formulas = formulaCells(file);
      for (const [sheet, at] of formulas) {
        // only the user's own 序号 formulas, where they were
        expect([file, sheet, at]).toEqual([file, sheet, sheet === "党员名单" && file === out ? ["A3", "A4", "A5", "A6", "A7"] : []]);
      }
    }
    // the user's own texts are untouched, risky or not
    const roster = evaluated.getWorksheet("党员名单")!;
    expect(roster.getCell("B3").value).toBe("=HYPERLINK(\"http://x.invalid\",\"点我\")");
    expect(roster.getCell("C4").value).toBe("-第二支部");
    expect(roster.getCell("A1").value).toBe("=2025年度民主评议登记表");
  }, 60_000);
});
