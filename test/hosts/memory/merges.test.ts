import { MemoryWorkbook } from "../../../src/hosts/memory";
import { MERGED_AREAS_LIMIT } from "../../../src/hosts/memory/merges";

const SHEET = "党员名单";
const code = (promise: Promise<unknown>) => promise.then(() => "resolved", (e: { code?: string }) => e.code);

function book() {
  return MemoryWorkbook.fromGrids([
    {
      name: SHEET,
      values: [
        ["机关第一党支部党员名单", "（副标题）"],
        ["备注：学时以党校系统导出为准"],
        ["姓名", "所在支部", "学时", null],
        ["王建国", "机关第一党支部", 56, { formula: '=IF(C4>50,"","补")', result: "" }],
        ["李红", "机关第一党支部", 46, { formula: '=IF(C5>50,"","补")', result: "补" }],
        ["张敏", "机关第一党支部", 52, { formula: "=C6*2", result: 104 }],
      ],
    },
  ]);
}

describe("memory workbook: merged areas", () => {
  test("merge() keeps the top-left value only; merge(true) merges each row on its own", async () => {
    const wb = book();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.getRange("A1:F1").merge();
      sheet.getRange("E3:F4").merge(true);
      await context.sync();
    });
    expect(wb.sheet(SHEET)!.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 2, left: 4, bottom: 2, right: 5 },
      { top: 3, left: 4, bottom: 3, right: 5 },
    ]);
    expect(wb.value(SHEET, "A1")).toBe("机关第一党支部党员名单");
    expect(wb.value(SHEET, "B1")).toBeNull();
  });

  test("a merge crossing part of another is refused; unmerge() removes the areas it touches", async () => {
    const wb = MemoryWorkbook.fromGrids([{ name: SHEET, values: [["备注"]], merges: [{ top: 0, left: 0, bottom: 0, right: 3 }] }]);
    const crossing = wb.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange("C1:E1").merge();
      await context.sync();
    });
    expect(await code(crossing)).toBe("InvalidArgument");
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange("B1").unmerge();
      await context.sync();
    });
    expect(wb.sheet(SHEET)!.merges).toEqual([]);
  });

  test("getMergedAreasOrNullObject lists the areas whose top-left cell is in the range, after load and sync", async () => {
    const wb = MemoryWorkbook.fromGrids([
      {
        name: SHEET,
        values: [["标题"], ["备注"]],
        merges: [
          { top: 0, left: 0, bottom: 0, right: 5 },
          { top: 1, left: 0, bottom: 1, right: 9 },
        ],
      },
    ]);
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      const all = sheet.getRange().getMergedAreasOrNullObject();
      const reaching = sheet.getRange("C1:J2").getMergedAreasOrNullObject();
      const none = sheet.getRange("A3:Z9").getMergedAreasOrNullObject();
      all.load("address,areaCount");
      all.areas.load("items/address");
      none.load("address");
      expect(() => all.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(all.isNullObject).toBe(false);
      expect(all.address).toBe("党员名单!A1:F1,党员名单!A2:J2");
      expect(all.areaCount).toBe(2);
      expect(all.areas.items.map((r) => [r.address, r.columnCount])).toEqual([
        ["党员名单!A1:F1", 6],
        ["党员名单!A2:J2", 10],
      ]);
      // Excel only finds merged areas that start in the range asked
      expect(reaching.isNullObject).toBe(true);
      expect(none.isNullObject).toBe(true);
    });
  });

  test(`more than ${MERGED_AREAS_LIMIT} merged areas in the range fail the sync`, async () => {
    const merges = Array.from({ length: MERGED_AREAS_LIMIT + 1 }, (_, i) => ({ top: 2 * i, left: 0, bottom: 2 * i + 1, right: 0 }));
    const wb = MemoryWorkbook.fromGrids([{ name: SHEET, values: [["机关第一党支部"]], merges }]);
    const read = wb.run(async (context) => {
      const areas = context.workbook.worksheets.getItem(SHEET).getRange().getMergedAreasOrNullObject();
      areas.load("address");
      await context.sync();
    });
    expect(await code(read)).toBe("GeneralException");
    const top = await wb.run(async (context) => {
      const areas = context.workbook.worksheets.getItem(SHEET).getRange("1:100").getMergedAreasOrNullObject();
      areas.load("areaCount");
      await context.sync();
      return areas.areaCount;
    });
    expect(top).toBe(50);
  });
});

describe("memory workbook: formulas", () => {
  test("formulas shows a formula cell's formula and any other cell's value; values shows the result", async () => {
    const wb = book();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange("C4:D5");
      range.load("values,formulas");
      await context.sync();
      expect(range.values).toEqual([
        [56, ""],
        [46, "补"],
      ]);
      expect(range.formulas).toEqual([
        [56, '=IF(C4>50,"","补")'],
        [46, '=IF(C5>50,"","补")'],
      ]);
    });
    expect(wb.formula(SHEET, "D4")).toBe('=IF(C4>50,"","补")');
    expect(wb.value(SHEET, "D4")).toBeNull();
  });

  test("getSpecialCellsOrNullObject finds formula cells (all, or those showing text) as rectangles", async () => {
    const wb = book();
    await wb.run(async (context) => {
      const used = context.workbook.worksheets.getItem(SHEET).getUsedRangeOrNullObject(true);
      const all = used.getSpecialCellsOrNullObject("Formulas");
      const text = used.getSpecialCellsOrNullObject("Formulas", "Text");
      const none = context.workbook.worksheets.getItem(SHEET).getRange("A1:C6").getSpecialCellsOrNullObject("Formulas");
      used.load("address");
      all.load("address");
      text.load("address,cellCount");
      await context.sync();
      // a formula showing "" still counts as a used cell
      expect(used.address).toBe("党员名单!A1:D6");
      expect(all.address).toBe("党员名单!D4:D6");
      expect(text.address).toBe("党员名单!D4:D5");
      expect(text.cellCount).toBe(2);
      expect(none.isNullObject).toBe(true);
    });
  });

  test("fromGrids takes formula cells and merges; toGrids gives them back the way the .xlsx host does", () => {
    const wb = MemoryWorkbook.fromGrids([
      {
        name: SHEET,
        values: [["党员名单", "（被合并）"], ["姓名", "补学"], ["王建国", { formula: '=IF(C3>50,"","补")' }]],
        merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
      },
    ]);
    expect(wb.toGrids()).toEqual([
      {
        name: SHEET,
        origin: { row: 0, col: 0 },
        values: [
          ["党员名单", null, null, null],
          ["姓名", "补学", null, null],
          ["王建国", { formula: '=IF(C3>50,"","补")' }, null, null],
        ],
        numberFormats: [
          [null, null, null, null],
          [null, null, null, null],
          [null, null, null, null],
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
      },
    ]);
  });
});
