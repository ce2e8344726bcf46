import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { SHEET_NAMES } from "../../src/engine";
import { cli, load, tempDir } from "../cli/helpers";
import { unzip } from "../files/zip";
import { MEMBERS, writeUnit } from "./fixtures";

/**
 * The summary a secretary sends upwards carries counts, rates and branch names: no member's
 * name and no ID number, in any cell of any sheet or anywhere in the file's XML. The issues
 * sheet (names, with ID numbers masked) goes only with --with-issues.
 */

/** A 15–18-digit run that is not the decimals of a ratio (0.6666666666666666), or "1.10101E+17". */
const ID_RUN = /(?<![\d.])\d{15,18}(?![\d.])|\d\.\d+E\+1[4-9]/i;
const NAMES = [...new Set(MEMBERS.map((m) => m.name))];
const BRANCHES = [...new Set(MEMBERS.map((m) => m.branch))];

let tmp: ReturnType<typeof tempDir>;
let evaluated: string;
beforeAll(async () => {
  tmp = tempDir();
  const input = tmp.file("财政局.xlsx");
  await writeUnit(input);
  evaluated = tmp.file("财政局-结果.xlsx");
  const run = await cli("evaluate", input, "-o", evaluated, "--today", "2025-03-25", "--unit", "县财政局");
  expect(run.code).toBe(0);
});
afterAll(() => tmp.cleanup());

/** Every cell of every sheet as text, with its address. */
function everyCell(wb: ExcelJS.Workbook): { at: string; text: string }[] {
  const out: { at: string; text: string }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        const text = v instanceof Date ? v.toISOString() : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);
        out.push({ at: `${ws.name}!${cell.address}`, text });
      }),
    );
  }
  return out;
}

/** All text in the package: every XML part (sheets, shared strings, properties). */
function packageText(file: string): string {
  return [...unzip(readFileSync(file)).values()].map((b) => b.toString("utf8")).join("\n");
}

describe("export", () => {
  it("the evaluated workbook does hold the names and IDs (the scan below can find them)", async () => {
    const cells = everyCell(await load(evaluated));
    for (const name of NAMES) expect([name, cells.some((c) => c.text.includes(name))]).toEqual([name, true]);
    expect(cells.some((c) => ID_RUN.test(c.text))).toBe(true);
  });

  it("without --with-issues: aggregates and branch names only", async () => {
    const out = tmp.file("汇总.xlsx");
    expect((await cli("export", evaluated, "-o", out)).code).toBe(0);
    const wb = await load(out);
    expect(wb.worksheets.map((ws) => ws.name)).not.toContain(SHEET_NAMES.issues);
    const cells = everyCell(wb);
    for (const { at, text } of cells) {
      for (const name of NAMES) expect([at, name, text.includes(name)]).toEqual([at, name, false]);
      expect([at, text, ID_RUN.test(text)]).toEqual([at, text, false]);
    }
    const xml = packageText(out);
    for (const name of NAMES) expect([name, xml.includes(name)]).toEqual([name, false]);
    expect(xml.match(ID_RUN)).toBeNull();
    // what it does carry: every branch and the unit's counts
    for (const branch of BRANCHES) expect([branch, cells.some((c) => c.text === branch)]).toEqual([branch, true]);
    expect(cells.some((c) => c.text.includes("县财政局"))).toBe(true);
  });

  it("with --with-issues: the issues sheet adds names, but ID numbers stay masked", async () => {
    const out = tmp.file("汇总-含问题.xlsx");
    expect((await cli("export", evaluated, "-o", out, "--with-issues")).code).toBe(0);
    const wb = await load(out);
    expect(wb.worksheets.map((ws) => ws.name)).toContain(SHEET_NAMES.issues);
    const cells = everyCell(wb);
    expect(cells.some((c) => c.text.includes("郑振华"))).toBe(true);
    for (const { at, text } of cells) expect([at, text, ID_RUN.test(text)]).toEqual([at, text, false]);
    expect(packageText(out).match(ID_RUN)).toBeNull();
    // names appear only on the issues sheet
    for (const { at, text } of cells.filter((c) => !c.at.startsWith(`${SHEET_NAMES.issues}!`))) {
      for (const name of NAMES) expect([at, name, text.includes(name)]).toEqual([at, name, false]);
    }
  });

  it("consolidating two units' summaries adds no name or ID either", async () => {
    const a = tmp.file("汇总甲.xlsx");
    expect((await cli("export", evaluated, "-o", a)).code).toBe(0);
    const other = tmp.file("财政局二.xlsx");
    await writeUnit(other);
    const otherOut = tmp.file("财政局二-结果.xlsx");
    expect((await cli("evaluate", other, "-o", otherOut, "--today", "2025-03-25", "--unit", "县审计局")).code).toBe(0);
    const b = tmp.file("汇总乙.xlsx");
    expect((await cli("export", otherOut, "-o", b)).code).toBe(0);
    const merged = tmp.file("合并.xlsx");
    expect((await cli("consolidate", a, b, "-o", merged)).code).toBe(0);
    const xml = packageText(merged);
    for (const name of NAMES) expect([name, xml.includes(name)]).toEqual([name, false]);
    expect(xml.match(ID_RUN)).toBeNull();
  });
});
