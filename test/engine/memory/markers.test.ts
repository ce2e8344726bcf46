import { parseRangeFormula, parseSheetMarker, rangeFormula, sheetMarkerFormula } from "../../../src/engine/memory/markers";
import { gridHash, planHash } from "../../../src/engine/memory/content-hash";

describe("markers", () => {
  test("a sheet marker reads back from the formula Excel, a package or WPS gives", () => {
    const formula = sheetMarkerFormula({ kind: "issues", hash: "k3f9a2", name: '评议-数据问题(2) "旧"' });
    expect(formula).toBe('="issues|k3f9a2|评议-数据问题(2) ""旧"""');
    const marker = { kind: "issues", hash: "k3f9a2", name: '评议-数据问题(2) "旧"' };
    expect(parseSheetMarker(formula)).toEqual(marker);
    expect(parseSheetMarker(formula.slice(1))).toEqual(marker); // a package stores it without "="
    for (const bad of ['="notakind|k3f9a2|x"', '="issues|K3F9A2!|x"', '="issues|abc"', "=A1", "", undefined]) expect(parseSheetMarker(bad)).toBeNull();
  });

  test("a block marker is a reference that Excel moves with the columns", () => {
    expect(rangeFormula("党员名单", { top: 2, left: 10, bottom: 2, right: 15 })).toBe("='党员名单'!$K$3:$P$3");
    expect(rangeFormula("It's", { top: 0, left: 0, bottom: 0, right: 0 })).toBe("='It''s'!$A$1");
    const rect = { top: 2, left: 10, bottom: 2, right: 15 };
    for (const f of ["='党员名单'!$K$3:$P$3", "=党员名单!$K$3:$P$3", "党员名单!K3:P3", "='名单 ''2026'''!$K$3:$P$3", "$K$3:$P$3"]) expect(parseRangeFormula(f)).toEqual(rect);
    for (const bad of ["=#REF!", '="x"', "=A1:B2,C3", "='名单'!#REF!"]) expect(parseRangeFormula(bad)).toBeNull();
  });
});

describe("content hash", () => {
  const rows = [["先教评议 · 支部汇总"], ["支部", "党员数", "学习达标率"], ["第一党支部", 12, 0.8333333333333334], ["合计", 12, 5 / 6]];

  test("the same from the plan and from what a host reads back, wherever the used range starts", () => {
    const hash = planHash(rows);
    expect(gridHash({ name: "x", values: rows })).toBe(hash);
    // Excel keeps 15 significant digits; a host may give text it was written as
    expect(gridHash({ name: "x", values: [rows[0], rows[1], ["第一党支部", 12, 0.833333333333333], ["合计", "12", 0.833333333333333]] })).toBe(hash);
    expect(gridHash({ name: "x", values: [[null, ...rows[1]]], origin: { row: 1, col: -1 } })).toBe(gridHash({ name: "x", values: [[], rows[1]] }));
  });

  test("any typed change, a formula or a moved value changes it", () => {
    const hash = planHash(rows);
    expect(gridHash({ name: "x", values: [...rows, ["备注"]] })).not.toBe(hash);
    expect(gridHash({ name: "x", values: [rows[0], rows[1], ["第一党支部", 13, 5 / 6], rows[3]] })).not.toBe(hash);
    expect(gridHash({ name: "x", values: [rows[0], rows[1], ["第一党支部", { formula: "=名单!B4" }, 5 / 6], rows[3]] })).not.toBe(hash);
    expect(gridHash({ name: "x", values: rows, origin: { row: 1, col: 0 } })).not.toBe(hash);
  });

  test("text is hashed as hosts write it (characters a workbook cannot hold dropped)", () => {
    expect(planHash([["单位\u0001名称\uFFFF"]])).toBe(planHash([["单位名称"]]));
  });
});
