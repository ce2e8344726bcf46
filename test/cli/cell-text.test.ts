import { readFileSync, writeFileSync } from "node:fs";
import { DOMParser, type Element } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { writableValue } from "../../src/hosts/xlsx/cell-text";
import { CELL_TEXT_LIMIT, cellText } from "../../src/engine/xml-chars";
import { unzip } from "../files/zip";
import { badParts } from "../hosts/xlsx-package/package-checks";
import { inline, num, rawWorkbook, sheetBody, str } from "../hosts/xlsx-package/raw-package";
import { OPENPYXL, openpyxlLoad } from "../render/readers";
import { cli, tempDir } from "./helpers";

/**
 * Text we write — in evaluate's package, export's and consolidate's workbooks — holds only
 * characters XML 1.0 allows and at most 32,767 characters per cell, whatever a roster or the
 * command line gave us: a unit name of 40,000 characters with control characters, U+FFFE and a
 * lone surrogate; a shared string that decodes (`_x0001_`) to a control character.
 */

describe("cellText", () => {
  it("drops what XML 1.0 forbids and keeps tab, newline, carriage return and surrogate pairs", () => {
    expect(cellText("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDC00i\t\n\r😀")).toBe("abcdefghi\t\n\r😀");
  });

  it("cuts at 32,767 characters, ending in …, never splitting a surrogate pair", () => {
    const long = "党".repeat(40_000);
    expect(cellText(long)).toHaveLength(CELL_TEXT_LIMIT);
    expect(cellText(long).endsWith("党…")).toBe(true);
    const emoji = "a" + "😀".repeat(20_000);
    const cut = cellText(emoji);
    expect(cut.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(cut.endsWith("😀…")).toBe(true);
    expect(cellText("党".repeat(CELL_TEXT_LIMIT))).toHaveLength(CELL_TEXT_LIMIT);
  });

  it("leaves exceljs values alone unless their text needs it, rich text and links included", () => {
    const plain = { richText: [{ text: "正常" }, { text: "文本", font: { bold: true } }] };
    expect(writableValue(plain)).toBe(plain);
    expect(writableValue({ richText: [{ text: "a\u0001" }, { text: "党".repeat(40_000), font: { bold: true } }, { text: "尾" }] })).toEqual({
      richText: [{ text: "a" }, { text: "党".repeat(CELL_TEXT_LIMIT - 2) + "…", font: { bold: true } }],
    });
    expect(writableValue({ text: "链\u0002接", hyperlink: "https://example.org" })).toEqual({ text: "链接", hyperlink: "https://example.org" });
    expect(writableValue({ formula: "A1", result: "结\uFFFF果" } as ExcelJS.CellValue)).toEqual({ formula: "A1", result: "结果" });
    expect(writableValue(42)).toBe(42);
  });
});

/** Every cell text of a package: inline strings of the sheets and shared strings. */
function cellTexts(parts: Map<string, Buffer>): string[] {
  const out: string[] = [];
  const texts = (el: Element) => {
    let s = "";
    const walk = (n: Element) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        const e = c as Element;
        if (e.localName === "rPh") continue;
        if (e.localName === "t") s += e.textContent ?? "";
        else walk(e);
      }
    };
    walk(el);
    return s;
  };
  for (const [name, bytes] of parts) {
    if (!/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/.test(name)) continue;
    const doc = new DOMParser().parseFromString(bytes.toString("utf8"), "text/xml");
    for (const tag of ["is", "si"]) {
      const list = doc.getElementsByTagNameNS("*", tag);
      for (let i = 0; i < list.length; i++) out.push(texts(list.item(i)!));
    }
  }
  return out;
}

const NASTY_UNIT = `机关\u0001党委${"党".repeat(40_000)}\uFFFE\uD800`;

function roster(): Buffer {
  const strings = ["姓名", "所在支部", "学时", "机关第一党支部", "五十_x0001_小时"];
  const rows = [
    `<row r="1">${str("A1", 0)}${str("B1", 1)}${str("C1", 2)}</row>`,
    `<row r="2">${inline("A2", "王建国")}${str("B2", 3)}${num("C2", 52)}</row>`,
    `<row r="3">${inline("A3", "李秀英")}${str("B3", 3)}${str("C3", 4)}</row>`,
  ];
  return rawWorkbook({ strings: strings.map((s) => `<t>${s}</t>`), sheets: [{ name: "党员名单", body: sheetBody(rows.join("")) }] });
}

describe("what the command line writes", () => {
  let tmp: ReturnType<typeof tempDir>;
  const outputs: string[] = [];
  beforeAll(async () => {
    tmp = tempDir();
    writeFileSync(tmp.file("名单.xlsx"), roster());
    const evaluate = await cli("evaluate", tmp.file("名单.xlsx"), "-o", tmp.file("结果.xlsx"), "--today", "2025-03-25", "--unit", NASTY_UNIT);
    expect({ code: evaluate.code, stderr: evaluate.stderr }).toEqual({ code: 0, stderr: "" });
    expect((await cli("export", tmp.file("结果.xlsx"), "-o", tmp.file("汇总.xlsx"), "--with-issues")).code).toBe(0);
    expect((await cli("consolidate", tmp.file("汇总.xlsx"), "-o", tmp.file("合并.xlsx"), "--unit", NASTY_UNIT)).code).toBe(0);
    outputs.push(tmp.file("结果.xlsx"), tmp.file("汇总.xlsx"), tmp.file("合并.xlsx"));
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it.each(["结果.xlsx", "汇总.xlsx", "合并.xlsx"])("%s: well-formed, no cell longer than 32,767 characters, the long unit name cut with …", (file) => {
    const parts = unzip(readFileSync(tmp.file(file)));
    expect(badParts(parts)).toEqual([]);
    const texts = cellTexts(parts);
    expect(texts.filter((s) => s.length > CELL_TEXT_LIMIT).map((s) => s.length)).toEqual([]);
    const long = texts.filter((s) => s.includes("党".repeat(1000)));
    expect(long.length).toBeGreaterThan(0);
    for (const s of long) expect([s.length, s.endsWith("…"), s.includes("机关党委")]).toEqual([CELL_TEXT_LIMIT, true, true]);
  });

  it("echoes a roster's value without the control character its shared string decoded to", () => {
    const texts = cellTexts(unzip(readFileSync(tmp.file("结果.xlsx"))));
    expect(texts).toContain("五十小时");
    const exported = cellTexts(unzip(readFileSync(tmp.file("汇总.xlsx"))));
    expect(exported).toContain("五十小时");
  });

  (OPENPYXL || process.env.CI ? it : it.skip)("opens in openpyxl", () => {
    expect(openpyxlLoad(outputs).filter((l) => l.error !== null)).toEqual([]);
  });
});
