import { FIXED_ACTIONS, removeAction } from "../../../src/engine/evaluate/text";
import type { Action, ActionCode, Grade, MemberResult, MemberValues, RecognisedTable, RuleId, RuleStatus } from "../../../src/engine/types";

const RULE_IDS: RuleId[] = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15", "R16"];

/** Action texts as the evaluator words them (the two variable ones with sample details). */
export const ACTION_TEXTS: Record<ActionCode, string> = {
  ...Object.fromEntries(Object.values(FIXED_ACTIONS).map((a) => [a.code, a.text])),
  REMOVE: removeAction(6).text,
  REVIEW_EXCELLENT: "复核评优资格（学时未达标）",
  MAKE_UP_STUDY: "补学：学时差 4 学时",
} as Record<ActionCode, string>;

export interface ResultSpec {
  name: string;
  branch?: string;
  row: number;
  sheet?: string;
  values?: MemberValues;
  statuses?: Partial<Record<RuleId, RuleStatus>>;
  grade?: Grade;
  pendingApproval?: boolean;
  pendingPublicity?: boolean;
  actions?: ActionCode[];
  reasons?: string[];
  stagesCompleted?: boolean[];
}

/** A member result as the evaluator would produce it; statuses default to 不适用. */
export function result(spec: ResultSpec): MemberResult {
  const statuses = {} as Record<RuleId, RuleStatus>;
  for (const id of RULE_IDS) statuses[id] = spec.statuses?.[id] ?? "不适用";
  const actions: Action[] = (spec.actions ?? []).map((code) => ({ code, text: ACTION_TEXTS[code] }));
  return {
    member: {
      key: `${spec.name}|${spec.branch ?? ""}`,
      sheet: spec.sheet ?? "党员名单",
      row: spec.row,
      name: spec.name,
      branch: spec.branch,
      values: spec.values ?? {},
      cells: {},
    },
    statuses,
    grade: spec.grade ?? "合格",
    pendingApproval: spec.pendingApproval ?? false,
    pendingPublicity: spec.pendingPublicity ?? false,
    actions,
    reasons: spec.reasons ?? [],
    stagesCompleted: spec.stagesCompleted ?? [],
  };
}

/** A roster table: title on row 1, headers on row 3 ("A3"), data from row 4. */
export function rosterTable(overrides: Partial<RecognisedTable> = {}): RecognisedTable {
  return {
    sheet: "党员名单",
    headerRow: 2,
    headerTop: 2,
    dataRows: [3, 4, 5],
    columns: { name: 0, branch: 1, studyHours: 2 },
    unmappedHeaders: [],
    isRoster: true,
    userColumnEnd: 6,
    lastRow: 7,
    ...overrides,
  };
}
