import { unitFromTitle, unitNameAbove } from "../../../src/engine/read/unit-name";
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

describe("the unit named by a title row", () => {
  it.each([
    ["城关镇党委党员名单", "城关镇党委"],
    ["XX局机关党委先进性教育活动台账", "XX局机关党委"],
    ["2025年城关镇党委党员花名册", "城关镇党委"],
    ["中共城关镇委员会党员花名册", "中共城关镇委员会"],
    ["XX县直机关工委保持共产党员先进性教育活动党员评议汇总表（第一批）", "XX县直机关工委"],
    ["市税务局党员民主评议测评表", "市税务局"],
    ["城关镇党委党员名单    填报日期：2025年3月1日", "城关镇党委"],
  ])("%s → %s", (title, unit) => {
    expect(unitFromTitle(title)).toBe(unit);
  });

  it.each(["先进性教育活动党员评议台账", "2025年度民主评议登记表", "党员名单", "学习情况统计表", "机关党员名单", "第一、第二党支部先进性教育评议台账", "城关镇党委", "民主评议党员票决表"])(
    "%s names no unit",
    (title) => {
      expect(unitFromTitle(title)).toBeUndefined();
    },
  );

  it("is used when no sheet has a 填报单位 line, which wins wherever it is", () => {
    expect(read([sheet("党员名单", [["城关镇党委党员名单"], header, ...rows])]).unitNameHint).toBe("城关镇党委");
    const both = read([
      sheet("党员名单", [["城关镇党委党员名单"], header, ...rows]),
      sheet("学时", [["填报单位：城关镇机关党委"], ["姓名", "学时合计"], ["王伟", 52]]),
    ]);
    expect(both.unitNameHint).toBe("城关镇机关党委");
  });
});

describe("a title that names a branch", () => {
  it("names the unit of that branch's own list, not of a list of several branches", () => {
    const one = [["第一党支部党员名单"], header, [1, "王伟", "第一党支部", 52], [2, "李娜", "第一党支部", 48]];
    expect(read([sheet("党员名单", one)]).unitNameHint).toBe("第一党支部");
    const two = [["第一党支部党员名单"], header, [1, "王伟", "第一党支部", 52], [2, "李娜", "第二党支部", 48]];
    expect(read([sheet("党员名单", two)]).unitNameHint).toBeUndefined();
  });

  it("is taken from the roster only", () => {
    expect(read([sheet("党员名单", [header, ...rows]), sheet("学时", [["第一党支部学时登记表"], ["姓名", "学时合计"], ["王伟", 52]])]).unitNameHint).toBeUndefined();
  });
});
