import { codes, read, sheet } from "./helpers";

describe("公示: yes, no, or the date it was posted", () => {
  it("reads a date (a date cell, a date-formatted number, a typed date) as posted, and the usual yes/no words", () => {
    const cells: [unknown, string | null, boolean | undefined][] = [
      [new Date(Date.UTC(2025, 2, 8)), null, true],
      [45724, "yyyy-mm-dd", true],
      ["2025-03-08", null, true],
      ["2025年3月8日", null, true],
      ["2025.3.8—3.14", null, true],
      ["已公示", null, true],
      ["无异议", null, true],
      ["是", null, true],
      ["√", null, true],
      ["公示中", null, false],
      ["未公示", null, false],
      ["否", null, false],
      [null, null, undefined],
    ];
    const r = read([
      sheet("审批", [["姓名", "上级审批", "公示日期"], ...cells.map(([v], i) => [`党员${i}`, "同意", v])], {
        numberFormats: [[], ...cells.map(([, f]) => [null, null, f])],
      }),
    ]);
    expect(r.tables[0].columns.publicized).toBe(2);
    expect(r.members.map((m) => m.values.publicized)).toEqual(cells.map(([, , want]) => want));
    expect(r.issues).toEqual([]);
  });

  it("reports what is neither", () => {
    const r = read([sheet("审批", [["姓名", "公示情况"], ["张三", "有异议"], ["李四", 45724]])]);
    expect(codes(r.issues)).toEqual(["NOT_YES_NO@审批!B2", "NOT_YES_NO@审批!B3"]);
  });
});
