import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { RESULT_GROUP_HEADER, RESULT_HEADERS, SHEET_NAMES } from "../../../src/engine";
import { tailRank } from "../../../src/hosts/xlsx-package/sheet-tail";
import { children, locate } from "../../../src/hosts/xlsx-package/xml-children";
import { cellValues, cli, load } from "../../cli/helpers";
import { unzip } from "../../files/zip";
import { conditionalFormats, makeTempDir } from "./helpers";
import { DATA_VALIDATIONS, USER_FORMAT, rawRoster } from "./raw-roster";

/**
 * evaluate on a workbook as Excel saves it (shared formulas, inline strings, 1904 dates, a
 * picture and a chart, a data validation, defined names, a user sheet named 评议-支部汇总):
 * every part it does not have to change comes out byte for byte, the roster sheet keeps the
 * schema's element order, exceljs and LibreOffice open the result, and a second run over the
 * output writes the same package again.
 */

let tmp: ReturnType<typeof makeTempDir>;
let input: Map<string, Buffer>;
let once: Map<string, Buffer>;
const args = ["--today", "2025-03-25", "--unit", "机关党委"];
beforeAll(async () => {
  tmp = makeTempDir();
  writeFileSync(tmp.file("名单.xlsx"), rawRoster());
  const run = await cli("evaluate", tmp.file("名单.xlsx"), "-o", tmp.file("结果.xlsx"), ...args);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
  input = unzip(readFileSync(tmp.file("名单.xlsx")));
  once = unzip(readFileSync(tmp.file("结果.xlsx")));
});
afterAll(() => tmp.cleanup());

/** Parts evaluate rewrites: the roster sheet, the workbook's lists of sheets and parts, the styles. */
const REWRITTEN = ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", "xl/styles.xml"];

describe("evaluate on a workbook exceljs could not carry", () => {
  it("copies every other part byte for byte: the picture, the drawing, the chart, the user's own 评议-支部汇总", () => {
    for (const [name, bytes] of input) {
      expect([name, once.has(name)]).toEqual([name, true]);
      if (!REWRITTEN.includes(name)) expect([name, once.get(name)!.equals(bytes)]).toEqual([name, true]);
    }
    for (const name of ["xl/media/image1.png", "xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"]) {
      expect(input.has(name)).toBe(true);
    }
  });

  it("keeps the roster's validation, conditional format, drawing and defined names, in schema order", () => {
    const roster = once.get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(roster).toContain(DATA_VALIDATIONS);
    expect(roster).toContain(USER_FORMAT);
    expect(roster).toContain('<drawing r:id="rIdDrawing"/>');
    const root = locate(roster, "worksheet")!;
    const names = children(roster.slice(root.innerStart, root.innerEnd)).map((tag) => /^<([\w:]+)/.exec(tag)![1]);
    expect(names).toEqual(["dimension", "cols", "sheetData", "mergeCells", "conditionalFormatting", ...Array(5).fill("conditionalFormatting"), "dataValidations", "pageMargins", "drawing"]);
    expect(roster).toContain('<dimension ref="A1:L7"/>');
    const after = names.slice(names.indexOf("sheetData") + 1).map(tailRank);
    expect([...after].sort((a, b) => a - b)).toEqual(after);
    const workbook = once.get("xl/workbook.xml")!.toString("utf8");
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'党员名单'!$2:$2</definedName>`);
    expect(workbook).toContain('<workbookPr date1904="1"/>');
    // the styles a cell of the user names are still there, in their place
    const styles = (xml: string) => children(xml.slice(locate(xml, "cellXfs")!.innerStart, locate(xml, "cellXfs")!.innerEnd));
    const before = styles(input.get("xl/styles.xml")!.toString("utf8"));
    expect(styles(once.get("xl/styles.xml")!.toString("utf8")).slice(0, before.length)).toEqual(before);
  });

  it("reads back in exceljs: user cells unchanged, the block beside the roster, our sheets beside the user's 评议-支部汇总", async () => {
    const before = await load(tmp.file("名单.xlsx"));
    const after = await load(tmp.file("结果.xlsx"));
    expect(after.worksheets.map((ws) => ws.name)).toEqual(["党员名单", "评议-支部汇总", "满意度测评", `${SHEET_NAMES.branches}(2)`, SHEET_NAMES.stages, SHEET_NAMES.issues, SHEET_NAMES.register, SHEET_NAMES.about, SHEET_NAMES.technical, "评议-记录"]);
    for (const ws of before.worksheets) {
      const now = cellValues(after.getWorksheet(ws.name)!);
      for (const [addr, value] of cellValues(ws)) expect([ws.name, addr, now.get(addr)]).toEqual([ws.name, addr, value]);
    }
    const roster = after.getWorksheet("党员名单")!;
    expect(roster.getCell("A4").formula).toBe("ROW()-2"); // a shared formula's dependent, still shared
    expect(roster.getCell("F3").value).toEqual(new Date(Math.round((30000 - 25569 + 1462) * 86_400_000)));
    expect(roster.getCell("G1").value).toBe(RESULT_GROUP_HEADER);
    expect(roster.getCell("L1").master.address).toBe("G1");
    expect(roster.getCell("G2").value).toBe("学习情况");
    expect(roster.getCell("G4").value).toMatch(/^未达标/);
    expect(roster.getCell("H4").value).toBe("低于70：65");
    expect(roster.getCell("I4").value).toMatch(/^未提出书面申请/);
    expect(roster.getColumn(7).width).toBe(24);
    expect(roster.getColumn(6).width).toBe(12);
    const validations = (roster as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(Object.values(validations)[0].formulae).toEqual(['"是,否"']);
    expect(after.getWorksheet("评议-支部汇总")!.getCell("A1").value).toBe("我的支部汇总（手工）");
  });

  it("writes our text as inline strings, never formulas or shared strings, and lists our sheets in docProps/app.xml", () => {
    const ours = [...once.keys()].filter((name) => name.startsWith("xl/worksheets/sheet") && !input.has(name));
    expect(ours).toHaveLength(7);
    for (const name of ours) {
      const xml = once.get(name)!.toString("utf8");
      expect([name, /<f[\s>]/.test(xml), /t="s"/.test(xml), xml.includes('t="inlineStr"')]).toEqual([name, false, false, true]);
    }
    const app = once.get("docProps/app.xml")!.toString("utf8");
    expect(app).toContain("<vt:i4>10</vt:i4>"); // the hidden technical sheet and run record too, as Excel lists hidden sheets
    expect(app).toContain(`<vt:lpstr>满意度测评</vt:lpstr><vt:lpstr>${SHEET_NAMES.branches}(2)</vt:lpstr><vt:lpstr>${SHEET_NAMES.stages}</vt:lpstr>`);
  });

  it("draws the planned chart on our branch summary: a bar chart over its own cells", () => {
    const added = [...once.keys()].filter((name) => !input.has(name)).sort();
    expect(added).toEqual(expect.arrayContaining(["xl/charts/chart2.xml", "xl/drawings/drawing2.xml", "xl/drawings/_rels/drawing2.xml.rels"]));
    const chart = once.get("xl/charts/chart2.xml")!.toString("utf8");
    expect(chart).toContain('<c:barDir val="col"/>');
    expect(chart).toContain("<c:f>'评议-支部汇总(2)'!$A$3:$A$4</c:f>");
    expect(chart.match(/<c:ser>/g)).toHaveLength(5);
    const types = once.get("[Content_Types].xml")!.toString("utf8");
    expect(types).toContain('<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
  });

  it("writes the same package again when run over its own output", async () => {
    const run = await cli("evaluate", tmp.file("结果.xlsx"), "-o", tmp.file("再次.xlsx"), ...args);
    expect(run.code).toBe(0);
    const twice = unzip(readFileSync(tmp.file("再次.xlsx")));
    expect([...twice.keys()].sort()).toEqual([...once.keys()].sort());
    for (const [name, bytes] of once) expect([name, twice.get(name)!.equals(bytes)]).toEqual([name, true]);
    const a = await load(tmp.file("结果.xlsx"));
    const b = await load(tmp.file("再次.xlsx"));
    for (const ws of a.worksheets) {
      expect([ws.name, conditionalFormats(b.getWorksheet(ws.name)!).length]).toEqual([ws.name, conditionalFormats(ws).length]);
    }
    const headers = (wb: ExcelJS.Workbook) => [...cellValues(wb.getWorksheet("党员名单")!).values()].filter((v) => [...RESULT_HEADERS, RESULT_GROUP_HEADER].some((h) => v === `"${h}"`));
    expect(headers(b)).toEqual(headers(a));
    expect(headers(b)).toHaveLength(8); // the user's own 书面申请, then the group header and our six headers, once
  });
});

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir && existsSync(path.join(dir, command))) return path.join(dir, command);
  return null;
}
const SOFFICE = onPath("soffice");
const maybe = SOFFICE || process.env.CI ? describe : describe.skip;

maybe("LibreOffice opens the patched package", () => {
  it("converts the output and the output of a second run to PDF", () => {
    const profile = mkdtempSync(path.join(tmpdir(), "xianjiao-lo-profile-"));
    try {
      const outDir = tmp.file("pdf");
      const run = spawnSync(
        SOFFICE ?? "soffice",
        [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, tmp.file("结果.xlsx"), tmp.file("再次.xlsx")],
        { encoding: "utf8", timeout: 240_000 },
      );
      expect({ status: run.status, error: run.error?.message }).toEqual({ status: 0, error: undefined });
      const pdfs = readdirSync(outDir).sort();
      expect(pdfs).toEqual(["再次.pdf", "结果.pdf"]);
      for (const pdf of pdfs) expect(readFileSync(path.join(outDir, pdf)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 300_000);
});
