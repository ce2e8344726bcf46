import type { Category, DecidedGrade } from "../types";

/** Cell words read as yes / no (compared after width normalisation, spaces removed, lower case). */
export const YES_WORDS: ReadonlySet<string> = new Set([
  "是",
  "是的",
  "有",
  "√",
  "✓",
  "✔",
  "☑",
  "y",
  "yes",
  "true",
  "1",
  "同意",
  "批准",
  "通过",
  "完成",
  "提交",
  "对",
]);

export const NO_WORDS: ReadonlySet<string> = new Set([
  "否",
  "不是",
  "无",
  "没有",
  "×",
  "✗",
  "✘",
  "☒",
  "x",
  "n",
  "no",
  "false",
  "0",
  "不同意",
  "不批准",
  "未通过",
  "不通过",
  "错",
]);

/** A 公示 cell's own words: posted without objection, or still being posted (not yet done). */
export const POSTED_YES_WORDS: ReadonlySet<string> = new Set(["无异议", "公示无异议", "公示完毕", "公示期满", "已公示"]);
export const POSTED_NO_WORDS: ReadonlySet<string> = new Set(["公示中", "正在公示", "待公示", "未公示", "尚未公示"]);

/** Prefixes: 已提交, 已完成 → yes; 未提交, 未整改 → no. */
export const YES_PREFIXES: readonly string[] = ["已"];
export const NO_PREFIXES: readonly string[] = ["未", "没"];

/** Category words (after normalisation) → category. */
export const CATEGORY_WORDS: ReadonlyMap<string, Category> = new Map([
  ["正式", "正式党员"],
  ["正式党员", "正式党员"],
  ["预备", "预备党员"],
  ["预备党员", "预备党员"],
]);

/** Grade words → grade. Other words (称职, 良好, …) are never guessed. */
export const GRADE_WORDS: ReadonlyMap<string, DecidedGrade> = new Map([
  ["优秀", "优秀"],
  ["优秀党员", "优秀"],
  ["合格", "合格"],
  ["合格党员", "合格"],
  ["基本合格", "基本合格"],
  ["基本合格党员", "基本合格"],
  ["不合格", "不合格"],
  ["不合格党员", "不合格"],
]);

/**
 * Lines under a table. A row whose first text starts with one of these ends the table
 * (the notes and signatures below it are not members)…
 */
export const FOOTER_END_WORDS: readonly string[] = [
  "合计",
  "总计",
  "填表人",
  "填报人",
  "审核人",
  "审核：",
  "审核:",
  "备注",
  "说明",
  "填表说明",
  "填写说明",
  "附注",
  "制表",
  "日期：",
  "日期:",
  "填表日期",
  "填报日期",
  "负责人",
  "注：",
  "注:",
];
/** …while a subtotal line is only skipped (subtotals may sit between branches). */
export const FOOTER_SKIP_WORDS: readonly string[] = ["小计"];

/** Excel's error values as they arrive in text form. */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#GETTING_DATA",
]);

/** Longer text in one cell is not data we can use (names, branches, ids, words). */
export const MAX_TEXT_LENGTH = 100;
