import { evaluateMembers } from "../../../src/engine/evaluate";
import { DEFAULT_RULES } from "../../../src/engine/rules";
import { ACTION_ORDER, type FieldId } from "../../../src/engine/types";
import { ALL_FIELDS, fields, roster, type Row } from "./fixtures";

function run(rows: Row[], present: Set<FieldId>) {
  return evaluateMembers(roster(rows, present), present, DEFAULT_RULES);
}

describe("R12 预备党员", () => {
  const present = fields("category", "applicationSubmitted", "proposedGrade", "approved");
  it("is not graded, and R6 / 不合格 lead to PROBATION, never WITHDRAW or DISPOSE", () => {
    const { results } = run(
      [
        { name: "刘洋", category: "预备党员", applicationSubmitted: false, proposedGrade: "不合格", approved: true },
        { name: "陈静", category: "预备党员", applicationSubmitted: true, proposedGrade: "合格" },
        { name: "孙磊", category: "正式党员", applicationSubmitted: false, proposedGrade: "不合格", approved: true },
      ],
      present,
    );
    const [probNo, probOk, formal] = results;
    expect(probNo.grade).toBe("不评定");
    expect(probNo.preliminaryGrade).toBeUndefined();
    expect(probNo.pendingApproval).toBe(false);
    expect(probNo.statuses.R12).toBe("达标");
    expect(probNo.actions).toEqual([{ code: "PROBATION", text: "未提出书面申请：延长预备期或取消预备党员资格（待支部确认）" }]);
    expect(probNo.reasons).toContain("预备党员不评定等次");
    expect(probNo.reasons).toContain("预备党员未提出书面申请，按延长预备期或取消预备党员资格处理（待支部确认）");

    expect(probOk.grade).toBe("不评定");
    expect(probOk.actions).toEqual([]);
    expect(probOk.statuses.R13).toBe("不适用");

    expect(formal.grade).toBe("不合格");
    expect(formal.statuses.R12).toBe("不适用");
    expect(formal.actions.map((a) => a.code)).toEqual(["WITHDRAW", "DISPOSE"]);
  });

  it("a blank category counts as 正式党员", () => {
    const { results } = run([{ name: "周军", proposedGrade: "合格", approved: true }], present);
    expect(results[0].grade).toBe("合格");
  });
});

describe("R13 outcome of the grade", () => {
  it("优秀 → 表彰, 合格 → nothing, 基本合格 → 诫勉谈话, 不合格 → 组织处置", () => {
    const { results } = run(
      [
        { name: "甲", proposedGrade: "优秀" },
        { name: "乙", proposedGrade: "合格" },
        { name: "丙", proposedGrade: "基本合格" },
        { name: "丁", proposedGrade: "不合格" },
      ],
      fields("proposedGrade"),
    );
    expect(results.map((r) => r.actions)).toEqual([
      [{ code: "COMMEND", text: "表彰" }],
      [],
      [{ code: "ADMONISH", text: "诫勉谈话，指出差距，帮助改进" }],
      [{ code: "DISPOSE", text: "组织处置：限期改正（一般一年），经教育仍无转变的劝其退党或除名" }],
    ]);
    expect(results.map((r) => r.statuses.R13)).toEqual(["达标", "达标", "未达标", "未达标"]);
  });

  it("a 优秀 still awaiting approval is commended only after approval and public notice", () => {
    const { results } = run(
      [
        { name: "甲", proposedGrade: "优秀", approved: true },
        { name: "乙", proposedGrade: "优秀" },
      ],
      fields("proposedGrade", "approved"),
    );
    expect(results.map((r) => [r.grade, r.pendingApproval, r.actions.map((a) => a.text)])).toEqual([
      ["优秀", false, ["表彰"]],
      ["优秀", true, ["表彰（经上级党委审批、公示后）"]],
    ]);
  });
});

describe("R14 excellent", () => {
  const present = fields("studyHours", "concentratedDays", "satisfaction", "proposedGrade", "excellentNominated", "disciplined");
  it("flags a 优秀 who is not nominated, short of hours or below 70 satisfaction — the grade stays", () => {
    const { results } = run(
      [
        { name: "甲", studyHours: 46, concentratedDays: 3, satisfaction: 65, proposedGrade: "优秀", excellentNominated: false, disciplined: false },
        { name: "乙", studyHours: 56, concentratedDays: 4, satisfaction: 92, proposedGrade: "优秀", excellentNominated: true, disciplined: false },
        { name: "丙", studyHours: 56, concentratedDays: 4, satisfaction: 92, proposedGrade: "优秀", disciplined: false },
        { name: "丁", studyHours: 46, proposedGrade: "合格" },
      ],
      present,
    );
    const [flagged, clean, unknownNomination, notExcellent] = results;
    expect(flagged.grade).toBe("优秀");
    expect(flagged.statuses.R14).toBe("未达标");
    expect(flagged.reasons).toContain("评为优秀，但未被推荐为优秀、学时未达标、满意度低于标准，需复核评优资格");
    expect(flagged.actions.map((a) => a.code)).toEqual(["REWRITE", "REVIEW_EXCELLENT", "MAKE_UP_STUDY", "COMMEND"]);
    expect(flagged.actions[1].text).toBe("复核评优资格（未被推荐为优秀、学时未达标、满意度低于标准）");

    expect(clean.statuses.R14).toBe("达标");
    expect(clean.actions.map((a) => a.code)).toEqual(["COMMEND"]);
    expect(unknownNomination.statuses.R14).toBe("未录入");
    expect(unknownNomination.actions.map((a) => a.code)).toEqual(["COMMEND"]);
    expect(notExcellent.statuses.R14).toBe("不适用");
  });

  it("without a nomination column, nomination is not checked", () => {
    const { results } = run([{ name: "乙", studyHours: 56, proposedGrade: "优秀" }], fields("studyHours", "proposedGrade"));
    expect(results[0].statuses.R14).toBe("达标");
  });
});

describe("R16 discipline", () => {
  const present = fields("proposedGrade", "disciplined");
  it("DISCIPLINE replaces DISPOSE for the same matter; blank is 未录入", () => {
    const { results, rulesOff } = run(
      [
        { name: "甲", proposedGrade: "不合格", disciplined: true },
        { name: "乙", proposedGrade: "不合格", disciplined: false },
        { name: "丙", proposedGrade: "合格" },
      ],
      present,
    );
    expect(results[0].actions).toEqual([{ code: "DISCIPLINE", text: "依照党章和《中国共产党纪律处分条例》处理" }]);
    expect(results[0].grade).toBe("不合格");
    expect(results[0].reasons).toContain("评定为不合格，因违纪另行处理，不再按不合格重复处置");
    expect(results[0].statuses.R16).toBe("未达标");
    expect(results[1].actions.map((a) => a.code)).toEqual(["DISPOSE"]);
    expect(results[2].statuses.R16).toBe("未录入");
    expect(rulesOff.find((r) => r.rule === "R16")).toBeUndefined();
  });

  it("a disciplined 优秀 is flagged for review", () => {
    const { results } = run([{ name: "甲", proposedGrade: "优秀", disciplined: true }], present);
    expect(results[0].actions.map((a) => a.code)).toEqual(["DISCIPLINE", "REVIEW_EXCELLENT", "COMMEND"]);
  });
});

describe("actions", () => {
  it("come most serious first, each code once, for a member who fails everything", () => {
    const { results } = run(
      [
        {
          name: "钱进",
          branch: "第三党支部",
          studyHours: 20,
          concentratedDays: 1,
          monthsAbsent: 7,
          satisfaction: 40,
          applicationSubmitted: false,
          proposedGrade: "不合格",
          votersDue: 12,
          votersPresent: 10,
          votesFor: 9,
          votesAgainst: 1,
          votesAbstain: 0,
          approved: true,
          disciplined: true,
        },
      ],
      ALL_FIELDS,
    );
    const codes = results[0].actions.map((a) => a.code);
    expect(codes).toEqual(["DISCIPLINE", "REMOVE", "WITHDRAW", "REWRITE", "MAKE_UP_STUDY"]);
    const order = codes.map((c) => ACTION_ORDER.indexOf(c));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(codes).size).toBe(codes.length);
    expect(results[0].statuses.R15).toBe("不适用");
  });

  it("every rule gets a status", () => {
    const { results } = run([{ name: "甲" }], ALL_FIELDS);
    expect(Object.keys(results[0].statuses)).toHaveLength(16);
  });
});
