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

  test("Excel's typed-input conversions: negatives in brackets, currency, thousands, errors, dates of this year, times", async () => {
    const wb = MemoryWorkbook.fromGrids([{ name: "表", values: [["x"]] }]);
    const typed = ["(12)", "¥12", "$1,234.50", "1,234", "#N/A", "#div/0!", "1/5", "Jan 5", "5-Jan", "3月5日", "2025年3月1日", "8:30", "'(12)", "(一)支部", "1,2", "May"];
    await write(wb, "A2:P2", [typed]);
    const year = new Date().getFullYear();
    const cells = typed.map((_, i) => `${String.fromCharCode(65 + i)}2`);
    expect(cells.map((c) => wb.value("表", c))).toEqual([
      -12,
      12,
      1234.5,
      1234,
      "#N/A",
      "#DIV/0!",
      dateSerial(year, 1, 5),
      dateSerial(year, 1, 5),
      dateSerial(year, 1, 5),
      dateSerial(year, 3, 5),
      dateSerial(2025, 3, 1),
      8.5 / 24,
      "(12)",
      "(一)支部",
      "1,2",
      "May",
    ]);
    expect(cells.map((c) => wb.valueType("表", c))).toEqual([...Array(4).fill("Double"), "Error", "Error", ...Array(6).fill("Double"), ...Array(4).fill("String")]);
    expect(wb.sheet("表")!.get(1, 1)!.numberFormat).toBe("¥#,##0.00");
  });

  test("in a cell formatted as text (\"@\") every string stays the text written, an apostrophe included", async () => {
    const wb = MemoryWorkbook.fromGrids([{ name: "表", values: [["x", null, null, null, null, null, null, null]], numberFormats: [[null, "@", "@", "@", "@", "@", "@", "@"]] }]);
    const texts = ["(12)", "¥12", "#N/A", "1/5", "=SUM(A1)", "TRUE", "'引号"];
    await write(wb, "B1:H1", [texts]);
    expect(["B1", "C1", "D1", "E1", "F1", "G1", "H1"].map((c) => [wb.value("表", c), wb.valueType("表", c), wb.formula("表", c)])).toEqual(texts.map((t) => [t, "String", null]));
  });

  test("a conditional format over an error cell does not colour it (the formula is an error, taken as false)", async () => {
    const wb = MemoryWorkbook.fromGrids([{ name: "表", values: [["x"]] }]);
    await write(wb, "A1:A2", [["#N/A"], ["合格"]]);
    await wb.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("表").getRange("A1:A2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=ISNUMBER(SEARCH("N",A1))';
      cf.custom.format.fill.color = "#FFC7CE";
      await context.sync();
    });
    expect(wb.evaluateConditionalFormat("表", "A1")).toBeNull();
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
