import { MemoryWorkbook } from "../../../src/hosts/memory";

const code = (promise: Promise<unknown>) => promise.then(() => "resolved", (e: { code?: string }) => e.code);

function book() {
  return MemoryWorkbook.fromGrids([{ name: "党员名单", values: [["姓名"], ["王建国"]] }]);
}

describe("memory workbook: limits, faults and counters", () => {
  test("a request over the payload limit is refused whole", async () => {
    const wb = book();
    wb.payloadLimit = 10_000;
    const big = Array.from({ length: 2_000 }, () => ["合格"]);
    const result = wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("党员名单");
      sheet.getRange("B1").values = [["先写的"]];
      sheet.getRange("C1:C2000").values = big;
      await context.sync();
    });
    expect(await code(result)).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.value("党员名单", "B1")).toBeNull();
    expect(wb.counters.largestRequestBytes).toBeGreaterThan(10_000);
  });

  test("an answer over the limit is refused too", async () => {
    const wb = book();
    wb.payloadLimit = 10_000;
    const result = wb.run(async (context) => {
      context.workbook.worksheets.getItem("党员名单").getRange("A1:C2000").load("values");
      await context.sync();
    });
    expect(await code(result)).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("failAt fails the n-th sync from now before it applies anything", async () => {
    const wb = book();
    wb.failAt({ sync: 2, error: { code: "GeneralException", message: "An internal error has occurred." } });
    const result = wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("党员名单");
      sheet.getRange("B1").values = [["一"]];
      await context.sync();
      sheet.getRange("B2").values = [["二"]];
      await context.sync();
    });
    expect(await code(result)).toBe("GeneralException");
    expect([wb.value("党员名单", "B1"), wb.value("党员名单", "B2")]).toEqual(["一", null]);
  });

  test("cell-edit mode and protected sheets fail like Excel", async () => {
    const wb = book();
    wb.cellEditMode = true;
    expect(await code(wb.run(async (c) => c.sync()))).toBe("InvalidOperationInCellEditMode");
    wb.cellEditMode = false;
    wb.protect("党员名单");
    expect(await code(wb.run(async (c) => void (c.workbook.worksheets.getItem("党员名单").getRange("B1").values = [["x"]])))).toBe("AccessDenied");
    expect(await code(wb.run(async (c) => void (c.workbook.worksheets.getItem("党员名单").getRange("B1").format.fill.color = "#FF0000")))).toBe("AccessDenied");
  });

  test("counters count syncs, request sizes, cells and format operations; resetCounters starts over", async () => {
    const wb = book();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("党员名单");
      const range = sheet.getRange("B1:C2");
      range.values = [
        ["学时", ""],
        [56, "合格"],
      ];
      range.format.font.bold = true;
      sheet.getRange("B:B").format.columnWidth = 60;
      await context.sync();
    });
    expect(wb.counters.syncs).toBe(1);
    expect(wb.counters.cellsWritten).toBe(3);
    expect(wb.counters.formatOps).toBe(2);
    expect(wb.counters.requestBytes[0]).toBeGreaterThan(JSON.stringify([["学时", ""], [56, "合格"]]).length);
    expect(wb.sheet("党员名单")!.columnWidths.get(1)).toBe(60);
    wb.resetCounters();
    expect(wb.counters).toEqual({ syncs: 0, requestBytes: [], largestRequestBytes: 0, conditionalFormatOps: 0, formatOps: 0, cellsWritten: 0 });
  });
});
