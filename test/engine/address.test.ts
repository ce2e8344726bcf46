import { a1, columnLetters, parseA1, parseRect, rectA1 } from "../../src/engine/address";

describe("A1 addresses", () => {
  test("columns past Z and back", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    expect(a1(6, 1)).toBe("B7");
    expect(parseA1("$AA$10")).toEqual({ row: 9, col: 26 });
    expect(parseA1("合计")).toBeNull();
  });

  test("rectangles, whole columns and rows", () => {
    expect(parseRect("名单!D9:B7")).toEqual({ top: 6, left: 1, bottom: 8, right: 3 });
    expect(rectA1({ top: 6, left: 1, bottom: 8, right: 3 })).toBe("B7:D9");
    expect(rectA1({ top: 6, left: 1, bottom: 6, right: 1 })).toBe("B7");
    expect(parseRect("C:E")).toMatchObject({ top: 0, left: 2, right: 4 });
    expect(parseRect("3:5")).toMatchObject({ top: 2, left: 0, bottom: 4 });
  });
});
