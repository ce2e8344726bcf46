import { readFileSync } from "node:fs";
import { BRANCH_COLUMNS, SHEET_NAMES } from "../../src/engine";
import { columnLetters } from "../../src/engine/address";
import { ID_MASK, maskIdText, maskIds } from "../../src/cli/mask";
import { cellValues, cli, load, tempDir, writeSample } from "./helpers";
import { unzip, zip } from "../files/zip";
import { writeFileSync } from "node:fs";

/**
 * export copies the values we computed: a formula a user typed into one of our sheets (which
 * would carry a member's name or ID number up to the level above) is not copied, nor is its
 * cached result, nor anything typed outside our table; ID numbers are masked however typed.
 */

let tmp: ReturnType<typeof tempDir>;
let evaluated: string;
beforeAll(async () => {
  tmp = tempDir();
  const sample = tmp.file("示例.xlsx");
  await writeSample(sample);
  evaluated = tmp.file("示例-结果.xlsx");
  expect((await cli("evaluate", sample, "-o", evaluated, "--today", "2025-03-25")).code).toBe(0);
});
afterAll(() => tmp.cleanup());

/** Every text in a package's XML parts. */
const packageText = (file: string) => [...unzip(readFileSync(file)).values()].map((b) => b.toString("utf8")).join("\n");

describe("a user's formulas in our summary sheets", () => {
  it("=党员名单!B4 and =党员名单!C4 typed into 评议-支部汇总: neither the name nor the ID reaches the export", async () => {
    const wb = await load(evaluated);
    const branches = wb.getWorksheet(SHEET_NAMES.branches)!;
    const table = cellValues(branches);
    // one inside our table (over a count), one below it, one right of it; their cached results are what Excel shows
    branches.getCell("B3").value = { formula: "党员名单!B4", result: "谭文华" };
    branches.getCell("A40").value = { formula: "党员名单!C4", result: "341122199303184374" };
    branches.getCell("Z3").value = { formula: "CONCATENATE(党员名单!B5,党员名单!C5)", result: "孔海燕341122197505016951" };
    // typed as values outside our table's columns
    branches.getCell("AA4").value = "范磊";
    const edited = tmp.file("示例-结果-改过.xlsx");
    await wb.xlsx.writeFile(edited);
    expect(packageText(edited)).toContain("谭文华");

    const out = tmp.file("汇总.xlsx");
    const run = await cli("export", edited, "-o", out);
    expect(run.code).toBe(0);
    const text = packageText(out);
    for (const leaked of ["谭文华", "孔海燕", "范磊", "341122199303184374", "341122197505016951", "党员名单!"]) expect([leaked, text.includes(leaked)]).toEqual([leaked, false]);

    // every other cell of our table is exported as evaluate wrote it
    const exported = cellValues((await load(out)).getWorksheet(SHEET_NAMES.branches)!);
    table.delete("B3");
    expect(exported.has("B3")).toBe(false);
    expect(exported).toEqual(table);
  }, 60_000);

  it("a formula in 评议-说明 or 评议-阶段汇总 is not exported either", async () => {
    const wb = await load(evaluated);
    wb.getWorksheet(SHEET_NAMES.about)!.getCell("B3").value = { formula: "党员名单!B6", result: "范磊" };
    wb.getWorksheet(SHEET_NAMES.stages)!.getCell("E3").value = { formula: "党员名单!B7", result: "某某某" };
    const edited = tmp.file("示例-结果-说明.xlsx");
    await wb.xlsx.writeFile(edited);
    const out = tmp.file("汇总-说明.xlsx");
    expect((await cli("export", edited, "-o", out)).code).toBe(0);
    const text = packageText(out);
    expect(text).not.toContain("范磊");
    expect(text).not.toContain("某某某");
  }, 60_000);
});

describe("a summary sheet changed after the review, in a workbook that keeps our markers", () => {
  it("a value or formula typed into 评议-支部汇总 (as Excel saves it): export refuses with a sentence, nothing written", async () => {
    const parts = unzip(readFileSync(evaluated));
    const workbook = parts.get("xl/workbook.xml")!.toString("utf8");
    const ours = /<sheet [^>]*name="评议-支部汇总"[^>]*r:id="(rId\d+)"/.exec(workbook)![1];
    const target = new RegExp(`Id="${ours}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${ours}"`).exec(parts.get("xl/_rels/workbook.xml.rels")!.toString("utf8"))!;
    const part = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
    const xml = parts.get(part)!.toString("utf8");
    // a formula over a count in row 3, as Excel writes one
    const edited = xml.replace(/<c r="B3"([^>]*)><v>[^<]*<\/v><\/c>/, '<c r="B3"$1><f>党员名单!B4</f><v>0</v></c>');
    expect(edited).not.toBe(xml);
    const file = tmp.file("示例-结果-汇总改过.xlsx");
    writeFileSync(file, zip(Object.fromEntries([...parts].map(([name, bytes]) => [name, name === part ? edited : bytes]))));
    const out = tmp.file("汇总-改过.xlsx");
    const run = await cli("export", file, "-o", out);
    expect({ code: run.code, stderr: run.stderr.trim() }).toEqual({ code: 2, stderr: "“示例-结果-汇总改过.xlsx”的工作表“评议-支部汇总”在评议之后被改动过，汇总必须是评议算出的数字：请重新评议后再导出" });
    expect(() => readFileSync(out)).toThrow();
  }, 60_000);
});

describe("ID numbers typed into our sheets", () => {
  it("full-width digits and digits in groups are masked in the export", async () => {
    const wb = await load(evaluated);
    const branches = wb.getWorksheet(SHEET_NAMES.branches)!;
    const row = branches.rowCount; // the 合计 row; a branch row above it
    branches.getCell(`A${row - 1}`).value = "机关第一党支部 ３４１１２２１９９３０３１８４３７４";
    branches.getCell(`A${row - 2}`).value = "341122 19750501 6951";
    branches.getCell(`U${row - 1}`).value = "3411-2219-7802-2502-77";
    const edited = tmp.file("示例-结果-号码.xlsx");
    await wb.xlsx.writeFile(edited);
    const out = tmp.file("汇总-号码.xlsx");
    expect((await cli("export", edited, "-o", out)).code).toBe(0);
    const ws = (await load(out)).getWorksheet(SHEET_NAMES.branches)!;
    expect(ws.getCell(`A${row - 1}`).value).toBe(`机关第一党支部 ${ID_MASK}`);
    expect(ws.getCell(`A${row - 2}`).value).toBe(ID_MASK);
    expect(ws.getCell(`U${row - 1}`).value).toBe(ID_MASK);
    expect(packageText(out)).not.toMatch(/３４１１２２|19750501|2219-7802/);
  }, 60_000);

  it("maskIds: what is masked and what is left", () => {
    const masked = [
      "110101199003071234",
      "11010119900307123X",
      "110101900307123",
      "１１０１０１１９９００３０７１２３４",
      "110101 19900307 1234",
      "1101 0119 9003 0712 34",
      "110101-19900307-123x",
      "110101　19900307　1234",
      "1.10101E+17",
    ];
    for (const id of masked) expect([id, maskIdText(`证件号 ${id}。`)]).toEqual([id, `证件号 ${ID_MASK}。`]);
    const kept = ["2025-03-01 2025-04-30", "13800138000", "0.6666666666666666", "1234567890123456789", "第 3 支部 12 人", "2025-03-25"];
    for (const text of kept) expect(maskIdText(text)).toBe(text);
    expect(maskIds(Number("110101199003071234"))).toBe(ID_MASK);
    expect(maskIds(52)).toBe(52);
    expect(maskIds(null)).toBeNull();
  });
});

describe("the exported workbook", () => {
  it("is laid out as evaluate lays out our sheets: header, percentages, bold 合计, highlights, print setup", async () => {
    const out = tmp.file("汇总-版式.xlsx");
    expect((await cli("export", evaluated, "-o", out)).code).toBe(0);
    const source = (await load(evaluated)).getWorksheet(SHEET_NAMES.branches)!;
    const ws = (await load(out)).getWorksheet(SHEET_NAMES.branches)!;
    expect(ws.getCell("A2").font?.bold).toBe(true);
    expect(ws.getCell(`A${ws.rowCount}`).value).toBe("合计");
    expect(ws.getCell(`A${ws.rowCount}`).font?.bold).toBe(true);
    expect(ws.getCell("G3").numFmt).toBe(source.getCell("G3").numFmt);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    const formats = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    const overCap = columnLetters(BRANCH_COLUMNS.indexOf("优秀超限"));
    expect(formats.map((f) => f.ref)).toEqual([expect.stringMatching(new RegExp(`^${overCap}3:${overCap}\\d+$`))]);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", printTitlesRow: "1:2" });
  }, 60_000);
});
