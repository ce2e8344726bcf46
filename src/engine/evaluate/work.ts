import type { Action, DecidedGrade, Grade, RuleId, RuleStatus } from "../types";

/**
 * Scratch state for the member being evaluated. One object serves the whole run (reset per
 * member, statuses included: the result keeps a shared copy). Reasons and actions are gathered
 * in scratch lists too, and a result keeps an exact-size copy: 160,000 members would otherwise
 * each keep a list grown for 17 entries.
 */
export interface MemberWork {
  statuses: Record<RuleId, RuleStatus>;
  reasons: string[];
  actions: Action[];
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
  pendingPublicity: boolean;
  /** The satisfaction R5 judged, unrounded; undefined when it could not judge. */
  satisfaction: number | undefined;
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

/** A status as two bits; comparing with the four literals is cheaper than looking a string up. */
function code(status: RuleStatus): number {
  return status === "达标" ? 0 : status === "未达标" ? 1 : status === "未录入" ? 2 : 3;
}

/**
 * The statuses as a result keeps them: one frozen object per combination, shared by every
 * member with that combination (a city has a few hundred, not 160,000).
 */
export function sharedStatuses(pool: Map<number, Record<RuleId, RuleStatus>>, s: Record<RuleId, RuleStatus>): Record<RuleId, RuleStatus> {
  const low = code(s.R1) | (code(s.R2) << 2) | (code(s.R3) << 4) | (code(s.R4) << 6) | (code(s.R5) << 8) | (code(s.R6) << 10) | (code(s.R7) << 12) | (code(s.R8) << 14);
  const high = code(s.R9) | (code(s.R10) << 2) | (code(s.R11) << 4) | (code(s.R12) << 6) | (code(s.R13) << 8) | (code(s.R14) << 10) | (code(s.R15) << 12) | (code(s.R16) << 14);
  const key = high * 65536 + low;
  let shared = pool.get(key);
  if (shared === undefined) {
    shared = Object.freeze({ ...newStatuses(), ...s }) as Record<RuleId, RuleStatus>;
    pool.set(key, shared);
  }
  return shared;
}

export function newWork(): MemberWork {
  return {
    statuses: newStatuses(),
    reasons: [],
    actions: [],
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
    pendingPublicity: false,
    satisfaction: undefined,
  };
}

/** Prepares the scratch object for the next member. */
export function resetWork(w: MemberWork, probationary: boolean, disciplined: boolean): void {
  const s = w.statuses;
  s.R1 = s.R2 = s.R3 = s.R4 = s.R5 = s.R6 = s.R7 = s.R8 = "不适用";
  s.R9 = s.R10 = s.R11 = s.R12 = s.R13 = s.R14 = s.R15 = s.R16 = "不适用";
  // Most members leave both empty: setting a length is not free.
  if (w.reasons.length !== 0) w.reasons.length = 0;
  if (w.actions.length !== 0) w.actions.length = 0;
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
  w.pendingPublicity = false;
  w.satisfaction = undefined;
}

export function addMakeUp(work: MemberWork, part: string): void {
  work.makeUp = work.makeUp === "" ? part : `${work.makeUp}、${part}`;
}
