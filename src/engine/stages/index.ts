export { stageWindows, currentStageIndex, batchStartDate } from "./windows";
export { batchOf, batchDef, batchDefaultStart, BATCHES, NO_BATCH_LABEL } from "./batches";
export type { BatchName, BatchDef } from "./batches";
export { isIsoDate, addDays, addMonths, isoToDayNumber, dayNumberToIso, daysInMonth } from "./dates";
