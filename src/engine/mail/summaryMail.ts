import type { SummaryRow } from "../consolidate/summary";
import { chineseDate } from "../plan/sheetCommon";

export interface SummaryMailInput {
  unit: string;
  /** ISO "YYYY-MM-DD": the day of the evaluation. */
  today: string;
  /** The unit's 合计 row of the branch summary (BRANCH_COLUMNS → value). */
  total: SummaryRow;
  /** Rows on 评议-数据问题 (blank entries included); null when the workbook does not say. */
  openIssues: number | null;
  /** The attached workbook's file name. */
  fileName: string;
}

const count = (row: SummaryRow, column: string): number => {
  const value = row[column];
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
};

/** "75.0%" of a 0–1 ratio, "84.0" of an average, "未录入" when the summary has none. */
const percent = (value: SummaryRow[string]) => (typeof value === "number" && Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : "未录入");
const decimal = (value: SummaryRow[string]) => (typeof value === "number" && Number.isFinite(value) ? value.toFixed(1) : "未录入");

/**
 * The subject and short body of the e-mail that carries a unit's summary upwards: who, when,
 * the members and their grades, and the data issues still open, so the reader sees the state
 * of the unit before opening the attachment.
 */
export function summaryMail(input: SummaryMailInput): { subject: string; body: string } {
  const unit = input.unit.trim() || "本单位";
  const date = chineseDate(input.today);
  const row = input.total;
  const grades = ["优秀", "合格", "基本合格", "不合格", "待定"].map((grade) => `${grade} ${count(row, grade)} 名`).join("，");
  const notGraded = count(row, "不评定");
  const lines = [
    "您好：",
    "",
    `现报送${unit}党员评议汇总表（${date}），详见附件。主要情况：`,
    "",
    `1. 参加评议党员 ${count(row, "党员数")} 名（正式党员 ${count(row, "正式党员")} 名，预备党员 ${count(row, "预备党员")} 名）。`,
    `2. 评议等次：${grades}${notGraded > 0 ? `；不评定 ${notGraded} 名` : ""}。`,
    `3. 学习达标率 ${percent(row["学习达标率"])}，平均满意度 ${decimal(row["平均满意度"])}。`,
    input.openIssues === null ? "4. 数据问题：汇总表未载明。" : input.openIssues === 0 ? "4. 数据问题：无。" : `4. 尚有 ${input.openIssues} 条数据问题待核实处理。`,
    "",
    `附件：${input.fileName}`,
    "",
    unit,
    date,
  ];
  return { subject: `${unit}党员评议汇总表（${date}）`, body: lines.join("\n") };
}
