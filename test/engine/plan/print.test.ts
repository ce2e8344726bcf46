import { wrappedRowLines } from "../../../src/engine/plan/print";

describe("rows tall enough for their wrapped text", () => {
  const sheet = {
    headerRow: 1,
    widths: [6, 12],
    wrapColumns: [1],
    rows: [
      ["登记表"],
      ["序号", "处置建议"],
      [1, "无"],
      // 20 Chinese characters are 40 columns of text in a column 10.5 wide: four lines
      [2, "一二三四五六七八九十一二三四五六七八九十"],
      [3, "abcdefghijkl"],
      [4, 12345678901234],
    ],
  };

  test("a row counts the lines its longest wrapped cell needs, Chinese characters twice as wide", () => {
    expect([...wrappedRowLines(sheet)]).toEqual([
      [3, 4],
      [4, 2],
    ]);
  });

  test("no wrapped column, no tall row; the title and header rows are never counted", () => {
    expect(wrappedRowLines({ ...sheet, wrapColumns: [] }).size).toBe(0);
    expect(wrappedRowLines({ ...sheet, rows: [["一二三四五六七八九十一二三四五六七八九十"], ["一二三四五六七八九十一二三四五六七八九十"]] }).size).toBe(0);
  });
});
