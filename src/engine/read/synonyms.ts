import type { FieldId } from "../types";

/**
 * How staff name each field's column, as data. A header names a field when, after header
 * normalisation (normaliseHeader: widths unified, spaces and a trailing bracketed unit removed,
 * so "学时（小时）" and "学 时" both reach "学时"):
 * - it is one of the field's `headers` as it stands (the first is the field's usual header), or
 * - it is made entirely of the field's `meaning` words and `qualifiers` (and fillers such as 的, /),
 *   holds at least one meaning word, and, when `needs` is given, one of those words too.
 * So 学时合计, 累计学时数, 学习时长 are hours, while 学时要求 or 学时达标 (要求, 达标 qualify nothing
 * here) are not: a word the table does not know keeps the header unrecognised, to be mapped by
 * the user, rather than guessed. A negation (不, 未) is a word like any other: 不满意 is its own
 * field, and 未提交书面申请人数 is no field. Two fields whose words both cover a header leave it
 * unrecognised.
 */
export interface FieldWords {
  headers: readonly string[];
  meaning?: readonly string[];
  qualifiers?: readonly string[];
  needs?: readonly string[];
}

/** Qualifiers of a yes/no column: 是否提交, 已完成, 有无. */
const YES_NO = ["是否", "是否已", "是否为", "有无", "已", "情况"];
/** Qualifiers of a count of votes or people. */
const COUNT = ["票", "票数", "得票", "得票数", "人数", "人", "数", "张"];
/** Qualifiers of a ballot's head count. */
const VOTERS = ["人数", "人", "党员", "党员人数", "会", "到会", "表决", "有表决权", "正式党员", "的"];
/** Who proposes a grade and how: 支部建议, 初评, 评定. */
const GRADE_BY = ["支部", "党支部", "建议", "初评", "评定", "初步", "初定", "拟定", "拟评", "拟", "评议", "民主评议", "支委会", "支委", "确定", "党员大会"];
/** Words saying a number is a total. */
const TOTAL = ["合计", "累计", "累积", "总", "总计", "共计", "总数", "数", "实际", "个人", "全年", "年度", "本年度", "参加", "获得", "取得", "完成", "已完成", "实际完成", "统计"];

export const FIELD_WORDS: Record<FieldId, FieldWords> = {
  name: {
    headers: ["姓名", "党员姓名", "名字", "人员姓名", "被评议人", "被评议党员", "被评议人姓名", "被测评人", "被测评党员"],
    meaning: ["姓名"],
    qualifiers: ["党员", "人员", "被评议", "被测评", "被评议人", "被测评人", "被评议党员", "被测评党员", "同志", "本人"],
  },
  memberId: {
    headers: ["党员编号", "身份证号", "身份证号码", "身份证", "公民身份号码", "公民身份证号码", "证件号码", "身份证件号码", "编号", "人员编号", "工号"],
    meaning: ["身份证号", "身份证号码", "身份号码", "身份证件号码", "证件号码", "身份证", "党员编号", "党员号"],
    qualifiers: ["党员", "公民", "居民", "本人", "18位", "号码"],
  },
  branch: {
    headers: ["所在支部", "党支部", "支部", "所在党支部", "所属支部", "所属党支部", "支部名称", "党支部名称", "所在党组织", "所在党组织名称", "党组织名称"],
    meaning: ["支部", "党支部", "党总支", "总支", "党组织", "基层党组织"],
    qualifiers: ["所在", "所属", "名称", "归属", "隶属"],
  },
  category: {
    headers: ["党员类别", "正式/预备", "正式或预备", "正式党员/预备党员", "正式/预备党员", "类别", "党员类型", "人员类别", "党员身份"],
    meaning: ["类别", "类型", "党员身份"],
    qualifiers: ["党员", "人员", "正式/预备", "正式或预备"],
  },
  isLeader: {
    headers: ["党员领导干部", "是否领导干部", "领导干部", "是否党员领导干部", "是否为领导干部", "是否为党员领导干部"],
    meaning: ["领导干部"],
    qualifiers: ["党员", "是否", "是否为", "为", "是", "身份"],
  },
  batch: {
    headers: ["批次", "参加批次", "教育批次", "所属批次", "活动批次"],
    meaning: ["批次"],
    qualifiers: ["参加", "教育", "所属", "所在", "活动", "先进性教育", "评议", "学习", "参学", "第几"],
  },
  studyHours: {
    headers: ["学时", "学习学时", "累计学时", "学习时数", "参学学时", "累计学习学时", "学习时长", "学习培训学时", "培训学时", "总学时", "学习时间", "累计学习时数"],
    meaning: ["学时", "学习时数", "学习时长", "学习小时数", "时数", "时长", "小时数"],
    qualifiers: [...TOTAL, "学习", "培训", "学习培训", "参学", "教育", "学时", "小时"],
  },
  concentratedDays: {
    headers: ["集中学习天数", "集中培训天数", "集中学习培训天数", "集中学习", "集中培训", "集中天数", "集中学习时间", "集中学习培训"],
    meaning: ["集中", "脱产"],
    qualifiers: ["学习", "培训", "学习培训", "轮训", "天数", "天", "日数", "时间", "累计", "合计", "总", "参加", "实际"],
    needs: ["学习", "培训", "学习培训", "轮训", "天数", "天", "日数"],
  },
  sessionsDue: {
    headers: ["应参加次数", "应参加", "应参会次数", "应出勤次数", "应参加组织生活次数", "应到次数"],
    meaning: ["应参加", "应到", "应出勤", "应参会", "应出席"],
    qualifiers: ["次数", "次", "组织生活", "党组织生活", "组织生活会", "会议", "三会一课", "党员大会", "活动", "考勤", "签到", "累计", "合计", "总"],
    needs: ["次数", "次", "应参加", "应出勤"],
  },
  sessionsAttended: {
    headers: ["实际参加次数", "实际参加", "实参加次数", "实到次数", "出勤次数", "参加次数", "实际参会次数", "实际出勤次数", "签到次数", "实际参加组织生活次数"],
    meaning: ["参加", "参会", "出勤", "签到", "实到", "出席"],
    qualifiers: ["实际", "实", "次数", "次", "组织生活", "党组织生活", "组织生活会", "会议", "三会一课", "党员大会", "活动", "考勤", "累计", "合计", "总"],
    needs: ["次数", "次", "实际", "实"],
  },
  monthsAbsent: {
    headers: ["连续未参加组织生活月数", "未参加组织生活月数", "连续未参加月数", "连续未参加组织生活", "连续缺席月数", "未参加组织生活"],
    meaning: ["未参加", "不参加", "没有参加", "没参加", "缺席", "未过", "未参与", "不参与"],
    qualifiers: ["连续", "组织生活", "党组织生活", "组织生活会", "党的组织生活", "党内组织生活", "月数", "个月", "月", "时间", "的"],
    needs: ["月数", "个月", "月", "组织生活", "党组织生活", "党的组织生活", "党内组织生活", "连续"],
  },
  analysisSubmitted: {
    headers: ["党性分析材料", "剖析材料", "党性分析", "党性剖析材料", "党性分析报告", "个人党性分析材料", "是否提交党性分析材料", "党性分析材料提交"],
    meaning: ["党性分析", "党性剖析", "剖析材料", "分析材料", "个人剖析", "检视剖析", "对照检查材料"],
    qualifiers: [...YES_NO, "材料", "报告", "提交", "是否提交", "个人", "撰写", "递交", "上交", "完成", "是否完成", "书面"],
  },
  satisfaction: {
    headers: ["满意度", "满意率", "测评满意度", "测评满意率", "群众满意度", "满意度测评", "民主测评满意度", "综合满意度", "满意度得分"],
    meaning: ["满意度", "满意率", "满意程度", "满意测评"],
    qualifiers: ["群众", "测评", "民主测评", "群众测评", "综合", "得分", "评价", "结果", "测评结果", "党员", "平均", "总体", "百分比", "分值", "分", "值", "%"],
  },
  satisfied: {
    headers: ["满意", "满意票", "满意票数", "满意人数"],
    meaning: ["满意"],
    qualifiers: [...COUNT, "测评", "群众"],
    needs: COUNT,
  },
  fairlySatisfied: {
    headers: ["比较满意", "比较满意票", "比较满意票数", "较满意", "比较满意人数"],
    meaning: ["比较满意", "较满意"],
    qualifiers: [...COUNT, "测评", "群众"],
  },
  basicallySatisfied: {
    headers: ["基本满意", "基本满意票", "基本满意票数", "基本满意人数"],
    meaning: ["基本满意"],
    qualifiers: [...COUNT, "测评", "群众"],
  },
  dissatisfied: {
    headers: ["不满意", "不满意票", "不满意票数", "不满意人数"],
    meaning: ["不满意"],
    qualifiers: [...COUNT, "测评", "群众"],
  },
  rectified: {
    headers: ["整改落实", "整改完成", "整改情况", "是否整改", "整改落实情况", "是否完成整改", "整改", "整改完成情况"],
    meaning: ["整改"],
    qualifiers: [...YES_NO, "落实", "完成", "是否完成", "到位", "结果"],
  },
  applicationSubmitted: {
    headers: ["书面申请", "是否提交书面申请", "提交书面申请", "是否提出书面申请", "书面申请提交情况", "评议书面申请"],
    meaning: ["申请", "申请书"],
    qualifiers: [...YES_NO, "书面", "递交", "提交", "提出", "是否提交", "是否递交", "是否提出", "本人", "个人", "评议", "民主评议", "参加评议", "参评", "上交", "交"],
  },
  proposedGrade: {
    headers: ["支部建议等次", "支部意见", "建议等次", "支部建议", "支部评议意见", "支委会意见", "支部初步意见", "拟定等次", "支部拟定等次"],
    meaning: ["等次", "意见", "等级"],
    qualifiers: GRADE_BY,
    // 意见 alone may be anyone's opinion (the higher committee's too)
    needs: ["等次", "等级", ...GRADE_BY],
  },
  votersDue: {
    headers: ["应到人数", "应到", "有表决权人数", "应到会人数", "应到党员人数", "应到会党员"],
    meaning: ["应到", "有表决权", "应参会", "应参加", "应出席"],
    qualifiers: VOTERS,
    needs: ["人数", "人", "党员", "党员人数", "有表决权", "正式党员"],
  },
  votersPresent: {
    headers: ["实到人数", "实到", "到会人数", "实到会人数", "实际到会人数", "实到党员人数", "实到会党员"],
    meaning: ["实到", "到会", "出席", "参会"],
    qualifiers: [...VOTERS, "实际", "实"],
    needs: ["人数", "人", "党员", "党员人数", "有表决权", "正式党员"],
  },
  votesFor: {
    headers: ["赞成", "赞成票", "赞成票数", "同意票", "同意票数"],
    meaning: ["赞成", "同意"],
    qualifiers: [...COUNT, "的"],
    needs: ["赞成", ...COUNT],
  },
  votesAgainst: {
    headers: ["反对", "反对票", "反对票数", "不同意票", "不同意票数"],
    meaning: ["反对", "不同意"],
    qualifiers: [...COUNT, "的"],
    needs: ["反对", ...COUNT],
  },
  votesAbstain: {
    headers: ["弃权", "弃权票", "弃权票数"],
    meaning: ["弃权"],
    qualifiers: [...COUNT, "的"],
  },
  votesExcellent: {
    headers: ["优秀票", "优秀票数", "评优秀票数"],
    meaning: ["优秀"],
    qualifiers: [...COUNT, "评", "评为", "投"],
    needs: ["票", "票数", "得票", "得票数"],
  },
  votesQualified: {
    headers: ["合格票", "合格票数"],
    meaning: ["合格"],
    qualifiers: [...COUNT, "评", "评为", "投"],
    needs: ["票", "票数", "得票", "得票数"],
  },
  votesBasic: {
    headers: ["基本合格票", "基本合格票数"],
    meaning: ["基本合格"],
    qualifiers: [...COUNT, "评", "评为", "投"],
    needs: ["票", "票数", "得票", "得票数"],
  },
  votesUnqualified: {
    headers: ["不合格票", "不合格票数"],
    meaning: ["不合格"],
    qualifiers: [...COUNT, "评", "评为", "投"],
    needs: ["票", "票数", "得票", "得票数"],
  },
  approved: {
    headers: ["上级审批", "审批意见", "上级审批意见", "上级党委审批", "上级党组织审批", "上级党委意见", "上级党组织意见", "审批", "是否批准", "上级党委审批意见"],
    meaning: ["审批", "批准", "审核", "审定", "意见"],
    qualifiers: [...YES_NO, "上级", "党委", "党组织", "上级党委", "上级党组织", "基层党委", "党工委", "党组", "意见", "结果", "审查", "同意", "是否同意", "状态"],
    needs: ["审批", "批准", "审核", "审定", "上级", "党委", "党组织", "上级党委", "上级党组织", "基层党委", "党工委", "党组"],
  },
  publicized: {
    headers: ["公示情况", "是否公示", "公示日期", "公示结果", "公示", "公示时间"],
    meaning: ["公示"],
    qualifiers: [...YES_NO, "日期", "时间", "结果", "期满", "完成", "是否完成", "张榜", "公告", "评议结果"],
  },
  excellentNominated: {
    headers: ["推荐优秀", "拟评优秀", "是否推荐优秀", "推荐评优", "优秀推荐", "是否拟评优秀"],
    meaning: ["推荐优秀", "拟评优秀", "评优", "优秀推荐", "推荐评优", "推荐为优秀", "评为优秀"],
    qualifiers: [...YES_NO, "拟", "对象", "人选", "党员", "为", "推荐"],
  },
  disciplined: {
    headers: ["违纪", "党纪处分", "是否违纪", "违纪情况", "受党纪处分", "是否受党纪处分", "违纪违法"],
    meaning: ["违纪", "处分", "党纪处分", "纪律处分", "违法违纪", "违纪违法"],
    qualifiers: [...YES_NO, "是否受", "受", "受到", "党纪", "纪律", "违法", "记录"],
  },
};

/** Whole headers per field (the first is the field's usual header). */
export const FIELD_SYNONYMS: Record<FieldId, readonly string[]> = Object.fromEntries(
  (Object.keys(FIELD_WORDS) as FieldId[]).map((field) => [field, FIELD_WORDS[field].headers]),
) as Record<FieldId, readonly string[]>;

/** Joining characters a header may hold anywhere without changing its meaning. */
export const HEADER_FILLERS: readonly string[] = ["的", "/", "、", "(", ")", "-", "_", ".", "?", "|", "，", ",", "及"];

/**
 * Sub-headers whose meaning depends on the group header above them (a two-row header):
 * "满意" under 测评, "应到" under 考勤 (sessions) but under 表决 (voters), "优秀" under 票决.
 * A context applies when the group's normalised text contains one of its keywords.
 */
export interface HeaderContext {
  keywords: readonly string[];
  fields: Readonly<Record<string, FieldId>>;
}

export const HEADER_CONTEXTS: readonly HeaderContext[] = [
  {
    keywords: ["考勤", "签到", "组织生活", "出勤", "参会情况", "参加情况"],
    fields: {
      应参加: "sessionsDue",
      应到: "sessionsDue",
      应出勤: "sessionsDue",
      应参加次数: "sessionsDue",
      应到次数: "sessionsDue",
      实际参加: "sessionsAttended",
      实到: "sessionsAttended",
      实参加: "sessionsAttended",
      实际出勤: "sessionsAttended",
      出勤: "sessionsAttended",
      实际参加次数: "sessionsAttended",
      实到次数: "sessionsAttended",
      连续未参加月数: "monthsAbsent",
      连续未参加: "monthsAbsent",
    },
  },
  {
    keywords: ["测评", "满意度", "满意程度", "满意情况"],
    fields: {
      满意: "satisfied",
      比较满意: "fairlySatisfied",
      基本满意: "basicallySatisfied",
      不满意: "dissatisfied",
      满意度: "satisfaction",
      满意率: "satisfaction",
    },
  },
  {
    keywords: ["票决", "投票", "表决", "民主评议", "票数", "无记名", "得票"],
    fields: {
      优秀: "votesExcellent",
      合格: "votesQualified",
      基本合格: "votesBasic",
      不合格: "votesUnqualified",
      赞成: "votesFor",
      同意: "votesFor",
      反对: "votesAgainst",
      不同意: "votesAgainst",
      弃权: "votesAbstain",
      应到: "votersDue",
      应到人数: "votersDue",
      实到: "votersPresent",
      实到人数: "votersPresent",
    },
  },
];

/** Headers of the unit column in a unit-level survey table (§4). */
export const UNIT_HEADERS: readonly string[] = [
  "单位",
  "单位名称",
  "被测评单位",
  "被评议单位",
  "测评单位",
  "部门",
  "部门名称",
  "单位/部门",
  "乡镇",
  "村",
  "社区",
  "村/社区",
];
