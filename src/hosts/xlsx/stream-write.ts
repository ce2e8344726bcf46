import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import ExcelJS from "exceljs";
import { writableValue } from "./cell-text";
import { conditionalFormats } from "./conditional";
import { sheetMerges } from "./read";

/** One object for every unstyled cell: exceljs gives each its own `{}`, which its style index cannot recognise. */
const NO_STYLE: Partial<ExcelJS.Style> = {};

function hasKeys(style: object | undefined): boolean {
  for (const _ in style) return true;
  return false;
}

type StreamWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;
type StreamSheet = ReturnType<StreamWorkbook["addWorksheet"]>;

/** Sheet-level settings a user set, copied as they are (exceljs keeps them as plain models). */
function sheetOptions(ws: ExcelJS.Worksheet): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    properties: ws.properties,
    pageSetup: ws.pageSetup,
    headerFooter: ws.headerFooter,
    views: ws.views,
    state: ws.state,
    ...(ws.autoFilter ? { autoFilter: ws.autoFilter } : {}),
  } as Partial<ExcelJS.AddWorksheetOptions>;
}

function copyColumns(source: ExcelJS.Worksheet, target: StreamSheet): void {
  (source.columns ?? []).forEach((column, i) => {
    const out = target.getColumn(i + 1);
    if (column.width) out.width = column.width;
    if (column.hidden) out.hidden = true;
    if (column.outlineLevel) out.outlineLevel = column.outlineLevel;
    if (column.style && Object.keys(column.style).length > 0) out.style = column.style;
  });
}

/**
 * Copies one loaded sheet into the streaming writer row by row, each row committed (written
 * and let go) as soon as it is complete. Style objects are passed as they are: exceljs shares
 * one object per style on load, so the writer's style index finds each one once.
 */
function copySheet(source: ExcelJS.Worksheet, writer: StreamWorkbook): void {
  const target = writer.addWorksheet(source.name, sheetOptions(source));
  copyColumns(source, target);
  // A merge is made when the copy reaches its first row (the writer needs its rows uncommitted;
  // made earlier, the writer's row list turns sparse and every commit walks it). It marks its
  // cells with the master's style; each cell's own style is put back as its row is copied.
  const merges = sheetMerges(source).sort((a, b) => a.top - b.top);
  let nextMerge = 0;
  const mergeUpTo = (row: number) => {
    for (; nextMerge < merges.length && merges[nextMerge].top <= row; nextMerge++) {
      const m = merges[nextMerge];
      target.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
  };
  for (const cf of conditionalFormats(source)) target.addConditionalFormatting(cf);
  const validations = (source as unknown as { dataValidations?: { model: object } }).dataValidations;
  if (validations && Object.keys(validations.model).length > 0) {
    (target as unknown as { dataValidations: { model: object } }).dataValidations.model = validations.model;
  }
  source.eachRow({ includeEmpty: true }, (row, r) => {
    mergeUpTo(r - 1);
    const out = target.getRow(r);
    if (row.height) out.height = row.height;
    if (row.hidden) out.hidden = true;
    if (row.outlineLevel) out.outlineLevel = row.outlineLevel;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const copy = out.getCell(c);
      if (cell.type !== ExcelJS.ValueType.Merge) copy.value = writableValue(cell.value);
      copy.style = hasKeys(cell.style) ? cell.style : NO_STYLE;
      if (cell.note) copy.note = cell.note;
    });
    out.commit();
  });
  mergeUpTo(Infinity);
  // manual page breaks (our register's, our summaries' before a chart) go as they were planned
  const breaks = (source as unknown as { rowBreaks?: unknown[] }).rowBreaks;
  if (breaks && breaks.length > 0) (target as unknown as { rowBreaks: unknown[] }).rowBreaks = [...breaks];
  target.commit();
}

interface SharedStringTable {
  add(value: unknown): number;
  _values: unknown[];
  _totalRefs: number;
}

/**
 * exceljs's streaming shared-string table looks values up by `table[value]`, so every rich text
 * (an object, "[object Object]") would get the first rich text's slot and its words. Rich text
 * is keyed by its content here instead; plain strings keep exceljs's own lookup.
 */
function keyRichTextByContent(writer: StreamWorkbook): void {
  const table = (writer as unknown as { sharedStrings: SharedStringTable }).sharedStrings;
  const addText = table.add.bind(table);
  const richIndex = new Map<string, number>();
  table.add = (value: unknown) => {
    if (value === null || typeof value !== "object") return addText(value);
    const key = JSON.stringify(value);
    let index = richIndex.get(key);
    if (index === undefined) {
      index = table._values.length;
      table._values.push(value);
      richIndex.set(key, index);
    }
    table._totalRefs++;
    return index;
  };
}

/** True when a workbook holds what the streaming writer cannot copy (images): the plain writer is used then. */
export function needsPlainWriter(workbook: ExcelJS.Workbook): boolean {
  const media = (workbook as unknown as { media?: unknown[] }).media ?? [];
  return media.length > 0 || workbook.worksheets.some((ws) => ws.getImages().length > 0);
}

/**
 * Writes a loaded (and changed) workbook to `file` with exceljs's streaming writer: sheet XML
 * goes through the zip to disk as it is made, instead of the whole zip being built in memory.
 */
export async function streamWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  const stream = createWriteStream(file);
  const done = finished(stream);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  keyRichTextByContent(writer);
  writer.creator = workbook.creator;
  writer.lastModifiedBy = workbook.lastModifiedBy;
  writer.created = workbook.created;
  writer.modified = workbook.modified;
  if (workbook.company) (writer as unknown as { company: string }).company = workbook.company;
  const names = (workbook as unknown as { definedNames?: { model: unknown[] } }).definedNames;
  if (names && names.model.length > 0) (writer as unknown as { definedNames: { model: unknown[] } }).definedNames.model = names.model;
  (writer as unknown as { views: unknown }).views = workbook.views;
  try {
    for (const ws of workbook.worksheets) copySheet(ws, writer);
    await writer.commit();
    await done;
  } catch (error) {
    // the file stream ends only with a committed workbook: stopped here, it would never end
    stream.destroy();
    throw error;
  }
}
