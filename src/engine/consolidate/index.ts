export { readSummary, readKeys, summaryKeys, sheetOfKind, type SummaryRow, type UnitSummary } from "./summary";
export { checkSummaries, type ReadOutcome, type Rejection } from "./check";
export { combineRows, enteredCell, enteredOf } from "./combine";
export { buildConsolidationSheets, CONSOLIDATED_SHEETS, UNIT_HEADER, type ConsolidationInput } from "./sheets";
export { consolidationPlan } from "./plan";
