import type { DecidedGrade, Grade, RuleId, RuleStatus } from "../types";

/**
 * Scratch state for the member being evaluated. One object serves the whole run (reset per
 * member); its statuses and reasons are fresh per member and become the result's.
 */
export interface MemberWork {
  statuses: Record<RuleId, RuleStatus>;
  reasons: string[];
  /** What the one 补学 action (R1/R2/R3) names, "、"-separated, or "" when nothing is to be made up. */
  makeUp: string;
  probationary: boolean;
  disciplined: boolean;
  /** R4 applies. */
  remove: boolean;
  /** R6: the member said no to the written application. */
  noApplication: boolean;
  /** R5 applies. */
  rewrite: boolean;
  /** What a valid decision produced (for a 预备党员 too, who is nevertheless not graded). */
  decided: DecidedGrade | undefined;
  grade: Grade;
  pendingApproval: boolean;
}

export function newStatuses(): Record<RuleId, RuleStatus> {
  // One literal with every key in a fixed order keeps one object shape across members.
  return {
    R1: "不适用",
    R2: "不适用",
    R3: "不适用",
    R4: "不适用",
    R5: "不适用",
    R6: "不适用",
    R7: "不适用",
    R8: "不适用",
    R9: "不适用",
    R10: "不适用",
    R11: "不适用",
    R12: "不适用",
    R13: "不适用",
    R14: "不适用",
    R15: "不适用",
    R16: "不适用",
  };
}

export function newWork(): MemberWork {
  return {
    statuses: newStatuses(),
    reasons: [],
    makeUp: "",
    probationary: false,
    disciplined: false,
    remove: false,
    noApplication: false,
    rewrite: false,
    decided: undefined,
    grade: "待定",
    pendingApproval: false,
  };
}

/** Prepares the scratch object for the next member. */
export function resetWork(w: MemberWork, probationary: boolean, disciplined: boolean): void {
  w.statuses = newStatuses();
  w.reasons = [];
  w.makeUp = "";
  w.probationary = probationary;
  w.disciplined = disciplined;
  w.remove = false;
  w.noApplication = false;
  w.rewrite = false;
  w.decided = undefined;
  w.grade = "待定";
  w.pendingApproval = false;
}

export function addMakeUp(work: MemberWork, part: string): void {
  work.makeUp = work.makeUp === "" ? part : `${work.makeUp}、${part}`;
}
