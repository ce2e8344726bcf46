import { matchHeader, matchPlain, mayMean } from "../../../src/engine/read/match";
import { FIELD_WORDS } from "../../../src/engine/read/synonyms";
import { normaliseHeader } from "../../../src/engine/read/text";
import type { FieldId } from "../../../src/engine/types";

const field = (header: string) => matchPlain(normaliseHeader(header));

/** Headers from real ledgers, at least ten for each field a rule or a stage depends on. */
const WORDINGS: Partial<Record<FieldId, string[]>> = {
  name: ["姓名", "党员姓名", "名字", "人员姓名", "被评议人", "被评议党员", "被评议人姓名", "被测评人", "被测评党员", "被评议党员姓名", "姓 名", "*姓名："],
  branch: ["所在支部", "党支部", "支部", "所在党支部", "所属支部", "所属党支部", "支部名称", "党支部名称", "所在党组织", "党组织名称", "所在党总支"],
  memberId: ["党员编号", "身份证号", "身份证号码", "公民身份号码", "身份证号（18位）", "证件号码", "编号", "公民身份证号码", "身份证件号码", "居民身份证号码", "党员身份证号", "人员编号"],
  isLeader: ["党员领导干部", "是否领导干部", "领导干部", "是否党员领导干部", "是否为领导干部", "是否为党员领导干部", "是否是领导干部", "领导干部身份", "党员领导干部（是/否）", "是否领导干部："],
  category: ["党员类别", "正式/预备", "正式党员/预备党员", "类别", "党员类型", "党员身份", "人员类别", "党员类别（正式/预备）", "正式或预备", "正式/预备党员"],
  batch: ["批次", "参加批次", "教育批次", "所属批次", "活动批次", "先进性教育批次", "所在批次", "参学批次", "评议批次", "第几批次"],
  studyHours: [
    "学时",
    "学时合计",
    "学时数",
    "累计学时",
    "总学时",
    "学习时数",
    "学习时长（小时）",
    "参学学时",
    "参学时数",
    "学时（小时）",
    "累计学习学时",
    "个人学习总学时",
    "学习培训学时数",
    "年度累计学时",
    "实际完成学时数",
    "学时数合计",
    "学习时长合计",
  ],
  concentratedDays: [
    "集中学习天数",
    "集中培训天数",
    "脱产学习天数",
    "脱产培训天数",
    "集中学习（天）",
    "集中学习时间（天）",
    "集中学习培训天数",
    "集中轮训天数",
    "参加集中学习天数",
    "集中培训(天)",
    "累计集中学习天数",
    "脱产培训时间(天)",
  ],
  sessionsDue: ["应参加次数", "应参加组织生活次数", "应到次数", "应出勤次数", "应参会次数", "应参加三会一课次数", "应参加会议次数", "应参加组织生活（次）", "应出席次数", "应参加党员大会次数"],
  sessionsAttended: ["实际参加次数", "实参加次数", "实到次数", "出勤次数", "签到次数", "参加次数", "实际参加组织生活次数", "实际参会次数", "参加组织生活次数", "实际出勤次数", "实际参加三会一课次数"],
  monthsAbsent: [
    "连续未参加组织生活月数",
    "连续缺席组织生活月数",
    "连续未过组织生活月数",
    "连续未参加月数",
    "未参加组织生活月数",
    "连续缺席月数",
    "连续不参加组织生活月数",
    "连续未参加党组织生活月数",
    "未参加组织生活（月）",
    "连续未参加组织生活时间（月）",
    "缺席组织生活月数",
    "连续没有参加组织生活月数",
  ],
  analysisSubmitted: ["党性分析材料", "剖析材料", "党性分析", "党性剖析材料", "党性分析报告", "个人党性分析材料", "是否提交党性分析材料", "党性分析材料提交情况", "个人剖析材料", "检视剖析材料", "是否撰写党性分析材料"],
  satisfaction: ["满意度", "满意率", "群众满意率", "群众满意度", "测评满意度", "测评满意率(%)", "满意度测评", "民主测评满意度", "满意度测评结果", "群众满意度测评得分", "综合满意率", "满意程度", "群众满意测评", "满意度（%）"],
  satisfied: ["满意", "满意票", "满意票数", "满意人数", "满意数", "群众满意票数", "测评满意票数", "满意（票）", "满意得票", "满意张数"],
  dissatisfied: ["不满意", "不满意票", "不满意票数", "不满意人数", "不满意数", "群众不满意票数", "测评不满意票数", "不满意（票）", "不满意得票", "不满意张数"],
  rectified: ["整改落实", "整改完成", "整改情况", "是否整改", "整改落实情况", "是否完成整改", "整改", "整改完成情况", "是否整改到位", "整改结果", "已整改"],
  applicationSubmitted: [
    "书面申请",
    "是否提交申请",
    "是否提交书面申请",
    "递交书面申请",
    "提交申请书",
    "书面申请书",
    "是否递交申请书",
    "申请书",
    "书面申请提交情况",
    "本人书面申请",
    "是否提出书面申请",
    "申请书递交情况",
    "已交书面申请",
  ],
  proposedGrade: ["支部建议等次", "初评等次", "支部初评等次", "评定等次", "建议等次", "支部意见", "支部评议意见", "支部初评意见", "支委会意见", "拟定等次", "评议等次", "支部评定等次", "民主评议等次"],
  votersDue: ["应到人数", "应到", "有表决权人数", "应到会人数", "应到党员人数", "有表决权党员人数", "应参会人数", "应出席人数", "应到会党员", "应到人数（有表决权）"],
  votersPresent: ["实到人数", "实到", "到会人数", "实到会人数", "实际到会人数", "出席人数", "实到党员人数", "参会人数", "实际出席人数", "到会党员人数"],
  votesFor: ["赞成", "赞成票", "赞成票数", "同意票", "同意票数", "赞成人数", "赞成得票", "赞成数", "同意人数", "赞成的票数"],
  votesAgainst: ["反对", "反对票", "反对票数", "不同意票", "不同意票数", "反对人数", "反对得票", "反对数", "不同意人数", "反对的票数"],
  votesAbstain: ["弃权", "弃权票", "弃权票数", "弃权人数", "弃权数", "弃权的票数", "弃权得票", "弃权张数", "弃权（票）", "弃权得票数"],
  votesExcellent: ["优秀票", "优秀票数", "评优秀票数", "优秀得票", "优秀得票数", "评为优秀票数", "投优秀票数", "优秀票（张）", "评优秀票", "评为优秀得票"],
  votesQualified: ["合格票", "合格票数", "合格得票", "合格得票数", "评合格票数", "评为合格票数", "投合格票数", "合格票（张）", "评合格票", "评为合格得票"],
  votesBasic: ["基本合格票", "基本合格票数", "基本合格得票", "基本合格得票数", "评基本合格票数", "评为基本合格票数", "投基本合格票数", "基本合格票（张）", "评基本合格票", "评为基本合格得票"],
  votesUnqualified: ["不合格票", "不合格票数", "不合格得票", "不合格得票数", "评不合格票数", "评为不合格票数", "投不合格票数", "不合格票（张）", "评不合格票", "评为不合格得票"],
  approved: ["上级审批", "审批意见", "审批结果", "上级党委审批结果", "党委审批意见", "党组织审批情况", "上级党组织批准", "是否批准", "批准情况", "上级党委意见", "党委意见", "审批情况", "上级党委审查批准", "审批（同意/不同意）"],
  publicized: ["公示情况", "是否公示", "公示日期", "公示结果", "公示时间", "公示", "是否已公示", "公示期满", "评议结果公示", "公示情况（日期）"],
  excellentNominated: ["推荐优秀", "拟评优秀", "是否推荐优秀", "推荐评优", "优秀推荐", "是否拟评优秀", "评优", "推荐优秀党员", "是否评优", "拟推荐优秀"],
  disciplined: ["违纪", "党纪处分", "是否违纪", "违纪情况", "受党纪处分", "是否受党纪处分", "违纪违法", "是否受处分", "处分情况", "有无违纪", "受到纪律处分"],
};

/** Headers that share a word with a field but name something else (or nothing we read). */
const NEAR_MISSES = [
  "学时要求",
  "应完成学时",
  "学时达标",
  "学时是否达标",
  "学时完成情况",
  "补学学时",
  "线上学时",
  "集中学习学时",
  "集中学习时数",
  "集中学习日期",
  "集中",
  "满意度说明",
  "满意度排名",
  "满意度是否达标",
  "不满意率",
  "申请日期",
  "申请时间",
  "入党申请书",
  "未提交书面申请人数",
  "审批日期",
  "审批时间",
  "审批人",
  "是否同意",
  "意见",
  "处理意见",
  "整改意见",
  "整改措施",
  "整改时限",
  "自评等次",
  "上年度评议等次",
  "备注",
  "序号",
  "联系电话",
  "性别",
  "出生年月",
  "入党时间",
  "学历",
  "职务",
  "支部书记",
  "填表人姓名",
  "联系人姓名",
  "入党介绍人姓名",
  "出勤率",
  "缺勤次数",
  "参加",
  "未参加组织生活次数",
  "累计未参加组织生活月数",
  "党性分析材料提交日期",
  "处分日期",
  "公示内容",
  "优秀",
  "合格",
  "评优理由",
  "批次开始日期",
  "领导干部职务",
  "身份证复印件",
];

describe("header vocabulary by meaning", () => {
  for (const [id, headers] of Object.entries(WORDINGS) as [FieldId, string[]][]) {
    it(`reads ${headers.length} wordings of ${id}`, () => {
      expect(headers.length).toBeGreaterThanOrEqual(10);
      expect(headers.map((h) => [h, field(h)])).toEqual(headers.map((h) => [h, id]));
    });
  }

  it("leaves near-misses unrecognised: a word it does not know is not guessed", () => {
    expect(NEAR_MISSES.map((h) => [h, field(h)])).toEqual(NEAR_MISSES.map((h) => [h, undefined]));
  });

  it("every field has its words, and each whole header names its own field", () => {
    for (const id of Object.keys(FIELD_WORDS) as FieldId[]) {
      expect(FIELD_WORDS[id].headers.length).toBeGreaterThan(0);
      for (const header of FIELD_WORDS[id].headers) expect([header, field(header)]).toEqual([header, id]);
    }
  });

  it("reads a list number in front of a header", () => {
    expect(field("1.姓名")).toBe("name");
    expect(field("三、学时合计")).toBe("studyHours");
    expect(field("（二）书面申请")).toBe("applicationSubmitted");
  });

  it("reads a sub-header together with its group: 上级党委审批 over 意见, 公示 over 日期", () => {
    const under = (header: string, group: string) => matchHeader(normaliseHeader(header), normaliseHeader(group));
    expect(under("意见", "上级党委审批")).toEqual({ field: "approved", byContext: true });
    expect(under("日期", "公示")).toEqual({ field: "publicized", byContext: true });
    expect(under("天数", "集中学习")).toEqual({ field: "concentratedDays", byContext: true });
    expect(under("是否提交", "书面申请")).toEqual({ field: "applicationSubmitted", byContext: true });
    expect(under("提交日期", "书面申请")).toBeUndefined();
    expect(under("所在支部", "被评议党员")).toEqual({ field: "branch", byContext: false });
    // hours of concentrated study are not all of a member's study hours
    expect(under("学时", "集中学习")).toBeUndefined();
    expect(under("学时", "学习情况")).toEqual({ field: "studyHours", byContext: false });
  });

  it("names a header the user may have meant for a field", () => {
    expect(mayMean(normaliseHeader("学时要求"), "studyHours")).toBe(true);
    expect(mayMean(normaliseHeader("集中学习学时"), "concentratedDays")).toBe(true);
    expect(mayMean(normaliseHeader("审批日期"), "approved")).toBe(true);
    expect(mayMean(normaliseHeader("备注"), "approved")).toBe(false);
    expect(mayMean(normaliseHeader("序号"), "studyHours")).toBe(false);
  });
});
