import { unitNameAbove } from "../../../src/engine/read/unit-name";
import { read, sheet } from "./helpers";

const header = ["序号", "姓名", "所在支部", "学时"];
const rows = [[1, "王伟", "机关第一党支部", 52]];

describe("the unit named above the member list", () => {
  it("is read from 填报单位：… with its bracketed note dropped", () => {
    const r = read([sheet("党员名单", [["先进性教育活动党员评议台账"], ["填报单位：XX县直机关工委（第一批）"], header, ...rows])]);
    expect(r.unitNameHint).toBe("XX县直机关工委");
  });

  it("stops where the next field on the line begins", () => {
    const grid = sheet("名单", [["单位名称：城关镇党委　　填报日期：2025年3月20日"], header, ...rows]);
    expect(unitNameAbove(grid, 1)).toBe("城关镇党委");
    expect(unitNameAbove(sheet("名单", [["填表单位: 东街社区党委  填表人: 李明"], header]), 1)).toBe("东街社区党委");
  });

  it("is never taken from the table itself or from a line that is not a unit", () => {
    expect(read([sheet("党员名单", [["2025 年度民主评议登记表"], header, ...rows])]).unitNameHint).toBeUndefined();
    expect(read([sheet("党员名单", [header, ["", "单位：不是标题", "", ""], ...rows])]).unitNameHint).toBeUndefined();
    expect(unitNameAbove(sheet("名单", [["填报单位："], header]), 1)).toBeUndefined();
  });
});
