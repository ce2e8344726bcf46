import { RESULT_GROUP_HEADER, RESULT_HEADER_MARK, SHEET_MARK } from "../../../src/engine/plan/types";
import { codes, member, read, sheet } from "./helpers";

describe("locating the header row", () => {
  it("finds a header under a merged title and blank rows, and skips footer lines", () => {
    const r = read([
      sheet(
        "一支部",
        [
          ["XX党委先进性教育评议表", null, null, null],
          [],
          ["填报单位：第一党支部", "", "", ""],
          ["序号", "党员姓名", "所在支部", "学习时数"],
          [1, "张三", "第一支部", 52],
          [2, "李四", "第一支部", 46],
          [],
          [3, "王五", "第一支部", 50],
          ["合计", "", "", 148],
          ["填表人：赵六", "", "审核人：钱七", ""],
          ["说明：学时按小时计", "", "", ""],
        ],
        { merges: [{ top: 0, left: 0, bottom: 0, right: 3 }] },
      ),
    ]);
    const t = r.tables[0];
    expect(t.headerRow).toBe(3);
    expect(t.headerTop).toBe(3);
    expect(t.columns).toEqual({ name: 1, branch: 2, studyHours: 3 });
    expect(t.unmappedHeaders).toEqual([{ col: 0, header: "序号" }]);
    expect(t.dataRows).toEqual([4, 5, 7]);
    expect(r.members.map((m) => m.name)).toEqual(["张三", "李四", "王五"]);
    expect(member(r.members, "王五").cells.studyHours).toEqual({ sheet: "一支部", cell: "D8" });
    expect(r.issues).toEqual([]);
  });

  it("skips subtotal lines between branches and stops at the notes under the table", () => {
    const r = read([
      sheet("汇总", [
        ["姓名", "支部", "学时"],
        ["张三", "一支部", 50],
        ["", "小计", 50],
        ["李四", "二支部", 40],
        ["小计", "", 40],
        ["日期：2024年3月1日", "", ""],
        ["1", "学时以组织部登记为准", ""],
      ]),
    ]);
    expect(r.tables[0].dataRows).toEqual([1, 3]);
    expect(r.members.map((m) => m.name)).toEqual(["张三", "李四"]);
    expect(r.issues).toEqual([]);
  });

  it("reads a two-row header with merged groups (merges given)", () => {
    const r = read([
      sheet(
        "票决",
        [
          ["姓名", "所在支部", "表决", null, "民主评议", null, null, "票决", null, null, null],
          [null, null, "应到人数", "实到人数", "赞成", "反对", "弃权", "优秀", "合格", "基本合格", "不合格"],
          ["张三", "第一支部", 20, 18, 15, 2, 1, 10, 7, 1, 0],
        ],
        {
          merges: [
            { top: 0, left: 0, bottom: 1, right: 0 },
            { top: 0, left: 1, bottom: 1, right: 1 },
            { top: 0, left: 2, bottom: 0, right: 3 },
            { top: 0, left: 4, bottom: 0, right: 6 },
            { top: 0, left: 7, bottom: 0, right: 10 },
          ],
        },
      ),
    ]);
    const t = r.tables[0];
    expect([t.headerTop, t.headerRow]).toEqual([0, 1]);
    expect(t.columns).toEqual({
      name: 0,
      branch: 1,
      votersDue: 2,
      votersPresent: 3,
      votesFor: 4,
      votesAgainst: 5,
      votesAbstain: 6,
      votesExcellent: 7,
      votesQualified: 8,
      votesBasic: 9,
      votesUnqualified: 10,
    });
    expect(member(r.members, "张三").values).toMatchObject({ votersDue: 20, votersPresent: 18, votesFor: 15, votesExcellent: 10, votesUnqualified: 0 });
    expect(r.fieldHeaders.votesExcellent).toBe("票决·优秀");
  });

  it("reads a two-row header when the group text is only in its first cell (no merges)", () => {
    const r = read([
      sheet("考勤与测评", [
        ["先进性教育考勤及测评情况表"],
        ["姓名", "支部", "组织生活考勤", "", "群众测评", "", "", ""],
        ["", "", "应到", "实到", "满意", "比较满意", "基本满意", "不满意"],
        ["李四", "第二支部", 12, 10, 30, 5, 3, 2],
      ]),
    ]);
    const t = r.tables[0];
    expect([t.headerTop, t.headerRow]).toEqual([1, 2]);
    expect(member(r.members, "李四").values).toEqual({
      sessionsDue: 12,
      sessionsAttended: 10,
      satisfied: 30,
      fairlySatisfied: 5,
      basicallySatisfied: 3,
      dissatisfied: 2,
    });
  });

  it("reads a two-row header whose merged group text is repeated in every cell", () => {
    const r = read([
      sheet("票决", [
        ["姓名", "票决", "票决", "票决", "票决"],
        ["姓名", "优秀", "合格", "基本合格", "不合格"],
        ["王五", 3, 12, 1, 0],
      ]),
    ]);
    expect([r.tables[0].headerTop, r.tables[0].headerRow]).toEqual([0, 1]);
    expect(member(r.members, "王五").values).toEqual({ votesExcellent: 3, votesQualified: 12, votesBasic: 1, votesUnqualified: 0 });
  });

  it("a title row carrying 票决 gives meaning to bare grade headers", () => {
    const r = read([sheet("票决", [["民主评议票决统计表"], ["姓名", "优秀", "合格", "基本合格", "不合格"], ["王五", 3, 12, 1, 0]])]);
    expect(member(r.members, "王五").values).toEqual({ votesExcellent: 3, votesQualified: 12, votesBasic: 1, votesUnqualified: 0 });
  });

  it("reports a second column for the same field and uses the first", () => {
    const r = read([sheet("名单", [["姓名", "学时", "支部", "学时（小时）"], ["张三", 50, "一支部", 60]])]);
    expect(r.tables[0].columns.studyHours).toBe(1);
    expect(member(r.members, "张三").values.studyHours).toBe(50);
    expect(r.issues).toEqual([{ code: "HEADER_DUPLICATE", sheet: "名单", cell: "D1", value: "学时（小时）", params: { header: "学时（小时）", first: "B1" } }]);
  });

  it("honours the grid origin in every address", () => {
    const r = read([sheet("名单", [["姓名", "学时"], ["张三", "abc"]], { origin: { row: 4, col: 2 } })]);
    expect(r.tables[0]).toMatchObject({ headerRow: 4, columns: { name: 2, studyHours: 3 }, dataRows: [5], userColumnEnd: 4, lastRow: 5 });
    expect(codes(r.issues)).toEqual(["NOT_A_NUMBER@名单!D6"]);
  });

  it("reports NO_MEMBER_TABLE when no sheet has a member table", () => {
    const r = read([sheet("Sheet1", [["会议记录"], ["今天学习了党章"]])]);
    expect(r.members).toEqual([]);
    expect(codes(r.issues)).toEqual(["NO_MEMBER_TABLE@!"]);
  });
});

describe("our own output is never input", () => {
  it("skips sheets we created and excludes the previous result block", () => {
    const mark = (h: string) => `${RESULT_HEADER_MARK}${h}`;
    const r = read([
      sheet("评议-支部汇总", [[`${SHEET_MARK} 支部汇总`], ["支部", "党员数"], ["一支部", 3]]),
      sheet(
        "名单",
        [
          ["", "", "", "", RESULT_GROUP_HEADER, "", ""],
          ["姓名", "支部", "学时", "满意度", mark("学习情况"), mark("满意度"), mark("评议等次")],
          ["张三", "一支部", 52, 90, "达标", "90", "合格"],
          ["李四", "一支部", 40, 60, "未达标", "60", "基本合格"],
        ],
        { merges: [{ top: 0, left: 4, bottom: 0, right: 6 }] },
      ),
    ]);
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0];
    expect(t.sheet).toBe("名单");
    expect(t.headerRow).toBe(1);
    expect(t.resultBlockStart).toBe(4);
    expect(t.userColumnEnd).toBe(4);
    expect(t.columns).toEqual({ name: 0, branch: 1, studyHours: 2, satisfaction: 3 });
    expect(t.unmappedHeaders).toEqual([]);
    expect(member(r.members, "李四").values).toEqual({ studyHours: 40, satisfaction: 60 });
    expect(r.issues).toEqual([]);
  });
});

describe("column overrides", () => {
  it("maps, remaps and unmaps columns on top of the automatic mapping", () => {
    const grid = [
      ["姓名", "支部", "自学时间", "学时", "备注"],
      ["张三", "一支部", 55, 20, "x"],
    ];
    const auto = read([sheet("名单", grid)]);
    expect(auto.tables[0].columns.studyHours).toBe(3);
    const r = read([sheet("名单", grid)], { 名单: { studyHours: 2, branch: null } });
    expect(r.tables[0].columns).toEqual({ name: 0, studyHours: 2 });
    expect(r.fieldHeaders.studyHours).toBe("自学时间");
    expect(member(r.members, "张三").values.studyHours).toBe(55);
    expect(member(r.members, "张三").branch).toBeUndefined();
    expect(r.tables[0].unmappedHeaders.map((u) => u.header)).toEqual(["支部", "学时", "备注"]);
  });
});
