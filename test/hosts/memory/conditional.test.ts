import { HIGHLIGHT_COLOURS } from "../../../src/engine/plan/types";
import { MemoryWorkbook } from "../../../src/hosts/memory";
import type { XlRange } from "../../../src/hosts/office/excel-api";

function gradeBook(): MemoryWorkbook {
  return MemoryWorkbook.fromGrids([
    { name: "名单", values: [["姓名", "评议等次"], ["王建国", "合格"], ["李红", "不合格"], ["赵敏", "基本合格"], ["刘伟", "合格（待审批）"], ["陈芳", "优秀"]] },
  ]);
}

function add(range: XlRange, formula: string, colour: keyof typeof HIGHLIGHT_COLOURS, stopIfTrue = true, priority?: number) {
  const cf = range.conditionalFormats.add("Custom");
  cf.custom.rule.formula = formula;
  cf.custom.format.fill.color = HIGHLIGHT_COLOURS[colour].fill;
  cf.custom.format.font.color = HIGHLIGHT_COLOURS[colour].font;
  cf.stopIfTrue = stopIfTrue;
  if (priority !== undefined) cf.priority = priority;
}

describe("memory workbook: conditional formats", () => {
  test("the first matching rule in priority order wins with stopIfTrue, relative to the range's top-left", async () => {
    const wb = gradeBook();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("名单").getRange("B2:B6");
      add(range, '=LEFT(B2,3)="不合格"', "red", true, 0);
      add(range, '=LEFT(B2,4)="基本合格"', "amber", true, 1);
      add(range, '=ISNUMBER(SEARCH("待审批",B2))', "amber", true, 2);
      add(range, '=LEFT(B2,2)="合格"', "green", true, 3);
      add(range, '=B2="优秀"', "green", true, 4);
      await context.sync();
    });
    expect(["B2", "B3", "B4", "B5", "B6"].map((c) => wb.highlightAt("名单", c))).toEqual(["green", "red", "amber", "amber", "green"]);
    expect(wb.evaluateConditionalFormat("名单", "B3")).toEqual({ fill: HIGHLIGHT_COLOURS.red.fill, font: HIGHLIGHT_COLOURS.red.font });
    expect(wb.highlightAt("名单", "A3")).toBeNull(); // outside the range
    expect(wb.counters.conditionalFormatOps).toBe(5);
  });

  test("a new format goes on top unless its priority is set", async () => {
    const wb = gradeBook();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("名单").getRange("B2:B6");
      add(range, '=LEFT(B2,2)="合格"', "green");
      add(range, '=ISNUMBER(SEARCH("合格",B2))', "red"); // added later: evaluated first
      await context.sync();
    });
    expect(wb.highlightAt("名单", "B2")).toBe("red");
  });

  test("clearAll removes formats from the cleared cells only, keeping the formula's meaning elsewhere", async () => {
    const wb = gradeBook();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("名单");
      add(sheet.getRange("B2:B6"), '=LEFT(B2,2)="合格"', "green");
      await context.sync();
      sheet.getRange("B2:B3").conditionalFormats.clearAll();
      await context.sync();
    });
    expect(wb.highlightAt("名单", "B2")).toBeNull();
    expect(wb.highlightAt("名单", "B5")).toBe("green");
    expect(wb.sheet("名单")!.conditionalFormats[0].rects).toEqual([{ top: 3, left: 1, bottom: 5, right: 1 }]);
  });

  test("a formula shape the model cannot evaluate is an error, not a silent miss", async () => {
    const wb = gradeBook();
    await wb.run(async (context) => {
      add(context.workbook.worksheets.getItem("名单").getRange("B2:B6"), "=COUNTIF(B:B,B2)>1", "red");
      await context.sync();
    });
    expect(() => wb.highlightAt("名单", "B2")).toThrow(/cannot evaluate/);
  });
});
