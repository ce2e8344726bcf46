import { z } from "zod";
import { isIsoDate } from "../stages/dates";
import { isEmailAddress } from "./email";

/**
 * The campaign rule set as data (CAMPAIGN_RULES.md §2–§4). Every threshold the evaluator uses
 * lives here; each schema node carries the Chinese expectation shown after "路径：".
 */

export const STAGE_CHECKS = ["study", "review", "rectify", "final"] as const;
export type StageCheck = (typeof STAGE_CHECKS)[number];

export const SCHEMES = ["三阶段", "四阶段", "自定义"] as const;
export type Scheme = (typeof SCHEMES)[number];
export type PresetScheme = Exclude<Scheme, "自定义">;

/** Expectations, shared by the schema and the settings form. */
export const EXPECT = {
  object: "应为对象（花括号括起的设置）",
  nonNegative: "应为不小于 0 的数字",
  percentOrNull: "应为 0–100 之间的数字，或 null（不检查）",
  percent: "应为 0–100 之间的数字",
  percentNotFraction: "应为百分数（如 70 表示 70%），不能写成 0.7 这样的小数",
  share: "应为 0–1 之间的数字（如 0.5 表示半数）",
  monthsAtLeastOne: "应为不小于 1 的整数",
  daysAtLeastOne: "应为不小于 1 的整数",
  scheme: "应为“三阶段”“四阶段”或“自定义”",
  stageList: "应为至少含一个阶段的列表",
  stageName: "应为非空的阶段名称",
  checkList: "应为检查项列表（study、review、rectify、final）",
  check: "应为 study、review、rectify 或 final 之一",
  date: "应为 YYYY-MM-DD 格式的日期",
  dateOrNull: "应为 YYYY-MM-DD 格式的日期，或 null（按批次开始日期推算）",
  textOrNull: "应为文字，或 null",
  emailOrNull: "应为邮箱地址（如 xjb@example.gov.cn），或 null（不填）",
  unknownKey: "不认识的设置项",
} as const;

function numberIn(min: number, max: number, message: string) {
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
}

const nonNegative = () => z.number({ error: EXPECT.nonNegative }).min(0, { error: EXPECT.nonNegative });
/**
 * A threshold on the 0–100 scale. 0.7 is what a unit writes when it means 70%, and as 0.7% it
 * would silently pass everyone, so anything above 0 and up to 1 is refused and explained.
 */
const percentThreshold = (message: string) =>
  numberIn(0, 100, message).refine((n) => !(n > 0 && n <= 1), { error: EXPECT.percentNotFraction });
const share = () => numberIn(0, 1, EXPECT.share);
const batchDate = () =>
  z
    .string({ error: EXPECT.dateOrNull })
    .refine((s) => isIsoDate(s), { error: EXPECT.dateOrNull })
    .nullable();

export const stageDefSchema = z.strictObject(
  {
    name: z.string({ error: EXPECT.stageName }).trim().min(1, { error: EXPECT.stageName }),
    days: z.number({ error: EXPECT.daysAtLeastOne }).int({ error: EXPECT.daysAtLeastOne }).min(1, { error: EXPECT.daysAtLeastOne }),
    checks: z.array(z.enum(STAGE_CHECKS, { error: EXPECT.check }), { error: EXPECT.checkList }),
  },
  { error: EXPECT.object },
);
export type StageDef = z.infer<typeof stageDefSchema>;

export const ruleSetSchema = z.strictObject(
  {
    study: z.strictObject({ minHours: nonNegative(), minConcentratedDays: nonNegative() }, { error: EXPECT.object }),
    attendance: z.strictObject({ minRate: percentThreshold(EXPECT.percentOrNull).nullable() }, { error: EXPECT.object }),
    absence: z.strictObject(
      { maxMonths: z.number({ error: EXPECT.monthsAtLeastOne }).int({ error: EXPECT.monthsAtLeastOne }).min(1, { error: EXPECT.monthsAtLeastOne }) },
      { error: EXPECT.object },
    ),
    satisfaction: z.strictObject({ rewriteBelow: percentThreshold(EXPECT.percent) }, { error: EXPECT.object }),
    excellent: z.strictObject({ maxShare: share() }, { error: EXPECT.object }),
    ballot: z.strictObject({ quorumShare: share(), passShare: share() }, { error: EXPECT.object }),
    unitSurvey: z.strictObject({ remedialAbove: share() }, { error: EXPECT.object }),
    stages: z.strictObject(
      {
        scheme: z.enum(SCHEMES, { error: EXPECT.scheme }),
        list: z.array(stageDefSchema, { error: EXPECT.stageList }).min(1, { error: EXPECT.stageList }),
      },
      { error: EXPECT.object },
    ),
    batchStart: z
      .string({ error: EXPECT.date })
      .refine((s) => isIsoDate(s), { error: EXPECT.date })
      .nullable(),
    /**
     * Each batch's own start date (seed 000); null takes it from batchStart: 第一批 on it,
     * 第二批 six months and 第三批 twelve months after it. Used for members whose 批次 says so.
     */
    batches: z.strictObject(
      { 第一批: batchDate(), 第二批: batchDate(), 第三批: batchDate() },
      { error: EXPECT.object },
    ),
    unitName: z.string({ error: EXPECT.textOrNull }).nullable(),
    /** 上报邮箱: where the unit sends its summary (the e-mail draft's To), null when not set. */
    reportEmail: z
      .string({ error: EXPECT.emailOrNull })
      .trim()
      .refine((s) => isEmailAddress(s), { error: EXPECT.emailOrNull })
      .nullable(),
  },
  { error: EXPECT.object },
);

export type RuleSet = z.infer<typeof ruleSetSchema>;

/** A field-level problem in a rule file: `path` as "stages.list[2].days", `message` as "路径：期望". */
export interface RuleError {
  path: string;
  /** The full sentence, e.g. "study.minHours：应为不小于 0 的数字". */
  message: string;
  /** The expectation alone, for a settings form that shows it next to the field. */
  expected: string;
}
