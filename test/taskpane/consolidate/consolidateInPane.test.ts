import ExcelJS from "exceljs";
import { DEFAULT_RULES, evaluateWorkbook, SHEET_NAMES, type RuleSet } from "../../../src/engine";
import { CONSOLIDATED_SHEETS } from "../../../src/engine/consolidate";
import { createMemoryHost, MemoryWorkbook } from "../../../src/hosts/memory";
import { consolidateInPane, type ReceivedFile } from "../../../src/taskpane/consolidate/consolidateInPane";
import { summaryWorkbook } from "../../../src/taskpane/export/planWorkbook";
import { rosterInput, TODAY } from "../fixtures";

/**
 * 汇总上报 in the pane, on the in-memory Excel: summaries the pane exported, read as the browser
 * reads them, the same checks as the command line, the consolidation written as our sheets and
 * replaced — never doubled — when it runs again.
 */

async function summary(unitName: string, rules: Partial<RuleSet> = {}, file = `先教评议汇总-${unitName}.xlsx`): Promise<ReceivedFile> {
  const result = evaluateWorkbook(rosterInput(), { rules: { ...DEFAULT_RULES, ...rules, unitName }, today: TODAY() });
  const bytes = new Uint8Array((await summaryWorkbook(ExcelJS, result.plan).xlsx.writeBuffer()) as ArrayBuffer);
  return { name: file, bytes };
}

function book(): MemoryWorkbook {
  return MemoryWorkbook.fromGrids([{ name: "收文登记", values: [["单位", "收到日期"], ["城关镇党委", "2025-03-12"]] }]);
}

const options = { unitName: "XX县委组织部", today: "2025-03-15" };

describe("汇总上报 in the pane", () => {
  test("two units' summaries become our sheets: per unit with its 合计 and chart, per unit × branch, 说明; the user's sheet untouched", async () => {
    const workbook = book();
    const host = createMemoryHost(workbook);
    const done = await consolidateInPane(host, [await summary("城关镇党委"), await summary("河西乡党委")], options);
    expect(done.units.map((u) => u.unit)).toEqual(["城关镇党委", "河西乡党委"]);
    expect(done.rejected).toEqual([]);
    const units = workbook.sheet(CONSOLIDATED_SHEETS.consolidatedUnits)!;
    expect(String(workbook.value(CONSOLIDATED_SHEETS.consolidatedUnits, "A1"))).toMatch(/^XX县委组织部/);
    expect(workbook.value(CONSOLIDATED_SHEETS.consolidatedUnits, "A3")).toBe("城关镇党委");
    expect(workbook.value(CONSOLIDATED_SHEETS.consolidatedUnits, "A4")).toBe("河西乡党委");
    expect(workbook.value(CONSOLIDATED_SHEETS.consolidatedUnits, "A5")).toBe("合计");
    // each unit has the roster's 5 members: 10 in all
    expect(workbook.value(CONSOLIDATED_SHEETS.consolidatedUnits, "B5")).toBe(10);
    expect(units.charts).toHaveLength(1);
    expect(workbook.sheet(CONSOLIDATED_SHEETS.consolidatedBranches)).toBeTruthy();
    expect(workbook.value("收文登记", "A2")).toBe("城关镇党委");
    expect(done.report.sheets).toEqual(expect.arrayContaining([CONSOLIDATED_SHEETS.consolidatedUnits, CONSOLIDATED_SHEETS.consolidatedBranches]));
  });

  test("a file that is not a summary, a unit sent twice and other rules are each named and left out", async () => {
    const host = createMemoryHost(book());
    const notXlsx = { name: "通知.docx", bytes: new TextEncoder().encode("not a workbook") };
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("名单").addRow(["姓名"]);
    const roster = { name: "名单.xlsx", bytes: new Uint8Array((await plain.xlsx.writeBuffer()) as ArrayBuffer) };
    const files = [await summary("城关镇党委"), notXlsx, roster, await summary("城关镇党委", {}, "城关镇-重发.xlsx"), await summary("河西乡党委"), await summary("东坝乡党委", { study: { minHours: 40, minConcentratedDays: 3 } })];
    const done = await consolidateInPane(host, files, options);
    expect(done.units.map((u) => u.unit)).toEqual(["城关镇党委", "河西乡党委"]);
    expect(done.rejected.map((r) => [r.file, (r.error as { code: string }).code])).toEqual([
      ["通知.docx", "NOT_A_SUMMARY"],
      ["名单.xlsx", "NOT_A_SUMMARY"],
      ["城关镇-重发.xlsx", "DUPLICATE_UNIT"],
      ["先教评议汇总-东坝乡党委.xlsx", "MIXED_RULES_PANE"],
    ]);
    expect(String(done.rejected[3].error)).toMatch(/请该单位按统一的规则设置重新评议、导出后再报送/);
  });

  test("run again with other files: the earlier consolidation is replaced, not doubled, and an evaluation's sheets stay", async () => {
    const workbook = MemoryWorkbook.fromGrids([{ name: "党员名单", values: rosterInput().sheets[0].values as (string | number | null)[][] }]);
    const host = createMemoryHost(workbook);
    const evaluation = evaluateWorkbook(await host.readWorkbook(), { rules: { ...DEFAULT_RULES, unitName: "XX县委组织部" }, today: TODAY() });
    await host.applyPlan(evaluation.plan);
    await consolidateInPane(host, [await summary("城关镇党委")], options);
    const again = await consolidateInPane(host, [await summary("城关镇党委"), await summary("河西乡党委")], options);
    expect(again.issues).toEqual([]);
    const names = workbook.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith(CONSOLIDATED_SHEETS.consolidatedUnits))).toEqual([CONSOLIDATED_SHEETS.consolidatedUnits]);
    expect(names).toContain(SHEET_NAMES.branches);
    expect(workbook.value(CONSOLIDATED_SHEETS.consolidatedUnits, "A4")).toBe("河西乡党委");
  });

  test("no file to merge: a sentence, the reasons attached, and the workbook unchanged", async () => {
    const workbook = book();
    const before = workbook.sheets.map((s) => s.name);
    await expect(consolidateInPane(createMemoryHost(workbook), [{ name: "a.txt", bytes: new Uint8Array([1, 2, 3]) }], options)).rejects.toMatchObject({
      code: "NOTHING_TO_CONSOLIDATE_PANE",
      cause: [expect.objectContaining({ file: "a.txt" })],
    });
    expect(workbook.sheets.map((s) => s.name)).toEqual(before);
  });
});
