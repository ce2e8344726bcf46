import type { UnitSurveyResult } from "../types";
import type { UnitSurveyCounts } from "../read";
import type { RuleSet } from "../rules";

/**
 * §4 回头看: a unit needs 整改补课 when 不满意 is more than `remedialAbove` (default ½) of all
 * responses. A unit with no responses counted never does.
 */
export function assessUnitSurveys(counts: readonly UnitSurveyCounts[], rules: RuleSet): UnitSurveyResult[] {
  const above = rules.unitSurvey.remedialAbove;
  return counts.map((survey) => {
    const responses = survey.satisfied + survey.basicallySatisfied + survey.dissatisfied;
    return {
      sheet: survey.sheet,
      unit: survey.unit,
      satisfied: survey.satisfied,
      basicallySatisfied: survey.basicallySatisfied,
      dissatisfied: survey.dissatisfied,
      needsRemedial: responses > 0 && survey.dissatisfied > above * responses,
    };
  });
}
