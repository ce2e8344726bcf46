import { areaRects, markFormulaRects } from "../../../src/hosts/office/read-extras";

describe("reading merged areas and formula cells: addresses", () => {
  test("a RangeAreas address splits into rectangles, commas inside a quoted sheet name kept", () => {
    expect(areaRects("党员名单!A1:F1,党员名单!A2:M2")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 1, left: 0, bottom: 1, right: 12 },
    ]);
    expect(areaRects("'名单, 2025'!G4:G15, '名单, 2025'!J7")).toEqual([
      { top: 3, left: 6, bottom: 14, right: 6 },
      { top: 6, left: 9, bottom: 6, right: 9 },
    ]);
    expect(areaRects("")).toEqual([]);
  });

  test("only formula cells that read as blank are marked, in grid coordinates", () => {
    const values: unknown[][] = [
      ["姓名", "学时", null],
      ["王建国", 56, null],
      ["李红", 46, "补"],
    ];
    markFormulaRects(values, { row: 2, col: 1 }, [{ top: 3, left: 3, bottom: 5, right: 3 }]);
    expect(values.map((line) => line[2])).toEqual([null, { formula: "=" }, "补"]);
  });
});
