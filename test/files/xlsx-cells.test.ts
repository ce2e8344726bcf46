import ExcelJS from "exceljs";
import { cellValues, cli, load, tempDir } from "../cli/helpers";

/** Cells the written file must keep exactly: rich text run by run, formulas without results. */

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

describe("evaluate keeps every kind of user cell", () => {
  it("two different rich texts stay two different rich texts", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("党员名单");
    ws.getRow(1).values = ["姓名", "所在支部", "学时"];
    ws.getRow(2).values = ["王伟", "机关第一党支部", 52];
    ws.getRow(3).values = ["李秀英", "机关第二党支部", 38];
    ws.getCell("A2").value = { richText: [{ text: "王", font: { bold: true } }, { text: "伟" }] };
    ws.getCell("B3").value = { richText: [{ text: "机关第二", font: { color: { argb: "FFFF0000" } } }, { text: "党支部" }] };
    const input = tmp.file("富文本.xlsx");
    await wb.xlsx.writeFile(input);
    const out = tmp.file("富文本-结果.xlsx");
    expect((await cli("evaluate", input, "-o", out, "--today", "2025-03-25")).code).toBe(0);
    const before = cellValues((await load(input)).getWorksheet("党员名单")!);
    const after = cellValues((await load(out)).getWorksheet("党员名单")!);
    for (const [addr, value] of before) expect([addr, after.get(addr)]).toEqual([addr, value]);
    expect(after.get("A2")).toContain('"王"');
    expect(after.get("B3")).toContain('"机关第二"');
  });

  it("a formula column without cached results (as other tools save it) is never covered", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("党员名单");
    ws.getRow(1).values = ["姓名", "学时"];
    ws.getRow(2).values = ["王伟", 52];
    ws.getRow(3).values = ["李秀英", 38];
    ws.getCell("C2").value = { formula: 'IF(B2>=50,"达标","")' } as ExcelJS.CellFormulaValue;
    ws.getCell("C3").value = { formula: 'IF(B3>=50,"达标","")', result: "" } as ExcelJS.CellFormulaValue;
    const input = tmp.file("公式.xlsx");
    await wb.xlsx.writeFile(input);
    const out = tmp.file("公式-结果.xlsx");
    expect((await cli("evaluate", input, "-o", out, "--today", "2025-03-25")).code).toBe(0);
    const result = (await load(out)).getWorksheet("党员名单")!;
    expect(result.getCell("C2").formula).toBe('IF(B2>=50,"达标","")');
    expect(result.getCell("C3").formula).toBe('IF(B3>=50,"达标","")');
    expect(result.getCell("D1").value).toBe("学习情况");
  });
});
