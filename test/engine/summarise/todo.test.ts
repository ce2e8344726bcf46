import { DEFAULT_RULES, evaluateWorkbook, todoList, type TodoGroup } from "../../../src/engine";
import { result } from "../plan/fixtures";

/** A roster with every outcome a secretary must act on, and a branch whose ballot was void (实到 3 < 应到 8 的半数). */
const HEADERS = ["姓名", "所在支部", "党员类别", "学时", "集中学习天数", "连续未参加组织生活月数", "满意度", "书面申请", "违纪", "支部建议等次", "应到人数", "实到人数", "赞成", "上级审批"];
const ROWS = [
  ["王建国", "机关第一党支部", "正式党员", 52, 4, 0, 90, "是", "是", "合格", 10, 9, 8, "是"],
  ["李秀英", "机关第一党支部", "正式党员", 52, 4, 7, 90, "是", "否", "合格", 10, 9, 8, "是"],
  ["张伟", "机关第一党支部", "正式党员", 52, 4, 0, 90, "否", "否", "合格", 10, 9, 8, "是"],
  ["刘芳", "机关第一党支部", "预备党员", 52, 4, 0, 90, "否", "否", "合格", 10, 9, 8, "是"],
  ["陈静", "机关第一党支部", "预备党员", 52, 4, 0, 90, "是", "否", "不合格", 10, 9, 8, "是"],
  ["杨洋", "机关第一党支部", "正式党员", 52, 4, 0, 90, "是", "否", "不合格", 10, 9, 8, "是"],
  ["赵磊", "机关第一党支部", "正式党员", 52, 4, 0, 65, "是", "否", "基本合格", 10, 9, 8, "是"],
  ["黄敏", "机关第一党支部", "正式党员", 44, 4, 0, 90, "是", "否", "优秀", 10, 9, 8, "是"],
  ["周强", "机关第一党支部", "正式党员", 52, 4, 0, 90, "是", "否", "合格", 10, 9, 8, null],
  ["郑华", "机关第一党支部", "正式党员", 52, 4, 0, 90, "是", "否", "合格", 10, 9, 8, "是"],
  ["吴刚", "离退休党支部", "正式党员", 52, 4, 0, 90, "是", "否", "合格", 8, 3, 3, "是"],
  ["徐丽", "离退休党支部", "正式党员", 52, 2, 0, 90, "是", "否", "合格", 8, 3, 3, "是"],
  ["孙涛", "离退休党支部", "正式党员", 52, 4, 0, 90, "是", "否", "合格", 8, 3, 3, "是"],
  ["马丽", "离退休党支部", "预备党员", 52, 4, 0, 90, "是", "否", "合格", 8, 3, 3, "是"],
];

function evaluated(rows: unknown[][] = ROWS) {
  return evaluateWorkbook({ sheets: [{ name: "党员名单", values: [["机关党委先进性教育评议台账"], HEADERS, ...rows] }] }, { rules: DEFAULT_RULES, today: "2026-11-20" });
}

const named = (group: TodoGroup | undefined) => (group?.members ?? []).map((entry) => [entry.result.member.name, entry.reason]);
const group = (groups: TodoGroup[], id: TodoGroup["id"]) => groups.find((g) => g.id === id);

test("every member with something to do is in each group that applies, most serious group first, with the sentence that says why", () => {
  const { groups, members } = todoList(evaluated().members);
  expect(groups.map((g) => g.id)).toEqual(["discipline", "remove", "noApplication", "probation", "unqualified", "rewrite", "admonish", "reviewExcellent", "makeUp", "pendingApproval", "undecided"]);
  expect(named(group(groups, "discipline"))).toEqual([["王建国", "有违纪情况，依照党章和《中国共产党纪律处分条例》处理"]]);
  expect(named(group(groups, "remove"))).toEqual([["李秀英", "连续 7 个月未参加组织生活（≥ 6 个月），按党章第九条视为自行脱党"]]);
  // a 预备党员 without a written application is there too, with the outcome for a 预备党员
  expect(named(group(groups, "noApplication"))).toEqual([
    ["张伟", "未提出书面申请，原则上按自愿退党或自行脱党处理（待支部确认）"],
    ["刘芳", "预备党员未提出书面申请，按延长预备期或取消预备党员资格处理（待支部确认）"],
  ]);
  expect(named(group(groups, "probation"))).toEqual([["陈静", "预备党员评议意见为“不合格”，按延长预备期或取消预备党员资格处理（待支部确认）"]]);
  expect(named(group(groups, "unqualified"))).toEqual([["杨洋", "评为不合格：支部建议“不合格”获赞成 8 票，超过应到 10 人的半数"]]);
  // 赵磊 must rewrite and is 基本合格: listed under both
  expect(named(group(groups, "rewrite"))).toEqual([["赵磊", "满意度 65 < 70，需重新撰写党性分析材料"]]);
  expect(named(group(groups, "admonish"))).toEqual([["赵磊", "评为基本合格：支部建议“基本合格”获赞成 8 票，超过应到 10 人的半数"]]);
  expect(named(group(groups, "reviewExcellent"))).toEqual([["黄敏", "评为优秀，但学时未达标，需复核评优资格"]]);
  expect(named(group(groups, "makeUp"))).toEqual([
    ["黄敏", "补学：学时差 6 学时"],
    ["徐丽", "补学：集中学习差 1 天"],
  ]);
  expect(named(group(groups, "pendingApproval"))).toEqual([["周强", "初步等次“合格”待上级党委审批"]]);
  // nobody else: 郑华 and 马丽 have nothing to do
  expect(members).toBe(13 - 1);
  expect(groups.flatMap((g) => [...g.members.map((e) => e.result.member.name), ...g.branches.flatMap((b) => b.members.map((m) => m.member.name))])).not.toContain("郑华");
});

test("a branch whose ballot was void is one entry with the reason said once, for the whole branch (its 预备党员 are not graded)", () => {
  const undecided = group(todoList(evaluated().members).groups, "undecided")!;
  expect(undecided.count).toBe(3);
  expect(undecided.members).toEqual([]);
  expect(undecided.branches).toHaveLength(1);
  const [branch] = undecided.branches;
  expect(branch.branch).toBe("离退休党支部");
  expect(branch.reason).toBe("票决无效（实到 3 人未过应到 8 人半数），等次待定");
  expect(branch.members.map((m) => m.member.name)).toEqual(["吴刚", "徐丽", "孙涛"]);
  expect(branch.wholeBranch).toBe(true);
});

test("a branch without ballot data: two of its members share the reason, one has another; only the shared one is said for the branch", () => {
  const rows = [
    ["吴刚", "离退休党支部", "正式党员", 52, 4, 0, 90, "是", "否", "合格", null, null, null, "是"],
    ["徐丽", "离退休党支部", "正式党员", 52, 4, 0, 90, "是", "否", "合格", null, null, null, "是"],
    ["孙涛", "离退休党支部", "正式党员", 52, 4, 0, 90, "是", "否", "合格", 8, 7, 3, "是"],
    ["郑华", "离退休党支部", "正式党员", 52, 4, 0, 90, "是", "否", "合格", 8, 7, 7, "是"],
  ];
  const undecided = group(todoList(evaluated(rows).members).groups, "undecided")!;
  expect(undecided.count).toBe(3);
  expect(undecided.branches.map((b) => [b.branch, b.reason, b.members.length, b.wholeBranch])).toEqual([["离退休党支部", "票决结果未录入，等次待定", 2, false]]);
  expect(named(undecided)).toEqual([["孙涛", "赞成 3 票未超过应到 8 人的半数，支部建议未通过，待支委会复议"]]);
});

test("a grade the secretary set by hand is explained by the 人工认定 note and never folded into a branch entry", () => {
  const typed = (name: string, grade: "不合格" | "待定") =>
    ({
      ...result({ name, branch: "离退休党支部", row: 3, grade, reasons: ["人工认定：原评议为合格", "票决无效（实到 3 人未过应到 8 人半数），等次待定"] }),
      manual: { grade: { text: grade, computed: "合格" } },
    });
  const { groups } = todoList([typed("吴刚", "不合格"), typed("徐丽", "待定"), typed("孙涛", "待定")]);
  expect(named(group(groups, "unqualified"))).toEqual([["吴刚", "人工认定：原评议为合格"]]);
  const undecided = group(groups, "undecided")!;
  expect(undecided.branches).toEqual([]);
  expect(named(undecided)).toEqual([
    ["徐丽", "人工认定：原评议为合格"],
    ["孙涛", "人工认定：原评议为合格"],
  ]);
});

test("nobody to act on: no groups", () => {
  expect(todoList([result({ name: "郑华", row: 3, grade: "合格", reasons: [] })])).toEqual({ groups: [], members: 0 });
});
