import { readFileSync } from "node:fs";
import { resolve } from "node:path";
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
