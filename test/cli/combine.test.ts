import { combineRows } from "../../src/cli/combine";
import type { SummaryRow } from "../../src/cli/summary-file";

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
