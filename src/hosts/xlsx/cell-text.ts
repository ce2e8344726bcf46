import ExcelJS from "exceljs";
import { CELL_TEXT_LIMIT, cellText, hasXmlForbidden } from "../../engine/xml-chars";

/** Text of cells written through exceljs (export, consolidate), held to what a cell can hold (see xml-chars). */

function needsWork(text: string): boolean {
  return text.length > CELL_TEXT_LIMIT || hasXmlForbidden(text);
}

function writableRuns(runs: ExcelJS.RichText[]): ExcelJS.RichText[] {
  if (!runs.some((run) => needsWork(run.text))) {
    if (runs.reduce((sum, run) => sum + run.text.length, 0) <= CELL_TEXT_LIMIT) return runs;
  }
  const joined = cellText(runs.map((run) => cellText(run.text)).join(""));
  const out: ExcelJS.RichText[] = [];
  let at = 0;
  for (const run of runs) {
    if (at >= joined.length) break;
    const text = cellText(run.text);
    const isLast = at + text.length >= joined.length;
    out.push({ ...run, text: isLast ? joined.slice(at) : text });
    at += text.length;
  }
  return out;
}

/** A cell value as it can be written: text (plain, rich, a link's or a formula's cached text) through cellText; the same object when nothing changes. */
export function writableValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof value === "string") return needsWork(value) ? cellText(value) : value;
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value && Array.isArray(value.richText)) {
    const runs = writableRuns(value.richText);
    return runs === value.richText ? value : { ...value, richText: runs };
  }
  if ("hyperlink" in value && typeof value.text === "string") {
    return needsWork(value.text) ? { ...value, text: cellText(value.text) } : value;
  }
  if (("formula" in value || "sharedFormula" in value) && typeof value.result === "string") {
    return needsWork(value.result) ? { ...value, result: cellText(value.result) } : value;
  }
  return value;
}

/** Every cell of a loaded workbook made writable in place (for the writers that take the workbook as it is). */
export function makeWritable(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const value = writableValue(cell.value);
        if (value !== cell.value) cell.value = value;
      });
    });
  }
}
