import { FIELD_SYNONYMS } from "../../../src/engine/read/synonyms";
import { matchHeader, matchPlain } from "../../../src/engine/read/match";
import { normaliseHeader } from "../../../src/engine/read/text";
import type { FieldId } from "../../../src/engine/types";
import { issuesEn, issuesZh } from "../../../src/i18n/issues";

describe("header normalisation", () => {
  it.each([
    ["学时（小时）", "学时"],
    ["学时(小时)", "学时"],
    ["满意度(%)", "满意度"],
    ["满意率（％）", "满意率"],
    [" 姓　名 ", "姓名"],
    ["【学时】", "(学时)"],
    ["ＡＢ１２（）", "ab12"],
    ["*姓名：", "姓名"],
    ["学习\n学时", "学习学时"],
  ])("%s → %s", (raw, expected) => {
    expect(normaliseHeader(raw)).toBe(expected);
  });
});

describe("field synonyms", () => {
  it("every field has synonyms and every synonym names its own field", () => {
    for (const field of Object.keys(FIELD_SYNONYMS) as FieldId[]) {
      expect(FIELD_SYNONYMS[field].length).toBeGreaterThan(0);
      for (const syn of FIELD_SYNONYMS[field]) expect([syn, matchPlain(normaliseHeader(syn))]).toEqual([syn, field]);
    }
  });

  it.each<[string, FieldId]>([
    ["党员姓名", "name"],
    ["身份证号码", "memberId"],
    ["所在党支部", "branch"],
    ["学习时数", "studyHours"],
    ["参学学时", "studyHours"],
    ["累计学习学时（小时）", "studyHours"],
    ["满意率(%)", "satisfaction"],
    ["是否为党员领导干部", "isLeader"],
    ["党性分析材料提交情况", "analysisSubmitted"],
    ["连续未参加组织生活月数（月）", "monthsAbsent"],
    ["基本合格票数", "votesBasic"],
    ["不合格票数", "votesUnqualified"],
    ["应到人数(有表决权)", "votersDue"],
    ["正式/预备", "category"],
    ["是否受党纪处分", "disciplined"],
  ])("%s → %s", (header, field) => {
    expect(matchPlain(normaliseHeader(header))).toBe(field);
  });

  it("ignores 序号 and refuses a contains-match that a negation turns round", () => {
    expect(matchPlain(normaliseHeader("序号"))).toBeUndefined();
    expect(matchPlain(normaliseHeader("未提交书面申请人数"))).toBeUndefined();
    expect(matchPlain(normaliseHeader("不满意率"))).toBeUndefined();
  });

  it("uses the group header when the sub-header alone is ambiguous", () => {
    expect(matchHeader("优秀")).toBeUndefined();
    expect(matchHeader("优秀", "票决")?.field).toBe("votesExcellent");
    expect(matchHeader("应到", "组织生活考勤")?.field).toBe("sessionsDue");
    expect(matchHeader("应到", "表决")?.field).toBe("votersDue");
    expect(matchHeader("满意", "群众测评")?.field).toBe("satisfied");
  });
});

describe("issue messages", () => {
  it("the reader's added codes have a message in both languages", () => {
    for (const code of ["UNREADABLE_VALUE", "AMBIGUOUS_NAME_NO_BRANCH"]) {
      expect(issuesZh[`issue.${code}` as keyof typeof issuesZh]).toMatch(/\S/);
      expect(issuesEn[`issue.${code}` as keyof typeof issuesEn]).toMatch(/\S/);
    }
  });
});
