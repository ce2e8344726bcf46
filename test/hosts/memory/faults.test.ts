import { MemoryWorkbook } from "../../../src/hosts/memory";
import type { XlContext } from "../../../src/hosts/office";

const code = (promise: Promise<unknown>) => promise.then(() => "resolved", (e: { code?: string }) => e.code);
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: { code?: string; debugInfo?: { errorLocation?: string } }) => [e.code, e.debugInfo?.errorLocation]);
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

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

  test("Excel on the web's GeneralException mode refuses oversized requests and answers with a bare internal error", async () => {
    const wb = book();
    wb.payloadLimit = 10_000;
    wb.oversizedAs = "GeneralException";
    const big = Array.from({ length: 2_000 }, () => ["合格"]);
    const write = wb.run(async (context) => {
      context.workbook.worksheets.getItem("党员名单").getRange("C1:C2000").values = big;
      await context.sync();
    });
    expect(await code(write)).toBe("GeneralException");
    const read = wb.run(async (context) => {
      context.workbook.worksheets.getItem("党员名单").getRange("A1:C2000").load("values");
      await context.sync();
    });
    expect(await code(read)).toBe("GeneralException");
    expect(wb.value("党员名单", "C1")).toBeNull();
  });

  test("a range past the read limit comes back with null values and formats, its bounds intact", async () => {
    const wb = book();
    wb.readCellLimit = 100;
    const got = await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("党员名单").getRange("A1:B60");
      range.load(["values", "numberFormat", "rowCount", "address"]);
      const small = context.workbook.worksheets.getItem("党员名单").getRange("A1:B50");
      small.load("values");
      await context.sync();
      return { values: range.values, formats: range.numberFormat, rows: range.rowCount, address: range.address, small: small.values.length };
    });
    expect(got).toEqual({ values: null, formats: null, rows: 60, address: "党员名单!A1:B60", small: 50 });
  });

  test("a sync during a cell edit fails without delayForCellEdit and waits with it, applying nothing until the edit ends", async () => {
    const wb = book();
    wb.cellEditMode = true;
    expect(await failure(wb.run(async (c) => c.sync()))).toEqual(["InvalidOperationInCellEditMode", undefined]);
    let finished = false;
    const waiting = wb
      .runWith({ delayForCellEdit: true })(async (context) => {
        context.workbook.worksheets.getItem("党员名单").getRange("B1").values = [["先写的"]];
        await context.sync();
      })
      .then(() => (finished = true));
    await tick();
    expect([finished, wb.syncsWaitingForEdit, wb.value("党员名单", "B1"), wb.counters.syncs]).toEqual([false, 1, null, 2]);
    wb.cellEditMode = false;
    await waiting;
    expect([wb.syncsWaitingForEdit, wb.value("党员名单", "B1")]).toEqual([0, "先写的"]);
  });

  test("a protected structure refuses adding, renaming and deleting sheets, naming the call; cells can still be written", async () => {
    const wb = book();
    wb.addSheetData("学习记录");
    wb.structureProtected = true;
    const on = (fn: (c: XlContext) => void) =>
      failure(
        wb.run(async (c) => {
          fn(c);
          await c.sync();
        }),
      );
    expect(await on((c) => c.workbook.worksheets.add("评议-说明"))).toEqual(["AccessDenied", "WorksheetCollection.add"]);
    expect(await on((c) => (c.workbook.worksheets.getItem("学习记录").name = "学时"))).toEqual(["AccessDenied", "Worksheet.name"]);
    expect(await on((c) => c.workbook.worksheets.getItem("学习记录").delete())).toEqual(["AccessDenied", "Worksheet.delete"]);
    expect(await on((c) => (c.workbook.worksheets.getItem("党员名单").getRange("B1").values = [["x"]]))).toBeNull();
    const seen = await wb.run(async (c) => {
      c.workbook.protection.load("protected");
      await c.sync();
      return c.workbook.protection.protected;
    });
    expect([seen, wb.sheets.map((s) => s.name)]).toEqual([true, ["党员名单", "学习记录"]]);
  });

  test("workbook.readOnly answers from ExcelApi 1.8 on; an older Excel does not know it", async () => {
    const wb = book();
    wb.readOnly = true;
    const ask = () =>
      wb.run(async (c) => {
        c.workbook.load("readOnly");
        await c.sync();
        return c.workbook.readOnly;
      });
    expect(await ask()).toBe(true);
    wb.apiVersions = { ExcelApi: "1.7" };
    expect(await failure(ask())).toEqual(["InvalidArgument", "Workbook.load"]);
  });

  test("every failing call names itself in debugInfo.errorLocation, as Excel does", async () => {
    const wb = book();
    wb.protect("党员名单");
    const sheet = (c: XlContext) => c.workbook.worksheets.getItem("党员名单");
    const on = (fn: (c: XlContext) => void) =>
      failure(
        wb.run(async (c) => {
          fn(c);
          await c.sync();
        }),
      );
    expect(await on((c) => (sheet(c).getRange("B1").values = [["x"]]))).toEqual(["AccessDenied", "Range.values"]);
    expect(await on((c) => (sheet(c).getRange("B1").numberFormat = [["@"]]))).toEqual(["AccessDenied", "Range.numberFormat"]);
    expect(await on((c) => (sheet(c).getRange("B1").format.fill.color = "#FF0000"))).toEqual(["AccessDenied", "RangeFill.color"]);
    expect(await on((c) => sheet(c).getRange("B1:B3").conditionalFormats.add("Custom"))).toEqual(["AccessDenied", "ConditionalFormatCollection.add"]);
    expect(await on((c) => sheet(c).getRange("B1").clear())).toEqual(["AccessDenied", "Range.clear"]);
    expect(await on((c) => c.workbook.worksheets.getItem("没有这张表").getRange("A1").load("values"))).toEqual(["ItemNotFound", "WorksheetCollection.getItem"]);
    expect(await on((c) => sheet(c).getRange("第一行").load("values"))).toEqual(["InvalidArgument", "Worksheet.getRange"]);
  });

  test("Excel.createWorkbook opens .xlsx bytes from ExcelApi 1.8 on; settings.saveAsync can fail", async () => {
    const wb = book();
    await wb.createWorkbook("UEsDBBQ=");
    expect(wb.createdWorkbooks).toEqual(["UEsDBBQ="]);
    expect(await code(wb.createWorkbook("bm90IGEgemlw"))).toBe("InvalidArgument");
    wb.apiVersions = { ExcelApi: "1.7" };
    expect(await code(wb.createWorkbook("UEsDBBQ="))).toBe("ApiNotFound");
    wb.settingsSaveError = { code: 5001, name: "Internal Error", message: "An internal error has occurred." };
    wb.settings.set("k", 1);
    expect(await code(wb.settings.saveAsync())).toBe(5001);
    expect(wb.savedSettings.has("k")).toBe(false);
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
    expect(wb.counters).toEqual({ syncs: 0, requestBytes: [], largestRequestBytes: 0, conditionalFormatOps: 0, formatOps: 0, cellsWritten: 0, linksWritten: 0, pageBreaks: 0 });
  });
});
