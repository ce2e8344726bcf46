import type { MemberValues } from "../types";
import type { EvalContext } from "./context";
import type { MemberWork } from "./work";

/**
 * §3: per stage of the rule set, whether the member has completed it. A check whose column is
 * missing does not block (it is reported once in skippedStageChecks); a blank cell does block.
 * The list returned is shared and frozen.
 */
export function stagesCompleted(v: MemberValues, ctx: EvalContext, w: MemberWork): boolean[] {
  const s = w.statuses;
  const grade = w.grade;
  const study = (!ctx.hasHours || s.R1 === "达标") && (!ctx.hasDays || s.R2 === "达标");
  const review = (!ctx.hasAnalysis || v.analysisSubmitted === true) && (!ctx.r5On || s.R5 === "达标");
  const rectify = !ctx.hasRectified || v.rectified === true;
  // 预备党员 are not graded (不评定), so the grade part of the final check never blocks them.
  const graded = grade === "不评定" || (grade !== "待定" && !w.pendingApproval && !w.pendingPublicity);
  const final = (!ctx.hasApplication || v.applicationSubmitted === true) && (!ctx.gradeOn || graded);

  // Only 16 outcomes exist: each is built once per run and shared (frozen) by every member.
  const key = (study ? 1 : 0) | (review ? 2 : 0) | (rectify ? 4 : 0) | (final ? 8 : 0);
  let shared = ctx.stagesDone[key];
  if (shared === undefined) ctx.stagesDone[key] = shared = Object.freeze(stageFlags(ctx, study, review, rectify, final)) as boolean[];
  return shared;
}

function stageFlags(ctx: EvalContext, study: boolean, review: boolean, rectify: boolean, final: boolean): boolean[] {
  const stages = ctx.stageChecks;
  const done = new Array<boolean>(stages.length);
  for (let i = 0; i < stages.length; i++) {
    let ok = true;
    for (const check of stages[i]) {
      if (check === "study") ok = ok && study;
      else if (check === "review") ok = ok && review;
      else if (check === "rectify") ok = ok && rectify;
      else ok = ok && final;
    }
    done[i] = ok;
  }
  return done;
}
