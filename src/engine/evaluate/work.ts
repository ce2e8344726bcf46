import type { DecidedGrade, Grade, RuleId, RuleStatus } from "../types";

/**
 * Scratch state for the member being evaluated. One object serves the whole run (reset per
 * member, statuses included: the result keeps a shared copy); its reasons are fresh per member
 * and become the result's.
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
  /** The ballot behind `decided`: the winning votes (-1 when no ballot decided), due, and which ballot. */
  decidedVotes: number;
  decidedDue: number;
  decidedByProposal: boolean;
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

const STATUS_CODE: Record<RuleStatus, number> = { 达标: 0, 未达标: 1, 未录入: 2, 不适用: 3 };

/**
 * The statuses as a result keeps them: one frozen object per combination, shared by every
 * member with that combination (a city has a few hundred, not 160,000).
 */
export function sharedStatuses(pool: Map<number, Record<RuleId, RuleStatus>>, s: Record<RuleId, RuleStatus>): Record<RuleId, RuleStatus> {
  const c = STATUS_CODE;
  const low = c[s.R1] | (c[s.R2] << 2) | (c[s.R3] << 4) | (c[s.R4] << 6) | (c[s.R5] << 8) | (c[s.R6] << 10) | (c[s.R7] << 12) | (c[s.R8] << 14);
  const high = c[s.R9] | (c[s.R10] << 2) | (c[s.R11] << 4) | (c[s.R12] << 6) | (c[s.R13] << 8) | (c[s.R14] << 10) | (c[s.R15] << 12) | (c[s.R16] << 14);
  const code = high * 65536 + low;
  let shared = pool.get(code);
  if (shared === undefined) {
    shared = Object.freeze({ ...newStatuses(), ...s }) as Record<RuleId, RuleStatus>;
    pool.set(code, shared);
  }
  return shared;
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
    decidedVotes: -1,
    decidedDue: 0,
    decidedByProposal: false,
    grade: "待定",
    pendingApproval: false,
  };
}

/** Prepares the scratch object for the next member. */
export function resetWork(w: MemberWork, probationary: boolean, disciplined: boolean): void {
  const s = w.statuses;
  s.R1 = s.R2 = s.R3 = s.R4 = s.R5 = s.R6 = s.R7 = s.R8 = "不适用";
  s.R9 = s.R10 = s.R11 = s.R12 = s.R13 = s.R14 = s.R15 = s.R16 = "不适用";
  w.reasons = [];
  w.makeUp = "";
  w.probationary = probationary;
  w.disciplined = disciplined;
  w.remove = false;
  w.noApplication = false;
  w.rewrite = false;
  w.decided = undefined;
  w.decidedVotes = -1;
  w.decidedDue = 0;
  w.decidedByProposal = false;
  w.grade = "待定";
  w.pendingApproval = false;
}

export function addMakeUp(work: MemberWork, part: string): void {
  work.makeUp = work.makeUp === "" ? part : `${work.makeUp}、${part}`;
}
