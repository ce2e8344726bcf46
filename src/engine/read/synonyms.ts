import type { FieldId } from "../types";

/**
 * Header synonyms per field, as staff write them. Compared after header normalisation
 * (normaliseHeader: widths unified, spaces and a trailing bracketed unit removed), so
 * "学时（小时）" and "学 时" both reach "学时". A synonym must belong to one field only.
 */
export const FIELD_SYNONYMS: Record<FieldId, readonly string[]> = {
  name: ["姓名", "党员姓名", "名字", "人员姓名", "被评议人", "被评议党员", "被评议人姓名", "被测评人", "被测评党员"],
  memberId: [
    "党员编号",
    "身份证号",
    "身份证号码",
    "身份证",
    "公民身份号码",
    "公民身份证号码",
    "证件号码",
    "身份证件号码",
    "编号",
    "人员编号",
    "工号",
  ],
  branch: [
    "所在支部",
    "党支部",
    "支部",
    "所在党支部",
    "所属支部",
    "所属党支部",
    "支部名称",
    "党支部名称",
    "所在党组织",
    "所在党组织名称",
    "党组织名称",
  ],
  category: ["党员类别", "正式/预备", "正式或预备", "正式党员/预备党员", "类别", "党员类型", "人员类别", "党员身份"],
  isLeader: ["党员领导干部", "是否领导干部", "领导干部", "是否党员领导干部", "是否为领导干部", "是否为党员领导干部"],
  batch: ["批次", "参加批次", "教育批次", "所属批次", "活动批次"],
  studyHours: [
    "学时",
    "学习学时",
    "累计学时",
    "学习时数",
    "参学学时",
    "累计学习学时",
    "学习时长",
    "学习培训学时",
    "培训学时",
    "总学时",
    "学习时间",
    "累计学习时数",
  ],
  concentratedDays: [
    "集中学习天数",
    "集中培训天数",
    "集中学习培训天数",
    "集中学习",
    "集中培训",
    "集中天数",
    "集中学习时间",
    "集中学习培训",
  ],
  sessionsDue: ["应参加次数", "应参加", "应参会次数", "应出勤次数", "应参加组织生活次数", "应到次数"],
  sessionsAttended: [
    "实际参加次数",
    "实际参加",
    "实参加次数",
    "实到次数",
    "出勤次数",
    "参加次数",
    "实际参会次数",
    "实际出勤次数",
    "签到次数",
    "实际参加组织生活次数",
  ],
  monthsAbsent: [
    "连续未参加组织生活月数",
    "未参加组织生活月数",
    "连续未参加月数",
    "连续未参加组织生活",
    "连续缺席月数",
    "未参加组织生活",
  ],
  analysisSubmitted: [
    "党性分析材料",
    "剖析材料",
    "党性分析",
    "党性剖析材料",
    "党性分析报告",
    "个人党性分析材料",
    "是否提交党性分析材料",
    "党性分析材料提交",
  ],
  satisfaction: [
    "满意度",
    "满意率",
    "测评满意度",
    "测评满意率",
    "群众满意度",
    "满意度测评",
    "民主测评满意度",
    "综合满意度",
    "满意度得分",
  ],
  satisfied: ["满意", "满意票", "满意票数", "满意人数"],
  fairlySatisfied: ["比较满意", "比较满意票", "比较满意票数", "较满意", "比较满意人数"],
  basicallySatisfied: ["基本满意", "基本满意票", "基本满意票数", "基本满意人数"],
  dissatisfied: ["不满意", "不满意票", "不满意票数", "不满意人数"],
  rectified: ["整改落实", "整改完成", "整改情况", "是否整改", "整改落实情况", "是否完成整改", "整改", "整改完成情况"],
  applicationSubmitted: [
    "书面申请",
    "是否提交书面申请",
    "提交书面申请",
    "是否提出书面申请",
    "书面申请提交情况",
    "评议书面申请",
  ],
  proposedGrade: [
    "支部建议等次",
    "支部意见",
    "建议等次",
    "支部建议",
    "支部评议意见",
    "支委会意见",
    "支部初步意见",
    "拟定等次",
    "支部拟定等次",
  ],
  votersDue: ["应到人数", "应到", "有表决权人数", "应到会人数", "应到党员人数", "应到会党员"],
  votersPresent: ["实到人数", "实到", "到会人数", "实到会人数", "实际到会人数", "实到党员人数", "实到会党员"],
  votesFor: ["赞成", "赞成票", "赞成票数", "同意票", "同意票数"],
  votesAgainst: ["反对", "反对票", "反对票数", "不同意票", "不同意票数"],
  votesAbstain: ["弃权", "弃权票", "弃权票数"],
  votesExcellent: ["优秀票", "优秀票数", "评优秀票数"],
  votesQualified: ["合格票", "合格票数"],
  votesBasic: ["基本合格票", "基本合格票数"],
  votesUnqualified: ["不合格票", "不合格票数"],
  approved: [
    "上级审批",
    "审批意见",
    "上级审批意见",
    "上级党委审批",
    "上级党组织审批",
    "上级党委意见",
    "上级党组织意见",
    "审批",
    "是否批准",
    "上级党委审批意见",
  ],
  publicized: ["公示情况", "是否公示", "公示日期", "公示", "是否已公示", "公示时间", "公示结果"],
  excellentNominated: ["推荐优秀", "拟评优秀", "是否推荐优秀", "推荐评优", "优秀推荐", "是否拟评优秀"],
  disciplined: ["违纪", "党纪处分", "是否违纪", "违纪情况", "受党纪处分", "是否受党纪处分", "违纪违法"],
};

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

/** A "contains" match is only tried with synonyms at least this long (shorter ones are too loose). */
export const CONTAINS_MIN_LENGTH = 4;
/** Characters that turn a header's meaning round when they sit outside the matched synonym. */
export const NEGATIONS = "不未没非无";
