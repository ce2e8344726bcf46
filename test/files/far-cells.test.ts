import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { readPackage } from "../../src/hosts/xlsx-package";
import { XianjiaoError } from "../../src/errors";
import { cli, existsSync, load, tempDir } from "../cli/helpers";
import { rosterRowsXml, rosterWithStray, writeBytes } from "./fixtures";
import { sheetXml, textCell, unzip, xlsxParts, zip } from "./zip";

/**
 * One value far from the rest of a sheet (XFD4 beside a roster in A:C, XFD1048576 in another
 * sheet) costs no more memory than the cells there are: the roster is read as if the value
 * were not there, the value is listed on 评议-数据问题 and stays in the output where it was.
 * Coordinates outside Excel's grid are refused with one sentence.
 */

const ROOT = path.join(__dirname, "..", "..");
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

/** The texts of a sheet's cells by address, read from the raw sheet XML of a written package. */
function sheetCells(file: string, part = "xl/worksheets/sheet1.xml"): Map<string, string> {
  const xml = unzip(readFileSync(file)).get(part)!.toString("utf8");
  const cells = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/g)) cells.set(m[1], (m[2] ?? "").replace(/<[^>]+>/g, ""));
  return cells;
}

async function issuesOf(file: string): Promise<string[][]> {
  const ws = (await load(file)).getWorksheet("评议-数据问题")!;
  const rows: string[][] = [];
  ws.eachRow((row, r) => {
    if (r > 2) rows.push([String(row.getCell(3).value ?? ""), String(row.getCell(4).value ?? ""), String(row.getCell(5).value ?? "")]);
  });
  return rows;
}

describe("a stray value far from the roster", () => {
  it("XFD4: the results go right of the table, XFD4 is listed as not read and kept as it was", async () => {
    const input = writeBytes(tmp.file("名单-XFD4.xlsx"), rosterWithStray(5, "XFD4", "随手记的"));
    const out = tmp.file("名单-XFD4-结果.xlsx");
    const run = await cli("evaluate", input, "-o", out, "--today", "2025-03-25");
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(run.stdout).toContain("党员 5 人");
    const cells = sheetCells(out);
    expect(cells.get("D1")).toBe("学习情况");
    expect(cells.get("XFD4")).toBe("随手记的");
    expect([...cells.keys()].filter((a) => /^XF[E-Z]/.test(a))).toEqual([]);
    const issues = await issuesOf(out);
    expect(issues).toContainEqual(["XFD4", "随手记的", expect.stringContaining("离工作表的其余内容太远") as unknown as string]);
  }, 30_000);

  it("XFD1048576 on another sheet and A1048576 below the roster: read as if absent, each listed", async () => {
    const parts = xlsxParts(sheetXml("A1:C6", rosterRowsXml(5, `<row r="1048576">${textCell("A1048576", "末行")}</row>`)));
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace("</sheets>", '<sheet name="备注" sheetId="2" r:id="rId9"/></sheets>');
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
      "</Relationships>",
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    );
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    );
    parts["xl/worksheets/sheet2.xml"] = sheetXml("A1:XFD1048576", `<row r="1">${textCell("A1", "会议记录")}</row><row r="1048576">${textCell("XFD1048576", "最后一格")}</row>`);
    const input = writeBytes(tmp.file("两表.xlsx"), zip(parts));

    const { input: grids } = await readPackage(input);
    expect(grids.sheets.map((g) => g.values.length)).toEqual([6, 1]);
    expect(grids.sheets.map((g) => g.setAside)).toEqual([
      { cells: [{ row: 1_048_575, col: 0, value: "末行" }], total: 1 },
      { cells: [{ row: 1_048_575, col: 16_383, value: "最后一格" }], total: 1 },
    ]);

    const out = tmp.file("两表-结果.xlsx");
    const run = await cli("evaluate", input, "-o", out, "--today", "2025-03-25");
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(run.stdout).toContain("党员 5 人");
    const cells = sheetCells(out);
    // the block covers the roster's rows only, not a million rows down to A1048576
    expect(cells.get("D7")).toBeUndefined();
    expect(cells.get("D6")).toBeDefined();
    expect(cells.get("A1048576")).toBe("末行");
    expect((await issuesOf(out)).map((i) => i[0])).toEqual(expect.arrayContaining(["A1048576", "XFD1048576"]));
  }, 30_000);

  it("lists the first twenty cells set aside and counts the rest", async () => {
    const far = Array.from({ length: 30 }, (_, i) => `<row r="${100_000 + i}">${textCell(`B${100_000 + i}`, `旧数据${i}`)}</row>`).join("");
    const input = writeBytes(tmp.file("远处一片.xlsx"), zip(xlsxParts(sheetXml("A1:C6", rosterRowsXml(40, far)))));
    const { input: grids } = await readPackage(input);
    expect(grids.sheets[0].values).toHaveLength(41);
    expect(grids.sheets[0].setAside?.cells).toHaveLength(20);
    expect(grids.sheets[0].setAside?.total).toBe(30);
    const out = tmp.file("远处一片-结果.xlsx");
    expect((await cli("evaluate", input, "-o", out, "--today", "2025-03-25")).code).toBe(0);
    const issues = await issuesOf(out);
    expect(issues.filter((i) => i[2].includes("离工作表的其余内容太远"))).toHaveLength(20);
    expect(issues.filter((i) => i[2].includes("另有 10 个单元格"))).toHaveLength(1);
  }, 30_000);

  // the heap cap is the test: a grid as wide as the bounding box would need 5,000 × 16,384 cells
  it("a 5,000-member roster with XFD4 is read within a 300 MB heap", () => {
    const input = writeBytes(tmp.file("五千-XFD4.xlsx"), rosterWithStray(5000, "XFD4"));
    const out = tmp.file("五千-XFD4-结果.xlsx");
    const run = spawnSync(
      process.execPath,
      ["--max-old-space-size=300", path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "src/cli/main.ts", "evaluate", input, "-o", out, "--today", "2025-03-25"],
      { cwd: ROOT, encoding: "utf8", timeout: 120_000 },
    );
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    expect(run.stdout).toContain("党员 5000 人");
    expect(existsSync(out)).toBe(true);
  }, 150_000);
});

describe("coordinates outside Excel's grid", () => {
  const cases: [string, string][] = [
    ["a column beyond XFD", `<row r="3"><c r="XFE3" t="inlineStr"><is><t>x</t></is></c></row>`],
    ["ten column letters", `<row r="3"><c r="AAAAAAAAAA3"><v>1</v></c></row>`],
    ['r="2000000000"', `<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>x</t></is></c></row>`],
    ["row 1,048,577", `<row r="1048577"><c r="A1048577"><v>1</v></c></row>`],
    ['r="0"', `<row r="0"><c r="A0"><v>1</v></c></row>`],
    ["a cell address without letters", `<row r="7"><c r="7"><v>1</v></c></row>`],
  ];
  it.each(cases)("%s: exit 2, one sentence naming the sheet, nothing written", async (_, extra) => {
    const input = writeBytes(tmp.file(`出界-${Math.random().toString(36).slice(2)}.xlsx`), zip(xlsxParts(sheetXml("A1:C6", rosterRowsXml(5).replace(/<row r="3">.*?<\/row>/, "") + extra))));
    const out = tmp.file("出界-结果.xlsx");
    const before = readdirSync(tmp.dir).sort();
    const run = await cli("evaluate", input, "-o", out, "--today", "2025-03-25");
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/工作表“党员名单”在 .+ 处有超出 Excel 表格范围/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp.dir).sort()).toEqual(before);
  }, 30_000);

  it("no room right of the table (a merged footer reaching XFD): refused with a sentence", async () => {
    const xml = sheetXml("A1:XFD7", rosterRowsXml(5, `<row r="7">${textCell("A7", "合计：5 人")}</row>`)).replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A7:XFD7"/></mergeCells>');
    const input = writeBytes(tmp.file("通栏合并.xlsx"), zip(xlsxParts(xml)));
    const out = tmp.file("通栏合并-结果.xlsx");
    const run = await cli("evaluate", input, "-o", out, "--today", "2025-03-25");
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
    expect(run.stderr).toContain("工作表“党员名单”的表格右边已没有空列可写评议结果");
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});

describe("random far coordinates (property)", () => {
  const members = 12;
  const baseline = async () => (await readPackage(writeBytes(tmp.file("基准.xlsx"), rosterWithStray(members, null)))).input.sheets[0];

  it("inside the grid: read as absent when far, in its place when near; memory never beyond the cells", async () => {
    const base = await baseline();
    const slots = (values: unknown[][]) => values.reduce((n, row) => n + row.length, 0);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 3, max: 16_383 }), async (row, col) => {
        const cell = `${columnName(col)}${row + 1}`;
        const file = writeBytes(tmp.file(`随机${n++}.xlsx`), rosterWithStray(members, cell, "远"));
        const grid = (await readPackage(file)).input.sheets[0];
        const far = col - 3 > 256 || row - members - 1 > 65_536;
        if (far) {
          expect(grid.values).toEqual(base.values);
          expect(grid.setAside).toEqual({ cells: [{ row, col, value: "远" }], total: 1 });
        } else {
          expect(grid.setAside).toBeUndefined();
          expect(grid.values[row - grid.origin!.row][col - grid.origin!.col]).toBe("远");
          // the stray's own row reaches it; every other row stays as it was
          expect(slots(grid.values)).toBeLessThanOrEqual(slots(base.values) + col + 1 + Math.max(0, row - members));
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it("outside the grid: always the typed refusal", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.record({ row: fc.integer({ min: 1_048_576, max: 2 ** 40 }), col: fc.integer({ min: 0, max: 16_383 }) }), fc.record({ row: fc.integer({ min: 0, max: 1_048_575 }), col: fc.integer({ min: 16_384, max: 2 ** 40 }) })), async ({ row, col }) => {
        const cell = `${columnName(col)}${row + 1}`;
        const file = writeBytes(tmp.file(`出界随机${n++}.xlsx`), zip(xlsxParts(sheetXml("A1:C2", rosterRowsXml(3, `<row r="${row + 1}"><c r="${cell}"><v>1</v></c></row>`)))));
        const error = await readPackage(file).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(XianjiaoError);
        expect((error as XianjiaoError).code).toBe("CELL_OUTSIDE_GRID");
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

function columnName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
