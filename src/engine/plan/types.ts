/**
 * A workbook plan: everything a host must write, as plain data. Hosts (Office.js, .xlsx,
 * in-memory) only apply it; they never decide what goes where.
 */

import type { Rect } from "../address";
import type { Grade } from "../types";

/**
 * Highlight colours: red, amber and green as CAMPAIGN_RULES §6 says, plus the grades' own shades
 * (优秀 a deeper green than 合格, 待定 grey, 不评定 blue-grey), so every grade has one colour.
 */
export type Highlight = "red" | "amber" | "green" | "deepGreen" | "grey" | "blue";

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
  deepGreen: { fill: "#8ED19B", font: "#0B4F1C" },
  grey: { fill: "#D9D9D9", font: "#3A3A3A" },
  blue: { fill: "#DDEBF7", font: "#1F4E78" },
};

/**
 * The one colour of each grade, wherever a grade is coloured: the 评议等次 highlight (its fill and
 * font), the bars of the summary sheet's chart and of the pane's chart (the fill, outlined in the
 * font colour).
 */
export const GRADE_COLOURS: Record<Grade, Highlight> = {
  优秀: "deepGreen",
  合格: "green",
  基本合格: "amber",
  不合格: "red",
  待定: "grey",
  不评定: "blue",
};

/**
 * The mark older versions put before every header of the result block ("〔评议〕评议等次"). Our
 * columns are now found by the block marker (a defined name, see engine/memory/markers.ts);
 * headers with this mark are still recognised as ours.
 */
export const RESULT_HEADER_MARK = "〔评议〕";
/** Text of the group header over the result block. */
export const RESULT_GROUP_HEADER = "评议结果（重新评议时更新；手工改过的评议等次、处置建议会保留）";
/**
 * First characters of cell A1 on the sheets older versions created: such a sheet is recognised
 * as an older version's (never read as a member list, never removed). Titles no longer carry it:
 * our sheets are known by their marker (engine/memory/markers.ts).
 */
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

/** Every chart of ours is this size (16 × 9 cm): wide enough for its legend, on any page. */
export const CHART_SIZE = { widthPoints: 454, heightPoints: 255 } as const;

/**
 * The most rows a chart draws (five bars each): more would not be read at CHART_SIZE, and a
 * city's 40,000 branches would make a chart part of tens of megabytes. A longer table's chart
 * draws its first rows and its title says how many there are.
 */
export const CHART_CATEGORIES = 20;

export interface ChartPlan {
  title: string;
  /** 0-based rows and columns within the sheet. */
  categoryColumn: number;
  seriesColumns: number[];
  /** Per series, in the order of seriesColumns: the grade's colour as its bars' fill, outlined in the grade's darker shade ("#RRGGBB"). */
  colours: { fill: string; line: string }[];
  /** Whole members between the value axis's gridlines, never below 1: the axis counts people. */
  majorUnit: number;
  /** The cell its top-left corner sits on (below the table, so the table prints as wide as it is). */
  anchor: { row: number; column: number };
  headerRow: number;
  firstRow: number;
  lastRow: number;
}

/** Sheets of an evaluation. */
export type SummarySheetKind = "branches" | "stages" | "issues" | "unitSurvey" | "register" | "about" | "technical";
/** Sheets of a consolidation of units' summaries (engine/consolidate). */
export type ConsolidatedSheetKind = "consolidatedUnits" | "consolidatedBranches" | "consolidatedAbout" | "consolidatedTechnical";

/** An internal hyperlink from a cell of our sheet to a cell of the workbook. */
export interface PlanLink {
  /** 0-based cell of our sheet that holds the link. */
  row: number;
  column: number;
  /** Where it goes. */
  sheet: string;
  /** A1 address ("B7"). */
  cell: string;
}

export interface SheetPlan {
  name: string;
  /** "record": the very hidden run record (engine/memory/record.ts). */
  kind: SummarySheetKind | ConsolidatedSheetKind | "record";
  /** "veryHidden": only the run record; "hidden": a technical sheet, which a user may unhide. */
  hidden?: "hidden" | "veryHidden";
  /** Row 0 is the title: the unit and the subject. */
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
  /**
   * Columns whose text wraps within the cell (top-aligned) instead of running over; no row
   * height is set, so Excel and every other reader fit each row to its text.
   */
  wrapColumns?: number[];
  /** Areas whose every cell gets a thin border (a printed table); when absent, the table under the header (tableArea). */
  bordered?: Rect[];
  /**
   * The bordered areas are exactly the rows below the header whose cell in this column holds a
   * number (the register's 序号): a host may border them by that rule, in one step, instead of
   * area by area.
   */
  numberedRows?: number;
  /**
   * The bold rows are exactly those whose cell in `column` begins with `beginsWith` (the
   * register's branch lines, "支部：…"): a host may bold them by that rule, in one step, instead
   * of row by row.
   */
  boldRule?: { column: number; beginsWith: string };
  /** Cells that link to a cell of the workbook. */
  links?: PlanLink[];
}

export interface PrintPlan {
  landscape: boolean;
  /** Pages across (fit to width); as many pages down as the rows need. */
  pagesWide: number;
  /** Rows 1…titleRows repeat at the top of every page (the title and the header). */
  titleRows: number;
  /** Column A repeats on every page across. */
  repeatFirstColumn: boolean;
  /** 0-based rows that begin a new page (a manual page break above each). */
  rowBreaks: number[];
  /** The centre of the page footer, in Excel's codes ("第 &P 页 共 &N 页": &P the page, &N the pages), or null for none. */
  footer: string | null;
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
  register: "评议-登记表",
  about: "评议-说明",
  technical: "评议-技术信息",
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
 * Keys of the technical sheet (评议-技术信息, hidden; older versions put them on 评议-说明), one per
 * row as key | value under the title. The summary workbook carries it so the level above can
 * tell units and rule sets apart.
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
/** /2: the keys moved from 评议-说明 to the hidden 评议-技术信息 (/1 summaries are still read). */
export const SUMMARY_FORMAT_VERSION = "xianjiao-summary/2";
