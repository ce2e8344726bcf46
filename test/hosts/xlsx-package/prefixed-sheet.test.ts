import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { readPackage } from "../../../src/hosts/xlsx-package";
import { cli } from "../../cli/helpers";
import { unzip, zip } from "../../files/zip";
import { makeTempDir } from "./helpers";
import { rawWorkbook } from "./raw-package";

/**
 * Some tools write worksheets with a namespace prefix (`<x:row>`, `<x:c>`): they are read the
 * same, and what is written into them carries the prefix too.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const cell = (ref: string, text: string) => `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${text}</x:t></x:is></x:c>`;
const number = (ref: string, value: number) => `<x:c r="${ref}"><x:v>${value}</x:v></x:c>`;

function prefixedRoster(): Buffer {
  const rows = [
    `<x:row r="1">${cell("A1", "机关党委党员评议表")}</x:row>`,
    `<x:row r="2">${cell("A2", "姓名")}${cell("B2", "所在支部")}${cell("C2", "学时")}</x:row>`,
    `<x:row r="3">${cell("A3", "王建国")}${cell("B3", "机关第一党支部")}${number("C3", 52)}</x:row>`,
    `<x:row r="4">${cell("A4", "李秀英")}${cell("B4", "机关第一党支部")}${number("C4", 38)}</x:row>`,
  ];
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<x:dimension ref="A1:C4"/><x:sheetData>${rows.join("")}</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:C1"/></x:mergeCells>` +
    `<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`;
  const parts = Object.fromEntries(unzip(rawWorkbook({ sheets: [{ name: "党员名单", body: "<sheetData/>" }] })));
  parts["xl/worksheets/sheet1.xml"] = Buffer.from(sheet, "utf8");
  return zip(parts);
}

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => (tmp = makeTempDir()));
afterAll(() => tmp.cleanup());

describe("a worksheet written with a namespace prefix", () => {
  it("is read, and the result block, widths, merge and highlights are written with the prefix", async () => {
    writeFileSync(tmp.file("名单.xlsx"), prefixedRoster());
    const { input } = await readPackage(tmp.file("名单.xlsx"));
    expect(input.sheets[0].values[1]).toEqual(["姓名", "所在支部", "学时"]);
    const run = await cli("evaluate", tmp.file("名单.xlsx"), "-o", tmp.file("结果.xlsx"), "--today", "2025-03-25");
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });

    const xml = unzip(readFileSync(tmp.file("结果.xlsx"))).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(xml).not.toMatch(/<(c|row|cols|col|is|t|mergeCell|conditionalFormatting|cfRule|formula)[\s>]/);
    expect(xml).toContain('<x:mergeCell ref="D1:I1"/>');
    expect(xml).toMatch(/<x:cols><x:col min="4" max="4" width="24" customWidth="1"\/>/);
    expect(xml).toMatch(/<x:conditionalFormatting sqref="D3:D4"><x:cfRule type="expression"/);
    const back = (await readPackage(tmp.file("结果.xlsx"))).input.sheets[0];
    expect(back.values[1].slice(3)).toEqual(["学习情况", "满意度", "书面申请", "评议等次", "处置建议", "问题说明"]);
    expect(String(back.values[3][3])).toMatch(/^未达标/);

    const soffice = (process.env.PATH ?? "").split(path.delimiter).map((d) => path.join(d, "soffice")).find((f) => existsSync(f));
    if (!soffice && !process.env.CI) return; // LibreOffice is checked where it is installed (CI always)
    const profile = mkdtempSync(path.join(tmpdir(), "xianjiao-lo-profile-"));
    try {
      const convert = spawnSync(soffice ?? "soffice", [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", tmp.file("csv"), tmp.file("结果.xlsx")], {
        encoding: "utf8",
        timeout: 240_000,
      });
      expect(convert.status).toBe(0);
      const csv = readFileSync(tmp.file("csv/结果.csv"), "utf8");
      expect(csv).toContain("学习情况");
      expect(csv).toContain("王建国");
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 300_000);
});
