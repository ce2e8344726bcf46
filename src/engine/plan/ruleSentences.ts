import type { RuleSet } from "../rules";
import { batchStartDate } from "../stages/windows";
import { BATCHES } from "../stages/batches";
import { chineseDate } from "./sheetCommon";
import { formatNumber } from "./text";

/** A share of people in words: ½ → "半数", ⅓ → "三分之一", else a percentage ("60%"). */
export function shareText(share: number): string {
  if (Math.abs(share - 0.5) < 1e-9) return "半数";
  if (Math.abs(share - 1 / 3) < 1e-6) return "三分之一";
  if (Math.abs(share - 2 / 3) < 1e-6) return "三分之二";
  if (Math.abs(share - 1 / 4) < 1e-9) return "四分之一";
  return `${formatNumber(Math.round(share * 10000) / 100)}%`;
}

/** One rule as it is read out: a short label and one sentence with its threshold. */
export interface RuleSentence {
  label: string;
  text: string;
}

/**
 * The campaign rules of this run, each in one sentence with the thresholds the unit set
 * (CAMPAIGN_RULES §2–§4): what 本次评议依据 prints for whoever files or checks the results.
 */
export function ruleSentences(rules: RuleSet): RuleSentence[] {
  const n = formatNumber;
  const minRate = rules.attendance.minRate;
  return [
    { label: "学习学时（R1）", text: `学习培训不少于 ${n(rules.study.minHours)} 学时；不足的列为“未达标”，处置建议为补学。` },
    { label: "集中学习（R2）", text: `集中学习培训不少于 ${n(rules.study.minConcentratedDays)} 天；不足的列为“未达标”，处置建议为补学。` },
    {
      label: "考勤（R3）",
      text: minRate === null ? "本次未设出勤率要求，考勤不作检查。" : `出勤率（实际参加次数 ÷ 应参加次数）不低于 ${n(minRate)}%；低于的为考勤不足，处置建议为补学。`,
    },
    { label: "自行脱党（R4）", text: `连续 ${n(rules.absence.maxMonths)} 个月不参加党的组织生活的，按党章第九条视为自行脱党，经支部确认后予以除名。` },
    {
      label: "满意度（R5）",
      text: `群众满意度低于 ${n(rules.satisfaction.rewriteBelow)}（恰为 ${n(rules.satisfaction.rewriteBelow)} 的不算）的，列为重点帮助对象，重新撰写党性分析材料；只有票数时，满意度 =（满意 + 比较满意 + 基本满意）÷ 全部票数 × 100。`,
    },
    { label: "书面申请（R6）", text: "未提出继续留在党内的书面申请的，原则上按自愿退党或自行脱党处理，由支部确认；预备党员为延长预备期或取消预备党员资格。" },
    { label: "表决人数（R7）", text: `有表决权的实到人数须超过应到人数的${shareText(rules.ballot.quorumShare)}，票决方为有效。` },
    { label: "支部建议表决（R8）", text: `赞成票超过应到人数（不是实到人数）的${shareText(rules.ballot.passShare)}的，支部建议的等次成为初步意见；否则待支委会复议。` },
    { label: "等次票决（R9）", text: `按等次投票时，某一等次得票超过应到人数的${shareText(rules.ballot.passShare)}即为初步意见；没有过半数的等次，待支委会研究。` },
    { label: "票数核对（R10）", text: "票数合计多于实到人数、或实到人数多于应到人数的，票决不予采用，列入数据问题。" },
    { label: "上级审批与公示（R11）", text: "初步意见经上级党委审批后为评议等次，未审批的标“待审批”；有公示列的，已审批未公示的标“待公示”。" },
    { label: "预备党员（R12）", text: "预备党员不评定等次。" },
    { label: "等次处置（R13）", text: "评为优秀的予以表彰；基本合格的诫勉谈话、指出差距、帮助改进；不合格的进行组织处置：限期改正（一般一年），经教育仍无转变的劝其退党或予以除名。" },
    { label: "评优资格（R14）", text: `评为优秀须经推荐，学时、集中学习和满意度均达到要求且未受纪律处分；不符合的保留会议决定的等次，提示“复核评优资格”。` },
    { label: "优秀名额（R15）", text: `各支部优秀人数一般不超过正式党员的${shareText(rules.excellent.maxShare)}，超过的在支部汇总中标出，不自动降等。` },
    { label: "纪律处分（R16）", text: "受纪律处分的，依照党章和《中国共产党纪律处分条例》处理，同一事项不再按不合格处置。" },
    { label: "单位测评（回头看）", text: `单位测评中不满意票超过全部票数的${shareText(rules.unitSurvey.remedialAbove)}的单位，进行整改补课。` },
  ];
}

/** The stages as a sentence: "三阶段：学习动员 45 天，分析评议 30 天，整改提高 30 天。" */
export function stagesSentence(rules: RuleSet): string {
  const list = rules.stages.list.map((s) => `${s.name} ${s.days} 天`).join("，");
  return `${rules.stages.scheme}：${list}。`;
}

/** When the stages start: the campaign's start date and each batch's, or why they cannot be dated. */
export function datesSentence(rules: RuleSet): string {
  const start = batchStartDate(rules);
  if (start === null) return "未设批次开始日期，各阶段的起止日期和状态未计算。";
  const batches = BATCHES.map((b) => `${b.name}自 ${chineseDate(batchStartDate(rules, b.name) ?? start)}`).join("，");
  return `批次开始日期 ${chineseDate(start)}；名单有“批次”列时，${batches}起算。`;
}
