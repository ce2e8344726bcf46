export * from "./types";
export { buildPlan, type PlanInput } from "./build";
export { highlightFor, RESULT_HIGHLIGHTS, GRADE_HIGHLIGHTS } from "./highlights";
export { safeText } from "./text";
export { OVER_CAP, overCapCount, overCapTotal, enteredText, parseEntered } from "./branchSheet";
export { FIELD_LABELS, RULE_LABELS } from "./labels";
export { printLayout, tableArea, withPrintLayout } from "./print";
export { withUnitName } from "./unitName";
