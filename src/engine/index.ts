/** The engine's public surface: pure functions over plain data (see DESIGN.md). */
export * from "./types";
export { evaluateRead, evaluateWorkbook, readInput, reportIssue, reportMember, toReport } from "./run";
export type { RunOptions, RunResult, Report, ReportMember, ReportIssue, ReportStage, WorkbookRead } from "./run";
export * from "./plan";
export * from "./summarise";
export * from "./rules";
export * from "./stages";
export { cellOf, readWorkbook } from "./read";
export type { ReadResult, UnitSurveyCounts } from "./read";
export { evaluateMembers } from "./evaluate";
export { isOursToSkip, readMemory, type WorkbookMemory } from "./memory/our-sheets";
export { parseSheetMarker, SHEET_MARKER, BLOCK_MARKER } from "./memory/markers";
export { isColumnOverrides, type RunRecord } from "./memory/record";
export { memberRef } from "./memory/manual";
export { parseColumnMapping, unknownMappingSheets, hasMappings, fieldOfKey, columnOfLetters, type ColumnMappingResult } from "./mapping/parse";
export * from "./consolidate";
export * from "./mail";
