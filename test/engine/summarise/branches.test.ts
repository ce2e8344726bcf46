import { summariseBranches } from "../../../src/engine/summarise";
import { DEFAULT_RULES, resolveRules } from "../../../src/engine/rules";
import { NO_BRANCH_LABEL, TOTAL_LABEL } from "../../../src/engine/plan/types";
import { result } from "../plan/fixtures";

const 二支部 = "机关第二党支部";
const 一支部 = "机关第一党支部";

const members = [
  result({
    name: "王芳",
    branch: 二支部,
    row: 3,
    values: { studyHours: 52, concentratedDays: 3, satisfaction: 88 },
    statuses: { R1: "达标", R2: "达标", R5: "达标", R6: "达标" },
    grade: "优秀",
    actions: ["COMMEND"],
  }),
  result({
    name: "张伟",
    branch: 一支部,
    row: 4,
    values: { studyHours: 46, concentratedDays: 3, satisfaction: 65 },
    statuses: { R1: "未达标", R2: "达标", R5: "未达标", R6: "未达标" },
    grade: "基本合格",
    pendingApproval: true,
    actions: ["WITHDRAW", "REWRITE", "ADMONISH", "MAKE_UP_STUDY"],
  }),
  result({
    name: "李娜",
    branch: 二支部,
    row: 5,
    values: { studyHours: 60, category: "预备党员", satisfied: 6, fairlySatisfied: 1, basicallySatisfied: 1, dissatisfied: 4 },
    statuses: { R1: "达标", R2: "未录入", R5: "未达标" },
    grade: "不评定",
  }),
  result({ name: "赵磊", row: 6, values: {}, statuses: { R1: "未录入", R5: "未录入" }, grade: "待定" }),
  result({
    name: "陈静",
    branch: 一支部,
    row: 7,
    values: { studyHours: 50, concentratedDays: 2 },
    statuses: { R1: "达标", R2: "未达标" },
    grade: "合格",
    actions: ["MAKE_UP_STUDY"],
  }),
];

describe("summariseBranches", () => {
  const { branches, total } = summariseBranches(members, DEFAULT_RULES);

  test("branches in the order first met, blank branch under 未填支部", () => {
    expect(branches.map((b) => b.branch)).toEqual([二支部, 一支部, NO_BRANCH_LABEL]);
    expect(total.branch).toBe(TOTAL_LABEL);
  });

  test("counts members, 正式 and 预备 (category blank counts as 正式)", () => {
    const two = branches[0];
    expect([two.members, two.formal, two.probationary]).toEqual([2, 1, 1]);
    expect(branches[2].formal).toBe(1);
  });

  test("study: compliant needs R1 and R2 met; R2 not entered is not compliant", () => {
    const two = branches[0];
    expect([two.studyEntered, two.studyCompliant]).toEqual([2, 1]);
    expect(two.studyComplianceRate).toBe(0.5);
    expect(two.averageHours).toBe(56);
    const one = branches[1];
    expect([one.studyEntered, one.studyCompliant, one.studyComplianceRate]).toEqual([2, 0, 0]);
    const none = branches[2];
    expect([none.studyEntered, none.studyComplianceRate, none.averageHours]).toEqual([0, null, null]);
  });

  test("satisfaction: a rate column, or R5's formula over the vote counts", () => {
    const two = branches[0];
    expect(two.satisfactionEntered).toBe(2);
    // 王芳 88; 李娜 (6+1+1)/12 = 66.67
    expect(two.averageSatisfaction).toBeCloseTo((88 + 800 / 12) / 2, 6);
    expect(two.satisfactionBelow).toBe(1);
    expect(branches[2].averageSatisfaction).toBeNull();
  });

  test("R6, grades, pending approval and open actions (表彰 alone is not open)", () => {
    const one = branches[1];
    expect(one.noApplication).toBe(1);
    expect(one.applicationEntered).toBe(1);
    expect(one.grades).toEqual({ 优秀: 0, 合格: 1, 基本合格: 1, 不合格: 0, 待定: 0, 不评定: 0 });
    expect(one.pendingApproval).toBe(1);
    expect(one.openActions).toBe(2);
    expect(branches[0].openActions).toBe(0);
  });

  test("the 合计 row adds everything up and recomputes rates from the sums", () => {
    expect(total.members).toBe(5);
    expect([total.formal, total.probationary]).toEqual([4, 1]);
    expect([total.studyEntered, total.studyCompliant]).toEqual([4, 1]);
    expect(total.studyComplianceRate).toBe(0.25);
    expect(total.hoursTotal).toBe(208);
    expect(total.averageHours).toBe(52);
    expect(total.grades).toEqual({ 优秀: 1, 合格: 1, 基本合格: 1, 不合格: 0, 待定: 1, 不评定: 1 });
    expect(total.satisfactionBelow).toBe(2);
    expect(total.openActions).toBe(2);
    expect(total.excellentCap).toBe(branches.reduce((sum, b) => sum + b.excellentCap, 0));
  });

  test("no members: no branches and an all-zero total", () => {
    const empty = summariseBranches([], DEFAULT_RULES);
    expect(empty.branches).toEqual([]);
    expect(empty.total.members).toBe(0);
    expect(empty.total.studyComplianceRate).toBeNull();
    expect(empty.total.excellentOverCap).toBe(false);
  });
});

describe("已录入 n / N: every rate is taken over the members entered, and says how many", () => {
  // Two of ten members have hours entered, both compliant: 100 % of two, not of the branch.
  const ten = Array.from({ length: 10 }, (_, i) =>
    result({
      name: `党员${i + 1}`,
      branch: "城关村党支部",
      row: 3 + i,
      values: i < 2 ? { studyHours: 60, concentratedDays: 4, satisfaction: 90, applicationSubmitted: true } : {},
      statuses: i < 2 ? { R1: "达标", R2: "达标", R5: "达标", R6: "达标" } : { R1: "未录入", R2: "未录入", R5: "未录入", R6: "未录入" },
      grade: i < 2 ? "合格" : "待定",
    }),
  );
  const { branches, total } = summariseBranches(ten, DEFAULT_RULES);

  test("the counts beside each rate", () => {
    const b = branches[0];
    expect([b.members, b.studyEntered, b.studyComplianceRate, b.averageHours]).toEqual([10, 2, 1, 60]);
    expect([b.satisfactionEntered, b.averageSatisfaction]).toEqual([2, 90]);
    expect([b.applicationEntered, b.noApplication]).toEqual([2, 0]);
    expect([total.studyEntered, total.satisfactionEntered, total.applicationEntered]).toEqual([2, 2, 2]);
  });
});

describe("R11 待公示 in the summary", () => {
  test("approved but not yet publicly posted is counted apart from 待审批", () => {
    const list = [
      result({ name: "张伟", branch: "一支部", row: 3, grade: "合格", pendingPublicity: true }),
      result({ name: "王芳", branch: "一支部", row: 4, grade: "优秀", pendingApproval: true }),
      result({ name: "李娜", branch: "二支部", row: 5, grade: "合格", pendingPublicity: true }),
    ];
    const { branches, total } = summariseBranches(list, DEFAULT_RULES);
    expect(branches.map((b) => [b.branch, b.pendingApproval, b.pendingPublicity])).toEqual([
      ["一支部", 1, 1],
      ["二支部", 0, 1],
    ]);
    expect([total.pendingApproval, total.pendingPublicity]).toEqual([1, 2]);
  });
});

describe("R15 excellent cap", () => {
  const branch = (formal: number, excellent: number, probationary = 0) => {
    const list = [];
    for (let i = 0; i < formal + probationary; i++) {
      list.push(
        result({
          name: `党员${i + 1}`,
          branch: "村党支部",
          row: 3 + i,
          values: { category: i < formal ? "正式党员" : "预备党员" },
          grade: i < excellent ? "优秀" : i < formal ? "合格" : "不评定",
          actions: i < excellent ? ["COMMEND"] : [],
        }),
      );
    }
    return list;
  };

  test("7 正式党员 → cap 2; a third 优秀 is over the cap, nobody demoted", () => {
    const { branches, total } = summariseBranches(branch(7, 3), DEFAULT_RULES);
    expect(branches[0].excellentCap).toBe(2);
    expect(branches[0].excellentOverCap).toBe(true);
    expect(branches[0].grades["优秀"]).toBe(3);
    expect(total.excellentOverCap).toBe(true);
  });

  test("6 正式党员 and 2 优秀 is exactly at the cap; 预备党员 do not raise it", () => {
    const { branches } = summariseBranches(branch(6, 2, 5), DEFAULT_RULES);
    expect(branches[0].excellentCap).toBe(2);
    expect(branches[0].excellentOverCap).toBe(false);
  });

  test("a share such as 0.7 of 90 正式党员 is 63, though 0.7 × 90 computes as 62.99999999999999", () => {
    const resolved = resolveRules({ excellent: { maxShare: 0.7 } });
    if (!resolved.ok) throw new Error("rules did not resolve");
    expect(0.7 * 90).toBeLessThan(63);
    const atCap = summariseBranches(branch(90, 63), resolved.rules).branches[0];
    expect([atCap.excellentCap, atCap.excellentOverCap]).toEqual([63, false]);
    const over = summariseBranches(branch(90, 64), resolved.rules).branches[0];
    expect([over.excellentCap, over.excellentOverCap]).toEqual([63, true]);
  });

  test("the cap follows the rule set's share", () => {
    const resolved = resolveRules({ excellent: { maxShare: 0.5 } });
    if (!resolved.ok) throw new Error("rules did not resolve");
    const { branches } = summariseBranches(branch(7, 3), resolved.rules);
    expect(branches[0].excellentCap).toBe(3);
    expect(branches[0].excellentOverCap).toBe(false);
  });
});
