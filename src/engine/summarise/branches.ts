import { GRADES, type BranchSummary, type Grade, type MemberResult } from "../types";
import { NO_BRANCH_LABEL, TOTAL_LABEL } from "../plan/types";
import type { RuleSet } from "../rules";
import { memberSatisfaction } from "./satisfaction";
import { ValuesCursor } from "../read/member";

export interface BranchSummaries {
  branches: BranchSummary[];
  total: BranchSummary;
}

function emptyGrades(): Record<Grade, number> {
  const grades = {} as Record<Grade, number>;
  for (const grade of GRADES) grades[grade] = 0;
  return grades;
}

export function emptyBranchSummary(branch: string): BranchSummary {
  return {
    branch,
    members: 0,
    formal: 0,
    probationary: 0,
    studyEntered: 0,
    studyCompliant: 0,
    studyComplianceRate: null,
    hoursTotal: 0,
    averageHours: null,
    satisfactionEntered: 0,
    satisfactionTotal: 0,
    averageSatisfaction: null,
    satisfactionBelow: 0,
    applicationEntered: 0,
    noApplication: 0,
    grades: emptyGrades(),
    pendingApproval: 0,
    pendingPublicity: 0,
    excellentCap: 0,
    excellentOverCap: false,
    openActions: 0,
  };
}

export function branchLabel(result: MemberResult): string {
  return result.member.branch || NO_BRANCH_LABEL;
}

/**
 * Study compliance: hours entered and R1 met, and R2 met wherever R2 could be judged
 * (R2 未达标 or 未录入 both keep the member out of the compliant count; 不适用 does not).
 */
function isStudyCompliant(result: MemberResult): boolean {
  const r2 = result.statuses.R2;
  return result.statuses.R1 === "达标" && (r2 === "达标" || r2 === "不适用");
}

function addMember(summary: BranchSummary, result: MemberResult, cursor: ValuesCursor): void {
  const values = cursor.of(result.member);
  summary.members++;
  if (values.category === "预备党员") summary.probationary++;
  else summary.formal++;
  if (values.studyHours !== undefined) {
    summary.studyEntered++;
    summary.hoursTotal += values.studyHours;
    if (isStudyCompliant(result)) summary.studyCompliant++;
  }
  // Entered exactly when R5 could judge it (a blank count is not a zero: see the evaluator).
  const r5 = result.statuses.R5;
  const satisfaction = r5 === "达标" || r5 === "未达标" ? (result.satisfaction ?? memberSatisfaction(values)) : undefined;
  if (satisfaction !== undefined) {
    summary.satisfactionEntered++;
    summary.satisfactionTotal += satisfaction;
  }
  if (result.statuses.R5 === "未达标") summary.satisfactionBelow++;
  const r6 = result.statuses.R6;
  if (r6 === "达标" || r6 === "未达标") summary.applicationEntered++;
  if (r6 === "未达标") summary.noApplication++;
  summary.grades[result.grade]++;
  if (result.pendingApproval) summary.pendingApproval++;
  if (result.pendingPublicity) summary.pendingPublicity++;
  const actions = result.actions;
  for (let i = 0; i < actions.length; i++) {
    if (actions[i].code === "COMMEND") continue;
    summary.openActions++;
    break;
  }
}

/** Rates and averages from the counts, and R15's cap: floor(maxShare × 正式党员). */
function finish(summary: BranchSummary, maxShare: number): BranchSummary {
  summary.studyComplianceRate = summary.studyEntered > 0 ? summary.studyCompliant / summary.studyEntered : null;
  summary.averageHours = summary.studyEntered > 0 ? summary.hoursTotal / summary.studyEntered : null;
  summary.averageSatisfaction = summary.satisfactionEntered > 0 ? summary.satisfactionTotal / summary.satisfactionEntered : null;
  summary.excellentCap = Math.floor(maxShare * summary.formal + 1e-9);
  summary.excellentOverCap = summary.grades["优秀"] > summary.excellentCap;
  return summary;
}

/** Adds `from`'s counts into `into` (rates are recomputed by `finish`). */
function accumulate(into: BranchSummary, from: BranchSummary): void {
  into.members += from.members;
  into.formal += from.formal;
  into.probationary += from.probationary;
  into.studyEntered += from.studyEntered;
  into.studyCompliant += from.studyCompliant;
  into.hoursTotal += from.hoursTotal;
  into.satisfactionEntered += from.satisfactionEntered;
  into.satisfactionTotal += from.satisfactionTotal;
  into.satisfactionBelow += from.satisfactionBelow;
  into.applicationEntered += from.applicationEntered;
  into.noApplication += from.noApplication;
  for (const grade of GRADES) into.grades[grade] += from.grades[grade];
  into.pendingApproval += from.pendingApproval;
  into.pendingPublicity += from.pendingPublicity;
  into.excellentCap += from.excellentCap;
  into.openActions += from.openActions;
}

/**
 * One summary per branch, in the order branches are first met (results come in sheet order),
 * and a 合计 row. The total's cap is the sum of the branches' caps (R15 is judged per branch),
 * and it is flagged over the cap when any branch is.
 */
export function summariseBranches(results: readonly MemberResult[], rules: RuleSet): BranchSummaries {
  const maxShare = rules.excellent.maxShare;
  const byBranch = new Map<string, BranchSummary>();
  // A branch's members usually sit together: the previous member's summary is tried first.
  let label = "";
  let summary: BranchSummary | undefined;
  const cursor = new ValuesCursor();
  for (let i = 0; i < results.length; i++) {
    const result = results[i];
    const next = branchLabel(result);
    if (summary === undefined || next !== label) {
      label = next;
      summary = byBranch.get(label);
      if (!summary) {
        summary = emptyBranchSummary(label);
        byBranch.set(label, summary);
      }
    }
    addMember(summary, result, cursor);
  }
  const branches = [...byBranch.values()].map((summary) => finish(summary, maxShare));
  const total = emptyBranchSummary(TOTAL_LABEL);
  for (const summary of branches) accumulate(total, summary);
  const cap = total.excellentCap;
  finish(total, maxShare);
  total.excellentCap = cap;
  total.excellentOverCap = branches.some((summary) => summary.excellentOverCap);
  return { branches, total };
}
