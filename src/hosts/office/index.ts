export { createOfficeHost, SETTINGS_KEY, type OfficeHostOptions } from "./host";
export { officeRunner, requirementsOk, officeSettingsStore, officeCreateWorkbook, REQUIRED_SETS, type IsSetSupported } from "./runner";
export { mapOfficeError, OfficeWriteError, isAbort } from "./errors";
export { TEMP_PREFIX } from "./names";
export { asExcelText, highlightFormula } from "./text";
export type { ExcelRunner, SettingsStore, XlContext } from "./excel-api";
