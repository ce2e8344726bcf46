import type { Action, DecidedGrade, MemberValues } from "../types";
import type { EvalContext } from "./context";
import { COMMEND_AFTER_APPROVAL, FIXED_ACTIONS, asWritten } from "./text";
import type { MemberWork } from "./work";

/**
 * R11 approval (and 公示, when the workbook has a 公示 column) and R12 预备党员: sets w.grade,
 * w.pendingApproval and w.pendingPublicity from w.decided; returns the preliminary grade.
 */
export function settleGrade(v: MemberValues, ctx: EvalContext, w: MemberWork): DecidedGrade | undefined {
  const decided = w.decided;
  if (w.probationary) {
    w.statuses.R12 = "达标";
    w.reasons.push("预备党员不评定等次");
    w.grade = "不评定";
    return undefined;
  }
  if (decided === undefined) return undefined;
  w.grade = decided;
  // The meeting's numbers behind a grade that brings an action (诫勉谈话, 组织处置).
  if ((decided === "基本合格" || decided === "不合格") && w.decidedVotes >= 0) w.reasons.push(ballotReason(ctx, w, decided));
  if (!ctx.hasApproval) return decided;
  const approved = v.approved;
  if (approved === true) settlePublicity(v, ctx, w, decided);
  else if (approved === undefined) {
    w.statuses.R11 = "未录入";
    w.pendingApproval = true;
    w.reasons.push(`初步等次“${decided}”待上级党委审批`);
  } else {
    w.statuses.R11 = "未达标";
    w.pendingApproval = true;
    w.reasons.push(`上级党委审批未同意初步等次“${decided}”，待重新研究报批`);
  }
  return decided;
}

/** R11's second half (seed 004: 经上级党委审查批准和公示): an approved grade is final once publicly posted. */
function settlePublicity(v: MemberValues, ctx: EvalContext, w: MemberWork, decided: DecidedGrade): void {
  if (!ctx.hasPublicized || v.publicized === true) {
    w.statuses.R11 = "达标";
    return;
  }
  w.pendingPublicity = true;
  if (v.publicized === undefined) {
    w.statuses.R11 = "未录入";
    w.reasons.push(`初步等次“${decided}”已经上级党委审批，公示情况未录入，待公示`);
  } else {
    w.statuses.R11 = "未达标";
    w.reasons.push(`初步等次“${decided}”已经上级党委审批，尚未公示，待公示`);
  }
}

/** "评为不合格：支部建议“不合格”获赞成 12 票，超过应到 15 人的半数" (R8), or the grade's own votes (R9). */
function ballotReason(ctx: EvalContext, w: MemberWork, grade: DecidedGrade): string {
  const votes = asWritten(w.decidedVotes);
  const of = `超过应到 ${asWritten(w.decidedDue)} 人的${ctx.passText}`;
  return w.decidedByProposal ? `评为${grade}：支部建议“${grade}”获赞成 ${votes} 票，${of}` : `评为${grade}：无记名投票“${grade}”得 ${votes} 票，${of}`;
}

/**
 * R14: why a member graded 优秀 may not qualify; empty when nothing fails. Beside R1, R2, R5 and
 * discipline, a member the rules would treat as having left (R4, R6) cannot be commended without
 * a second look: only members who applied in writing are graded at all (seed 004).
 */
function excellentDoubts(v: MemberValues, ctx: EvalContext, w: MemberWork): { doubts: string[]; unknown: boolean } {
  const s = w.statuses;
  const doubts: string[] = [];
  let unknown = false;
  if (ctx.hasNominated) {
    if (v.excellentNominated === false) doubts.push("未被推荐为优秀");
    else if (v.excellentNominated === undefined) unknown = true;
  }
  if (s.R1 === "未达标") doubts.push("学时未达标");
  else if (s.R1 === "未录入") unknown = true;
  if (s.R2 === "未达标") doubts.push("集中学习天数未达标");
  else if (s.R2 === "未录入") unknown = true;
  if (s.R5 === "未达标") doubts.push("满意度低于标准");
  else if (s.R5 === "未录入") unknown = true;
  if (w.disciplined) doubts.push("有违纪情况");
  else if (ctx.hasDisciplined && v.disciplined === undefined) unknown = true;
  if (w.remove) doubts.push(`连续 ${asWritten(v.monthsAbsent as number)} 个月未参加组织生活`);
  if (w.noApplication) doubts.push("未提出书面申请");
  return { doubts, unknown };
}

/**
 * R13, R14 and R16 on top of the earlier checks: the member's actions, built in ACTION_ORDER
 * so they come out sorted and without duplicates.
 */
export function buildActions(v: MemberValues, ctx: EvalContext, w: MemberWork): Action[] {
  const s = w.statuses;
  const grade = w.grade;
  const disciplined = w.disciplined;
  const probationary = w.probationary;
  const actions = w.actions;
  if (ctx.hasDisciplined) s.R16 = v.disciplined === undefined ? "未录入" : v.disciplined ? "未达标" : "达标";
  if (disciplined) {
    w.reasons.push("有违纪情况，依照党章和《中国共产党纪律处分条例》处理");
    actions.push(FIXED_ACTIONS.DISCIPLINE);
  }
  if (w.remove) actions.push(ctx.removeAction);

  // A 预备党员's decided grade is not their grade (不评定) but still decides the R12 outcome.
  const judged = probationary ? w.decided : undefined;
  const probationByGrade = judged === "不合格" || judged === "基本合格";
  if (w.noApplication && !probationary) actions.push(FIXED_ACTIONS.WITHDRAW);
  if (probationByGrade) {
    if (disciplined) w.reasons.push(`支部评议意见为“${judged}”，因违纪另行处理，不再重复处置`);
    else w.reasons.push(`预备党员评议意见为“${judged}”，按延长预备期或取消预备党员资格处理（待支部确认）`);
  }
  if (w.noApplication && probationary) actions.push(FIXED_ACTIONS.PROBATION_NO_APPLICATION);
  else if (probationByGrade && !disciplined) {
    actions.push(judged === "不合格" ? FIXED_ACTIONS.PROBATION_UNQUALIFIED : FIXED_ACTIONS.PROBATION);
  }

  if (grade === "优秀" || grade === "合格") s.R13 = "达标";
  else if (grade === "基本合格" || grade === "不合格") s.R13 = "未达标";
  else if (grade === "待定" && ctx.gradeOn) s.R13 = "未录入";

  if (grade === "不合格") {
    if (disciplined) w.reasons.push("评定为不合格，因违纪另行处理，不再按不合格重复处置");
    else actions.push(FIXED_ACTIONS.DISPOSE);
  }
  if (w.rewrite) actions.push(FIXED_ACTIONS.REWRITE);
  if (grade === "基本合格") actions.push(FIXED_ACTIONS.ADMONISH);

  if (grade === "优秀") {
    const { doubts, unknown } = excellentDoubts(v, ctx, w);
    if (doubts.length > 0) {
      s.R14 = "未达标";
      const list = doubts.join("、");
      w.reasons.push(`评为优秀，但${list}，需复核评优资格`);
      actions.push({ code: "REVIEW_EXCELLENT", text: `复核评优资格（${list}）` });
    } else s.R14 = unknown ? "未录入" : "达标";
  }
  if (w.makeUp !== "") {
    let makeUp = ctx.makeUpActions.get(w.makeUp);
    if (makeUp === undefined) ctx.makeUpActions.set(w.makeUp, (makeUp = { code: "MAKE_UP_STUDY", text: `补学：${w.makeUp}` }));
    actions.push(makeUp);
  }
  if (grade === "优秀") actions.push(w.pendingApproval || w.pendingPublicity ? COMMEND_AFTER_APPROVAL : FIXED_ACTIONS.COMMEND);
  return actions.length === 0 ? NO_ACTIONS : actions.slice();
}

/** Most members have nothing to do: they share one frozen empty list rather than keep one each. */
const NO_ACTIONS = Object.freeze([]) as unknown as Action[];
