import type { Action, FieldId, RuleId, RuleOff, RuleStatus } from "../types";
import type { RuleSet, StageCheck } from "../rules/schema";
import { asWritten, removeAction, shareText } from "./text";

/** Everything about a run that does not depend on the member, computed once before the loop. */
export interface EvalContext {
  rules: RuleSet;
  hasHours: boolean;
  hasDays: boolean;
  /** R3 runs: a threshold is set and both attendance columns exist. */
  r3On: boolean;
  hasAbsent: boolean;
  hasRate: boolean;
  /** Satisfaction can be computed from counts: 满意 and 不满意 columns exist. */
  countsOn: boolean;
  hasFairly: boolean;
  hasBasically: boolean;
  r5On: boolean;
  hasAnalysis: boolean;
  hasRectified: boolean;
  hasApplication: boolean;
  hasProposed: boolean;
  hasVotesFor: boolean;
  hasGradeVotes: boolean;
  anyBallot: boolean;
  hasDue: boolean;
  hasPresent: boolean;
  hasApproval: boolean;
  /** R11 asks for 公示 too: the workbook has a 公示 column. */
  hasPublicized: boolean;
  hasCategory: boolean;
  hasNominated: boolean;
  hasDisciplined: boolean;
  /** Some column can produce a grade: a proposed grade or a ballot by grade. */
  gradeOn: boolean;
  minHoursText: string;
  minDaysText: string;
  minRateText: string;
  rewriteText: string;
  maxMonthsText: string;
  quorumText: string;
  passText: string;
  removeAction: Action;
  /** Per stage of rules.stages.list, the checks it requires. */
  stageChecks: StageCheck[][];
  /** Shared stagesCompleted lists by outcome of the four checks (see stagesDone). */
  stagesDone: (boolean[] | undefined)[];
  /** Shared statuses objects by combination (see work.ts). */
  statusPool: Map<number, Record<RuleId, RuleStatus>>;
  /**
   * R1 and R2 shortfalls by the value as shown: the reason and the 补学 part. A city's members
   * fall short by a few hundred distinct amounts; each sentence is written once.
   */
  hoursShort: Map<number, [reason: string, makeUp: string]>;
  daysShort: Map<number, [reason: string, makeUp: string]>;
  /** 补学 actions by what is to be made up, one object each. */
  makeUpActions: Map<string, Action>;
}

export function buildContext(present: ReadonlySet<FieldId>, rules: RuleSet): EvalContext {
  const has = (f: FieldId) => present.has(f);
  const hasGradeVotes = has("votesExcellent") || has("votesQualified") || has("votesBasic") || has("votesUnqualified");
  const countsOn = has("satisfied") && has("dissatisfied");
  return {
    rules,
    hasHours: has("studyHours"),
    hasDays: has("concentratedDays"),
    r3On: rules.attendance.minRate !== null && has("sessionsDue") && has("sessionsAttended"),
    hasAbsent: has("monthsAbsent"),
    hasRate: has("satisfaction"),
    countsOn,
    hasFairly: has("fairlySatisfied"),
    hasBasically: has("basicallySatisfied"),
    r5On: has("satisfaction") || countsOn,
    hasAnalysis: has("analysisSubmitted"),
    hasRectified: has("rectified"),
    hasApplication: has("applicationSubmitted"),
    hasProposed: has("proposedGrade"),
    hasVotesFor: has("votesFor"),
    hasGradeVotes,
    anyBallot: has("votesFor") || hasGradeVotes,
    hasDue: has("votersDue"),
    hasPresent: has("votersPresent"),
    hasApproval: has("approved"),
    hasPublicized: has("publicized"),
    hasCategory: has("category"),
    hasNominated: has("excellentNominated"),
    hasDisciplined: has("disciplined"),
    gradeOn: has("proposedGrade") || hasGradeVotes,
    minHoursText: asWritten(rules.study.minHours),
    minDaysText: asWritten(rules.study.minConcentratedDays),
    minRateText: rules.attendance.minRate === null ? "" : asWritten(rules.attendance.minRate),
    rewriteText: asWritten(rules.satisfaction.rewriteBelow),
    maxMonthsText: asWritten(rules.absence.maxMonths),
    quorumText: shareText(rules.ballot.quorumShare),
    passText: shareText(rules.ballot.passShare),
    removeAction: removeAction(rules.absence.maxMonths),
    stageChecks: rules.stages.list.map((s) => [...s.checks]),
    stagesDone: new Array<boolean[] | undefined>(16).fill(undefined),
    statusPool: new Map(),
    hoursShort: new Map(),
    daysShort: new Map(),
    makeUpActions: new Map(),
  };
}

const GRADE_VOTES: FieldId[] = ["votesExcellent", "votesQualified", "votesBasic", "votesUnqualified"];

/** The rules that cannot run for anyone because a column is missing, with the missing fields. */
export function rulesOffFor(present: ReadonlySet<FieldId>, ctx: EvalContext): RuleOff[] {
  const absent = (fields: FieldId[]) => fields.filter((f) => !present.has(f));
  const noBallot: FieldId[] = ctx.anyBallot ? [] : ["votesFor"];
  const candidates: [RuleId, FieldId[]][] = [
    ["R1", absent(["studyHours"])],
    ["R2", absent(["concentratedDays"])],
    ["R3", ctx.rules.attendance.minRate === null ? [] : absent(["sessionsDue", "sessionsAttended"])],
    ["R4", absent(["monthsAbsent"])],
    ["R5", ctx.r5On ? [] : absent(["satisfaction", "satisfied", "dissatisfied"])],
    ["R6", absent(["applicationSubmitted"])],
    ["R7", [...absent(["votersDue", "votersPresent"]), ...noBallot]],
    ["R8", absent(["proposedGrade", "votesFor", "votersDue"])],
    ["R9", [...absent(["votersDue"]), ...(ctx.hasGradeVotes ? [] : GRADE_VOTES)]],
    ["R10", [...absent(["votersPresent"]), ...noBallot]],
    ["R11", absent(["approved"])],
    ["R12", absent(["category"])],
    ["R13", ctx.gradeOn ? [] : ["proposedGrade"]],
    ["R16", absent(["disciplined"])],
  ];
  // R8 and R9 are two ways of holding one ballot: a workbook that uses one does not lack the other.
  const on = (rule: RuleId) => candidates.some(([r, missing]) => r === rule && missing.length === 0);
  const unused: RuleId | undefined = on("R8") ? "R9" : on("R9") ? "R8" : undefined;
  return candidates.filter(([rule, missing]) => missing.length > 0 && rule !== unused).map(([rule, missing]) => ({ rule, missing }));
}

/** Per stage, the checks skipped because their column is missing, in plain Chinese. */
export function skippedStageChecksFor(ctx: EvalContext): string[][] {
  return ctx.stageChecks.map((checks) => {
    const skipped: string[] = [];
    for (const check of checks) {
      if (check === "study") {
        if (!ctx.hasHours) skipped.push("学时达标（缺少“学时”列）");
        if (!ctx.hasDays) skipped.push("集中学习天数达标（缺少“集中学习天数”列）");
      } else if (check === "review") {
        if (!ctx.hasAnalysis) skipped.push("党性分析材料已提交（缺少“党性分析材料”列）");
        if (!ctx.r5On) skipped.push("满意度达标（缺少“满意度”列或“满意/不满意”票数列）");
      } else if (check === "rectify") {
        if (!ctx.hasRectified) skipped.push("整改落实（缺少“整改落实”列）");
      } else {
        if (!ctx.hasApplication) skipped.push("书面申请已提交（缺少“书面申请”列）");
        if (!ctx.gradeOn) skipped.push("评定等次（缺少“支部建议等次”列和等次票决列）");
        else if (!ctx.hasApproval) skipped.push("上级审批（缺少“上级审批”列，以初步等次为准）");
      }
    }
    return skipped;
  });
}
