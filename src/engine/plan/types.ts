/**
 * A workbook plan: everything a host must write, as plain data. Hosts (Office.js, .xlsx,
 * in-memory) only apply it; they never decide what goes where.
 */

export type Highlight = "red" | "amber" | "green";

/**
 * A highlight keyed on the result text, so a hand-edited cell recolours itself. Rules come in
 * lists ordered red → amber → green; every host must apply them so that the first rule a text
 * matches wins (Excel: conditional formats in list order with stopIfTrue), because "合格" is
 * inside "不合格" and "基本合格".
 */
export interface HighlightRule {
  match: "equals" | "beginsWith" | "contains";
  text: string;
  colour: Highlight;
}

/** Fill and font colours for each highlight (Excel's own good/neutral/bad styles). */
export const HIGHLIGHT_COLOURS: Record<Highlight, { fill: string; font: string }> = {
  red: { fill: "#FFC7CE", font: "#9C0006" },
  amber: { fill: "#FFEB9C", font: "#9C5700" },
  green: { fill: "#C6EFCE", font: "#006100" },
};

/**
 * The mark older versions put before every header of the result block ("〔评议〕评议等次"). Our
 * columns are now found by the block marker (a defined name, see engine/memory/markers.ts);
 * headers with this mark are still recognised as ours.
 */
export const RESULT_HEADER_MARK = "〔评议〕";
/** Text of the group header over the result block. */
export const RESULT_GROUP_HEADER = "评议结果（重新评议时更新；手工改过的评议等次、处置建议会保留）";
/** First characters of cell A1 on the sheets older versions created (recognised, never removed). */
export const SHEET_MARK = "先教评议助手";

export interface ResultBlockPlan {
  sheet: string;
  /** 0-based sheet column where the block starts (replaces a previous run's block in place). */
  firstColumn: number;
  /** Columns from firstColumn that a previous run's block holds there (cleared first); 0 when none. */
  previousWidth: number;
  /** 0-based sheet row of the header row the marked headers go in. */
  headerRow: number;
  /** 0-based sheet row for the group header, or null when the row above is not ours to use. */
  groupHeaderRow: number | null;
  /** Marked header texts, one per column. */
  headers: string[];
  /**
   * Dense values for rows headerRow+1 … lastRow: one array of headers.length strings per row,
   * "" where the row holds no member (blank, footer) or where a previous run left text to clear.
   */
  rows: string[][];
  /** Highlights per column of the block (offset from firstColumn) over the data rows. */
  highlights: { column: number; rules: HighlightRule[] }[];
  /** Suggested column widths in characters. */
  widths: number[];
}

export type PlanCell = string | number | null;

export interface ChartPlan {
  title: string;
  /** 0-based rows and columns within the sheet. */
  categoryColumn: number;
  seriesColumns: number[];
  headerRow: number;
  firstRow: number;
  lastRow: number;
}

export type SummarySheetKind = "branches" | "stages" | "issues" | "unitSurvey" | "about";

export interface SheetPlan {
  name: string;
  /** "record": the very hidden run record (engine/memory/record.ts). */
  kind: SummarySheetKind | "record";
  /** Very hidden: only the run record. */
  hidden?: boolean;
  /** Row 0 is a title starting with SHEET_MARK. */
  rows: PlanCell[][];
  /** 0-based row of the column headers (bold, filled, frozen below). */
  headerRow: number;
  /** 0-based rows to print bold (合计). */
  boldRows: number[];
  /** 0-based columns holding ratios 0–1, shown as percentages. */
  percentColumns: number[];
  /** 0-based columns holding one-decimal numbers (averages). */
  decimalColumns: number[];
  widths: number[];
  /** Highlights on whole columns below the header row. */
  highlights: { column: number; rules: HighlightRule[] }[];
  chart?: ChartPlan;
  /** How it prints (A4); hosts that cannot set a page layout skip it. */
  print?: PrintPlan;
}

export interface PrintPlan {
  landscape: boolean;
  /** Pages across (fit to width); as many pages down as the rows need. */
  pagesWide: number;
  /** Rows 1…titleRows repeat at the top of every page (the title and the header). */
  titleRows: number;
  /** Column A repeats on every page across. */
  repeatFirstColumn: boolean;
}

/** A defined name to set on one sheet, replacing one of the same name there. */
export interface PlanName {
  sheet: string;
  name: string;
  /** With its leading "=": a text constant ="…" or a reference ='Sheet'!$A$1:$F$1. */
  formula: string;
  /** The sheet already has a name of this name (a previous run's marker): delete it first. */
  replace: boolean;
}

export interface WorkbookPlan {
  resultBlocks: ResultBlockPlan[];
  /**
   * Our sheets, in order, under the names they must take: every name is free once
   * `removeSheets` are gone (the engine chose them; hosts never pick names).
   */
  sheets: SheetPlan[];
  /** Earlier sheets of ours, unchanged since we wrote them, to delete before ours are added. */
  removeSheets: string[];
  /** Markers to set after the sheets and blocks are written (engine/memory/markers.ts). */
  names: PlanName[];
}

/** Base names of the sheets we create; a user's sheet of the same name is never touched. */
export const SHEET_NAMES: Record<SummarySheetKind, string> = {
  branches: "评议-支部汇总",
  stages: "评议-阶段汇总",
  issues: "评议-数据问题",
  unitSurvey: "评议-单位测评",
  about: "评议-说明",
};

/** Result column headers (before RESULT_HEADER_MARK is put in front). */
export const RESULT_HEADERS = ["学习情况", "满意度", "书面申请", "评议等次", "处置建议", "问题说明"] as const;

/**
 * Columns of the per-branch summary, in order. The export and the consolidation read these
 * headers back, so they are part of the summary workbook's format. The …已录入 columns say
 * "n / N": of the branch's N members, n have that cell entered, and the rate or count beside
 * it is taken over those n (older summaries hold the bare number n there).
 */
export const BRANCH_COLUMNS = [
  "支部",
  "党员数",
  "正式党员",
  "预备党员",
  "学时已录入",
  "学习达标",
  "学习达标率",
  "平均学时",
  "满意度已录入",
  "平均满意度",
  "满意度低于阈值",
  "书面申请已录入",
  "未提交书面申请",
  "优秀",
  "合格",
  "基本合格",
  "不合格",
  "待定",
  "不评定",
  "待审批",
  "待公示",
  "优秀名额上限",
  "优秀超限",
  "待办处置",
] as const;

/** A previous run's group header over the block: this version's text, or an older version's marked one. */
export function isGroupHeaderText(text: string): boolean {
  return text === RESULT_GROUP_HEADER || text.startsWith(RESULT_HEADER_MARK);
}
/** The …已录入 columns ("n / N") of BRANCH_COLUMNS. */
export const ENTERED_COLUMNS = ["学时已录入", "满意度已录入", "书面申请已录入"] as const;

/** Text in the first column of the total row of every summary table. */
export const TOTAL_LABEL = "合计";
/** Branch label for members whose branch is blank. */
export const NO_BRANCH_LABEL = "未填支部";

/**
 * Keys of the about sheet (评议-说明), one per row as key | value under the title. The summary
 * workbook carries it so the level above can tell units and rule sets apart.
 */
export const ABOUT_KEYS = {
  format: "格式版本",
  unit: "单位",
  today: "评议日期",
  scheme: "阶段方案",
  batchStart: "批次开始日期",
  fingerprint: "规则指纹",
  rules: "规则设置(JSON)",
} as const;
export const SUMMARY_FORMAT_VERSION = "xianjiao-summary/1";
