import type { UnitSurveyResult } from "../types";
import { SHEET_NAMES, type PlanCell, type SheetPlan } from "./types";
import { fitWidths, titleRow, yesNo } from "./sheetCommon";
import { safeText } from "./text";

export const UNIT_SURVEY_COLUMNS = ["工作表", "单位", "满意", "基本满意", "不满意", "不满意占比", "整改补课"] as const;

/** 评议-单位测评 (§4 回头看): 整改补课 = 是 in red. */
export function buildUnitSurveySheet(surveys: readonly UnitSurveyResult[], unitName: string, today: string): SheetPlan {
  const headerRow = 1;
  const rows: PlanCell[][] = [titleRow("单位测评（回头看）汇总表", unitName, today), [...UNIT_SURVEY_COLUMNS]];
  for (const s of surveys) {
    const responses = s.satisfied + s.basicallySatisfied + s.dissatisfied;
    rows.push([
      safeText(s.sheet),
      safeText(s.unit),
      s.satisfied,
      s.basicallySatisfied,
      s.dissatisfied,
      responses > 0 ? s.dissatisfied / responses : null,
      yesNo(s.needsRemedial),
    ]);
  }
  return {
    name: SHEET_NAMES.unitSurvey,
    kind: "unitSurvey",
    rows,
    headerRow,
    boldRows: [],
    percentColumns: [5],
    decimalColumns: [],
    widths: fitWidths(rows, headerRow, UNIT_SURVEY_COLUMNS.length),
    highlights: [{ column: 6, rules: [{ match: "equals", text: "是", colour: "red" }] }],
  };
}
