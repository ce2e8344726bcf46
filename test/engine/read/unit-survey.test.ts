import { codes, read, sheet } from "./helpers";

describe("unit-level survey tables (§4)", () => {
  it("reads 单位 + 满意/基本满意/不满意 counts and keeps them out of the member tables", () => {
    const r = read([
      sheet("名单", [["姓名", "支部"], ["张三", "一支部"]]),
      sheet("回头看测评", [
        ["各界代表满意度测评汇总表"],
        ["单位名称", "满意", "比较满意", "基本满意", "不满意"],
        ["城关镇", 40, 5, 10, 5],
        ["东坝村", 10, 0, 5, "30"],
        ["西河村", 12, 1, "很多", 3],
        ["南山村", 12, 1, 2, null],
        ["合计", 62, 6, 15, 35],
      ]),
    ]);
    expect(r.tables.map((t) => t.sheet)).toEqual(["名单"]);
    expect(r.unitSurveys).toEqual([
      { sheet: "回头看测评", unit: "城关镇", satisfied: 45, basicallySatisfied: 10, dissatisfied: 5 },
      { sheet: "回头看测评", unit: "东坝村", satisfied: 10, basicallySatisfied: 5, dissatisfied: 30 },
    ]);
    expect(codes(r.issues)).toEqual(["NOT_A_NUMBER@回头看测评!D5"]);
    expect(r.issues[0].params).toEqual({ field: "基本满意", name: "西河村" });
  });
});
