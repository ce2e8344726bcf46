import type ExcelJS from "exceljs";
import { mergeSlaves } from "./lean-grid";
import type { LeanRows, LeanWorkbook } from "./lean-sheet";
import { sheetMerges } from "./read";
import { NO_STYLE, ROWS_PER_PAUSE, copySheet, pause, startSheet, streamWorkbook, type StreamWorkbook } from "./stream-write";
import { writeFileAtomic } from "./write";

/** Copies one lean sheet into the streaming writer: its settings from the worksheet, its cells from the rows. */
async function copyLeanSheet(source: ExcelJS.Worksheet, rows: LeanRows, writer: StreamWorkbook): Promise<void> {
  const { target, mergeUpTo } = startSheet(source, writer);
  const slaves = mergeSlaves(sheetMerges(source));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    if (r % ROWS_PER_PAUSE === 0) await pause();
    mergeUpTo(r);
    const out = target.getRow(r + 1);
    if (row.height) out.height = row.height;
    if (row.hidden) out.hidden = true;
    if (row.outlineLevel) out.outlineLevel = row.outlineLevel;
    const skip = slaves.get(r);
    const { values, styles } = row;
    const width = Math.max(values.length, styles?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const value = values[c];
      const style = styles?.[c];
      if (value === undefined && style === undefined) continue;
      const copy = out.getCell(c + 1);
      if (value !== undefined && value !== null && !skip?.has(c)) copy.value = value;
      copy.style = style ?? NO_STYLE;
    }
    out.commit();
  }
  mergeUpTo(Infinity);
  target.commit();
}

/** Writes a lean workbook (after applyPlanLean) to `file` through a temporary file, with the streaming writer. */
export async function writeLeanXlsx(lean: LeanWorkbook, file: string): Promise<void> {
  const copy = (ws: ExcelJS.Worksheet, writer: StreamWorkbook) => {
    const rows = lean.rows.get(ws);
    return rows ? copyLeanSheet(ws, rows, writer) : copySheet(ws, writer);
  };
  await writeFileAtomic(file, (tmp) => streamWorkbook(lean.workbook, tmp, copy));
}
