import { BATCHES, batchDefaultStart, batchOf } from "../../../src/engine/stages";

describe("batchOf", () => {
  it("normalises the ways staff write a batch", () => {
    for (const text of ["第一批", "一批", "第1批", "1批", "第 1 批", "第１批", "第一批次", " 第一批 ", "1", 1]) {
      expect(batchOf(text)).toBe("第一批");
    }
    expect(batchOf("第二批")).toBe("第二批");
    expect(batchOf("2批")).toBe("第二批");
    expect(batchOf("第三批")).toBe("第三批");
    expect(batchOf("叁批")).toBe("第三批");
  });

  it("returns undefined for anything else", () => {
    for (const text of ["第四批", "第一", "批", "", "农村", 4, null, undefined, 1.5]) expect(batchOf(text)).toBeUndefined();
  });
});

describe("batches", () => {
  it("follow seed 000: 1–6 月, 7–12 月, 次年 1–6 月", () => {
    expect(BATCHES.map((b) => [b.name, b.period])).toEqual([
      ["第一批", "1–6 月"],
      ["第二批", "7–12 月"],
      ["第三批", "次年 1–6 月"],
    ]);
    expect(batchDefaultStart("第一批", 2026)).toBe("2026-01-01");
    expect(batchDefaultStart("第二批", 2026)).toBe("2026-07-01");
    expect(batchDefaultStart("第三批", 2026)).toBe("2027-01-01");
  });
});
