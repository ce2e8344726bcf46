import { codes, read, sheet } from "./helpers";

const header = ["序号", "姓名", "所在支部", "学时"];

describe("whose table it is", () => {
  it("does not read a list of 入党积极分子 as Party members, says so, and keeps the members' roster", () => {
    const r = read([
      sheet("党员名单", [header, [1, "张伟", "第一党支部", 52]]),
      sheet("培养对象", [["第一党支部入党积极分子名单"], header, [1, "陈晨", "第一党支部", 20]]),
    ]);
    expect(r.members.map((m) => m.name)).toEqual(["张伟"]);
    expect(r.tables.map((t) => t.sheet)).toEqual(["党员名单"]);
    expect(r.issues).toEqual([
      {
        code: "NOT_MEMBER_TABLE",
        sheet: "培养对象",
        cell: "A1",
        value: "第一党支部入党积极分子名单",
        params: { sheet: "培养对象", evidence: "第一党支部入党积极分子名单" },
      },
    ]);
    expect(r.notMemberTables).toEqual([{ sheet: "培养对象", evidence: "第一党支部入党积极分子名单" }]);
  });

  it("knows a list of 发展对象 or 群众 by its sheet name or by a header only they have", () => {
    const bySheet = read([sheet("发展对象", [header, [1, "陈晨", "第一党支部", 20]])]);
    expect(codes(bySheet.issues)).toEqual(["NOT_MEMBER_TABLE@发展对象!", "NO_MEMBER_TABLE@!"]);
    const byHeader = read([sheet("Sheet1", [["姓名", "所在支部", "递交入党申请书时间", "培养联系人"], ["陈晨", "一支部", "2024-05-01", "张伟"]])]);
    expect(codes(byHeader.issues)).toEqual(["NOT_MEMBER_TABLE@Sheet1!C1", "NO_MEMBER_TABLE@!"]);
    const masses = read([sheet("群众名单", [header, [1, "周敏", "第一党支部", 8]])]);
    expect(masses.members).toEqual([]);
  });

  it("reads a table as members when it has a column only members have, or its title speaks of 党员 too", () => {
    const withJoinDate = read([sheet("发展对象转正", [["姓名", "所在支部", "入党时间", "学时"], ["陈晨", "一支部", "2024-07-01", 52]])]);
    expect(withJoinDate.members.map((m) => m.name)).toEqual(["陈晨"]);
    const mixed = read([sheet("学习", [["党员和入党积极分子学习情况统计表"], header, [1, "张伟", "一支部", 52]])]);
    expect(mixed.members.map((m) => m.name)).toEqual(["张伟"]);
    // 群众 rating members is about members
    const survey = read([sheet("群众测评", [["群众满意度测评表"], ["姓名", "所在支部", "群众满意率"], ["张伟", "一支部", "92%"]])]);
    expect(survey.members.map((m) => m.name)).toEqual(["张伟"]);
    expect(survey.issues).toEqual([]);
  });
});
