import type { MemberValues } from "../types";
import type { EvalContext } from "./context";
import { asWritten, excelPrecision, rounded, shortfall } from "./text";
import { addMakeUp, type MemberWork } from "./work";

/** R1 study hours, R2 concentrated days, R3 attendance. Failures feed the one 补学 action. */
export function checkStudy(v: MemberValues, ctx: EvalContext, w: MemberWork): void {
  const s = w.statuses;
  if (ctx.hasHours) {
    const hours = v.studyHours === undefined ? undefined : excelPrecision(v.studyHours);
    const min = ctx.rules.study.minHours;
    if (hours === undefined) s.R1 = "未录入";
    else if (hours >= min) s.R1 = "达标";
    else {
      s.R1 = "未达标";
      let texts = ctx.hoursShort.get(hours);
      if (texts === undefined) {
        const gap = shortfall(min - hours);
        ctx.hoursShort.set(hours, (texts = [`学时 ${asWritten(hours)} < ${ctx.minHoursText}，差 ${gap} 学时`, `学时差 ${gap} 学时`]));
      }
      w.reasons.push(texts[0]);
      addMakeUp(w, texts[1]);
    }
  }
  if (ctx.hasDays) {
    const days = v.concentratedDays === undefined ? undefined : excelPrecision(v.concentratedDays);
    const min = ctx.rules.study.minConcentratedDays;
    if (days === undefined) s.R2 = "未录入";
    else if (days >= min) s.R2 = "达标";
    else {
      s.R2 = "未达标";
      let texts = ctx.daysShort.get(days);
      if (texts === undefined) ctx.daysShort.set(days, (texts = [`集中学习 ${asWritten(days)} 天 < ${ctx.minDaysText} 天`, `集中学习差 ${shortfall(min - days)} 天`]));
      w.reasons.push(texts[0]);
      addMakeUp(w, texts[1]);
    }
  }
  if (ctx.r3On) {
    const due = v.sessionsDue;
    const attended = v.sessionsAttended;
    // Attended above due is reported by the reader (ATTENDED_EXCEEDS_DUE) and not used here.
    if (due === undefined || attended === undefined || attended > due) s.R3 = "未录入";
    else if (due > 0) {
      const rate = excelPrecision((attended / due) * 100);
      if (rate >= (ctx.rules.attendance.minRate as number)) s.R3 = "达标";
      else {
        s.R3 = "未达标";
        w.reasons.push(`考勤不足：考勤率 ${rounded(rate)}% < ${ctx.minRateText}%（实际参加 ${asWritten(attended)} 次，应参加 ${asWritten(due)} 次）`);
        addMakeUp(w, `缺勤的组织生活和学习（考勤率 ${rounded(rate)}%）`);
      }
    }
  }
}

/** R4: months without organisational life at or above the limit → 视为自行脱党 (sets w.remove). */
export function checkAbsence(v: MemberValues, ctx: EvalContext, w: MemberWork): void {
  if (!ctx.hasAbsent) return;
  const months = v.monthsAbsent;
  if (months === undefined) w.statuses.R4 = "未录入";
  else if (months < ctx.rules.absence.maxMonths) w.statuses.R4 = "达标";
  else {
    w.statuses.R4 = "未达标";
    w.remove = true;
    w.reasons.push(`连续 ${asWritten(months)} 个月未参加组织生活（≥ ${ctx.maxMonthsText} 个月），按党章第九条视为自行脱党`);
  }
}

/** The satisfaction rate (0–100) from the vote counts, unrounded; undefined when they are not all entered. */
function countedSatisfaction(v: MemberValues, ctx: EvalContext): number | undefined {
  if (!ctx.countsOn) return undefined;
  // Every count column that exists must be filled in: a blank count is not a zero.
  const satisfied = v.satisfied;
  const dissatisfied = v.dissatisfied;
  if (satisfied === undefined || dissatisfied === undefined) return undefined;
  let positive = satisfied;
  if (ctx.hasFairly) {
    if (v.fairlySatisfied === undefined) return undefined;
    positive += v.fairlySatisfied;
  }
  if (ctx.hasBasically) {
    if (v.basicallySatisfied === undefined) return undefined;
    positive += v.basicallySatisfied;
  }
  const total = positive + dissatisfied;
  if (total === 0) return undefined;
  return (positive / total) * 100;
}

/** R5: satisfaction below the threshold → 重新撰写 (sets w.rewrite). */
export function checkSatisfaction(v: MemberValues, ctx: EvalContext, w: MemberWork): void {
  if (!ctx.r5On) return;
  const fromCounts = !(ctx.hasRate && v.satisfaction !== undefined);
  const value = fromCounts ? countedSatisfaction(v, ctx) : v.satisfaction;
  if (value === undefined) {
    w.statuses.R5 = "未录入";
    return;
  }
  w.satisfaction = value;
  const below = ctx.rules.satisfaction.rewriteBelow;
  // Rounding to 15 digits moves a value by far less than 1e-9: only a value that close to the
  // threshold needs it to be compared as the sheet shows it.
  if (value - below > 1e-9 || (Math.abs(value - below) <= 1e-9 && excelPrecision(value) >= below)) {
    w.statuses.R5 = "达标";
    return;
  }
  const rate = excelPrecision(value);
  w.statuses.R5 = "未达标";
  w.rewrite = true;
  const shown = fromCounts ? rounded(rate) : asWritten(rate);
  const basis = fromCounts ? "（按满意、比较满意、基本满意票数占比计算）" : "";
  w.reasons.push(`满意度 ${shown} < ${ctx.rewriteText}${basis}，需重新撰写党性分析材料`);
}

/** R6: no written application (sets w.noApplication). */
export function checkApplication(v: MemberValues, ctx: EvalContext, w: MemberWork): void {
  if (!ctx.hasApplication) return;
  const submitted = v.applicationSubmitted;
  if (submitted === undefined) {
    w.statuses.R6 = "未录入";
    return;
  }
  if (submitted) {
    w.statuses.R6 = "达标";
    return;
  }
  w.statuses.R6 = "未达标";
  w.noApplication = true;
  w.reasons.push(
    w.probationary
      ? "预备党员未提出书面申请，按延长预备期或取消预备党员资格处理（待支部确认）"
      : "未提出书面申请，原则上按自愿退党或自行脱党处理（待支部确认）",
  );
}
