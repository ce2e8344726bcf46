import type { EXPECT } from "../engine/rules/schema";

/**
 * What a rule setting expects, in the pane's words (`settings.expect.*`, one per EXPECT entry
 * of the rule schema): shown at the settings form's field and for settings stored in a workbook.
 * A blank box is the form's "off", so it says 留空 where a rule file would say null.
 */
export const settingsZh = {
  "settings.expect.object": "应为对象（花括号括起的设置）",
  "settings.expect.nonNegative": "应为不小于 0 的数字",
  "settings.expect.percentOrNull": "应为 0–100 之间的数字；留空则不检查",
  "settings.expect.percent": "应为 0–100 之间的数字",
  "settings.expect.percentNotFraction": "应为百分数（如 70 表示 70%），不能写成 0.7 这样的小数",
  "settings.expect.share": "应为 0–1 之间的比例，可写成 1/3、30% 或 0.3",
  "settings.expect.monthsAtLeastOne": "应为不小于 1 的整数",
  "settings.expect.daysAtLeastOne": "应为不小于 1 的整数",
  "settings.expect.scheme": "应为“三阶段”“四阶段”或“自定义”",
  "settings.expect.stageList": "应为至少含一个阶段的列表",
  "settings.expect.stageName": "应为非空的阶段名称",
  "settings.expect.checkList": "应为检查项列表（study、review、rectify、final）",
  "settings.expect.check": "应为 study、review、rectify 或 final 之一",
  "settings.expect.date": "应为实际存在的日期，写成 YYYY-MM-DD，如 2026-09-01",
  "settings.expect.dateOrNull": "应为实际存在的日期，写成 YYYY-MM-DD；留空则按批次开始日期推算",
  "settings.expect.textOrNull": "应为文字，或留空",
  "settings.expect.emailOrNull": "应为邮箱地址，如 xjb@example.gov.cn；留空则生成邮件时再填收件人",
  "settings.expect.unknownKey": "不认识的设置项",
} as const satisfies Record<`settings.expect.${keyof typeof EXPECT}`, string>;

export const settingsEn: Record<keyof typeof settingsZh, string> = {
  "settings.expect.object": "should be an object (settings in braces)",
  "settings.expect.nonNegative": "should be a number, 0 or more",
  "settings.expect.percentOrNull": "should be a number from 0 to 100; leave it blank to switch the check off",
  "settings.expect.percent": "should be a number from 0 to 100",
  "settings.expect.percentNotFraction": "should be a percentage (70 means 70%), not a fraction such as 0.7",
  "settings.expect.share": "should be a share from 0 to 1, written 1/3, 30% or 0.3",
  "settings.expect.monthsAtLeastOne": "should be a whole number, 1 or more",
  "settings.expect.daysAtLeastOne": "should be a whole number, 1 or more",
  "settings.expect.scheme": "should be three stages, four stages or custom",
  "settings.expect.stageName": "should be a stage name, not blank",
  "settings.expect.stageList": "should be a list of at least one stage",
  "settings.expect.checkList": "should be a list of checks (study, review, rectify, final)",
  "settings.expect.check": "should be one of study, review, rectify, final",
  "settings.expect.date": "should be a real date written YYYY-MM-DD, e.g. 2026-09-01",
  "settings.expect.dateOrNull": "should be a real date written YYYY-MM-DD; leave it blank to count it from the batch start date",
  "settings.expect.textOrNull": "should be text, or blank",
  "settings.expect.emailOrNull": "should be an e-mail address such as xjb@example.gov.cn; leave it blank to fill in the recipient in the draft",
  "settings.expect.unknownKey": "is not a known setting",
};
