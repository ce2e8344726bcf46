import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { RESULT_HEADER_MARK, SHEET_MARK, type WorkbookPlan } from "../../../src/engine/plan/types";
import { applyPlanLean, applyPlanXlsx, leanInput, readXlsx, readXlsxLean, writeLeanXlsx, writeXlsx } from "../../../src/hosts/xlsx";
import { sheetMerges } from "../../../src/hosts/xlsx/read";
import { conditionalFormats, makeTempDir, reload, snapshotSheet } from "./helpers";

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => (tmp = makeTempDir()));
afterAll(() => tmp.cleanup());

/** A roster with what secretaries' files carry: title merge, frozen header, widths, validations, links, rich text, formulas. */
async function richRoster(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("党员名单", { views: [{ state: "frozen", ySplit: 3 }], pageSetup: { orientation: "landscape" } });
  ws.getCell("A1").value = "机关第一党支部党员评议台账";
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.mergeCells("A1:F1");
  ws.getRow(1).height = 30;
  ws.getCell("A2").value = { richText: [{ text: "填表说明：" }, { font: { color: { argb: "FFFF0000" } }, text: "学时按小时填写" }] };
  ws.getRow(3).values = ["序号", "姓名", "所在支部", "学时（小时）", "满意率", "入党日期"];
  ws.getRow(3).eachCell((cell) => (cell.style = { font: { bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } } }));
  const people = ["王建国", "李红", "赵敏", "孙立平"];
  people.forEach((name, i) => {
    const row = ws.getRow(4 + i);
    row.values = [i + 1, name, "机关第一党支部", 44 + i * 4, 0.8 + i * 0.05, new Date(Date.UTC(1990 + i, 6, 1))];
    row.getCell(5).numFmt = "0%";
    row.getCell(6).numFmt = "yyyy-mm-dd";
  });
  ws.getCell("D7").value = { formula: "40+12", result: 52 };
  ws.getCell("B5").value = { text: "李红", hyperlink: "https://example.org/lihong" };
  ws.getCell("C8").value = "=不是公式";
  ws.getCell("G4").style = { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } }; // styled, empty
  ws.getRow(6).hidden = true;
  ws.getRow(9).values = ["填表人：张三"];
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 22;
  ws.addConditionalFormatting({ ref: "D4:D7", rules: [{ type: "cellIs", operator: "lessThan", formulae: ["50"], priority: 1, style: { font: { italic: true } } }] });
  ws.getCell("C4").dataValidation = { type: "list", allowBlank: true, formulae: ['"机关第一党支部,机关第二党支部"'] };
  wb.definedNames.add("党员名单!$B$4:$B$7", "姓名列");
  const survey = wb.addWorksheet("满意度测评");
  survey.getRow(1).values = ["单位", "满意", "基本满意", "不满意"];
  survey.getRow(2).values = ["县住建局", 40, 5, 1];
  const file = tmp.file("台账.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

const plan = (title: string, rows: string[][]): WorkbookPlan => ({
  resultBlocks: [
    {
      sheet: "党员名单",
      firstColumn: 7, // H
      headerRow: 2,
      groupHeaderRow: 1,
      headers: ["学习情况", "评议等次", "问题说明"].map((h) => RESULT_HEADER_MARK + h),
      rows,
      highlights: [{ column: 1, rules: [{ match: "beginsWith", text: "不合格", colour: "red" }] }],
      widths: [12, 10, 30],
    },
  ],
  sheets: [
    {
      name: "评议-说明",
      kind: "about",
      rows: [[`${SHEET_MARK} · ${title}`], ["项目", "内容"], ["单位", "县直机关工委"]],
      headerRow: 1,
      boldRows: [],
      percentColumns: [],
      decimalColumns: [],
      widths: [12, 30],
      highlights: [],
    },
  ],
});
const first = plan("第一次", [["达标", "合格", ""], ["未达标", "不合格", "学时 48 < 50"], ["", "", ""], ["达标", "优秀", ""]]);
const second = plan("第二次", [["达标", "合格", ""], ["达标", "合格", ""], ["", "", ""], ["达标", "优秀", "=SUM(A1)"]]);

/** What a reader of the file sees of every sheet: cells with styles, merges, formats, validations, views, widths. */
function fileView(wb: ExcelJS.Workbook): unknown {
  return {
    names: (wb as unknown as { definedNames: { model: unknown } }).definedNames.model,
    sheets: wb.worksheets.map((ws) => ({
      name: ws.name,
      cells: snapshotSheet(ws),
      merges: sheetMerges(ws),
      cf: conditionalFormats(ws),
      validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
      views: ws.views,
      pageSetup: ws.pageSetup,
      widths: (ws.columns ?? []).map((c) => c.width ?? null),
      hidden: ws.getRows(1, ws.rowCount)?.map((r) => [r.number, r.hidden, r.height]),
    })),
  };
}

async function plainRun(input: string, p: WorkbookPlan, output: string): Promise<void> {
  const { workbook } = await readXlsx(input);
  applyPlanXlsx(workbook, p);
  await writeXlsx(workbook, output);
}

async function leanRun(input: string, p: WorkbookPlan, output: string): Promise<void> {
  const lean = await readXlsxLean(input);
  if (!lean) throw new Error("the lean reader refused a workbook without images or notes");
  applyPlanLean(lean, p);
  await writeLeanXlsx(lean, output);
}

describe("lean reading and writing (the command line's path)", () => {
  it("gives the engine the same grids as the plain reader", async () => {
    const file = await richRoster();
    const plain = (await readXlsx(file)).input;
    const lean = leanInput((await readXlsxLean(file))!);
    expect(lean.sheets.map((s) => [s.name, s.origin, s.merges, s.values])).toEqual(plain.sheets.map((s) => [s.name, s.origin, s.merges, s.values]));
    const formatAt = (s: (typeof plain.sheets)[number], r: number, c: number) => s.numberFormats?.[r]?.[c] ?? null;
    plain.sheets.forEach((sheet, i) => {
      sheet.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) expect([sheet.name, r, c, formatAt(lean.sheets[i], r, c)]).toEqual([sheet.name, r, c, formatAt(sheet, r, c)]);
        }),
      );
    });
    expect(lean.sheets[0].values[4][4]).toBeCloseTo(0.85); // E5 (origin A1)
    expect(formatAt(lean.sheets[0], 4, 4)).toBe("0%");
  });

  it("writes the same file as the plain reader and writer, on a first run and on a re-run", async () => {
    const input = await richRoster();
    await plainRun(input, first, tmp.file("plain-1.xlsx"));
    await leanRun(input, first, tmp.file("lean-1.xlsx"));
    const plain1 = await reload(tmp.file("plain-1.xlsx"));
    const lean1 = await reload(tmp.file("lean-1.xlsx"));
    expect(fileView(lean1)).toEqual(fileView(plain1));
    expect(lean1.getWorksheet("党员名单")!.getCell("H2").value).toBe("〔评议〕先教评议结果（自动生成，重新评议时替换）");
    expect(lean1.getWorksheet("党员名单")!.getCell("I5").value).toBe("不合格");
    expect(lean1.getWorksheet("党员名单")!.getCell("B5").value).toEqual({ text: "李红", hyperlink: "https://example.org/lihong" });
    expect(lean1.getWorksheet("党员名单")!.getCell("C8").value).toBe("=不是公式");

    await plainRun(tmp.file("lean-1.xlsx"), second, tmp.file("plain-2.xlsx"));
    await leanRun(tmp.file("lean-1.xlsx"), second, tmp.file("lean-2.xlsx"));
    const lean2 = await reload(tmp.file("lean-2.xlsx"));
    expect(fileView(lean2)).toEqual(fileView(await reload(tmp.file("plain-2.xlsx"))));
    expect(lean2.worksheets.map((ws) => ws.name)).toEqual(["党员名单", "满意度测评", "评议-说明"]); // ours replaced, not doubled
    expect(lean2.getWorksheet("党员名单")!.getCell("J7").value).toBe("=SUM(A1)");
    expect(lean2.getWorksheet("党员名单")!.getCell("J5").value).toBeNull(); // the first run's text cleared
  });

  it("leaves a workbook with notes to the plain reader, and refuses bad files with typed errors", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("党员名单");
    ws.getCell("A1").value = "姓名";
    ws.getCell("A1").note = "按身份证填写";
    await wb.xlsx.writeFile(tmp.file("批注.xlsx"));
    expect(await readXlsxLean(tmp.file("批注.xlsx"))).toBeNull();
    writeFileSync(tmp.file("坏.xlsx"), Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(100)]));
    await expect(readXlsxLean(tmp.file("坏.xlsx"))).rejects.toMatchObject({ code: "ZIP_CORRUPT" });
    await expect(readXlsxLean(tmp.file("没有.xlsx"))).rejects.toMatchObject({ code: "FILE_NOT_FOUND" });
  });
});
