import type { DataIssue, FieldId, MemberRecord, MemberResult, RuleOff } from "../types";
import type { RuleSet } from "../rules/schema";
import { decideGrade } from "./ballot";
import { ValuesCursor } from "../read/member";
import { buildContext, rulesOffFor, skippedStageChecksFor } from "./context";
import { buildActions, settleGrade } from "./outcome";
import { stagesCompleted } from "./stagesDone";
import { checkAbsence, checkApplication, checkSatisfaction, checkStudy } from "./study";
import { newWork, resetWork, sharedStatuses } from "./work";

/** Shared by every member without a reason, so 160,000 results do not each keep an empty list. */
const NO_REASONS = Object.freeze([]) as unknown as string[];

export interface MemberEvaluation {
  /** One result per member, in the order given. */
  results: MemberResult[];
  /** Rules off for everyone because a column is missing from the workbook. */
  rulesOff: RuleOff[];
  /** Ballot data that cannot be right (R10). */
  issues: DataIssue[];
  /** Per stage of rules.stages.list, the checks skipped because their column is missing. */
  skippedStageChecks: string[][];
}

/**
 * Applies member rules R1–R14 and R16 (CAMPAIGN_RULES.md §2) to every member. `present` holds
 * the fields whose column exists somewhere in the workbook: a missing column switches its rule
 * off for everyone (listed in rulesOff), while a blank cell makes that member's status 未录入.
 * R15 (the branch's 优秀 cap) belongs to the branch summaries and stays 不适用 here.
 */
export function evaluateMembers(members: readonly MemberRecord[], present: ReadonlySet<FieldId>, rules: RuleSet): MemberEvaluation {
  const ctx = buildContext(present, rules);
  const issues: DataIssue[] = [];
  const results = new Array<MemberResult>(members.length);
  const w = newWork();
  // Nothing below keeps a member's values past the member.
  const cursor = new ValuesCursor();
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    const v = cursor.of(m);
    resetWork(w, ctx.hasCategory && v.category === "预备党员", ctx.hasDisciplined && v.disciplined === true);

    checkStudy(v, ctx, w);
    checkAbsence(v, ctx, w);
    checkSatisfaction(v, ctx, w);
    checkApplication(v, ctx, w);

    const reasonsBefore = w.reasons.length;
    w.decided = decideGrade(m, v, ctx, w, issues);
    // A 预备党员 is not graded: the ballot's own explanations would only confuse.
    if (w.probationary) w.reasons.length = reasonsBefore;
    const preliminaryGrade = settleGrade(v, ctx, w);
    const actions = buildActions(v, ctx, w);

    const result: MemberResult = {
      member: m,
      statuses: sharedStatuses(ctx.statusPool, w.statuses),
      // Always present (possibly undefined) so every result has one object shape.
      preliminaryGrade,
      grade: w.grade,
      pendingApproval: w.pendingApproval,
      pendingPublicity: w.pendingPublicity,
      actions,
      reasons: w.reasons.length === 0 ? NO_REASONS : w.reasons.slice(),
      stagesCompleted: stagesCompleted(v, ctx, w),
      satisfaction: w.satisfaction,
    };
    results[i] = result;
  }
  return { results, rulesOff: rulesOffFor(present, ctx), issues, skippedStageChecks: skippedStageChecksFor(ctx) };
}
