import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DEFAULT_RULES, SHEET_NAMES, evaluateWorkbook } from "../../src/engine";
import { createMemoryHost } from "../../src/hosts/memory";
import { cli } from "../cli/helpers";
import { bookFromSheets, sheetsFromXlsx, type LoadedSheet } from "../../src/demo/workbookFile";
import { widthPoints } from "../../src/hosts/office/text";

const SAMPLE = resolve(__dirname, "../../examples/示例-先教评议.xlsx");

let sheets: LoadedSheet[];

beforeAll(async () => {
  const bytes = readFileSync(SAMPLE);
  sheets = await sheetsFromXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
});

const sheet = (name: string) => sheets.find((s) => s.name === name)!;

test("the sample's sheets come with their column widths, merged areas and frozen rows", () => {
  expect(sheets.map((s) => s.name)).toEqual(["党员名单", "满意度测评", "民主评议表决", "单位测评（回头看）"]);
  const roster = sheet("党员名单");
  expect(roster.widths.slice(0, 4)).toEqual([6, 10, 22, 24]);
  expect(roster.frozenRows).toBe(3);
  // the title in A1 is merged across the table, so it never decides column A's width
  expect(roster.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: roster.widths.length - 1 });
  expect(String(roster.values[0][0])).toMatch(/先进性教育活动党员评议台账/);
  expect(roster.values[0][1]).toBeNull();
  // a two-row header: 序号 is merged over rows 2 and 3
  const survey = sheet("满意度测评");
  expect(survey.frozenRows).toBe(0);
  expect(survey.merges).toContainEqual({ top: 1, left: 0, bottom: 2, right: 0 });
});

test("the memory workbook gets the widths (in points) and frozen rows; merged areas are kept per sheet", () => {
  const { book, merges } = bookFromSheets(sheets);
  const roster = book.sheet("党员名单")!;
  expect(roster.columnWidths.get(0)).toBe(widthPoints(6));
  expect(roster.columnWidths.get(2)).toBe(widthPoints(22));
  expect(roster.frozenRows).toBe(3);
  expect(book.value("党员名单", "B4")).toBe("谭文华");
  expect(merges.get("满意度测评")).toEqual(sheet("满意度测评").merges);
});

describe("a workbook evaluated before, opened in the page", () => {
  let reopened: LoadedSheet[];
  beforeAll(async () => {
    const tmp = mkdtempSync(join(tmpdir(), "xianjiao-demo-"));
    const out = join(tmp, "评议结果.xlsx");
    const run = await cli("evaluate", SAMPLE, "-o", out, "--today", "2025-03-25");
    expect(run.code).toBe(0);
    const bytes = readFileSync(out);
    reopened = await sheetsFromXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    rmSync(tmp, { recursive: true, force: true });
  });

  test("keeps our markers and the run record's very hidden state, so a re-run replaces our sheets instead of adding new ones", async () => {
    const { book } = bookFromSheets(reopened);
    expect(book.sheet("评议-记录")!.visibility).toBe("VeryHidden");
    expect(book.sheet(SHEET_NAMES.branches)!.names.get("xianjiaosheet")!.formula).toMatch(/^="branches\|/);
    expect(book.sheet("党员名单")!.names.get("xianjiaoresults")!.formula).toMatch(/^=/);
    const before = book.sheets.map((s) => s.name);
    const host = createMemoryHost(book);
    const result = evaluateWorkbook(await host.readWorkbook(), { rules: DEFAULT_RULES, today: "2025-03-25" });
    expect(result.issues.filter((i) => i.code.startsWith("OUR_") || i.code === "OLD_SHEET_KEPT")).toEqual([]);
    await host.applyPlan(result.plan);
    expect(book.sheets.map((s) => s.name)).toEqual(before);
  });

  test("a grade the secretary types in the page over the command line's is theirs on the next run", async () => {
    const { book } = bookFromSheets(reopened);
    const roster = book.sheet("党员名单")!;
    let gradeCol = -1;
    for (let c = 0; c < 40; c++) if (roster.cell(2, c).value === "评议等次") gradeCol = c;
    let row = -1;
    for (let r = 3; r < 90 && row < 0; r++) if (roster.cell(r, gradeCol).value === "合格") row = r;
    roster.cell(row, gradeCol).value = "不合格";
    const host = createMemoryHost(book);
    const result = evaluateWorkbook(await host.readWorkbook(), { rules: DEFAULT_RULES, today: "2025-03-25" });
    expect(result.manualCount).toBe(1);
    expect(result.members.find((m) => m.member.row === row)).toMatchObject({ grade: "不合格" });
  });
});
