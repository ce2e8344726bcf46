export { stageWindows, currentStageIndex } from "./windows";
export { batchOf, batchDef, batchDefaultStart, BATCHES } from "./batches";
export type { BatchName, BatchDef } from "./batches";
export { isIsoDate, addDays, isoToDayNumber, dayNumberToIso, daysInMonth } from "./dates";
