import { combineRows, enteredOf } from "../../../src/engine/consolidate/combine";
import type { SummaryRow } from "../../../src/engine/consolidate/summary";
import type { PlanCell } from "../../../src/engine";

const unit = (members: number, over: string): SummaryRow => ({ 支部: "合计", 党员数: members, 优秀: 3, 优秀名额上限: 4, 优秀超限: over });

describe("combining summary rows", () => {
  it("counts the branches over their 优秀 cap across units, from totals and from older summaries' 是", () => {
    const all = combineRows([unit(40, "2 个支部超限"), unit(12, "否"), unit(9, "是")], "合计");
    expect(all["优秀超限"]).toBe("3 个支部超限");
    expect(all["党员数"]).toBe(61);
  });

  it("no branch over its cap → 否, even though the column is summed from units", () => {
    expect(combineRows([unit(40, "否"), unit(12, "否")], "合计")["优秀超限"]).toBe("否");
  });
});

describe("已录入 n / N when adding up", () => {
  const row = (members: number, entered: PlanCell, hours: number | null): SummaryRow => ({ 支部: "合计", 党员数: members, 学时已录入: entered, 平均学时: hours });

  it("sums n and N, re-weights the average by n, and reads an older summary's bare count as n of its members", () => {
    const all = combineRows([row(10, "2 / 10", 60), row(5, 5, 50)], "合计");
    expect(all["学时已录入"]).toBe("7 / 15");
    expect(all["平均学时"]).toBeCloseTo((60 * 2 + 50 * 5) / 7, 9);
    expect(enteredOf(row(5, 5, 50), "学时已录入")).toEqual({ entered: 5, of: 5 });
    expect(enteredOf(row(8, "3 / 8", 50), "学时已录入")).toEqual({ entered: 3, of: 8 });
  });

  it("a column no row has stays empty; one only some rows have is added up over those rows", () => {
    const all = combineRows([row(10, "2 / 10", 60), { 支部: "合计", 党员数: 4 }], "合计");
    expect(all["学时已录入"]).toBe("2 / 10");
    expect(all["书面申请已录入"]).toBeNull();
    expect(all["待公示"]).toBe(0);
  });
});
