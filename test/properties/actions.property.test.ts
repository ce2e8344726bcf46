import fc from "fast-check";
import { evaluateMembers } from "../../src/engine/evaluate";
import { DEFAULT_RULES, resolveRules } from "../../src/engine/rules";
import { ACTION_ORDER, type DecidedGrade, type FieldId, type MemberValues } from "../../src/engine/types";
import { ALL_FIELDS, roster, type Row } from "../engine/evaluate/fixtures";

/*
 * CAMPAIGN_RULES §2: a member's actions come most serious first — R16 纪律处分 > R4 除名 >
 * R6 自愿退党 (预备党员: 延长预备期) > 不合格 组织处置 > R5 重新撰写 > 基本合格 诫勉谈话 >
 * R14 复核评优资格 > R1/R2/R3 补学 > 表彰 — and no action twice, whatever the member's values,
 * the columns the workbook has and the thresholds the unit set.
 */

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const count = (max: number) => maybe(fc.integer({ min: 0, max }));
const yesNo = maybe(fc.boolean());
const grade = maybe(fc.constantFrom<DecidedGrade>("优秀", "合格", "基本合格", "不合格"));

const values: fc.Arbitrary<MemberValues> = fc.record({
  category: maybe(fc.constantFrom("正式党员" as const, "预备党员" as const)),
  studyHours: maybe(fc.double({ min: 0, max: 90, noNaN: true })),
  concentratedDays: maybe(fc.double({ min: 0, max: 8, noNaN: true })),
  sessionsDue: count(14),
  sessionsAttended: count(14),
  monthsAbsent: count(12),
  analysisSubmitted: yesNo,
  satisfaction: maybe(fc.double({ min: 0, max: 100, noNaN: true })),
  satisfied: count(30),
  fairlySatisfied: count(10),
  basicallySatisfied: count(10),
  dissatisfied: count(30),
  rectified: yesNo,
  applicationSubmitted: yesNo,
  proposedGrade: grade,
  votersDue: count(30),
  votersPresent: count(30),
  votesFor: count(30),
  votesAgainst: count(10),
  votesAbstain: count(10),
  votesExcellent: count(30),
  votesQualified: count(30),
  votesBasic: count(30),
  votesUnqualified: count(30),
  approved: yesNo,
  publicized: yesNo,
  excellentNominated: yesNo,
  disciplined: yesNo,
});

/** The columns a workbook has: any subset of the evaluation sheet's (name and branch always). */
const present = fc.subarray([...ALL_FIELDS].filter((f) => f !== "name" && f !== "branch")).map((list) => new Set<FieldId>(["name", "branch", ...list]));

const rules = fc
  .record({
    attendance: fc.record({ minRate: fc.option(fc.integer({ min: 50, max: 100 }), { nil: null }) }),
    ballot: fc.record({ quorumShare: fc.constantFrom(0.5, 2 / 3), passShare: fc.constantFrom(0.25, 0.5, 2 / 3) }),
    absence: fc.record({ maxMonths: fc.integer({ min: 1, max: 12 }) }),
  })
  .map((override) => {
    const resolved = resolveRules(override, DEFAULT_RULES);
    if (!resolved.ok) throw new Error("rules");
    return resolved.rules;
  });

const rank = new Map<string, number>(ACTION_ORDER.map((code, i) => [code, i]));

describe("every member's actions follow the rule order, without duplicates", () => {
  it("holds for any values, columns and thresholds (1,500 branches of up to 8 members)", () => {
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 8 }), present, rules, (list, fields, ruleSet) => {
        const rows: Row[] = list.map((v, i) => ({ name: `党员${i + 1}`, branch: "机关党支部", ...v }));
        const { results } = evaluateMembers(roster(rows, fields), fields, ruleSet);
        for (const result of results) {
          const ranks = result.actions.map((a) => rank.get(a.code) ?? -1);
          expect(ranks.every((r) => r >= 0)).toBe(true);
          for (let i = 1; i < ranks.length; i++) expect({ actions: result.actions.map((a) => a.code), ordered: ranks[i] > ranks[i - 1] }).toMatchObject({ ordered: true });
          expect(new Set(result.actions.map((a) => a.text)).size).toBe(result.actions.length);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
