import { MemoryWorkbook } from "../../../src/hosts/memory";

function book() {
  return MemoryWorkbook.fromGrids([
    {
      name: "党员名单",
      values: [
        ["机关第一党支部党员名单"],
        ["姓名", "所在支部", "学时"],
        ["王建国", "机关第一党支部", 56],
        ["李红", "机关第一党支部", 46],
      ],
    },
    { name: "空白页", values: [] },
  ]);
}

const code = (promise: Promise<unknown>) => promise.then(() => "resolved", (e: { code?: string }) => e.code);

describe("memory workbook: proxy semantics like Excel", () => {
  test("a property read before load and sync throws PropertyNotLoaded", async () => {
    const wb = book();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("党员名单").getRange("A2:C3");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([
        ["姓名", "所在支部", "学时"],
        ["王建国", "机关第一党支部", 56],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => context.workbook.worksheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("queued writes apply at sync, in order with loads", async () => {
    const wb = book();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("党员名单");
      const before = sheet.getRange("C3");
      before.load("values");
      sheet.getRange("C3").values = [[60]];
      const after = sheet.getRange("C3");
      after.load("values");
      expect(wb.value("党员名单", "C3")).toBe(56);
      await context.sync();
      expect(before.values).toEqual([[56]]);
      expect(after.values).toEqual([[60]]);
    });
    expect(wb.value("党员名单", "C3")).toBe(60);
  });

  test("a wrong-shaped array fails the sync with InvalidArgument; calls before it stay applied", async () => {
    const wb = book();
    const result = wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("党员名单");
      sheet.getRange("D2").values = [["备注"]];
      sheet.getRange("D3:D4").values = [["a", "b"]];
      sheet.getRange("E2").values = [["不应写入"]];
      await context.sync();
    });
    expect(await code(result)).toBe("InvalidArgument");
    expect(wb.value("党员名单", "D2")).toBe("备注");
    expect(wb.value("党员名单", "E2")).toBeNull();
  });

  test("used range, null objects, addresses and derived ranges", async () => {
    const wb = book();
    await wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const used = sheets.getItem("党员名单").getUsedRangeOrNullObject(true);
      used.load(["address", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
      const empty = sheets.getItem("空白页").getUsedRangeOrNullObject(true);
      const missing = sheets.getItemOrNullObject("不存在");
      const corner = sheets.getItem("党员名单").getRange("B2:C3").getCell(1, 1).getResizedRange(1, 0);
      corner.load("address");
      await context.sync();
      expect(used.isNullObject).toBe(false);
      expect([used.address, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual(["党员名单!A1:C4", 0, 0, 4, 3]);
      expect(empty.isNullObject).toBe(true);
      expect(missing.isNullObject).toBe(true);
      expect(corner.address).toBe("党员名单!C3:C4");
    });
  });

  test("worksheet add, rename, delete and name collisions", async () => {
    const wb = book();
    await wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add("评议-支部汇总");
      added.getRange("A1").values = [["先教评议助手 · 支部汇总"]];
      await context.sync();
      sheets.getItem("评议-支部汇总").name = "汇总";
      sheets.getItem("空白页").delete();
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["党员名单", "汇总"]);
    });
    expect(await code(wb.run(async (c) => void c.workbook.worksheets.add("党员名单")))).toBe("ItemAlreadyExists");
    expect(await code(wb.run(async (c) => void c.workbook.worksheets.add("a/b")))).toBe("InvalidArgument");
    expect(await code(wb.run(async (c) => void c.workbook.worksheets.getItem("无此表").getRange("A1").values))).toBe("PropertyNotLoaded");
    expect(
      await code(
        wb.run(async (c) => {
          c.workbook.worksheets.getItem("无此表").activate();
          await c.sync();
        }),
      ),
    ).toBe("ItemNotFound");
  });

  test("the batch's pending calls are synced when it ends, as Excel.run does", async () => {
    const wb = book();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("党员名单").getRange("D2").values = [["备注"]];
    });
    expect(wb.value("党员名单", "D2")).toBe("备注");
    expect(wb.counters.syncs).toBe(1);
  });
});
