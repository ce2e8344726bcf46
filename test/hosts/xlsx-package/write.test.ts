import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import {
  RESULT_GROUP_HEADER,
  SHEET_MARK,
  type ResultBlockPlan,
  type SheetPlan,
  type WorkbookPlan,
} from "../../../src/engine/plan/types";
import { blockEdits, readPackage, writePackage, type WrittenSheets } from "../../../src/hosts/xlsx-package";
import { installStopIfTrue } from "../../../src/hosts/xlsx/stop-if-true";
import { conditionalFormats, makeTempDir, reload, sheetXml, snapshotSheet } from "./helpers";

installStopIfTrue(); // so exceljs reads the stopIfTrue flag back

/** Reads `input`, applies `plan` at the XML level and writes `output`. */
async function applyPlan(input: string, plan: WorkbookPlan, output: string): Promise<WrittenSheets> {
  const { input: grids, read } = await readPackage(input);
  return writePackage(read, plan, blockEdits(grids, plan.resultBlocks), output);
}

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => (tmp = makeTempDir()));
afterAll(() => tmp.cleanup());

/** A roster as a secretary keeps it: merged title, header in row 2, data, a footer line. */
async function userWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("党员名单");
  ws.getCell("A1").value = "机关第一党支部党员评议台账";
  ws.mergeCells("A1:D1");
  ws.getRow(2).values = ["序号", "姓名", "所在支部", "学时（小时）"];
  ws.getRow(2).font = { bold: true };
  ws.getRow(3).values = [1, "王建国", "机关第一党支部", 56];
  ws.getRow(4).values = [2, "李红", "机关第一党支部", 46];
  ws.getRow(5).values = [3, "赵敏", "机关第一党支部", 52];
  ws.getCell("D5").numFmt = "0.0";
  ws.getRow(6).values = ["填表人：张三", null, "日期：2025-03-01"];
  ws.addConditionalFormatting({
    ref: "D3:D5",
    rules: [{ type: "cellIs", operator: "lessThan", formulae: ["50"], priority: 1, style: { font: { italic: true } } }],
  });
  const notes = wb.addWorksheet("评议-说明");
  notes.getCell("A1").value = "我自己的说明，请勿改动";
  notes.getCell("B3").value = 42;
  const file = tmp.file("台账.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

function block(headers: string[], rows: string[][], previousWidth = 0): ResultBlockPlan {
  return {
    sheet: "党员名单",
    firstColumn: 4, // E
    previousWidth,
    headerRow: 1,
    groupHeaderRow: 0,
    headers,
    rows,
    highlights: [
      {
        column: 1,
        rules: [
          { match: "beginsWith", text: "不合格", colour: "red" },
          { match: "contains", text: "待审批", colour: "amber" },
          { match: "equals", text: "合格", colour: "green" },
        ],
      },
    ],
    widths: headers.map(() => 14),
  };
}

const branchSheet = (title: string): SheetPlan => ({
  name: "评议-支部汇总",
  kind: "branches",
  rows: [
    [`${SHEET_MARK} · ${title}`],
    ["支部", "党员数", "学习达标率", "平均学时", "备注"],
    ["机关第一党支部", 3, 2 / 3, 51.333, "=HYPERLINK(\"x\")"],
    ["合计", 3, 2 / 3, 51.333, "+86 电话"],
  ],
  headerRow: 1,
  boldRows: [3],
  percentColumns: [2],
  decimalColumns: [3],
  widths: [18, 8, 10, 10, 12],
  highlights: [{ column: 2, rules: [{ match: "equals", text: "0", colour: "red" }] }],
});

/** The user has a sheet of their own named 评议-说明: the engine names ours 评议-说明(2). */
const aboutSheet: SheetPlan = {
  name: "评议-说明(2)",
  kind: "about",
  rows: [[`${SHEET_MARK} · 说明`], ["项目", "内容"], ["单位", "县直机关工委"]],
  headerRow: 1,
  boldRows: [],
  percentColumns: [],
  decimalColumns: [],
  widths: [12, 30],
  highlights: [],
};

const firstPlan: WorkbookPlan = {
  resultBlocks: [
    block(
      ["学习情况", "评议等次", "问题说明", "备注"],
      [
        ["达标", "合格", "", "-5 分"],
        ["未达标（差 4 学时）", "不合格（待审批）", "学时 46 < 50，差 4 学时", "=SUM(A1:A3)"],
        ["达标", "优秀", "", "@张三"],
        ["", "", "", ""],
      ],
    ),
  ],
  sheets: [branchSheet("第一次"), aboutSheet],
  removeSheets: [],
  names: [],
};

describe("writePackage", () => {
  it("writes the result block and our sheets without changing any user cell", async () => {
    const input = await userWorkbook();
    const workbook = await reload(input);
    const rosterBefore = snapshotSheet(workbook.getWorksheet("党员名单")!, 4);
    const notesBefore = snapshotSheet(workbook.getWorksheet("评议-说明")!);
    const out = tmp.file("结果.xlsx");
    const report = await applyPlan(input, firstPlan, out);
    expect(report.resultSheets).toEqual(["党员名单"]);
    expect(report.sheets).toEqual(["评议-支部汇总", "评议-说明(2)"]);

    const back = await reload(out);
    const roster = back.getWorksheet("党员名单")!;
    expect(snapshotSheet(roster, 4)).toEqual(rosterBefore);
    expect(snapshotSheet(back.getWorksheet("评议-说明")!)).toEqual(notesBefore);

    expect(roster.getCell("E1").value).toBe(RESULT_GROUP_HEADER);
    expect(roster.getCell("E1").isMerged).toBe(true);
    expect(roster.getCell("H1").master.address).toBe("E1");
    expect(roster.getCell("E2").value).toBe("学习情况");
    expect(roster.getCell("E2").font?.bold).toBe(true);
    expect(roster.getCell("H2").value).toBe("备注");
    expect(roster.getCell("F4").value).toBe("不合格（待审批）");
    expect(roster.getCell("G4").value).toBe("学时 46 < 50，差 4 学时");
    // text that looks like a formula stays text
    expect(roster.getCell("H4").value).toBe("=SUM(A1:A3)");
    expect(roster.getCell("H4").type).toBe(ExcelJS.ValueType.String);
    expect(roster.getCell("H3").value).toBe("-5 分");
    expect(roster.getCell("H5").value).toBe("@张三");
    expect(roster.getCell("E6").value).toBeNull(); // footer row stays empty
    expect(roster.getColumn(5).width).toBe(14);

    const ours = conditionalFormats(roster).filter((cf) => cf.ref === "F3:F6");
    expect(ours).toHaveLength(1);
    const rules = ours[0].rules as (ExcelJS.ExpressionRuleType & { stopIfTrue?: boolean })[];
    expect(rules.map((r) => r.type)).toEqual(["expression", "expression", "expression"]);
    expect(rules.map((r) => r.formulae![0])).toEqual([
      'LEFT(F3,3)="不合格"',
      'ISNUMBER(SEARCH("待审批",F3))',
      'F3="合格"',
    ]);
    expect(rules.map((r) => r.stopIfTrue)).toEqual([true, true, true]);
    const priorities = rules.map((r) => r.priority!);
    expect([...priorities].sort((a, b) => a - b)).toEqual(priorities);
    expect(rules[0].style?.fill).toMatchObject({ bgColor: { argb: "FFFFC7CE" } });
    expect(rules[0].style?.font?.color).toMatchObject({ argb: "FF9C0006" });
    expect(rules[1].style?.fill).toMatchObject({ bgColor: { argb: "FFFFEB9C" } });
    expect(rules[2].style?.fill).toMatchObject({ bgColor: { argb: "FFC6EFCE" } });
    // the user's own conditional format survives
    expect(conditionalFormats(roster).some((cf) => cf.ref === "D3:D5")).toBe(true);

    const xml = await sheetXml(out, readFileSync(out), 1);
    expect(xml).not.toContain("containsText");
    expect(xml).toMatch(/<cfRule type="expression"[^>]*stopIfTrue="1"/);

    const summary = back.getWorksheet("评议-支部汇总")!;
    expect(String(summary.getCell("A1").value)).toMatch(new RegExp(`^${SHEET_MARK}`));
    expect(summary.getCell("B2").font?.bold).toBe(true);
    expect(summary.getCell("C3").numFmt).toBe("0.0%");
    expect(summary.getCell("D3").numFmt).toBe("0.0");
    expect(summary.getCell("D3").value).toBeCloseTo(51.333);
    expect(summary.getCell("A4").font?.bold).toBe(true);
    expect(summary.getCell("E3").value).toBe('=HYPERLINK("x")');
    expect(summary.getCell("E3").type).toBe(ExcelJS.ValueType.String);
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(back.getWorksheet("评议-说明(2)")!.getCell("B3").value).toBe("县直机关工委");
  });

  it("replaces a previous run's block and sheets in place on a second apply", async () => {
    const input = await userWorkbook();
    const once = tmp.file("一次.xlsx");
    await applyPlan(input, firstPlan, once);

    const rosterBefore = snapshotSheet((await reload(once)).getWorksheet("党员名单")!, 4);
    const smaller: WorkbookPlan = {
      resultBlocks: [block(["学习情况", "评议等次"], [["达标", "合格"], ["", ""], ["达标", "待定"], ["", ""]], 4)],
      sheets: [branchSheet("第二次"), aboutSheet],
      removeSheets: ["评议-支部汇总", "评议-说明(2)"],
      names: [],
    };
    const twice = tmp.file("两次.xlsx");
    const report = await applyPlan(once, smaller, twice);
    expect(report.sheets).toEqual(["评议-支部汇总", "评议-说明(2)"]);

    const back = await reload(twice);
    expect(back.worksheets.map((ws) => ws.name)).toEqual(["党员名单", "评议-说明", "评议-支部汇总", "评议-说明(2)"]);
    const roster = back.getWorksheet("党员名单")!;
    expect(snapshotSheet(roster, 4)).toEqual(rosterBefore);
    expect(roster.getCell("E2").value).toBe("学习情况");
    expect(roster.getCell("F2").value).toBe("评议等次");
    for (const addr of ["G2", "H2", "E4", "F4", "G4", "H4", "H3", "H5", "G1", "H1"]) {
      expect([addr, roster.getCell(addr).value]).toEqual([addr, null]);
    }
    expect(roster.getCell("F5").value).toBe("待定");
    expect(roster.getCell("E1").value).toBe(RESULT_GROUP_HEADER);
    expect(roster.getCell("F1").master.address).toBe("E1");
    expect(roster.getCell("G1").isMerged).toBe(false);
    const ours = conditionalFormats(roster).filter((cf) => cf.ref !== "D3:D5");
    expect(ours.map((cf) => cf.ref)).toEqual(["F3:F6"]);
    expect(back.getWorksheet("评议-支部汇总")!.getCell("A1").value).toBe(`${SHEET_MARK} · 第二次`);
    expect(back.getWorksheet("评议-说明")!.getCell("A1").value).toBe("我自己的说明，请勿改动");
  });

  it("prints our sheets on A4 with the title and header on every page, column A too when wider than a page", async () => {
    const input = await userWorkbook();
    const wide: SheetPlan = { ...branchSheet("宽表"), print: { landscape: true, pagesWide: 2, titleRows: 2, repeatFirstColumn: true, rowBreaks: [5], footer: "第 &P 页 共 &N 页" } };
    const out = tmp.file("打印.xlsx");
    await applyPlan(input, { resultBlocks: [], sheets: [wide, aboutSheet], removeSheets: [], names: [] }, out);
    const back = await reload(out);
    const branches = back.getWorksheet("评议-支部汇总")!;
    expect(branches.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 2, fitToHeight: 0, printTitlesRow: "1:2", printTitlesColumn: "A:A" });
    const about = back.getWorksheet("评议-说明(2)")!;
    expect(about.pageSetup).toMatchObject({ orientation: "portrait", fitToWidth: 1, printTitlesRow: "1:2" });
    expect(about.pageSetup.printTitlesColumn).toBeUndefined();
    // the user's own sheets keep their page setup: no print titles were given to them
    expect(back.getWorksheet("党员名单")!.pageSetup.printTitlesRow).toBeUndefined();
    expect(back.getWorksheet("评议-说明")!.pageSetup.printTitlesRow).toBeUndefined();
  });

  it("leaves the write atomic: a write that cannot happen leaves no file behind", async () => {
    const target = tmp.file("no-such-folder/结果.xlsx");
    await expect(applyPlan(await userWorkbook(), firstPlan, target)).rejects.toMatchObject({ code: "OUTPUT_FOLDER_MISSING" });
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
