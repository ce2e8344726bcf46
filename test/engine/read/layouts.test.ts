import { notAPerson, sectionBranch } from "../../../src/engine/read/row-kinds";
import { codes, member, read, sheet } from "./helpers";

const names = (r: ReturnType<typeof read>) => r.members.map((m) => m.name);

describe("rows inside a table that are not members", () => {
  it("reads the header typed again before each branch's block as a header, not a member named 姓名", () => {
    const r = read([
      sheet("党员名单", [
        ["机关党委党员学习情况登记表"],
        ["序号", "姓名", "所在支部", "学时合计"],
        [1, "张伟", "机关第一党支部", 52],
        [2, "李娜", "机关第一党支部", 46],
        [],
        ["序号", "姓名", "所在支部", "学时合计"],
        [1, "王强", "机关第二党支部", 60],
        ["序号", "党员姓名", "所在支部", "学时（小时）"],
        [1, "赵敏", "机关第三党支部", 55],
      ]),
    ]);
    expect(names(r)).toEqual(["张伟", "李娜", "王强", "赵敏"]);
    expect(r.tables[0].dataRows).toEqual([2, 3, 6, 8]);
    expect(r.issues).toEqual([]);
  });

  it("reads a two-row header repeated after a page break as a header, the title above it too", () => {
    const merges = (top: number) => [
      { top, left: 0, bottom: top + 1, right: 0 },
      { top, left: 1, bottom: top + 1, right: 1 },
      { top, left: 2, bottom: top, right: 3 },
    ];
    const r = read([
      sheet(
        "表决",
        [
          ["姓名", "所在支部", "表决情况", null, "赞成"],
          [null, null, "应到人数", "实到人数", null],
          ["张伟", "一支部", 9, 8, 7],
          ["城关镇党委民主评议表决情况表（续）"],
          ["姓名", "所在支部", "表决情况", null, "赞成"],
          [null, null, "应到人数", "实到人数", null],
          ["李娜", "二支部", 7, 7, 6],
        ],
        { merges: [...merges(0), ...merges(4), { top: 3, left: 0, bottom: 3, right: 4 }] },
      ),
    ]);
    expect(names(r)).toEqual(["张伟", "李娜"]);
    expect(member(r.members, "李娜").values).toMatchObject({ votersDue: 7, votersPresent: 7, votesFor: 6 });
    expect(r.issues).toEqual([]);
  });

  it("skips a fill-in template's placeholder rows", () => {
    const r = read([
      sheet("名单", [
        ["姓名", "所在支部", "学时"],
        ["{name}", "{branch}", "{hours}"],
        ["例：张三", "第一党支部", 50],
        ["张三（示例）", "第一党支部", 50],
        ["×××", "", ""],
        ["刘洋", "第一党支部", 48],
      ]),
    ]);
    expect(names(r)).toEqual(["刘洋"]);
    expect(r.issues).toEqual([]);
  });

  it("reads branch section rows as the branch of the rows under them when the table has no branch column", () => {
    const r = read([
      sheet(
        "名单",
        [
          ["序号", "姓名", "性别", "学时"],
          ["一、机关第一党支部（2人）"],
          [1, "张伟", "男", 52],
          [2, "李娜", "女", 46],
          [null, "机关第二党支部"],
          [3, "王强", "男", 60],
          [null, "小计", null, 60],
        ],
        { merges: [{ top: 1, left: 0, bottom: 1, right: 3 }] },
      ),
    ]);
    expect(r.members.map((m) => [m.name, m.branch])).toEqual([
      ["张伟", "机关第一党支部"],
      ["李娜", "机关第一党支部"],
      ["王强", "机关第二党支部"],
    ]);
    expect(r.presentFields.has("branch")).toBe(true);
    expect(r.tables[0].columns.branch).toBeUndefined();
    expect(r.issues).toEqual([]);
  });

  it("keeps the branch column's own value over a section row, and a section row is never a member", () => {
    const r = read([
      sheet("名单", [
        ["姓名", "所在支部", "学时"],
        ["第一党支部"],
        ["张伟", "一支部", 52],
        ["李娜", null, 46],
      ]),
    ]);
    expect(r.members.map((m) => [m.name, m.branch])).toEqual([
      ["张伟", "一支部"],
      ["李娜", undefined],
    ]);
    expect(codes(r.issues)).toEqual(["BRANCH_BLANK@名单!B4"]);
  });

  it("does not end the table at a note under the header, and reads a units row as part of the header", () => {
    const r = read([
      sheet("名单", [
        ["姓名", "所在支部", "学时", "书面申请"],
        ["说明：学时按小时填写，书面申请填是或否"],
        [null, null, "（小时）", "是/否"],
        ["张伟", "一支部", 52, "是"],
        ["备注：以上情况属实"],
        ["李娜", "一支部", 46, "否"],
      ]),
    ]);
    expect(names(r)).toEqual(["张伟"]);
    expect(r.issues).toEqual([]);
  });

  it("still reports a row with data and no name", () => {
    const r = read([
      sheet("名单", [
        ["姓名", "所在支部", "学时"],
        ["张伟", "一支部", 52],
        [null, "一支部", 46],
      ]),
    ]);
    expect(codes(r.issues)).toEqual(["NAME_BLANK@名单!A3"]);
  });

  it("gives each row of a cell merged down a column its value (所在支部, 应到人数 typed once per branch); a merged 序号 is no member", () => {
    const r = read([
      sheet(
        "名单",
        [
          ["序号", "姓名", "所在支部", "应到人数", "实到人数", "赞成"],
          [1, "张伟", "第一党支部", 9, 8, 7],
          [null, "李娜", null, null, 8, 6],
          [2, "王强", "第二党支部", 7, 7, 7],
          [null, "赵敏", null, null, 7, 5],
        ],
        {
          merges: [
            { top: 1, left: 0, bottom: 2, right: 0 },
            { top: 1, left: 2, bottom: 2, right: 2 },
            { top: 1, left: 3, bottom: 2, right: 3 },
            { top: 3, left: 0, bottom: 4, right: 0 },
            { top: 3, left: 2, bottom: 4, right: 2 },
            { top: 3, left: 3, bottom: 4, right: 3 },
          ],
        },
      ),
    ]);
    expect(r.members.map((m) => [m.name, m.branch, m.values.votersDue])).toEqual([
      ["张伟", "第一党支部", 9],
      ["李娜", "第一党支部", 9],
      ["王强", "第二党支部", 7],
      ["赵敏", "第二党支部", 7],
    ]);
    // the value is read where it stands: the merge's first cell
    expect(member(r.members, "李娜").cells.branch).toEqual({ sheet: "名单", cell: "C3" });
    expect(r.issues).toEqual([]);
  });

  it("finds a table that starts right of column A and below blank rows, with its addresses", () => {
    const r = read([
      sheet("名单", [
        [],
        [null, null, "城关镇党委党员名单"],
        [null, null, "序号", "姓名", "所在支部", "学时合计", null, "连续缺席组织生活月数"],
        [null, null, 1, "张伟", "一支部", 52, null, 0],
        [null, null, 2, "李娜", "一支部", "四十", null, 7],
      ]),
    ]);
    expect(r.tables[0].columns).toEqual({ name: 3, branch: 4, studyHours: 5, monthsAbsent: 7 });
    expect(member(r.members, "李娜").values.monthsAbsent).toBe(7);
    expect(codes(r.issues)).toEqual(["NOT_A_NUMBER@名单!F5"]);
    expect(r.unitNameHint).toBe("城关镇党委");
  });
});

describe("row kinds", () => {
  it.each(["姓名", "党员姓名", "姓 名", "{name}", "${姓名}", "<姓名>", "×××", "XXX", "例：张三", "示例：李四", "张三（示例）", "王五(样例)", "城关镇党委党员名单（续）", "党员学习情况登记表（续表）"])("%s is not a person", (text) => {
    expect(notAPerson(text)).toBe(true);
  });

  it.each(["张三", "党国强", "名扬", "被", "买买提·艾力", "阿卜杜热合曼·买买提明", "张伟（大）", "Li Na"])("%s is a person", (text) => {
    expect(notAPerson(text)).toBe(false);
  });

  it.each<[string, string | undefined]>([
    ["第一党支部", "第一党支部"],
    ["一、机关第一党支部（12人）", "机关第一党支部"],
    ["（二）离退休党支部", "离退休党支部"],
    ["3. 后勤党总支", "后勤党总支"],
    ["所在支部：第三党支部", "第三党支部"],
    ["张三", undefined],
    ["小计", undefined],
    ["支部", undefined],
  ])("section %s → %s", (text, branch) => {
    expect(sectionBranch(text)).toBe(branch);
  });
});

describe("notes under an empty table", () => {
  it("end it: the lines of a blank template's instructions are not members", () => {
    const r = read([
      sheet("名单", [
        ["姓名", "所在支部", "学时"],
        [],
        [],
        ["填表说明："],
        ["1. 学时按小时填写"],
        ["2. 支部写全称"],
      ]),
    ]);
    expect(r.members).toEqual([]);
  });
});

describe("two-row headers whose group gives the sub-header its meaning", () => {
  const grid = [
    ["姓名", "所在支部", "书面申请", "", "上级党委审批", "", "公示", ""],
    ["", "", "是否提交", "提交日期", "意见", "日期", "日期", "地点"],
    ["张伟", "一支部", "是", "2025-01-10", "同意", "2025-03-01", "2025-03-08", "党务公开栏"],
  ];
  const expected = { name: 0, branch: 1, applicationSubmitted: 2, approved: 4, publicized: 6 };

  it("reads them without merges (the group's text with blanks to its right)", () => {
    const r = read([sheet("名单", grid)]);
    expect(r.tables[0].columns).toEqual(expected);
    expect(r.tables[0].unmappedHeaders.map((h) => h.header)).toEqual(["提交日期", "日期", "地点"]);
    expect(r.fieldHeaders.approved).toBe("上级党委审批·意见");
    expect(r.members[0].values).toMatchObject({ applicationSubmitted: true, approved: true, publicized: true });
  });

  it("and with merged groups", () => {
    const merges = [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 4, bottom: 0, right: 5 },
      { top: 0, left: 6, bottom: 0, right: 7 },
    ];
    const r = read([sheet("名单", grid, { merges })]);
    expect(r.tables[0].columns).toEqual(expected);
    expect(r.issues).toEqual([]);
  });
});
