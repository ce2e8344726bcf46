import { copyFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { isDeepStrictEqual } from "node:util";
import type { WorkbookInput } from "../../../src/engine/types";
import { readPackage } from "../../../src/hosts/xlsx-package";
import { generateXlsx } from "../../../bench/generate";
import { cli, writeSample } from "../../cli/helpers";
import { millionStyledRows, oleFile, riskyRoster, smallRoster, styledLastRow } from "../../files/fixtures";
import { sheetXml, textCell, xlsxParts, zip } from "../../files/zip";
import { rosterCase } from "../../properties/layouts";
import { writeWorkbook } from "../../properties/xlsx-workbook";
import { readWithExceljs } from "./exceljs-grids";
import { makeTempDir } from "./helpers";
import { everyRawCell } from "./raw-cells";
import { everyKindOfCell } from "./workbooks";

/**
 * The streaming reader gives the engine exactly the grids exceljs gave it — values, number
 * formats, merges and origin, cell for cell — on every workbook the tests build or ship, and
 * refuses the same bad files with the same error.
 */

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => (tmp = makeTempDir()));
afterAll(() => tmp.cleanup());

/** The first difference between two readings, or null when they agree. */
function difference(a: unknown, b: unknown, where = ""): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${where}: length ${a.length} ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], `${where}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !(a instanceof Date)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = difference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${where}.${key}`);
      if (d) return d;
    }
  }
  return `${where}: exceljs ${JSON.stringify(a)} ≠ stream ${JSON.stringify(b)}`;
}

/**
 * A grid as the engine reads it: a row ends at its last cell, its formats at the last cell that
 * has one (the streaming reader makes each row only as long as that, and a row without formats
 * has none; the exceljs reference pads every row to the widest).
 */
function trimmed(input: WorkbookInput): WorkbookInput {
  return {
    sheets: input.sheets.map((grid) => {
      const values = grid.values.map((row) => {
        let end = row.length;
        while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined)) end--;
        return row.slice(0, end);
      });
      const numberFormats = grid.numberFormats?.map((row, r) => {
        let end = Math.min(row.length, values[r]?.length ?? 0);
        while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined)) end--;
        return row.slice(0, end);
      });
      return { ...grid, values, ...(numberFormats ? { numberFormats } : {}) };
    }),
  };
}

/**
 * Compares the cells; our markers and the sheets' hidden state are the stream's alone (exceljs
 * drops a defined name whose value is a text constant), and are returned for their own checks.
 */
async function expectSameGrids(file: string): Promise<WorkbookInput> {
  const expected = trimmed(await readWithExceljs(file));
  const { input } = await readPackage(file);
  const cells = trimmed({ sheets: input.sheets.map(({ names: _names, hidden: _hidden, ...grid }) => grid) });
  expect([path.basename(file), difference(expected, cells)]).toEqual([path.basename(file), null]);
  return input;
}

async function failureCode(read: () => Promise<unknown>): Promise<string> {
  try {
    await read();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return "no failure";
}

describe("the streaming reader and exceljs read the same grids", () => {
  it("from the shipped sample workbook and an evaluated one", async () => {
    const sample = tmp.file("示例.xlsx");
    await writeSample(sample);
    await expectSameGrids(path.join(__dirname, "../../../examples/示例-先教评议.xlsx"));
    const out = tmp.file("示例-结果.xlsx");
    expect((await cli("evaluate", sample, "-o", out, "--today", "2025-03-25")).code).toBe(0);
    const evaluated = await expectSameGrids(out);
    expect(evaluated.sheets[0].names).toEqual({ XianjiaoResults: "'党员名单'!$M$3:$R$3" });
    expect(evaluated.sheets.filter((s) => s.names?.XianjiaoSheet).map((s) => s.name)).toEqual(["评议-支部汇总", "评议-阶段汇总", "评议-数据问题", "评议-单位测评", "评议-登记表", "评议-说明", "评议-技术信息", "评议-记录"]);
    expect(evaluated.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(["评议-技术信息", "评议-记录"]);
  });

  it("from the workbooks the file tests build", async () => {
    const wb = new ExcelJS.Workbook();
    smallRoster(wb.addWorksheet("党员名单"));
    await wb.xlsx.writeFile(tmp.file("小名单.xlsx"));
    await expectSameGrids(tmp.file("小名单.xlsx"));
    await styledLastRow(tmp.file("末行.xlsx"));
    await expectSameGrids(tmp.file("末行.xlsx"));
    await riskyRoster(tmp.file("公式样.xlsx"));
    await expectSameGrids(tmp.file("公式样.xlsx"));
    await expectSameGrids(await everyKindOfCell(tmp.file("各类.xlsx")));
  });

  it("from a million formatted rows", async () => {
    writeFileSync(tmp.file("百万.xlsx"), millionStyledRows(true));
    await expectSameGrids(tmp.file("百万.xlsx"));
  }, 120_000);

  it("from the benchmark's generated workbook", async () => {
    const { file } = await generateXlsx(300, undefined, tmp.dir);
    await expectSameGrids(file);
  });

  it("from raw XML: shared formulas, inline and phonetic strings, dates in both date systems, links, cells without r", async () => {
    for (const date1904 of [false, true]) {
      const file = tmp.file(`原始-${date1904 ? 1904 : 1900}.xlsx`);
      writeFileSync(file, everyRawCell(date1904));
      await expectSameGrids(file);
    }
    const { input } = await readPackage(tmp.file("原始-1904.xlsx"));
    const at = (ref: string) => {
      const grid = input.sheets[0];
      const col = ref.charCodeAt(0) - 65;
      const row = Number(ref.slice(1)) - 1;
      return grid.values[row - grid.origin!.row]?.[col - grid.origin!.col];
    };
    // spot checks, so agreeing with exceljs is not agreeing on nothing
    expect(at("H2")).toEqual(new Date(Math.round((45000 - 25569 + 1462) * 86_400_000)));
    expect(at("A3")).toBe(12);
    expect(at("A4")).toEqual({ formula: "A2" });
    expect(at("C2")).toBe("a&b");
    expect(at("D1")).toBe("漢字");
    expect(at("E1")).toBe("第一行\r第二行");
    expect(at("A6")).toBe("123");
    expect(at("B7")).toBe(8);
    expect(at("B9") ?? null).toBeNull();
  });

  it("and reads what exceljs misreads: a phonetic run in an inline string, a row without r", async () => {
    const file = tmp.file("原始-更多.xlsx");
    writeFileSync(file, everyRawCell(false, true));
    const { input } = await readPackage(file);
    const grid = input.sheets[0];
    expect(grid.values[0][3]).toBe("漢字"); // D1: the furigana is not the cell's text
    expect(grid.values[12][0]).toBe("无行号"); // A13: the row after row 12
  });

  it("from property-test workbooks (40 generated rosters)", async () => {
    const cases = fc.sample(fc.tuple(rosterCase, fc.option(fc.nat(12))), { numRuns: 40, seed: 20250325 });
    for (const [n, [{ input }, formulaAt]] of cases.entries()) {
      const file = tmp.file(`随机${n}.xlsx`);
      await writeWorkbook(file, input.sheets[0], { formulaAt });
      await expectSameGrids(file);
    }
  }, 120_000);
});

describe("the streaming reader refuses the same bad files as exceljs did", () => {
  it("with the same error", async () => {
    const wb = new ExcelJS.Workbook();
    smallRoster(wb.addWorksheet("党员名单"));
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const cut = xlsxParts(sheetXml("A1:B2", `<row r="1">${textCell("A1", "姓名")}</row><row r="2">${textCell("A2", "王建国")}</row>`));
    cut["xl/worksheets/sheet1.xml"] = cut["xl/worksheets/sheet1.xml"].slice(0, 200);
    const files: Record<string, Buffer | string> = {
      "空.xlsx": "",
      "文本.xlsx": "序号,姓名\n1,王建国\n",
      "加密.xlsx": oleFile(["EncryptionInfo", "EncryptedPackage"]),
      "半截.xlsx": good.subarray(0, good.length - 500),
      "开头.xlsx": good.subarray(0, 120),
      "坏表.xlsx": zip(cut),
      "无工作簿.xlsx": zip({ "说明.txt": "材料" }),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const file = tmp.file(name);
      writeFileSync(file, bytes);
      const expected = await failureCode(() => readWithExceljs(file));
      expect([name, await failureCode(() => readPackage(file))]).toEqual([name, expected]);
      expect(expected).not.toBe("no failure");
    }
    copyFileSync(tmp.file("空.xlsx"), tmp.file("空2.xlsx"));
    expect(await failureCode(() => readPackage(tmp.file("没有.xlsx")))).toBe("FILE_NOT_FOUND");
  });
});
