import { MemoryWorkbook } from "../../../src/hosts/memory";
import { dateSerial } from "../../../src/hosts/memory/cells";

async function write(wb: MemoryWorkbook, address: string, values: unknown[][]) {
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem("表").getRange(address).values = values;
    await context.sync();
  });
}

describe("memory workbook: values as Excel parses them", () => {
  test("text Excel would parse turns into formulas, numbers, dates and booleans; an apostrophe keeps it text", async () => {
    const wb = MemoryWorkbook.fromGrids([{ name: "表", values: [["x"]] }]);
    await write(wb, "A2:H2", [["=1+1", "85", "2025-03-01", "TRUE", "'=1+1", "'85", "-满意度", "合格"]]);
    const sheet = wb.sheet("表")!;
    expect(sheet.get(1, 0)!.formula).toBe("=1+1");
    expect(wb.value("表", "B2")).toBe(85);
    expect(wb.value("表", "C2")).toBe(dateSerial(2025, 3, 1));
    expect(wb.value("表", "D2")).toBe(true);
    expect(wb.value("表", "E2")).toBe("=1+1");
    expect(sheet.get(1, 4)!.formula).toBeUndefined();
    expect(wb.value("表", "F2")).toBe("85");
    expect(sheet.get(1, 6)!.formula).toBe("=-满意度");
    expect(wb.value("表", "H2")).toBe("合格");
  });

  test("null leaves a cell unchanged and \"\" clears it", async () => {
    const wb = MemoryWorkbook.fromGrids([{ name: "表", values: [["王建国", "合格"]] }]);
    await write(wb, "A1:B1", [[null, ""]]);
    expect(wb.value("表", "A1")).toBe("王建国");
    expect(wb.value("表", "B1")).toBeNull();
  });

  test("fromGrids and toGrids round-trip values and number formats, with the used range's origin", () => {
    const grids = [
      {
        name: "党员名单",
        values: [
          [null, null],
          [null, "学时"],
          [null, 46.5],
        ],
        numberFormats: [[null, null], [null, null], [null, "0.0"]],
      },
    ];
    const wb = MemoryWorkbook.fromGrids(grids);
    expect(MemoryWorkbook.fromGrids([{ name: "日期", values: [[new Date(Date.UTC(2025, 2, 1))]] }]).value("日期", "A1")).toBe(dateSerial(2025, 3, 1));
    expect(wb.toGrids()).toEqual([{ name: "党员名单", origin: { row: 1, col: 1 }, values: [["学时"], [46.5]], numberFormats: [[null], ["0.0"]] }]);
  });
});
