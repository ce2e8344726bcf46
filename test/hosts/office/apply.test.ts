import { RESULT_GROUP_HEADER, SHEET_NAMES } from "../../../src/engine/plan/types";
import { XianjiaoError } from "../../../src/errors";
import { createMemoryHost } from "../../../src/hosts/memory";
import { createOfficeHost, TEMP_PREFIX, type ExcelRunner } from "../../../src/hosts/office";
import { F, ROSTER, fullPlan, issuesSheet, resultBlock, resultRow, rosterBook, snapshot } from "./fixtures";

const BLOCK = { fromCol: F, toCol: F + 5 };

async function applied(members: number, book = rosterBook(members)) {
  const host = createMemoryHost(book);
  const report = await host.applyPlan(fullPlan(members));
  return { book, host, report };
}

describe("office host: applying a plan", () => {
  test("writes the result block next to the user's columns and never touches user cells", async () => {
    const book = rosterBook(12);
    const rosterBefore = snapshot(book, ROSTER, BLOCK);
    const studyBefore = snapshot(book, "学习记录");
    const report = await createMemoryHost(book).applyPlan(fullPlan(12));

    expect(snapshot(book, ROSTER, BLOCK)).toEqual(rosterBefore);
    expect(snapshot(book, "学习记录")).toEqual(studyBefore);
    expect(book.value(ROSTER, "F1")).toBe(RESULT_GROUP_HEADER);
    expect(book.value(ROSTER, "F2")).toBe("学习情况");
    expect(book.value(ROSTER, "K2")).toBe("问题说明");
    expect(book.value(ROSTER, "F3")).toBe(resultRow(0)[0]);
    expect(book.value(ROSTER, "I14")).toBe(resultRow(11)[3]);
    // blank line and footer rows get no result text
    expect(book.value(ROSTER, "I15")).toBeNull();
    expect(book.value(ROSTER, "I16")).toBeNull();
    expect(book.value(ROSTER, "L3")).toBeNull();
    expect(report.resultSheets).toEqual([ROSTER]);
    expect(report.sheets).toEqual([SHEET_NAMES.branches, SHEET_NAMES.stages, SHEET_NAMES.issues]);
    expect(book.sheets.map((s) => s.name)).toEqual([ROSTER, "学习记录", SHEET_NAMES.branches, SHEET_NAMES.stages, SHEET_NAMES.issues]);
    expect(report.cellsWritten).toBe(book.counters.cellsWritten);
  });

  test("formula-looking and number-looking text stays text", async () => {
    const { book } = await applied(12);
    const data = book.sheet(ROSTER)!;
    expect(book.value(ROSTER, "K4")).toBe(resultRow(1)[5]);
    expect(book.value(ROSTER, "K5")).toBe(resultRow(2)[5]);
    expect(book.value(ROSTER, "K6")).toBe(resultRow(3)[5]);
    expect(book.value(ROSTER, "K7")).toBe(resultRow(4)[5]);
    expect(resultRow(1)[5].startsWith("=")).toBe(true);
    expect(book.value(ROSTER, "G13")).toBe("70"); // 满意度 70 written as the text the engine gave
    expect(book.value(SHEET_NAMES.issues, "D3")).toBe("-5");
    expect(book.value(SHEET_NAMES.stages, "B3")).toBe("2025-03-01");
    const formulas = data.rows.flatMap((line) => (line ?? []).filter((cell) => cell?.formula !== undefined));
    expect(formulas).toEqual([]);
  });

  test("highlights are conditional formats that colour the text as the plan orders them", async () => {
    const { book } = await applied(12);
    const data = book.sheet(ROSTER)!;
    // grade column I: rows 3.. hold 合格, 优秀, 基本合格, 不合格, 合格（待审批）, 待定, …
    expect(["I3", "I4", "I5", "I6", "I7", "I8"].map((c) => book.highlightAt(ROSTER, c))).toEqual(["green", "deepGreen", "amber", "red", "amber", "grey"]);
    expect(book.highlightAt(ROSTER, "J6")).toBe("red"); // 组织处置
    expect(book.highlightAt(ROSTER, "H3")).toBe("red"); // 未提出书面申请
    expect(book.highlightAt(ROSTER, "H4")).toBeNull(); // 已提交
    expect(book.highlightAt(ROSTER, "K4")).toBeNull(); // 问题说明 has no highlight
    // a hand edit recolours itself
    data.cell(2, 8).value = "不合格（支部大会表决）";
    expect(book.highlightAt(ROSTER, "I3")).toBe("red");
    // no per-cell fills in the data rows: only headers carry a fill
    for (let r = 2; r < 16; r++) for (let c = F; c <= F + 5; c++) expect(data.get(r, c)?.fill).toBeUndefined();
    const ours = data.conditionalFormats.filter((cf) => cf.rects.every((rect) => rect.left >= F && rect.right <= F + 5));
    expect(ours).toHaveLength(data.conditionalFormats.length);
    expect(ours.every((cf) => cf.stopIfTrue)).toBe(true);
  });

  test("a re-run replaces the block and our sheets in place", async () => {
    const book = rosterBook(30);
    const host = createMemoryHost(book);
    await host.applyPlan(fullPlan(30));
    const first = {
      sheets: book.sheets.map((s) => s.name),
      used: book.sheet(ROSTER)!.usedRect(false),
      cfs: book.sheets.map((s) => s.conditionalFormats.length),
      charts: book.sheets.map((s) => s.charts.length),
    };
    const userBefore = snapshot(book, ROSTER, BLOCK);
    await host.applyPlan(fullPlan(30, 1, true));
    expect(book.sheets.map((s) => s.name)).toEqual(first.sheets);
    expect(book.sheet(ROSTER)!.usedRect(false)).toEqual(first.used);
    expect(book.sheets.map((s) => s.conditionalFormats.length)).toEqual(first.cfs);
    expect(book.sheets.map((s) => s.charts.length)).toEqual(first.charts);
    expect(snapshot(book, ROSTER, BLOCK)).toEqual(userBefore);
    expect(book.value(ROSTER, "I3")).toBe(resultRow(0, 1)[3]);
    expect(book.sheets.some((s) => s.name.startsWith(TEMP_PREFIX))).toBe(false);
  });

  test("a narrower, shorter block clears what the previous run left", async () => {
    const book = rosterBook(20);
    const host = createMemoryHost(book);
    await host.applyPlan(fullPlan(20));
    const plan = fullPlan(20, 0, true);
    const block = plan.resultBlocks[0];
    block.headers = block.headers.slice(0, 4);
    block.widths = block.widths.slice(0, 4);
    block.rows = block.rows.map((r) => r.slice(0, 4));
    block.highlights = block.highlights.filter((h) => h.column < 4);
    await host.applyPlan(plan);
    expect(book.value(ROSTER, "I2")).toBe("评议等次");
    expect(book.value(ROSTER, "J2")).toBeNull();
    expect(book.value(ROSTER, "J6")).toBeNull();
    expect(book.value(ROSTER, "K4")).toBeNull();
    expect(book.sheet(ROSTER)!.conditionalFormats.every((cf) => cf.rects.every((r) => r.right <= F + 3))).toBe(true);
    expect(book.sheet(ROSTER)!.usedRect(true)!.right).toBe(F + 3);
  });

  test("format and conditional-format operations do not grow with rows", async () => {
    const small = await applied(100);
    const large = await applied(10_000);
    expect(large.book.counters.formatOps).toBe(small.book.counters.formatOps);
    expect(large.book.counters.conditionalFormatOps).toBe(small.book.counters.conditionalFormatOps);
    expect(large.book.sheet(ROSTER)!.conditionalFormats.length).toBe(small.book.sheet(ROSTER)!.conditionalFormats.length);
  });

  test("syncs stay constant as rows grow, plus one per 4 MB chunk", async () => {
    const a = await applied(100);
    const b = await applied(1_000);
    expect(b.book.counters.syncs).toBe(a.book.counters.syncs);
    const c = await applied(10_000);
    const total = c.book.counters.requestBytes.reduce((x, y) => x + y, 0);
    expect(c.book.counters.syncs).toBeGreaterThanOrEqual(a.book.counters.syncs);
    expect(c.book.counters.syncs).toBeLessThanOrEqual(a.book.counters.syncs + Math.ceil(total / (4 * 1024 * 1024)));
    // a re-run looks and writes the same way
    a.book.resetCounters();
    await a.host.applyPlan(fullPlan(100, 0, true));
    expect(a.book.counters.syncs).toBe(2);
  });

  test("at 25,000 rows every request stays under 4 MB and all rows arrive", async () => {
    const { book } = await applied(25_000);
    expect(book.counters.largestRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(book.counters.requestBytes.length).toBe(book.counters.syncs);
    expect(book.counters.syncs).toBeGreaterThan(2); // chunked
    expect(book.value(ROSTER, "I25002")).toBe(resultRow(24_999)[3]);
    expect(book.highlightAt(ROSTER, "I25002")).not.toBeUndefined();
  });

  test("when Excel refuses a request as too large, the chunk is halved and retried", async () => {
    const book = rosterBook(8_000);
    book.payloadLimit = 600 * 1024;
    const progress: number[] = [];
    await createMemoryHost(book).applyPlan(fullPlan(8_000), { onProgress: (f) => progress.push(f) });
    const refused = book.counters.requestBytes.filter((b) => b > book.payloadLimit);
    expect(refused.length).toBeGreaterThan(0);
    expect(book.value(ROSTER, "I8002")).toBe(resultRow(7_999)[3]);
    expect(book.value(ROSTER, "F3")).toBe(resultRow(0)[0]);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(progress[progress.length - 1]).toBe(1);
  });

  test("a request that cannot be made small enough gives the payload message", async () => {
    const book = rosterBook(50);
    book.payloadLimit = 100;
    const error = await createMemoryHost(book).applyPlan(fullPlan(50)).catch((e) => e);
    expect(error).toBeInstanceOf(XianjiaoError);
    expect(error.code).toBe("OFFICE_PAYLOAD_TOO_LARGE");
  });

  test("the branch summary gets a clustered column chart of grades per branch", async () => {
    const { book } = await applied(12);
    const sheet = book.sheet(SHEET_NAMES.branches)!;
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart.type).toBe("ColumnClustered");
    expect(chart.seriesBy).toBe("Columns");
    expect(chart.title).toBe("各支部评议等次");
    expect(chart.source).toEqual({ top: 1, left: 13, bottom: 4, right: 17 }); // N2:R5: 优秀 … 待定
    expect(chart.categoryNames).toEqual({ top: 2, left: 0, bottom: 4, right: 0 }); // A3:A5
    expect(book.sheet(SHEET_NAMES.stages)!.charts).toHaveLength(0);
  });

  test("our sheets carry their formats: percent and decimal columns, bold total, frozen header", async () => {
    const { book } = await applied(12);
    const sheet = book.sheet(SHEET_NAMES.branches)!;
    expect(book.value(SHEET_NAMES.branches, "A1")).toMatch(/^先教评议助手/);
    expect(sheet.get(0, 0)!.bold).toBe(true);
    expect(sheet.get(2, 6)!.numberFormat).toBe("0.0%"); // 学习达标率 G3
    expect(sheet.get(2, 7)!.numberFormat).toBe("0.0"); // 平均学时 H3
    expect(sheet.get(5, 0)!.bold).toBe(true); // 合计
    expect(sheet.get(2, 0)!.bold).toBeUndefined();
    expect(sheet.get(1, 3)!.fill).toBeDefined(); // header
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.columnWidths.get(0)).toBeGreaterThan(0);
    expect(book.highlightAt(SHEET_NAMES.stages, "D3")).toBe("green"); // 已结束
    expect(book.highlightAt(SHEET_NAMES.stages, "D7")).toBe("amber"); // 进行中
  });

  test("a sheet the plan does not remove is never replaced: a name taken since the read is refused", async () => {
    const book = rosterBook(12);
    const user = book.addSheetData(SHEET_NAMES.issues);
    user.cell(0, 0).value = "我自己的数据问题登记";
    const before = snapshot(book, SHEET_NAMES.issues);
    const error = await createMemoryHost(book).applyPlan(fullPlan(12)).catch((e) => e);
    expect(error).toBeInstanceOf(XianjiaoError);
    expect(error.code).toBe("OFFICE_NAME_TAKEN");
    expect(snapshot(book, SHEET_NAMES.issues)).toEqual(before);
    expect(book.sheets.map((s) => s.name)).toEqual([ROSTER, "学习记录", SHEET_NAMES.issues]);
  });

  test("while a cell is being edited the run waits (delayForCellEdit), writes nothing, and carries on when the edit ends", async () => {
    const book = rosterBook(12);
    const before = snapshot(book, ROSTER);
    book.cellEditMode = true;
    let done = false;
    const applying = createMemoryHost(book)
      .applyPlan(fullPlan(12))
      .then((report) => ((done = true), report));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    expect(book.syncsWaitingForEdit).toBe(1);
    expect(snapshot(book, ROSTER)).toEqual(before);
    book.cellEditMode = false;
    const report = await applying;
    expect(report.resultSheets).toEqual([ROSTER]);
    expect(book.value(ROSTER, "F2")).toBe("学习情况");
  });

  test("an Excel that fails in cell-edit mode instead of waiting gives the Enter/Esc message, and a later run works", async () => {
    const book = rosterBook(12);
    const host = createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported });
    book.cellEditMode = true;
    const error = await host.applyPlan(fullPlan(12)).catch((e) => e);
    expect(error).toBeInstanceOf(XianjiaoError);
    expect(error.code).toBe("OFFICE_CELL_EDIT");
    expect(error.message).toContain("Enter");
    book.cellEditMode = false;
    await host.applyPlan(fullPlan(12));
    expect(book.value(ROSTER, "F2")).toBe("学习情况");
  });

  test("a protected roster sheet is named in the message and nothing is written", async () => {
    const book = rosterBook(12);
    book.protect(ROSTER);
    const before = snapshot(book, ROSTER);
    const host = createMemoryHost(book);
    const error = await host.applyPlan(fullPlan(12)).catch((e) => e);
    expect(error).toBeInstanceOf(XianjiaoError);
    expect(error.code).toBe("OFFICE_SHEET_PROTECTED");
    expect(error.message).toContain(`“${ROSTER}”受保护`);
    expect(snapshot(book, ROSTER)).toEqual(before);
    expect(book.sheets).toHaveLength(2);
    book.protect(ROSTER, false);
    await host.applyPlan(fullPlan(12));
    expect(book.value(ROSTER, "I3")).toBe("合格");
  });

  test("protection that only shows at write time is still reported with the sheet", async () => {
    const book = rosterBook(12);
    // the sheet gets protected after the host looked at it, before it writes
    const racing: ExcelRunner = (batch) =>
      book.run((context) => {
        const sync = context.sync.bind(context);
        let syncs = 0;
        context.sync = async () => {
          if (++syncs === 2) book.protect(ROSTER);
          await sync();
        };
        return batch(context);
      });
    const error = await createOfficeHost(racing, { settings: book.settings, isSetSupported: book.isSetSupported })
      .applyPlan(fullPlan(12))
      .catch((e) => e);
    expect(error.code).toBe("OFFICE_SHEET_PROTECTED");
    expect(error.vars.sheet).toBe(ROSTER);
    expect(book.sheets.map((s) => s.name)).toEqual([ROSTER, "学习记录"]);
    book.protect(ROSTER, false);
    await createMemoryHost(book).applyPlan(fullPlan(12));
    expect(book.value(ROSTER, "I3")).toBe("合格");
  });

  test("a failure half-way leaves no half-built sheet, says what was written, and a re-run repairs", async () => {
    const clean = (await applied(3_000)).book;
    const book = rosterBook(3_000);
    const host = createMemoryHost(book);
    book.payloadLimit = 200 * 1024; // many write syncs
    book.failAt({ sync: 6, error: { code: "GeneralException", message: "An internal error has occurred." } });
    const error = await host.applyPlan(fullPlan(3_000)).catch((e) => e);
    expect(error).toBeInstanceOf(XianjiaoError);
    expect(error.code).toBe("OFFICE_GENERAL");
    expect(error.written.resultSheets).toEqual([ROSTER]);
    expect(error.written.sheets).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual([ROSTER, "学习记录"]);
    book.payloadLimit = 5 * 1024 * 1024;
    await host.applyPlan(fullPlan(3_000, 0, true));
    expect(book.toGrids()).toEqual(clean.toGrids());
    expect(book.sheet(ROSTER)!.conditionalFormats.length).toBe(clean.sheet(ROSTER)!.conditionalFormats.length);
  });

  test("leftover temporary sheets of an interrupted run are removed by the next run", async () => {
    const book = rosterBook(12);
    const left = book.addSheetData(`${TEMP_PREFIX}1`);
    left.cell(0, 0).value = "先教评议助手 · 支部汇总";
    await createMemoryHost(book).applyPlan(fullPlan(12));
    expect(book.sheets.map((s) => s.name)).toEqual([ROSTER, "学习记录", SHEET_NAMES.branches, SHEET_NAMES.stages, SHEET_NAMES.issues]);
  });

  test("cancelling stops between chunks with an AbortError", async () => {
    const book = rosterBook(40_000);
    const controller = new AbortController();
    const error = await createMemoryHost(book)
      .applyPlan(fullPlan(40_000), { signal: controller.signal, onProgress: (f) => f > 0.1 && controller.abort() })
      .catch((e) => e);
    expect(error.name).toBe("AbortError");
    expect(book.sheets.map((s) => s.name)).toEqual([ROSTER, "学习记录"]);
    expect(book.value(ROSTER, "F2")).toBe("学习情况"); // the first chunk was written
    expect(book.value(ROSTER, "I40002")).toBeNull(); // the last was not
  });

  test("an issues sheet of many rows is chunked like the block", async () => {
    const book = rosterBook(10);
    const plan = { resultBlocks: [resultBlock(10)], sheets: [issuesSheet(60_000)], removeSheets: [], names: [] };
    await createMemoryHost(book).applyPlan(plan);
    expect(book.counters.largestRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(book.value(SHEET_NAMES.issues, "E60002")).toBe("学时应为数字");
  });
});
