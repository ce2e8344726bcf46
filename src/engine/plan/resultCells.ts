import type { Grade, MemberResult, RuleStatus } from "../types";
import type { RuleSet } from "../rules";
import { memberSatisfaction } from "../summarise/satisfaction";
import { valuesOf } from "../read/member";
import { FIELD_LABELS } from "./labels";
import { asWritten, shortfall } from "../evaluate/text";
import { formatBelow, formatNumber, formatOneDecimal, safeText } from "./text";

/** The thresholds the cell texts quote, read once per run. */
export interface CellThresholds {
  minHours: number;
  minDays: number;
  /** Attendance threshold as a ratio 0–1, or null when R3 is off. */
  minAttendance: number | null;
  satisfactionBelow: number;
}

export function cellThresholds(rules: RuleSet): CellThresholds {
  const minRate = rules.attendance.minRate;
  return {
    minHours: rules.study.minHours,
    minDays: rules.study.minConcentratedDays,
    minAttendance: minRate === null ? null : minRate / 100,
    satisfactionBelow: rules.satisfaction.rewriteBelow,
  };
}

export const PENDING_SUFFIX = "（待审批）";
/** R11: approved, not yet publicly posted (公示). */
export const PUBLICITY_SUFFIX = "（待公示）";
const NO_HOURS_COLUMN = "达标（未查学时）";
const NO_DAYS_COLUMN = "达标（未查天数）";

const APPLICATION_TEXT: Record<RuleStatus, string> = { 达标: "已提交", 未达标: "未提出书面申请", 未录入: "未录入", 不适用: "不适用" };
const GRADE_TEXT = {} as Record<Grade, string>;
const GRADE_PENDING_TEXT = {} as Record<Grade, string>;
const GRADE_PUBLICITY_TEXT = {} as Record<Grade, string>;
for (const grade of ["优秀", "合格", "基本合格", "不合格", "待定", "不评定"] as const) {
  GRADE_TEXT[grade] = grade;
  GRADE_PENDING_TEXT[grade] = grade + PENDING_SUFFIX;
  GRADE_PUBLICITY_TEXT[grade] = grade + PUBLICITY_SUFFIX;
}

/** The 评议等次 cell we compute for a member ("合格", "优秀（待审批）"). */
export function gradeText(result: MemberResult): string {
  const texts = result.pendingApproval ? GRADE_PENDING_TEXT : result.pendingPublicity ? GRADE_PUBLICITY_TEXT : GRADE_TEXT;
  return texts[result.grade] ?? safeText(String(result.grade));
}

/** The 处置建议 cell we compute for a member: the actions, most serious first. */
export function outcomeText(result: MemberResult): string {
  const actions = result.actions;
  let text = actions.length > 0 ? safeText(actions[0].text) : "";
  for (let i = 1; i < actions.length; i++) text += "；" + actions[i].text;
  return text;
}

function percent(ratio: number): string {
  return `${formatOneDecimal(ratio * 100)}%`;
}

/**
 * Builds the six result cells of each member (RESULT_HEADERS order), every one safe to write.
 * Texts that depend on one number (a shortfall in hours, a satisfaction value) are built once
 * per distinct number: a run over 160,000 members meets only a few hundred of them.
 */
export class ResultCellWriter {
  private readonly th: CellThresholds;
  private readonly hoursShort = new Map<number, string>();
  private readonly satisfactionPass = new Map<number, string>();
  private readonly satisfactionFail = new Map<number, string>();
  private readonly daysMissing: string;
  private readonly hoursMissing: string;

  constructor(rules: RuleSet) {
    this.th = cellThresholds(rules);
    this.daysMissing = `未录入：${FIELD_LABELS.concentratedDays}`;
    this.hoursMissing = `未录入：${FIELD_LABELS.studyHours}`;
  }

  /** Worded as the reason is (the hours as the cell shows them, the gap never rounded to 0). */
  private hoursShortfall(hours: number): string {
    const min = this.th.minHours;
    return `学时 ${asWritten(hours)} < ${asWritten(min)}，差 ${shortfall(min - hours)} 学时`;
  }

  /** 学习情况: R1, R2 and R3 together; the shortfalls are named with their numbers. */
  study(result: MemberResult): string {
    const { R1, R2, R3 } = result.statuses;
    if (R1 !== "未达标" && R2 !== "未达标" && R3 !== "未达标") {
      // A column the workbook lacks is said beside 达标, so nobody reads it as checked.
      if (R1 === "达标") return R2 === "未录入" ? this.daysMissing : R2 === "不适用" ? NO_DAYS_COLUMN : "达标";
      // Name the blank cell when the other one is filled in; both blank is plainly 未录入.
      if (R1 === "未录入") return R2 === "达标" ? this.hoursMissing : "未录入";
      // R1 不适用 (no hours column): the concentrated days alone decide, if they exist.
      return R2 === "达标" ? NO_HOURS_COLUMN : R2 === "未录入" ? "未录入" : "不适用";
    }
    const v = valuesOf(result.member);
    if (R1 === "未达标" && R2 !== "未达标" && R3 !== "未达标" && v.studyHours !== undefined) {
      let text = this.hoursShort.get(v.studyHours);
      if (text === undefined) this.hoursShort.set(v.studyHours, (text = `未达标：${this.hoursShortfall(v.studyHours)}`));
      return text;
    }
    const th = this.th;
    const shortfalls: string[] = [];
    if (R1 === "未达标" && v.studyHours !== undefined) shortfalls.push(this.hoursShortfall(v.studyHours));
    if (R2 === "未达标" && v.concentratedDays !== undefined) {
      shortfalls.push(`集中学习 ${asWritten(v.concentratedDays)} 天 < ${asWritten(th.minDays)} 天`);
    }
    if (R3 === "未达标" && v.sessionsDue && v.sessionsAttended !== undefined && th.minAttendance !== null) {
      shortfalls.push(`考勤 ${percent(v.sessionsAttended / v.sessionsDue)} < ${percent(th.minAttendance)}`);
    }
    return shortfalls.length > 0 ? `未达标：${shortfalls.join("；")}` : "未达标";
  }

  /** 满意度: the value, "低于70：65" when R5 fails, or why there is none. */
  satisfaction(result: MemberResult): string {
    const status = result.statuses.R5;
    if (status === "不适用") return "不适用";
    const value = this.satisfactionValue(result);
    if (value === undefined) return "未录入";
    const fails = status === "未达标";
    const cache = fails ? this.satisfactionFail : this.satisfactionPass;
    let text = cache.get(value);
    if (text === undefined) {
      text = fails ? `低于${formatNumber(this.th.satisfactionBelow)}：${formatBelow(value)}` : formatOneDecimal(value);
      cache.set(value, text);
    }
    return text;
  }

  /** The satisfaction R5 judged; undefined when it could not judge (no column, a blank cell). */
  private satisfactionValue(result: MemberResult): number | undefined {
    const status = result.statuses.R5;
    if (status === "不适用" || status === "未录入") return undefined;
    return result.satisfaction ?? memberSatisfaction(valuesOf(result.member));
  }

  /**
   * Rows of members with nothing to do and nothing to explain, shared by content: a city's
   * 160,000 members have a few thousand different rows, and a shared row is one object instead
   * of thousands. With no study check failed, the row follows from the statuses (one shared
   * object per combination), the grade and the satisfaction value.
   */
  private readonly plainRows = new Map<object, Map<string, Map<number | undefined, string[]>>>();

  private sharedRow(result: MemberResult, grade: string): string[] {
    let byGrade = this.plainRows.get(result.statuses);
    if (byGrade === undefined) this.plainRows.set(result.statuses, (byGrade = new Map()));
    let byValue = byGrade.get(grade);
    if (byValue === undefined) byGrade.set(grade, (byValue = new Map()));
    const value = this.satisfactionValue(result);
    let row = byValue.get(value);
    if (row === undefined) {
      row = Object.freeze([this.study(result), this.satisfaction(result), this.application(result), grade, "", ""]) as string[];
      byValue.set(value, row);
    }
    return row;
  }

  private application(result: MemberResult): string {
    return APPLICATION_TEXT[result.statuses.R6] ?? "不适用";
  }

  cells(result: MemberResult): string[] {
    const { actions, reasons } = result;
    const grade = gradeText(result);
    const { R1, R2, R3 } = result.statuses;
    // A failed study check quotes the member's own numbers: such a row is never shared.
    if (actions.length === 0 && reasons.length === 0 && R1 !== "未达标" && R2 !== "未达标" && R3 !== "未达标") return this.sharedRow(result, grade);
    // Only the first piece decides how the cell starts; testing it (not the joined text)
    // keeps the joined string unflattened, which matters at 160,000 members.
    const actionText = outcomeText(result);
    let reasonText = reasons.length > 0 ? safeText(reasons[0]) : "";
    for (let i = 1; i < reasons.length; i++) reasonText += "；" + reasons[i];
    const manual = result.manual;
    // The secretary's own words stay in the cells they typed them in.
    return [this.study(result), this.satisfaction(result), this.application(result), manual?.grade?.text ?? grade, manual?.outcome?.text ?? actionText, reasonText];
  }
}
