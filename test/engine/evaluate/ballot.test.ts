import { evaluateMembers } from "../../../src/engine/evaluate";
import { DEFAULT_RULES, resolveRules } from "../../../src/engine/rules";
import type { FieldId } from "../../../src/engine/types";
import { SHEET, cellOf, fields, roster, type Row } from "./fixtures";

const proposalBallot = fields("proposedGrade", "votersDue", "votersPresent", "votesFor", "votesAgainst", "votesAbstain");
const gradeBallot = fields("votersDue", "votersPresent", "votesExcellent", "votesQualified", "votesBasic", "votesUnqualified");

function run(rows: Row[], present: Set<FieldId>, rules = DEFAULT_RULES) {
  return evaluateMembers(roster(rows, present), present, rules);
}

describe("R7 quorum", () => {
  it("6 present of 12 due voids the ballot; 7 of 12 counts", () => {
    const { results } = run(
      [
        { name: "张伟", proposedGrade: "合格", votersDue: 12, votersPresent: 6, votesFor: 6, votesAgainst: 0, votesAbstain: 0 },
        { name: "王芳", proposedGrade: "合格", votersDue: 12, votersPresent: 7, votesFor: 7, votesAgainst: 0, votesAbstain: 0 },
      ],
      proposalBallot,
    );
    expect(results[0].statuses.R7).toBe("未达标");
    expect(results[0].grade).toBe("待定");
    expect(results[0].preliminaryGrade).toBeUndefined();
    expect(results[0].reasons).toEqual(["票决无效（实到 6 人未过应到 12 人半数），等次待定"]);
    expect(results[1].statuses.R7).toBe("达标");
    expect(results[1].grade).toBe("合格");
  });

  it("a configured two-thirds quorum is named in the reason", () => {
    const r = resolveRules({ ballot: { quorumShare: 2 / 3 } });
    if (!r.ok) throw new Error("rules");
    const { results } = run(
      [{ name: "张伟", proposedGrade: "合格", votersDue: 12, votersPresent: 8, votesFor: 8 }],
      proposalBallot,
      r.rules,
    );
    expect(results[0].reasons).toEqual(["票决无效（实到 8 人未过应到 12 人的三分之二），等次待定"]);
  });
});

describe("R8 proposal ballot: 赞成 counted against those due, not those present", () => {
  it("6 of 12 fails, 7 of 12 passes, with 8 present", () => {
    const { results } = run(
      [
        { name: "张伟", proposedGrade: "优秀", votersDue: 12, votersPresent: 8, votesFor: 6, votesAgainst: 1, votesAbstain: 1 },
        { name: "王芳", proposedGrade: "优秀", votersDue: 12, votersPresent: 8, votesFor: 7, votesAgainst: 1, votesAbstain: 0 },
      ],
      proposalBallot,
    );
    // 6 is 75% of those present but not more than half of the 12 due.
    expect(results[0].statuses.R8).toBe("未达标");
    expect(results[0].grade).toBe("待定");
    expect(results[0].reasons).toEqual(["赞成 6 票未超过应到 12 人的半数，支部建议未通过，待支委会复议"]);
    expect(results[1].statuses.R8).toBe("达标");
    expect(results[1].preliminaryGrade).toBe("优秀");
    expect(results[1].grade).toBe("优秀");
    expect(results[1].actions.map((a) => a.code)).toEqual(["COMMEND"]);
  });

  it("the example from the brief: 赞成 5 of 12", () => {
    const { results } = run([{ name: "张伟", proposedGrade: "合格", votersDue: 12, votersPresent: 10, votesFor: 5, votesAgainst: 5 }], proposalBallot);
    expect(results[0].reasons).toEqual(["赞成 5 票未超过应到 12 人的半数，支部建议未通过，待支委会复议"]);
  });

  it("blank ballot cells leave the grade 待定 with R8 未录入", () => {
    const { results } = run([{ name: "张伟", proposedGrade: "合格", votersDue: 12 }], proposalBallot);
    expect(results[0].statuses.R8).toBe("未录入");
    expect(results[0].grade).toBe("待定");
    expect(results[0].reasons).toEqual(["票决结果未录入，等次待定"]);
  });
});

describe("R9 grade ballot", () => {
  it("a grade with more than half of those due becomes preliminary; none → 未形成多数", () => {
    const { results } = run(
      [
        { name: "张伟", votersDue: 12, votersPresent: 11, votesExcellent: 2, votesQualified: 7, votesBasic: 2, votesUnqualified: 0 },
        { name: "王芳", votersDue: 12, votersPresent: 11, votesExcellent: 5, votesQualified: 6, votesBasic: 0, votesUnqualified: 0 },
      ],
      gradeBallot,
    );
    expect(results[0].statuses.R9).toBe("达标");
    expect(results[0].grade).toBe("合格");
    expect(results[1].statuses.R9).toBe("未达标");
    expect(results[1].grade).toBe("待定");
    expect(results[1].reasons).toEqual(["各等次得票均未超过应到 12 人的半数，未形成多数，待支委会研究"]);
    expect(results[0].statuses.R8).toBe("不适用");
  });
});

describe("R9 with a pass share below half: two grades can both pass", () => {
  const resolved = resolveRules({ ballot: { passShare: 0.25 } });
  if (!resolved.ok) throw new Error("rules");
  const rules = resolved.rules;
  // 40 due, more than a quarter is 11 votes or more.
  const ballot = (votesExcellent: number, votesQualified: number, votesBasic: number) => ({ name: "张伟", votersDue: 40, votersPresent: 38, votesExcellent, votesQualified, votesBasic, votesUnqualified: 0 });

  it("a tie at the top is no majority, whichever grade comes first", () => {
    const { results } = run([ballot(11, 11, 2), ballot(3, 12, 12)], gradeBallot, rules);
    expect(results.map((r) => [r.grade, r.statuses.R9])).toEqual([
      ["待定", "未达标"],
      ["待定", "未达标"],
    ]);
    expect(results[0].reasons).toEqual(["“优秀”与“合格”得票并列（各 11 票，均超过应到 40 人的四分之一），未形成多数，待支委会研究"]);
    expect(results[1].reasons).toEqual(["“合格”与“基本合格”得票并列（各 12 票，均超过应到 40 人的四分之一），未形成多数，待支委会研究"]);
  });

  it("the most votes win; a tie below them does not matter", () => {
    const { results } = run([ballot(11, 11, 12), ballot(13, 11, 11), ballot(11, 14, 0)], gradeBallot, rules);
    expect(results.map((r) => r.grade)).toEqual(["基本合格", "优秀", "合格"]);
  });
});

describe("R10 ballot sanity", () => {
  it("votes cast above those present → issue at the 赞成 cell (with what it holds), ballot not used", () => {
    const members = [{ name: "张伟", proposedGrade: "合格" as const, votersDue: 12, votersPresent: 8, votesFor: 7, votesAgainst: 2, votesAbstain: 0 }];
    const { results, issues } = run(members, proposalBallot);
    expect(issues).toEqual([
      { code: "BALLOT_VOTES_EXCEED_PRESENT", sheet: SHEET, cell: cellOf("votesFor", 0), value: "7", params: { name: "张伟", cast: 9, present: 8 } },
    ]);
    expect(cellOf("votesFor", 0)).toBe("T4");
    expect(results[0].statuses.R10).toBe("未达标");
    expect(results[0].grade).toBe("待定");
  });

  it("present above due → issue at the 实到 cell", () => {
    const { issues, results } = run(
      [{ name: "王芳", branch: "第二党支部", votersDue: 12, votersPresent: 13, votesQualified: 10 }],
      gradeBallot,
    );
    expect(issues).toEqual([
      { code: "BALLOT_PRESENT_EXCEEDS_DUE", sheet: SHEET, cell: "S4", value: "13", params: { name: "王芳", present: 13, due: 12 } },
    ]);
    expect(results[0].grade).toBe("待定");
  });

  it("a sane ballot is 达标 and raises no issue", () => {
    const { issues, results } = run([{ name: "张伟", proposedGrade: "合格", votersDue: 12, votersPresent: 8, votesFor: 8 }], proposalBallot);
    expect(issues).toEqual([]);
    expect(results[0].statuses.R10).toBe("达标");
  });
});

describe("the two ballot forms", () => {
  const row = { name: "张伟", proposedGrade: "合格" as const, votersDue: 12, votersPresent: 8, votesFor: 8 };
  it("a proposal ballot (赞成/反对/弃权) does not list the grade ballot's columns as missing", () => {
    const { rulesOff } = run([row], proposalBallot);
    expect(rulesOff.map((r) => r.rule)).not.toContain("R9");
    expect(rulesOff.map((r) => r.rule)).not.toContain("R8");
  });

  it("a ballot by grade does not list 支部建议等次 or 赞成 as missing", () => {
    const { rulesOff } = run([{ name: "王芳", votersDue: 12, votersPresent: 8, votesQualified: 8 }], gradeBallot);
    expect(rulesOff.map((r) => r.rule)).not.toContain("R8");
    expect(rulesOff.map((r) => r.rule)).not.toContain("R9");
  });

  it("neither form: both are listed, each with what it lacks", () => {
    const { rulesOff } = run([{ name: "李强", proposedGrade: "合格" }], fields("proposedGrade"));
    expect(rulesOff.find((r) => r.rule === "R8")?.missing).toEqual(["votesFor", "votersDue"]);
    expect(rulesOff.find((r) => r.rule === "R9")?.missing).toEqual(["votersDue", "votesExcellent", "votesQualified", "votesBasic", "votesUnqualified"]);
  });
});

describe("no ballot columns at all", () => {
  it("the branch's proposed grade is the preliminary grade, and the reasons say so", () => {
    const present = fields("proposedGrade");
    const { results, rulesOff } = run(
      [
        { name: "张伟", proposedGrade: "基本合格" },
        { name: "王芳" },
      ],
      present,
    );
    expect(results[0].preliminaryGrade).toBe("基本合格");
    expect(results[0].grade).toBe("基本合格");
    expect(results[0].reasons).toEqual(["表中没有票决结果，以支部建议等次“基本合格”作为初步等次"]);
    expect(results[0].actions).toEqual([{ code: "ADMONISH", text: "诫勉谈话，指出差距，帮助改进" }]);
    expect(results[1].grade).toBe("待定");
    expect(results[1].statuses.R13).toBe("未录入");
    expect(rulesOff.map((r) => r.rule)).toEqual(expect.arrayContaining(["R7", "R8", "R9", "R10", "R11"]));
  });

  it("no grade columns at all: R13 off, grade 待定, no per-member noise", () => {
    const { results, rulesOff } = run([{ name: "张伟", studyHours: 60 }], fields("studyHours"));
    expect(results[0].grade).toBe("待定");
    expect(results[0].reasons).toEqual([]);
    expect(rulesOff).toContainEqual({ rule: "R13", missing: ["proposedGrade"] });
  });
});

describe("R11 approval", () => {
  const present = fields("proposedGrade", "approved");
  it("approved → final; blank or no → pending with the preliminary grade shown", () => {
    const { results } = run(
      [
        { name: "张伟", proposedGrade: "合格", approved: true },
        { name: "王芳", proposedGrade: "合格" },
        { name: "李强", proposedGrade: "不合格", approved: false },
        { name: "赵敏", approved: true },
      ],
      present,
    );
    expect(results.map((r) => [r.grade, r.pendingApproval, r.statuses.R11])).toEqual([
      ["合格", false, "达标"],
      ["合格", true, "未录入"],
      ["不合格", true, "未达标"],
      ["待定", false, "不适用"],
    ]);
    expect(results[1].reasons).toContain("初步等次“合格”待上级党委审批");
  });

  it("no approval column: the rule is off and the preliminary grade stands", () => {
    const { results, rulesOff } = run([{ name: "张伟", proposedGrade: "合格" }], fields("proposedGrade"));
    expect(results[0].grade).toBe("合格");
    expect(results[0].pendingApproval).toBe(false);
    expect(results[0].statuses.R11).toBe("不适用");
    expect(rulesOff).toContainEqual({ rule: "R11", missing: ["approved"] });
  });
});

describe("R11 公示 (seed 004: 经上级党委审查批准和公示)", () => {
  const present = fields("proposedGrade", "approved", "publicized");
  const rows: Row[] = [
    { name: "张伟", proposedGrade: "合格", approved: true, publicized: true },
    { name: "王芳", proposedGrade: "优秀", approved: true },
    { name: "李强", proposedGrade: "合格", approved: true, publicized: false },
    { name: "赵敏", proposedGrade: "合格", publicized: true },
    { name: "孙丽", proposedGrade: "基本合格", approved: false },
  ];

  it("a final grade needs approval and 公示; approved but not yet posted → 待公示", () => {
    const { results } = run(rows, present);
    expect(results.map((r) => [r.grade, r.pendingApproval, r.pendingPublicity, r.statuses.R11])).toEqual([
      ["合格", false, false, "达标"],
      ["优秀", false, true, "未录入"],
      ["合格", false, true, "未达标"],
      ["合格", true, false, "未录入"],
      ["基本合格", true, false, "未达标"],
    ]);
    expect(results[1].reasons).toContain("初步等次“优秀”已经上级党委审批，公示情况未录入，待公示");
    expect(results[2].reasons).toContain("初步等次“合格”已经上级党委审批，尚未公示，待公示");
    // commendation waits for approval and 公示
    expect(results[1].actions.map((a) => a.text)).toEqual(["表彰（经上级党委审批、公示后）"]);
  });

  it("without a 公示 column, approval alone makes the grade final, as before", () => {
    const { results, rulesOff } = run(rows, fields("proposedGrade", "approved"));
    expect(results.map((r) => [r.grade, r.pendingPublicity, r.statuses.R11])).toEqual([
      ["合格", false, "达标"],
      ["优秀", false, "达标"],
      ["合格", false, "达标"],
      ["合格", false, "未录入"],
      ["基本合格", false, "未达标"],
    ]);
    expect(results[1].actions.map((a) => a.text)).toEqual(["表彰"]);
    expect(rulesOff.map((r) => r.rule)).not.toContain("R11");
  });

  it("a 公示 column without an approval column: R11 is off and the preliminary grade stands", () => {
    const { results, rulesOff } = run(rows, fields("proposedGrade", "publicized"));
    expect(results.every((r) => !r.pendingApproval && !r.pendingPublicity)).toBe(true);
    expect(rulesOff).toContainEqual({ rule: "R11", missing: ["approved"] });
  });
});
