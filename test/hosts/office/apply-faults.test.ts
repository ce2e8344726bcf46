import { SHEET_NAMES, type ResultBlockPlan, type WorkbookPlan } from "../../../src/engine/plan/types";
import { XianjiaoError } from "../../../src/errors";
import { createMemoryHost, type MemoryWorkbook } from "../../../src/hosts/memory";
import { createOfficeHost, type ExcelRunner } from "../../../src/hosts/office";
import { F, ROSTER, fullPlan, issuesSheet, resultBlock, resultRow, rosterBook, snapshot, sum } from "./fixtures";

const STUDY = "学习记录";

/** A second result block, on the study-record sheet (D1:F3). */
function studyBlock(): ResultBlockPlan {
  return {
    sheet: STUDY,
    firstColumn: 3,
    previousWidth: 0,
    headerRow: 0,
    groupHeaderRow: null,
    headers: ["核对", "说明", "等次"],
    rows: [
      ["已核对", "学时按集中学习计", "合格"],
      ["已核对", "专题党课", "合格"],
    ],
    highlights: [],
    widths: [8, 16, 8],
  };
}

function twoBlocks(members: number): WorkbookPlan {
  return { ...fullPlan(members), resultBlocks: [resultBlock(members), studyBlock()] };
}

/** Every cell of every sheet, and the sheet names: "nothing was written" means this stays equal. */
function everything(book: MemoryWorkbook) {
  return { sheets: book.sheets.map((s) => s.name), cells: book.sheets.map((s) => [...snapshot(book, s.name)]), formats: book.sheets.map((s) => s.conditionalFormats.length) };
}

/** A runner that does `between` after the host's first sync (its look at the workbook), before it writes. */
function after1stSync(book: MemoryWorkbook, between: () => void): ExcelRunner {
  return (batch) =>
    book.runWith({ delayForCellEdit: true })((context) => {
      const sync = context.sync.bind(context);
      let syncs = 0;
      context.sync = async () => {
        await sync();
        if (++syncs === 1) between();
      };
      return batch(context);
    });
}

const hostOver = (book: MemoryWorkbook, run: ExcelRunner) => createOfficeHost(run, { settings: book.settings, isSetSupported: book.isSetSupported });

describe("office host: what Excel would refuse half-way is refused before anything is written", () => {
  test("two result blocks with the second sheet protected: the message names it and no cell of either is written", async () => {
    const book = rosterBook(12);
    book.protect(STUDY);
    const before = everything(book);
    const error = await createMemoryHost(book)
      .applyPlan(twoBlocks(12))
      .catch((e) => e);
    expect(error).toBeInstanceOf(XianjiaoError);
    expect(error.code).toBe("OFFICE_SHEET_PROTECTED");
    expect(error.vars).toEqual({ sheet: STUDY });
    expect(everything(book)).toEqual(before);
    expect(book.counters.cellsWritten + book.counters.formatOps + book.counters.conditionalFormatOps).toBe(0);
    book.protect(STUDY, false);
    await createMemoryHost(book).applyPlan(twoBlocks(12));
    expect([book.value(ROSTER, "I3"), book.value(STUDY, "F2")]).toEqual([resultRow(0)[3], "合格"]);
  });

  test("a workbook whose structure is protected is said so plainly, and nothing is written", async () => {
    const book = rosterBook(12);
    book.structureProtected = true;
    const before = everything(book);
    const error = await createMemoryHost(book)
      .applyPlan(fullPlan(12))
      .catch((e) => e);
    expect(error.code).toBe("OFFICE_WORKBOOK_PROTECTED");
    expect(error.message).toBe("工作簿的结构受保护（不能添加、删除或重命名工作表），评议无法建立汇总表，工作簿没有改动；请先撤销保护（审阅 → 保护工作簿）后再点评议");
    expect(everything(book)).toEqual(before);
    expect(book.counters.cellsWritten).toBe(0);
  });

  test("a workbook opened read-only (ExcelApi 1.8) is said so plainly, and nothing is written", async () => {
    const book = rosterBook(12);
    book.readOnly = true;
    const before = everything(book);
    const error = await createMemoryHost(book)
      .applyPlan(fullPlan(12))
      .catch((e) => e);
    expect(error.code).toBe("OFFICE_READ_ONLY");
    expect(error.message).toMatch(/^工作簿是以只读方式打开的，评议结果无法保存到这个文件，工作簿没有改动/);
    expect(everything(book)).toEqual(before);
  });

  test("an Excel without ExcelApi 1.8 is not asked whether it is read-only (it would fail), and the review runs", async () => {
    const book = rosterBook(12);
    book.apiVersions = { ExcelApi: "1.7" };
    book.readOnly = true;
    const report = await createMemoryHost(book).applyPlan(fullPlan(12));
    expect(report.resultSheets).toEqual([ROSTER]);
  });
});

describe("office host: a failure is named by its errorLocation, never guessed from the sheets of its sync", () => {
  test("the structure protected after the look fails at WorksheetCollection.add: the workbook is named, not the roster written in the same sync", async () => {
    const book = rosterBook(12);
    const error = await hostOver(
      book,
      after1stSync(book, () => (book.structureProtected = true)),
    )
      .applyPlan(fullPlan(12))
      .catch((e) => e);
    expect(error.code).toBe("OFFICE_WORKBOOK_PROTECTED");
    expect(error.written.resultSheets).toEqual([ROSTER]);
    expect(book.sheets.map((s) => s.name)).toEqual([ROSTER, STUDY]);
  });

  test("a sheet taken by the user after the look fails at Worksheet.name: the message names that sheet", async () => {
    const book = rosterBook(12);
    const error = await hostOver(
      book,
      after1stSync(book, () => book.addSheetData(SHEET_NAMES.stages)),
    )
      .applyPlan(fullPlan(12))
      .catch((e) => e);
    expect(error.code).toBe("OFFICE_NAME_TAKEN");
    expect(error.vars).toEqual({ sheet: SHEET_NAMES.stages });
  });

  test("a sheet protected after the look is found among the sheets of the failed sync", async () => {
    const book = rosterBook(12);
    const error = await hostOver(
      book,
      after1stSync(book, () => book.protect(STUDY)),
    )
      .applyPlan(twoBlocks(12))
      .catch((e) => e);
    expect(error.code).toBe("OFFICE_SHEET_PROTECTED");
    expect(error.vars).toEqual({ sheet: STUDY });
  });

  test("refused with no sheet protected (no edit rights), the message says so and names no sheet", async () => {
    const book = rosterBook(12);
    book.failAt({ sync: 2, error: { code: "AccessDenied", message: "You do not have permission.", errorLocation: "Range.values" } });
    const error = await createMemoryHost(book)
      .applyPlan(fullPlan(12))
      .catch((e) => e);
    expect(error.code).toBe("OFFICE_ACCESS_DENIED");
  });
});

describe("office host: Excel on the web's GeneralException for large requests", () => {
  test("a large request refused with GeneralException is halved like a payload error, and every row arrives", async () => {
    const book = rosterBook(25_000);
    book.payloadLimit = 1024 * 1024;
    book.oversizedAs = "GeneralException";
    await createMemoryHost(book).applyPlan(fullPlan(25_000));
    expect(book.counters.requestBytes.some((b) => b > book.payloadLimit)).toBe(true);
    expect(book.value(ROSTER, "I25002")).toBe(resultRow(24_999)[3]);
    expect(book.value(ROSTER, "F3")).toBe(resultRow(0)[0]);
  });

  test("a GeneralException on a small request is a real failure, said as such", async () => {
    const book = rosterBook(12);
    book.failAt({ sync: 2, error: { code: "GeneralException", message: "An internal error has occurred." } });
    const error = await createMemoryHost(book)
      .applyPlan(fullPlan(12))
      .catch((e) => e);
    expect(error.code).toBe("OFFICE_GENERAL");
    expect(book.counters.syncs).toBe(2 + 1); // the look, the refused write (no retry), the look for temporary sheets to drop
  });
});

describe("office host: our text stays the text we wrote", () => {
  const tricky = ["(12)", "¥12", "#N/A", "Jan 5", "1/5", "=学时 46 < 50", "TRUE", "'引号"];

  test("text Excel would turn into numbers, errors, dates or formulas stays text in the result block, which is formatted as text", async () => {
    const book = rosterBook(12);
    const plan = fullPlan(12);
    tricky.forEach((text, i) => (plan.resultBlocks[0].rows[i][5] = text));
    await createMemoryHost(book).applyPlan(plan);
    const cells = tricky.map((_, i) => `K${3 + i}`);
    expect(cells.map((c) => book.value(ROSTER, c))).toEqual(tricky);
    expect(cells.map((c) => book.valueType(ROSTER, c))).toEqual(tricky.map(() => "String"));
    expect(book.sheet(ROSTER)!.get(1, F)!.numberFormat).toBe("@");
    expect(book.sheet(ROSTER)!.get(14, F + 5)!.numberFormat).toBe("@");
    // the user's columns keep their own formats
    expect(book.sheet(ROSTER)!.get(2, 3)!.numberFormat).toBe("0.0");
    expect(book.sheet(ROSTER)!.get(1, F - 1)?.numberFormat).toBeUndefined();
  });

  test("on our sheets every such text keeps an apostrophe, so it stays text; numbers stay numbers", async () => {
    const book = rosterBook(12);
    const issues = issuesSheet(4);
    tricky.forEach((text, i) => issues.rows.push([5 + i, ROSTER, `D${7 + i}`, text, "学时应为数字"]));
    const plan = { ...fullPlan(12), sheets: [...fullPlan(12).sheets.slice(0, 2), issues] };
    plan.sheets[0].rows[2][0] = "(一)支部";
    plan.sheets[0].rows[3][0] = "(12)";
    await createMemoryHost(book).applyPlan(plan);
    const values = tricky.map((_, i) => `D${7 + i}`);
    expect(values.map((c) => book.value(SHEET_NAMES.issues, c))).toEqual(tricky);
    expect(values.map((c) => book.valueType(SHEET_NAMES.issues, c))).toEqual(tricky.map(() => "String"));
    expect([book.valueType(SHEET_NAMES.issues, "A3"), book.value(SHEET_NAMES.issues, "A3")]).toEqual(["Double", 1]);
    expect(["A3", "A4"].map((c) => [book.value(SHEET_NAMES.branches, c), book.valueType(SHEET_NAMES.branches, c)])).toEqual([
      ["(一)支部", "String"],
      ["(12)", "String"],
    ]);
    expect(book.value(SHEET_NAMES.branches, "B3")).toBe(1);
    expect(book.sheet(SHEET_NAMES.branches)!.get(2, 6)!.numberFormat).toBe("0.0%");
    expect(book.value(SHEET_NAMES.stages, "B3")).toBe("2025-03-01");
  });

  test("formatting as text costs a constant number of operations", async () => {
    const small = rosterBook(100);
    await createMemoryHost(small).applyPlan(fullPlan(100));
    const large = rosterBook(5_000);
    await createMemoryHost(large).applyPlan(fullPlan(5_000));
    expect(large.counters.formatOps).toBe(small.counters.formatOps);
    expect(sum(large.counters.requestBytes) / sum(small.counters.requestBytes)).toBeGreaterThan(10);
  });
});
