import type { FieldId, RuleId } from "../types";
import { FIELD_SYNONYMS } from "../read/synonyms";

/** The usual Chinese header of each field (the reader's first synonym), for naming a missing column. */
export const FIELD_LABELS = Object.fromEntries(
  (Object.keys(FIELD_SYNONYMS) as FieldId[]).map((field) => [field, FIELD_SYNONYMS[field][0]]),
) as Record<FieldId, string>;

/** Short names of the member rules (CAMPAIGN_RULES §2). */
export const RULE_LABELS: Record<RuleId, string> = {
  R1: "学时",
  R2: "集中学习",
  R3: "考勤",
  R4: "自行脱党",
  R5: "满意度",
  R6: "书面申请",
  R7: "表决人数",
  R8: "支部建议表决",
  R9: "等次票决",
  R10: "票数核对",
  R11: "上级审批",
  R12: "预备党员",
  R13: "等次处置",
  R14: "评优资格",
  R15: "优秀名额",
  R16: "纪律处分",
};
