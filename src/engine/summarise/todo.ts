import type { ActionCode, MemberResult } from "../types";
import { branchLabel } from "./branches";

/**
 * What a secretary has to act on, most serious first: the outcomes of §6 (纪律处分, 自行脱党/除名,
 * 未提出书面申请, 预备期, 不合格, 重新撰写, 诫勉谈话, 复核评优, 补学) and the grades not final yet
 * (待审批, 待公示, 待定).
 */
export const TODO_GROUPS = [
  "discipline",
  "remove",
  "noApplication",
  "probation",
  "unqualified",
  "rewrite",
  "admonish",
  "reviewExcellent",
  "makeUp",
  "pendingApproval",
  "pendingPublicity",
  "undecided",
] as const;
export type TodoGroupId = (typeof TODO_GROUPS)[number];

/** One member in a group, with the one sentence of their results that says why (the sheet's own words). */
export interface TodoEntry {
  result: MemberResult;
  /** "" when the results hold no sentence for it (the group's name then says it all). */
  reason: string;
}

/** Members of one branch in the same group for the same reason: the reason is said once. */
export interface TodoBranchEntry {
  branch: string;
  reason: string;
  members: MemberResult[];
  /** Every graded member of the branch (预备党员 are not graded) is here. */
  wholeBranch: boolean;
}

export interface TodoGroup {
  id: TodoGroupId;
  /** Members in the group, those of branch entries included. */
  count: number;
  /** Branch entries first, then members one by one in the roster's order. */
  branches: TodoBranchEntry[];
  members: TodoEntry[];
}

export interface TodoList {
  /** The groups that have anyone in them, in TODO_GROUPS order. */
  groups: TodoGroup[];
  /** Members in at least one group. */
  members: number;
}

function hasAction(result: MemberResult, code: ActionCode): boolean {
  for (const action of result.actions) if (action.code === code) return true;
  return false;
}

function actionText(result: MemberResult, code: ActionCode): string {
  for (const action of result.actions) if (action.code === code) return action.text;
  return "";
}

function reasonWith(result: MemberResult, test: (reason: string) => boolean): string | undefined {
  for (const reason of result.reasons) if (test(reason)) return reason;
  return undefined;
}

/** A grade the secretary set by hand is explained by the 人工认定 note the run put first among the reasons. */
function manualGradeNote(result: MemberResult): string | undefined {
  return result.manual?.grade ? reasonWith(result, (r) => r.startsWith("人工认定")) : undefined;
}

/** Which groups a member is in (a member may be in several), and the sentence for each. */
const MEMBERSHIP: Record<TodoGroupId, { is(result: MemberResult): boolean; reason(result: MemberResult): string }> = {
  discipline: {
    is: (r) => hasAction(r, "DISCIPLINE"),
    reason: (r) => reasonWith(r, (s) => s.includes("违纪")) ?? actionText(r, "DISCIPLINE"),
  },
  remove: {
    is: (r) => hasAction(r, "REMOVE"),
    reason: (r) => reasonWith(r, (s) => s.includes("组织生活")) ?? actionText(r, "REMOVE"),
  },
  noApplication: {
    is: (r) => r.statuses.R6 === "未达标",
    reason: (r) => reasonWith(r, (s) => s.includes("书面申请")) ?? (actionText(r, "WITHDRAW") || actionText(r, "PROBATION")),
  },
  probation: {
    // a 预备党员 without a written application is in noApplication, whose sentence names the same outcome
    is: (r) => hasAction(r, "PROBATION") && r.statuses.R6 !== "未达标",
    reason: (r) => reasonWith(r, (s) => s.startsWith("预备党员评议意见")) ?? actionText(r, "PROBATION"),
  },
  unqualified: {
    is: (r) => r.grade === "不合格",
    reason: (r) => manualGradeNote(r) ?? reasonWith(r, (s) => s.startsWith("评为不合格") || s.startsWith("评定为不合格")) ?? actionText(r, "DISPOSE"),
  },
  rewrite: {
    is: (r) => hasAction(r, "REWRITE"),
    reason: (r) => reasonWith(r, (s) => s.startsWith("满意度")) ?? actionText(r, "REWRITE"),
  },
  admonish: {
    is: (r) => r.grade === "基本合格",
    reason: (r) => manualGradeNote(r) ?? reasonWith(r, (s) => s.startsWith("评为基本合格")) ?? actionText(r, "ADMONISH"),
  },
  reviewExcellent: {
    is: (r) => hasAction(r, "REVIEW_EXCELLENT"),
    reason: (r) => reasonWith(r, (s) => s.includes("复核评优")) ?? actionText(r, "REVIEW_EXCELLENT"),
  },
  makeUp: {
    is: (r) => hasAction(r, "MAKE_UP_STUDY"),
    reason: (r) => actionText(r, "MAKE_UP_STUDY"),
  },
  pendingApproval: {
    is: (r) => r.pendingApproval,
    reason: (r) => manualGradeNote(r) ?? reasonWith(r, (s) => s.includes("审批")) ?? "",
  },
  pendingPublicity: {
    is: (r) => r.pendingPublicity,
    reason: (r) => manualGradeNote(r) ?? reasonWith(r, (s) => s.includes("公示")) ?? "",
  },
  undecided: {
    is: (r) => r.grade === "待定",
    reason: (r) => manualGradeNote(r) ?? reasonWith(r, (s) => s.includes("待定") || s.includes("待支委会")) ?? r.reasons.at(-1) ?? "",
  },
};

/**
 * A group's entries: members of one branch that share a reason (two or more of them) become
 * one branch entry, so a ballot that was void for a whole branch is said once, not fifteen times.
 */
function groupByBranch(entries: TodoEntry[], graded: ReadonlyMap<string, number>): Pick<TodoGroup, "branches" | "members"> {
  const shared = new Map<string, { branch: string; reason: string; members: MemberResult[] }>();
  for (const entry of entries) {
    if (entry.reason === "" || entry.result.manual?.grade) continue;
    const branch = branchLabel(entry.result);
    const key = `${branch}\u0000${entry.reason}`;
    let found = shared.get(key);
    if (!found) shared.set(key, (found = { branch, reason: entry.reason, members: [] }));
    found.members.push(entry.result);
  }
  const branches: TodoBranchEntry[] = [];
  const inBranchEntry = new Set<MemberResult>();
  for (const found of shared.values()) {
    if (found.members.length < 2) continue;
    branches.push({ ...found, wholeBranch: found.members.length === graded.get(found.branch) });
    for (const member of found.members) inBranchEntry.add(member);
  }
  return { branches, members: entries.filter((entry) => !inBranchEntry.has(entry.result)) };
}

/**
 * The 需要处理 list: every member with something to act on, grouped by outcome (a member is in
 * every group that applies), each with the sentence of their results that says why. A grade not
 * decided (待定) for one reason across a branch is given once for the branch.
 */
export function todoList(results: readonly MemberResult[]): TodoList {
  const entries = new Map<TodoGroupId, TodoEntry[]>(TODO_GROUPS.map((id) => [id, []]));
  const graded = new Map<string, number>();
  let members = 0;
  for (const result of results) {
    if (result.grade !== "不评定") {
      const branch = branchLabel(result);
      graded.set(branch, (graded.get(branch) ?? 0) + 1);
    }
    let listed = false;
    for (const id of TODO_GROUPS) {
      const group = MEMBERSHIP[id];
      if (!group.is(result)) continue;
      entries.get(id)!.push({ result, reason: group.reason(result) });
      listed = true;
    }
    if (listed) members++;
  }
  const groups: TodoGroup[] = [];
  for (const id of TODO_GROUPS) {
    const list = entries.get(id)!;
    if (list.length === 0) continue;
    const split = id === "undecided" ? groupByBranch(list, graded) : { branches: [], members: list };
    groups.push({ id, count: list.length, ...split });
  }
  return { groups, members };
}
