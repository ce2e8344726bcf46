import { evaluateWorkbook, type RunOptions } from "../../../src/engine/run";
import { DEFAULT_RULES } from "../../../src/engine/rules";
import { GRADE_COLOURS, HIGHLIGHT_COLOURS, SHEET_NAMES } from "../../../src/engine/plan/types";
import { createMemoryHost, MemoryWorkbook } from "../../../src/hosts/memory";

/**
 * Our sheets as Excel prints them, applied through the Office host to the in-memory workbook:
 * the page layout (ExcelApi 1.9), the register's page breaks and borders, wrapped text, the
 * issues' links (ExcelApi 1.7) and the chart's colours and axis; an Excel without 1.9 gets
 * everything but the page layout, and nothing fails.
 */

const SHEET = "党员名单";
const options: RunOptions = { rules: DEFAULT_RULES, today: "2026-12-05", unitName: "城关镇党委" };

function ledger(): MemoryWorkbook {
  return MemoryWorkbook.fromGrids([
    {
      name: SHEET,
      values: [
        ["姓名", "所在支部", "学时", "满意度", "支部建议等次"],
        ["张伟", "第一党支部", 52, 90, "优秀"],
        ["王芳", "第一党支部", "四十", 60, "合格"],
        ["李娜", "第二党支部", 46, 85, "基本合格"],
        ["赵强", "第三党支部", 55, 88, "合格"],
      ],
    },
  ]);
}

async function review(book: MemoryWorkbook) {
  const host = createMemoryHost(book);
  const result = evaluateWorkbook(await host.readWorkbook(), options);
  await host.applyPlan(result.plan);
  return result;
}

describe("printing through the Office host", () => {
  test("the register: A4 upright, one page wide, title rows and page numbers, a page break before every branch but the first", async () => {
    const book = ledger();
    await review(book);
    const register = book.sheet(SHEET_NAMES.register)!;
    expect(register.pageLayout).toEqual({
      paperSize: "A4",
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: true,
      printTitleRows: "$1:$2",
      centerFooter: "第 &P 页 共 &N 页",
    });
    // branch lines on rows 3, 8 and 12: the second and third begin a page
    expect(book.value(SHEET_NAMES.register, "A3")).toBe("支部：第一党支部　　党员 2 人");
    expect(book.value(SHEET_NAMES.register, "A8")).toBe("支部：第二党支部　　党员 1 人");
    expect(register.pageBreaks).toEqual([7, 11]);
    expect(book.counters.pageBreaks).toBe(2);
  });

  test("the register's member rows are lined, its branch and signature lines are not; 处置建议 wraps and rows fit their text", async () => {
    const book = ledger();
    await review(book);
    const register = book.sheet(SHEET_NAMES.register)!;
    expect(book.evaluateConditionalFormat(SHEET_NAMES.register, "B4")?.border).toBe("#BFBFBF");
    expect(book.evaluateConditionalFormat(SHEET_NAMES.register, "G5")?.border).toBe("#BFBFBF");
    expect(book.evaluateConditionalFormat(SHEET_NAMES.register, "A3")?.border).toBeUndefined();
    expect(book.evaluateConditionalFormat(SHEET_NAMES.register, "A7")?.border).toBeUndefined();
    // the branch lines bold by one rule, whatever the number of branches; member rows are not
    expect(book.evaluateConditionalFormat(SHEET_NAMES.register, "A3")?.bold).toBe(true);
    expect(book.evaluateConditionalFormat(SHEET_NAMES.register, "A8")?.bold).toBe(true);
    expect(book.evaluateConditionalFormat(SHEET_NAMES.register, "B4")?.bold).toBeUndefined();
    expect(register.get(2, 0)?.bold).toBeUndefined();
    expect(register.get(1, 6)?.borders).toMatchObject({ top: "#BFBFBF", bottom: "#BFBFBF" });
    expect(register.get(4, 6)?.wrap).toBe(true);
    expect(register.get(4, 6)?.verticalAlignment).toBe("Top");
    expect(register.autofitRows.length).toBe(1);
    // 王芳's hours were "四十": 未录入 on the register, and her grade in its colour
    expect(book.value(SHEET_NAMES.register, "D5")).toBe("未录入");
  });

  test("the summaries print one page wide, sideways when wide, with their titles on every page", async () => {
    const book = ledger();
    await review(book);
    expect(book.sheet(SHEET_NAMES.branches)!.pageLayout).toMatchObject({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$1:$2" });
    expect(book.sheet(SHEET_NAMES.stages)!.pageLayout).toMatchObject({ orientation: "Portrait", printTitleRows: "$1:$2" });
    // the hidden technical sheet and the run record are not laid out for printing
    expect(book.sheet(SHEET_NAMES.technical)!.pageLayout).toEqual({});
    expect(book.sheet("评议-记录")!.pageLayout).toEqual({});
  });

  test("the chart: a series per grade in the grade's colour, whole members from 0, the legend under the plot, below the table", async () => {
    const book = ledger();
    const result = await review(book);
    const chart = book.sheet(SHEET_NAMES.branches)!.charts[0];
    expect(chart.seriesColours).toEqual((["优秀", "合格", "基本合格", "不合格", "待定"] as const).map((g) => HIGHLIGHT_COLOURS[GRADE_COLOURS[g]].fill));
    expect(chart.seriesLines).toEqual((["优秀", "合格", "基本合格", "不合格", "待定"] as const).map((g) => HIGHLIGHT_COLOURS[GRADE_COLOURS[g]].font));
    expect(chart).toMatchObject({ majorUnit: 1, minimum: 0, valueFormat: "0", legend: "Bottom", width: 454, height: 255 });
    const rows = result.plan.sheets.find((s) => s.kind === "branches")!.rows.length;
    expect(chart.position).toEqual({ start: `A${rows + 2}` });
  });

  test("each issue's cell links to that cell", async () => {
    const book = ledger();
    const result = await review(book);
    const issues = result.plan.sheets.find((s) => s.kind === "issues")!;
    const link = issues.links![0];
    const cell = book.sheet(SHEET_NAMES.issues)!.get(link.row, link.column)!;
    expect(cell.hyperlink).toEqual({ documentReference: `'${SHEET}'!${link.cell}`, textToDisplay: link.cell });
    expect(cell.value).toBe(link.cell);
    expect(book.counters.linksWritten).toBe(issues.links!.length);
  });

  test("an Excel without ExcelApi 1.9 gets no page layout and no page breaks, and the run still completes", async () => {
    const book = ledger();
    book.apiVersions = { ExcelApi: "1.8" };
    await review(book);
    expect(book.sheet(SHEET_NAMES.register)!.pageLayout).toEqual({});
    expect(book.sheet(SHEET_NAMES.register)!.pageBreaks).toEqual([]);
    expect(book.sheet(SHEET_NAMES.branches)!.charts[0].valueFormat).toBe("0");
  });

  test("the memory workbook refuses what Excel refuses: a page layout call without ExcelApi 1.9, zoom options Excel does not take", async () => {
    const book = ledger();
    book.apiVersions = { ExcelApi: "1.8" };
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).pageLayout.orientation = "Landscape";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    book.apiVersions = { ExcelApi: "1.9" };
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).pageLayout.zoom = { scale: 5 };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).horizontalPageBreaks.add("A1");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
