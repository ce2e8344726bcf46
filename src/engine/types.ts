/**
 * Plain data shared by every stage of the engine: grids in, member records, results,
 * data issues and summaries out. No behaviour lives here.
 */

/** A value as a host hands it over: string, number, boolean, Date, null/undefined, or anything odd. */
export type RawCell = unknown;

/** A merged region, 0-based inclusive sheet coordinates. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * One sheet's used range as the host read it. `values[0][0]` is the sheet cell at `origin`
 * (default A1); every row and column index the engine reports is a 0-based *sheet* index.
 */
export interface SheetGrid {
  name: string;
  values: RawCell[][];
  /** Number formats with the same shape as values, where the host knows them ("0%", "@", …). */
  numberFormats?: (string | null | undefined)[][];
  merges?: CellRange[];
  origin?: { row: number; col: number };
  /**
   * Defined names scoped to this sheet that a run of ours may have set (XianjiaoSheet,
   * XianjiaoResults): name → formula as the host has it ("=\"branches|…\"", "'名单'!$K$3:$P$3").
   */
  names?: Record<string, string>;
  /** Hidden or very hidden (the host tells; our record sheet is very hidden). */
  hidden?: boolean;
  /**
   * Cells the host left out of `values` because they lie far from the sheet's main block (a
   * stray value at XFD4): the first few in reading order, and how many there were in all.
   */
  setAside?: { cells: { row: number; col: number; value: RawCell }[]; total: number };
}

export interface WorkbookInput {
  sheets: SheetGrid[];
  /** Names of sheets that are not worksheets (chart sheets): our sheets must not take them. */
  otherSheets?: string[];
}

export type FieldId =
  | "name"
  | "memberId"
  | "branch"
  | "category"
  | "isLeader"
  | "batch"
  | "studyHours"
  | "concentratedDays"
  | "sessionsDue"
  | "sessionsAttended"
  | "monthsAbsent"
  | "analysisSubmitted"
  | "satisfaction"
  | "satisfied"
  | "fairlySatisfied"
  | "basicallySatisfied"
  | "dissatisfied"
  | "rectified"
  | "applicationSubmitted"
  | "proposedGrade"
  | "votersDue"
  | "votersPresent"
  | "votesFor"
  | "votesAgainst"
  | "votesAbstain"
  | "votesExcellent"
  | "votesQualified"
  | "votesBasic"
  | "votesUnqualified"
  | "approved"
  | "publicized"
  | "excellentNominated"
  | "disciplined";

/** The four grades a meeting can decide. */
export type DecidedGrade = "优秀" | "合格" | "基本合格" | "不合格";
/** Every grade a member can end with. */
export type Grade = DecidedGrade | "待定" | "不评定";
export const GRADES: readonly Grade[] = ["优秀", "合格", "基本合格", "不合格", "待定", "不评定"];

export type Category = "正式党员" | "预备党员";

/**
 * A member's parsed values. `undefined` means the cell was blank or unusable (未录入);
 * unusable cells are also reported as data issues by the reader.
 */
export interface MemberValues {
  category?: Category;
  isLeader?: boolean;
  batch?: string;
  studyHours?: number;
  concentratedDays?: number;
  sessionsDue?: number;
  sessionsAttended?: number;
  monthsAbsent?: number;
  analysisSubmitted?: boolean;
  /** Normalised to 0–100. */
  satisfaction?: number;
  satisfied?: number;
  fairlySatisfied?: number;
  basicallySatisfied?: number;
  dissatisfied?: number;
  rectified?: boolean;
  applicationSubmitted?: boolean;
  proposedGrade?: DecidedGrade;
  votersDue?: number;
  votersPresent?: number;
  votesFor?: number;
  votesAgainst?: number;
  votesAbstain?: number;
  votesExcellent?: number;
  votesQualified?: number;
  votesBasic?: number;
  votesUnqualified?: number;
  approved?: boolean;
  /** 公示: yes, no, or a date (posted on that day, so yes). */
  publicized?: boolean;
  excellentNominated?: boolean;
  disciplined?: boolean;
}

/** Where a value came from: sheet name and A1 address. */
export interface CellRef {
  sheet: string;
  cell: string;
}

export interface MemberRecord {
  /** Stable key: the member id if present, else `name|branch`. */
  key: string;
  /** The member's row in the main (roster) table: sheet name and 0-based sheet row. */
  sheet: string;
  row: number;
  name: string;
  memberId?: string;
  /** Trimmed branch name; undefined when blank (summarised under 未填支部). */
  branch?: string;
  values: MemberValues;
  /** Where each value was read, for messages and issues. */
  cells: Partial<Record<FieldId, CellRef>>;
}

/** A table the reader recognised on a sheet. */
export interface RecognisedTable {
  sheet: string;
  /** 0-based sheet row of the (lowest) header row. */
  headerRow: number;
  /** 0-based sheet row of the first header row (the group header of a two-row header). */
  headerTop: number;
  /** 0-based sheet rows holding member data (footer, blank and title rows excluded). */
  dataRows: number[];
  /** Field → 0-based sheet column. */
  columns: Partial<Record<FieldId, number>>;
  /**
   * Header cells that matched no field: 0-based column, the header text, and the fields it may
   * have been meant for (it holds one of their words: 学时要求 → studyHours), when there are any.
   */
  unmappedHeaders: { col: number; header: string; mayBe?: FieldId[] }[];
  /** True for the table that defines the member list (has name, and the most member columns). */
  isRoster: boolean;
  /** 0-based column where a previous run's result block starts, if one was found, and its width. */
  resultBlockStart?: number;
  resultBlockWidth?: number;
  /** Sheet columns of the previous block's 评议等次 and 处置建议, where a secretary may have typed a decision. */
  previousBlock?: { gradeCol?: number; outcomeCol?: number };
  /** 0-based column just past the user's last column (where a new result block goes). */
  userColumnEnd: number;
  /** 0-based last row of the sheet's used range. */
  lastRow: number;
  /**
   * 0-based column just past the user's last cell or merged region on the row a result block's
   * group header would use (the top row of a two-row header, else the row above the header);
   * absent when that row holds nothing of the user's.
   */
  groupRowEnd?: number;
}

/** A column mapping the user confirmed or edited in the task pane: sheet → field → column. */
export type ColumnOverrides = Record<string, Partial<Record<FieldId, number | null>>>;

export type IssueCode =
  | "NO_MEMBER_TABLE"
  | "NOT_MEMBER_TABLE"
  | "NO_NAME_COLUMN"
  | "HEADER_DUPLICATE"
  | "NAME_BLANK"
  | "BRANCH_BLANK"
  | "NOT_A_NUMBER"
  | "NEGATIVE_NUMBER"
  | "NOT_AN_INTEGER"
  | "PERCENT_OUT_OF_RANGE"
  | "PERCENT_AMBIGUOUS"
  | "NOT_YES_NO"
  | "UNKNOWN_GRADE"
  | "UNKNOWN_CATEGORY"
  | "ERROR_VALUE"
  | "ID_PRECISION_LOST"
  | "ATTENDED_EXCEEDS_DUE"
  | "DUPLICATE_MEMBER"
  | "AMBIGUOUS_NAME"
  | "ORPHAN_ROW"
  | "BALLOT_PRESENT_EXCEEDS_DUE"
  | "BALLOT_VOTES_EXCEED_PRESENT"
  | "CONFLICTING_VALUES"
  | "TEXT_TOO_LONG"
  | "DATE_NOT_EXPECTED"
  | "UNREADABLE_VALUE"
  | "AMBIGUOUS_NAME_NO_BRANCH"
  | "OUR_SHEET_EDITED"
  | "OUR_SHEET_RENAMED"
  | "REGISTER_TOO_MANY_BRANCHES"
  | "OLD_SHEET_KEPT"
  | "MANUAL_GRADE_UNKNOWN"
  | "UNKNOWN_BATCH"
  | "NOT_ENTERED"
  | "NOT_ENTERED_NO_ROW"
  | "CELL_SET_ASIDE"
  | "CELLS_SET_ASIDE_MORE";

/** A problem in the user's data: never fatal, always located. */
export interface DataIssue {
  code: IssueCode;
  sheet: string;
  /** A1 address, e.g. "B7"; "" when the issue concerns a whole sheet. */
  cell: string;
  /** The cell's value as text, when there is one. */
  value?: string;
  /** Values for the message template (field header, numbers, names). */
  params: Record<string, string | number>;
}

export type RuleId =
  | "R1"
  | "R2"
  | "R3"
  | "R4"
  | "R5"
  | "R6"
  | "R7"
  | "R8"
  | "R9"
  | "R10"
  | "R11"
  | "R12"
  | "R13"
  | "R14"
  | "R15"
  | "R16";

export type RuleStatus = "达标" | "未达标" | "未录入" | "不适用";

/** Actions, most serious first; the order of this list is the sort order. */
export const ACTION_ORDER = [
  "DISCIPLINE", // R16 依照党章和纪律处分条例处理
  "REMOVE", // R4 视为自行脱党，予以除名
  "WITHDRAW", // R6 原则上按自愿退党或自行脱党处理
  "PROBATION", // R12 for 预备党员: 延长预备期或取消预备党员资格
  "DISPOSE", // 不合格: 组织处置
  "REWRITE", // R5 重新撰写党性分析材料
  "ADMONISH", // 基本合格: 诫勉谈话
  "REVIEW_EXCELLENT", // R14 复核评优资格
  "MAKE_UP_STUDY", // R1/R2/R3 补学
  "COMMEND", // 优秀: 表彰
] as const;
export type ActionCode = (typeof ACTION_ORDER)[number];

export interface Action {
  code: ActionCode;
  /** Plain Chinese, e.g. "重新撰写党性分析材料，重点帮助". */
  text: string;
}

export interface MemberResult {
  member: MemberRecord;
  statuses: Record<RuleId, RuleStatus>;
  /** The grade a valid ballot or proposal produced, before approval. */
  preliminaryGrade?: DecidedGrade;
  grade: Grade;
  /** R11: a preliminary grade exists and approval is blank or no. */
  pendingApproval: boolean;
  /** R11: approved, but the 公示 column says it is not yet publicly posted (blank or no). */
  pendingPublicity: boolean;
  /** Ordered most serious first (ACTION_ORDER). */
  actions: Action[];
  /** Plain Chinese sentences naming rule and numbers, e.g. "学时 46 < 50，差 4 学时". */
  reasons: string[];
  /** Per stage (by index in the rule set's stage list): completed or not. */
  stagesCompleted: boolean[];
  /**
   * The satisfaction R5 judged (0–100: the rate column, else the vote counts' share), as
   * computed; undefined when R5 could not judge. Summaries and result cells use it as it is.
   */
  satisfaction?: number;
  /**
   * The secretary's own decision typed over our 评议等次 or 处置建议 cell (人工认定): kept in
   * the cell; `grade`, `pendingApproval` and `actions` above already follow it.
   */
  manual?: {
    grade?: { text: string; computed: string };
    outcome?: { text: string; computed: string };
  };
}

/** A header the reader saw but did not recognise, which may be the column a rule misses. */
export interface HeaderCandidate {
  field: FieldId;
  sheet: string;
  /** A1 address of the header cell. */
  cell: string;
  header: string;
}

/** A rule that could not run because a column is missing. */
export interface RuleOff {
  rule: RuleId;
  missing: FieldId[];
  /** Unrecognised headers that may be the missing columns: rename them or map them. */
  candidates?: HeaderCandidate[];
}

/** 未定: no batch start date is set, so the stage has no dates yet. */
export type StageStatus = "未开始" | "进行中" | "已结束" | "未定";

export interface StageWindow {
  name: string;
  /** ISO dates, inclusive: a stage of N days starting D ends on D+N−1. */
  start: string;
  end: string;
  status: StageStatus;
}

export interface BranchSummary {
  branch: string;
  /** Every rate below is taken over the members whose cells are entered: "已录入 n / N" has N = members. */
  members: number;
  formal: number;
  probationary: number;
  /** Members with study hours entered, and of them those meeting R1 (and R2 where present). */
  studyEntered: number;
  studyCompliant: number;
  /** 0–1 of studyEntered, or null when nobody's hours were entered. */
  studyComplianceRate: number | null;
  hoursTotal: number;
  averageHours: number | null;
  /** Members whose satisfaction R5 could judge. */
  satisfactionEntered: number;
  satisfactionTotal: number;
  averageSatisfaction: number | null;
  /** R5 count: satisfaction below the threshold (of satisfactionEntered). */
  satisfactionBelow: number;
  /** Members whose written-application cell is entered (yes or no). */
  applicationEntered: number;
  /** R6 count: no written application (of applicationEntered). */
  noApplication: number;
  grades: Record<Grade, number>;
  pendingApproval: number;
  /** R11: approved but not yet publicly posted (公示). */
  pendingPublicity: number;
  /** R15: 优秀 over the cap of formal members. */
  excellentCap: number;
  excellentOverCap: boolean;
  /** Members with at least one action other than 表彰. */
  openActions: number;
}

export interface StageBranchSummary {
  /** The batch (第一批, 第二批, 第三批, 未填批次), or "" when the workbook has no 批次 column. */
  batch: string;
  stage: string;
  branch: string;
  completed: number;
  notCompleted: number;
}

export interface StageSummary extends StageWindow {
  /** The batch whose window this is (see StageBranchSummary.batch). */
  batch: string;
  completed: number;
  notCompleted: number;
  byBranch: StageBranchSummary[];
  /** Checks skipped because their column is missing, in plain Chinese. */
  skippedChecks: string[];
}

/** §4: a unit-level survey (回头看). */
export interface UnitSurveyResult {
  sheet: string;
  unit: string;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** True when 不满意 is more than half of responses → 整改补课. */
  needsRemedial: boolean;
}
