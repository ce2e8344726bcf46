import { readFileSync, writeFileSync } from "node:fs";
import { cli, load } from "../../cli/helpers";
import { sheetXml, textCell, unzip, xlsxParts, zip } from "../../files/zip";
import { makeTempDir } from "./helpers";

/** A package with no styles part (some tools write none) gets ours, listed where it must be. */

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => (tmp = makeTempDir()));
afterAll(() => tmp.cleanup());

it("evaluates a workbook without styles.xml and writes one", async () => {
  const rows = [
    `<row r="1">${textCell("A1", "姓名")}${textCell("B1", "所在支部")}${textCell("C1", "学时")}</row>`,
    `<row r="2">${textCell("A2", "王建国")}${textCell("B2", "机关第一党支部")}<c r="C2"><v>52</v></c></row>`,
  ];
  writeFileSync(tmp.file("无样式.xlsx"), zip(xlsxParts(sheetXml("A1:C2", rows.join("")), false)));
  const run = await cli("evaluate", tmp.file("无样式.xlsx"), "-o", tmp.file("结果.xlsx"), "--today", "2025-03-25");
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
  const parts = unzip(readFileSync(tmp.file("结果.xlsx")));
  expect(parts.has("xl/styles.xml")).toBe(true);
  expect(parts.get("xl/_rels/workbook.xml.rels")!.toString("utf8").match(/Target="styles.xml"/g)).toHaveLength(1);
  expect(parts.get("[Content_Types].xml")!.toString("utf8")).toContain('<Override PartName="/xl/styles.xml"');
  const roster = (await load(tmp.file("结果.xlsx"))).getWorksheet("党员名单")!;
  expect(roster.getCell("D1").value).toBe("学习情况");
  expect(roster.getCell("D1").font?.bold).toBe(true);
});
