import { cellOf } from "../../../src/engine";
import { issueMessage } from "../../../src/i18n/t";
import { codes, member, read, sheet } from "./helpers";

const roster = sheet("党员花名册", [
  ["序号", "姓名", "所在党支部", "党员类别", "是否领导干部"],
  [1, "张三", "第一支部", "正式党员", "否"],
  [2, "李四", "第一支部", "预备党员", "否"],
  [3, "王五", "第二支部", "正式党员", "是"],
  [4, "王五", "第三支部", "正式党员", "否"],
]);

describe("choosing the roster and joining score sheets", () => {
  it("joins on (name, branch) and reports rows that are not in the roster", () => {
    const hours = sheet("学时登记", [
      ["姓名", "支部", "学时", "集中学习天数"],
      ["张三", "第一支部", 52, 3],
      ["王五", "第三支部", 40, 2],
      ["赵六", "第一支部", 50, 3],
    ]);
    const r = read([hours, roster]);
    expect(r.tables.map((t) => [t.sheet, t.isRoster])).toEqual([
      ["党员花名册", true],
      ["学时登记", false],
    ]);
    expect(r.members.map((m) => m.key)).toEqual(["张三|第一支部", "李四|第一支部", "王五|第二支部", "王五|第三支部"]);
    expect(member(r.members, "张三").values).toMatchObject({ category: "正式党员", isLeader: false, studyHours: 52, concentratedDays: 3 });
    expect(r.members[3].values).toMatchObject({ isLeader: false, studyHours: 40 });
    expect(r.members[3].cells.studyHours).toEqual({ sheet: "学时登记", cell: "C3" });
    expect(r.members[2].values.studyHours).toBeUndefined();
    expect(r.issues).toEqual([{ code: "ORPHAN_ROW", sheet: "学时登记", cell: "A4", value: "赵六", params: { sheet: "学时登记", row: 4, name: "赵六" } }]);
    expect([...r.presentFields].sort()).toEqual(["branch", "category", "concentratedDays", "isLeader", "name", "studyHours"]);
    expect(r.fieldHeaders.branch).toBe("所在党支部");
  });

  it("joins on the name alone when the score sheet has no branch, unless the name is not unique", () => {
    const r = read([roster, sheet("测评", [["姓名", "满意度"], ["李四", 88], ["王五", 60]])]);
    expect(member(r.members, "李四").values.satisfaction).toBe(88);
    expect(r.issues).toEqual([
      { code: "AMBIGUOUS_NAME_NO_BRANCH", sheet: "测评", cell: "A3", value: "王五", params: { sheet: "测评", row: 3, name: "王五", count: 2 } },
    ]);
  });

  it("never merges onto two people of one name in one branch", () => {
    const r = read([
      sheet("名单", [
        ["姓名", "身份证号", "支部"],
        ["刘洋", "110101199001011234", "一支部"],
        ["刘洋", "110101198502023456", "一支部"],
      ]),
      sheet("学时", [["姓名", "支部", "学时"], ["刘洋", "一支部", 50]]),
    ]);
    expect(r.members).toHaveLength(2);
    expect(r.members.every((m) => m.values.studyHours === undefined)).toBe(true);
    expect(r.issues).toEqual([{ code: "AMBIGUOUS_NAME", sheet: "学时", cell: "A2", value: "刘洋", params: { sheet: "学时", row: 2, name: "刘洋", branch: "一支部" } }]);
  });

  it("joins on the member id when both tables have one, and reports conflicting values", () => {
    const r = read([
      sheet("名单", [
        ["姓名", "身份证号", "支部", "学时"],
        ["刘洋", "110101199001011234", "一支部", 50],
        ["刘洋", "110101198502023456", "一支部", null],
      ]),
      sheet("学时", [
        ["姓名", "身份证号码", "学时"],
        ["刘洋", "110101198502023456", 44],
        ["刘洋", "110101199001011234", 52],
      ]),
    ]);
    expect(r.members.map((m) => [m.key, m.values.studyHours])).toEqual([
      ["110101199001011234", 50],
      ["110101198502023456", 44],
    ]);
    expect(r.issues).toEqual([
      { code: "CONFLICTING_VALUES", sheet: "学时", cell: "C3", value: "52", params: { name: "刘洋", field: "学时", value: "50", other: "52" } },
    ]);
  });

  it("reports a member listed twice (the second row is not reviewed) and a blank branch", () => {
    const r = read([
      sheet("名单", [
        ["姓名", "支部", "学时"],
        ["张三", "一支部", 50],
        ["李四", null, 40],
        ["张三", "一支部", 55],
      ]),
      sheet("测评", [["姓名", "支部", "满意度"], ["张三", "一支部", 90]]),
    ]);
    expect(r.members.map((m) => m.name)).toEqual(["张三", "李四"]);
    expect(member(r.members, "李四").branch).toBeUndefined();
    expect(member(r.members, "张三").values).toEqual({ studyHours: 50 });
    expect(codes(r.issues)).toEqual(["BRANCH_BLANK@名单!B3", "DUPLICATE_MEMBER@名单!A4", "AMBIGUOUS_NAME@测评!A2"]);
    expect(r.issues[1].params).toEqual({ name: "张三", other: "A2" });
    // each says how to fix it: an ID number for both, or names told apart
    expect(issueMessage(r.issues[1])).toMatch(/^张三 在名单中出现了两次（另见 A2），第二行未参加评议；如是同一人重复录入，请删去其中一行；如是两位同名党员，请在两行都填写身份证号，或在姓名上加以区分（如“张三（大）”“张三（小）”）/);
    expect(issueMessage(r.issues[2])).toMatch(/“张三”在一支部有重名.*请在名单和该表中都填写身份证号，或把同名的姓名区分开（如“张三（大）”“张三（小）”/);
    expect(issueMessage(r.issues[2], "en")).toMatch(/give ID numbers in the member list and in that sheet, or tell the names apart/);
  });

  it("does not join on an id that has lost its digits, and falls back to the name", () => {
    const r = read([
      sheet("名单", [["姓名", "身份证号", "支部"], ["张三", "110101199001011234", "一支部"]]),
      sheet("学时", [["姓名", "身份证号", "支部", "学时"], ["张三", 110101199001011230, "一支部", 50]]),
    ]);
    expect(member(r.members, "张三").values.studyHours).toBe(50);
    expect(codes(r.issues)).toEqual(["ID_PRECISION_LOST@学时!B2"]);
  });

  it("does not default a score sheet's blank category over the roster's", () => {
    const r = read([
      sheet("名单", [["姓名", "支部", "党员类别", "学时"], ["李四", "一支部", "预备党员", 10]]),
      sheet("补录", [["姓名", "支部", "党员类别", "学时"], ["李四", "一支部", null, null]]),
    ]);
    expect(member(r.members, "李四").values.category).toBe("预备党员");
    expect(r.issues).toEqual([]);
  });

  it("names the cell each value was read from: the roster's, else the first score sheet that had it", () => {
    const r = read([
      sheet("名单", [["姓名", "支部", "学时", "集中学习天数"], ["张三", "一支部", null, 3], ["李四", "一支部", 52, null]]),
      sheet("学时一", [["姓名", "支部", "学时"], ["张三", "一支部", null], ["李四", "一支部", 52]]),
      sheet("学时二", [["姓名", "支部", "学时", "集中学习天数"], ["李四", "一支部", 50, 4], ["张三", "一支部", 46, 3]]),
    ]);
    const zhang = member(r.members, "张三");
    const li = member(r.members, "李四");
    expect(zhang.values).toMatchObject({ studyHours: 46, concentratedDays: 3 });
    expect(zhang.cells).toEqual({ name: { sheet: "名单", cell: "A2" }, branch: { sheet: "名单", cell: "B2" }, studyHours: { sheet: "学时二", cell: "C3" }, concentratedDays: { sheet: "名单", cell: "D2" } });
    expect(cellOf(li, "concentratedDays")).toEqual({ sheet: "学时二", cell: "D2" });
    expect(cellOf(li, "studyHours")).toEqual({ sheet: "名单", cell: "C3" });
    expect(cellOf(li, "satisfaction")).toBeUndefined();
    expect(codes(r.issues)).toEqual(["CONFLICTING_VALUES@学时二!C2"]);
  });

  it("joins on a name unique in the roster when the roster left that member's branch blank", () => {
    const r = read([
      sheet("名单", [["姓名", "支部", "党员类别"], ["张三", null, "正式党员"], ["李四", null, "正式党员"], ["李四", "二支部", "正式党员"]]),
      sheet("学时", [["姓名", "支部", "学时"], ["张三", "一支部", 50], ["李四", "一支部", 40]]),
    ]);
    expect(member(r.members, "张三").values.studyHours).toBe(50);
    expect(cellOf(member(r.members, "张三"), "studyHours")).toEqual({ sheet: "学时", cell: "C2" });
    expect(r.members.map((m) => m.values.studyHours)).toEqual([50, undefined, undefined]);
    expect(codes(r.issues)).toEqual(["BRANCH_BLANK@名单!B2", "BRANCH_BLANK@名单!B3", "ORPHAN_ROW@学时!A3"]);
  });

  it("joins a score sheet the same whether its rows follow the roster's order or not", () => {
    // Shared names within a branch, id-less repeats, blank branches, ids that lost digits.
    const people: [string, string | null, string | null][] = [];
    const names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "张伟", "杨军", "王芳"];
    for (let i = 0; i < 48; i++) {
      const branch = i % 11 === 5 ? null : `第${(i % 4) + 1}支部`;
      const id = i % 7 === 3 ? null : i % 13 === 2 ? 1.10101e17 + i : `3201021980${String(1000 + i)}`;
      people.push([names[i % names.length] + (i < 40 ? String(i % 9) : ""), id === null ? null : String(id), branch]);
    }
    people.push(people[4], [people[9][0], null, people[9][2]]);
    const roster = sheet("名单", [["姓名", "身份证号", "支部", "学时"], ...people.map(([n, id, b], i) => [n, id, b, i % 5 === 0 ? 40 + i : null])]);
    // A person's score values follow from who they are, so a repeated row repeats them too.
    const rows = people.map(([n, id, b]): unknown[] => {
      const seed = [...`${n}${id}${b}`].reduce((h, c) => h * 31 + c.charCodeAt(0), 7) % 1000;
      return [n, id, b, 50 + (seed % 3), seed % 2 === 0 ? "是" : "否", 3];
    });
    const scoreSheets = (order: unknown[][]) => [
      sheet("学时", [["姓名", "身份证号", "支部", "学时", "是否提交党性分析材料", "集中学习天数"], ...order.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5]])]),
      sheet("分析", [["姓名", "支部", "是否提交党性分析材料"], ...order.map((r) => [r[0], r[2], r[4]])]),
      sheet("天数", [["姓名", "集中学习天数"], ...order.map((r) => [r[0], r[5]])]),
    ];
    const shuffled = rows.map((r, i) => ({ r, key: (i * 37) % rows.length })).sort((a, b) => a.key - b.key).map((x) => x.r);
    const summary = (r: ReturnType<typeof read>) => ({
      values: r.members.map((m) => [m.key, m.values]),
      issues: r.issues.map((i) => `${i.code}:${i.sheet}:${i.value ?? ""}`).sort(),
    });
    const inOrder = summary(read([roster, ...scoreSheets(rows)]));
    expect(summary(read([roster, ...scoreSheets(shuffled)]))).toEqual(inOrder);
    expect(summary(read([roster, ...scoreSheets([...rows].reverse())]))).toEqual(inOrder);
    expect(inOrder.issues.some((i) => i.startsWith("AMBIGUOUS_NAME:"))).toBe(true);
    expect(inOrder.values.filter(([, v]) => (v as { studyHours?: number }).studyHours !== undefined).length).toBeGreaterThan(30);
  });

  it("reads a field that one score sheet alone has from that sheet's rows, and from nowhere for members it lacks", () => {
    const r = read([
      sheet("名单", [["姓名", "支部", "党员类别"], ["张三", "一支部", "正式党员"], ["李四", "一支部", "正式党员"], ["王五", "二支部", "预备党员"]]),
      sheet("满意度", [["姓名", "支部", "满意", "不满意", "是否整改"], ["王五", "二支部", 18, 2, "否"], ["张三", "一支部", 15, 5, "是"], ["张三", "一支部", 1, 1, "否"]]),
    ]);
    const [zhang, li, wang] = ["张三", "李四", "王五"].map((name) => member(r.members, name));
    expect(zhang.values).toMatchObject({ satisfied: 15, dissatisfied: 5, rectified: true });
    expect(wang.values).toMatchObject({ satisfied: 18, dissatisfied: 2, rectified: false });
    expect([li.values.satisfied, li.values.rectified]).toEqual([undefined, undefined]);
    expect(cellOf(zhang, "satisfied")).toEqual({ sheet: "满意度", cell: "C3" });
    expect(cellOf(wang, "rectified")).toEqual({ sheet: "满意度", cell: "E2" });
    expect(cellOf(li, "satisfied")).toBeUndefined();
    expect(li.cells.satisfied).toBeUndefined();
    expect(zhang.cells).toMatchObject({ satisfied: { sheet: "满意度", cell: "C3" }, rectified: { sheet: "满意度", cell: "E3" } });
    // The second 张三 row is reported and not read.
    expect(codes(r.issues)).toEqual(["DUPLICATE_MEMBER@满意度!A4"]);
  });

  it("lists a table's data rows when asked, the same list each time", () => {
    const r = read([sheet("名单", [["单位：一局"], ["姓名", "支部"], ["张三", "一支部"], [null, null], ["李四", "一支部"], ["合计", null]])]);
    const table = r.tables[0];
    expect(table.dataRows).toEqual([2, 4]);
    expect(table.dataRows).toBe(table.dataRows);
  });
});

describe("names with a middle dot", () => {
  it("joins a minority name whatever dot look-alike each sheet typed, and reports a match, not an orphan row", () => {
    const dots = ["·", "•", "‧", "・", "･", "．", ".", "∙", "⋅"];
    const r = read([
      sheet("党员名单", [
        ["姓名", "所在支部"],
        ["买买提·艾力", "第一支部"],
        ["古丽・热合曼", "第一支部"],
      ]),
      sheet("学时", [["姓名", "所在支部", "学时合计"], ["买买提•艾力", "第一支部", 50]]),
      sheet("测评", [["姓名", "满意率"], ["古丽·热合曼", 80]]),
    ]);
    // the roster's spelling is the member's name
    expect(r.members.map((m) => m.name)).toEqual(["买买提·艾力", "古丽・热合曼"]);
    expect(member(r.members, "买买提·艾力").values.studyHours).toBe(50);
    expect(member(r.members, "古丽・热合曼").values.satisfaction).toBe(80);
    expect(r.issues).toEqual([]);
    for (const dot of dots) {
      const one = read([
        sheet("党员名单", [["姓名", "所在支部"], ["买买提·艾力", "第一支部"]]),
        sheet("学时", [["姓名", "所在支部", "学时合计"], [`买买提 ${dot} 艾力`, "第一支部", 52]]),
      ]);
      expect([dot, one.members[0].values.studyHours, codes(one.issues)]).toEqual([dot, 52, []]);
    }
  });

  it("counts one member typed twice with different dots as listed twice", () => {
    const r = read([sheet("党员名单", [["姓名", "所在支部"], ["买买提·艾力", "第一支部"], ["买买提•艾力", "第一支部"]])]);
    expect(r.members).toHaveLength(1);
    expect(codes(r.issues)).toEqual(["DUPLICATE_MEMBER@党员名单!A3"]);
  });
});
