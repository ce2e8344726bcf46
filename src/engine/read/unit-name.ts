import type { SheetGrid } from "../types";
import { plain, plainText } from "./cell";

/** "填报单位：XX县直机关工委（第一批）" and the ways staff write it above a table. */
const UNIT_LINE = /^(?:填报单位|填表单位|报送单位|单位名称|党组织名称|填报党组织|单位)\s*[:：]\s*(.+)$/;
/** Where the unit's name ends: a second field on the same line ("填报日期：…") after a wide gap. */
const NEXT_FIELD = /(?:\s{2,}|\u3000+|\s*[，,；;]\s*)\S+\s*[:：].*$/;
/** A trailing bracketed note: （第一批）, (2025年). */
const TRAILING_NOTE = /\s*[（(][^（）()]*[）)]\s*$/;

/**
 * The unit a workbook says it comes from, as written above its member table: the first title
 * cell of the form "填报单位：名称". Used only when nobody has named the unit.
 */
export function unitNameAbove(grid: SheetGrid, headerTop: number): string | undefined {
  for (let r = 0; r < headerTop && r < grid.values.length; r++) {
    const row = grid.values[r];
    if (!Array.isArray(row)) continue;
    for (const raw of row) {
      const text = plainText(plain(raw)).trim();
      const match = UNIT_LINE.exec(text);
      if (!match) continue;
      const name = match[1].replace(NEXT_FIELD, "").replace(TRAILING_NOTE, "").trim();
      if (name.length > 0 && name.length <= 60) return name;
    }
  }
  return undefined;
}

/** What a title's end says about the table (名单, 台账, 登记表…): removed first. */
const TABLE_NOUN = /(?:花名册|名册|名单|台账|登记表|统计表|汇总表|评议表|测评表|一览表|情况表|明细表|信息表|考勤表|签到表|记录表|审批表|表)$/;
/** What a title says about the campaign or the list before that noun: removed one by one. */
const DESCRIPTOR =
  /(?:保持共产党员先进性教育活动|先进性教育活动|先进性教育|学习教育|教育活动|主题教育|民主评议党员|民主评议|党员评议|评议|学习情况|学习|学时|考勤|签到|测评|满意度|基本情况|基本信息|信息|情况|汇总|统计|全体党员|党员|活动|年度|第[一二三123]批|\d{4}年度?|\d{4}|[—\-－_、·\s]+)$/;
/** A year in front: 2025年, 2025年度. */
const LEADING_YEAR = /^\d{4}\s*年度?\s*/;
/** How the name of a unit or Party organisation ends. */
const ORGANISATION =
  /(?:党委|党工委|工委|党组|党总支|总支|党支部|支部|委员会|机关|局|厅|委|办|院|所|中心|公司|集团|学校|大学|学院|医院|镇|乡|街道|社区|村|县|区|市|部|站|队|处|科|馆|社|会)$/;
/** Words that end like an organisation but name none. */
const GENERIC = new Set(["党委", "党支部", "支部", "总支", "党总支", "机关", "单位", "本单位", "我单位", "全体", "委员会"]);

/** The unit a title names: "城关镇党委党员名单" → 城关镇党委, "XX局机关党委先进性教育活动台账" → XX局机关党委. */
export function unitFromTitle(title: string): string | undefined {
  let t = title.trim().replace(NEXT_FIELD, "").replace(TRAILING_NOTE, "").trim();
  if (t.length > 80 || !TABLE_NOUN.test(t)) return undefined;
  t = t.replace(TABLE_NOUN, "");
  for (let before = ""; before !== t; ) {
    before = t;
    t = t.replace(DESCRIPTOR, "");
  }
  t = t.replace(LEADING_YEAR, "").trim();
  // "第一、第二党支部": a list of organisations, not one unit
  if (t.length < 3 || t.length > 40 || GENERIC.has(t) || /[、,，和及与]/.test(t) || !ORGANISATION.test(t)) return undefined;
  return t;
}

/**
 * The unit named by a title row above the member table, for a workbook without a 填报单位 line:
 * the first title cell whose words name an organisation.
 */
export function unitNameFromTitle(grid: SheetGrid, headerTop: number): string | undefined {
  for (let r = 0; r < headerTop && r < grid.values.length; r++) {
    const row = grid.values[r];
    if (!Array.isArray(row)) continue;
    for (const raw of row) {
      const text = plainText(plain(raw)).trim();
      if (text.length < 4 || UNIT_LINE.test(text)) continue;
      const name = unitFromTitle(text);
      if (name !== undefined) return name;
    }
  }
  return undefined;
}
