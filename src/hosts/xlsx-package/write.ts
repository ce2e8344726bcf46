import * as path from "node:path";
import { Readable } from "node:stream";
import { XianjiaoError } from "../../errors";
import type { WorkbookPlan } from "../../engine/plan/types";
import { writeFileAtomic } from "../xlsx/write-atomic";
import type { BlockEdit } from "./block-edit";
import { chartXml, drawingXml } from "./chart-xml";
import { ourSheetXml } from "./our-sheet";
import { CONTENT_TYPES_PART, EXTENSION_OF_KIND, relativeTarget, relsPartOf } from "./parts";
import type { PackageRead } from "./read";
import { layoutSheets, type NewSheet, type SheetLayout } from "./sheet-layout";
import { patchSheet } from "./sheet-patch";
import { addOurStyles, type OurStyles } from "./styles-patch";
import { CONTENT_TYPE, REL_TYPE, patchAppXml, patchContentTypes, patchWorkbookRels, patchWorkbookXml } from "./workbook-patch";
import { NS } from "./xml-dom";
import { escapeAttribute } from "./xml-text";
import { ZipWriter } from "./zip-write";
import { openZipReader, type ZipReader } from "./zip-read";

const DEFAULT_CONTENT_TYPES = (workbookPart: string, kind: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.contentTypes}"><Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${escapeAttribute(workbookPart)}" ContentType="${kind}"/></Types>`;
const rels = (items: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRel}">${items}</Relationships>`;
const SHEET_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

const toBytes = async function* (pieces: Iterable<string> | AsyncIterable<Buffer>) {
  for await (const piece of pieces) yield typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
};

/** One new sheet of ours, and its drawing and chart when planned. */
function addSheetParts(out: ZipWriter, sheet: NewSheet, styles: OurStyles): void {
  const chart = sheet.plan.chart && sheet.chart ? { plan: sheet.plan.chart, ...sheet.chart } : null;
  out.addLazy(sheet.part, async () => Readable.from(toBytes(ourSheetXml(sheet.plan, styles, chart ? "rId1" : null))));
  if (chart) {
    out.addText(relsPartOf(sheet.part), rels(`<Relationship Id="rId1" Type="${REL_TYPE.drawing}" Target="${escapeAttribute(relativeTarget(sheet.part, chart.drawingPart))}"/>`));
    out.addText(chart.drawingPart, drawingXml("rId1", chart.plan.anchor.column, chart.plan.anchor.row, chart.plan.title));
    out.addText(relsPartOf(chart.drawingPart), rels(`<Relationship Id="rId1" Type="${REL_TYPE.chart}" Target="${escapeAttribute(relativeTarget(chart.drawingPart, chart.chartPart))}"/>`));
    out.addText(chart.chartPart, chartXml(sheet.name, chart.plan, sheet.plan.rows));
  }
}

/** What the write pass puts in place of the input's small parts, all made before anything is written. */
interface Prepared {
  layout: SheetLayout;
  styles: OurStyles;
  /** Rewritten parts by lower-cased name, and the name each is written under. */
  replaced: Map<string, { name: string; text: string }>;
}

async function prepare(zip: ZipReader, read: PackageRead, plan: WorkbookPlan): Promise<Prepared> {
  const file = path.basename(read.file);
  const layout = await layoutSheets(read, plan.sheets, zip, plan.removeSheets);
  const wb = read.workbook;
  // a package without styles gets ours (and a relationship to them when it had none)
  const stylesPart = wb.stylesPart ?? "xl/styles.xml";
  const stylesMissing = !zip.has(stylesPart);
  const { xml: stylesXml, styles } = addOurStyles(read.stylesXml, { file, part: stylesPart });
  const newStyles = wb.stylesPart ? null : { relId: "rIdXianjiaoStyles", part: stylesPart };
  const workbookRels = relsPartOf(wb.workbookPart);
  const replaced = new Map<string, { name: string; text: string }>();
  const put = (name: string, text: string) => replaced.set(name.toLowerCase(), { name, text });
  put(wb.workbookPart, patchWorkbookXml(wb.workbookXml, { file, part: wb.workbookPart }, wb.sheets, layout.removed, layout.added, plan.names));
  put(workbookRels, patchWorkbookRels(wb.relsXml, { file, part: workbookRels }, wb.workbookPart, layout.removed, layout.removedParts, layout.added, newStyles));
  put(stylesPart, stylesXml);
  if (read.app) {
    const names = wb.sheets.map((s) => s.name);
    put(read.app.part, patchAppXml(read.app.xml, { file, part: read.app.part }, names, layout.removed.map((s) => s.name), layout.added.map((s) => s.name)));
  }
  const newParts: { part: string; type: string }[] = stylesMissing ? [{ part: stylesPart, type: CONTENT_TYPE.styles }] : [];
  for (const sheet of layout.added) newParts.push(...sheetParts(sheet));
  const types = read.contentTypesXml ?? DEFAULT_CONTENT_TYPES(wb.workbookPart, read.kind ?? SHEET_MAIN);
  put(CONTENT_TYPES_PART, patchContentTypes(types, { file, part: CONTENT_TYPES_PART }, layout.removedParts, newParts));
  return { layout, styles, replaced };
}

/** The parts of one new sheet of ours and their content types: the sheet, and its drawing and chart when planned. */
function sheetParts(sheet: NewSheet): { part: string; type: string }[] {
  const parts = [{ part: sheet.part, type: CONTENT_TYPE.worksheet }];
  if (sheet.plan.chart && sheet.chart) parts.push({ part: sheet.chart.drawingPart, type: CONTENT_TYPE.drawing }, { part: sheet.chart.chartPart, type: CONTENT_TYPE.chart });
  return parts;
}

/** A part that cannot be read (a bad deflate stream) is the input's fault, whichever part it is. */
function damagedAs(file: string): (error: unknown) => XianjiaoError {
  return (error) => (error instanceof XianjiaoError ? error : new XianjiaoError("ZIP_CORRUPT", { file: path.basename(file) }, { cause: error }));
}

function guarded(input: ZipReader, damaged: (error: unknown) => XianjiaoError): ZipReader {
  return {
    ...input,
    text: (name) => input.text(name).catch((error: unknown) => Promise.reject(damaged(error))),
    stream: (name) => input.stream(name).catch((error: unknown) => Promise.reject(damaged(error))),
  };
}

async function copyAll(zip: ZipReader, out: ZipWriter, read: PackageRead, prepared: Prepared, edits: Map<string, BlockEdit>): Promise<WrittenSheets> {
  const damaged = damagedAs(read.file);
  const { layout, styles, replaced } = prepared;
  const editByPart = new Map<string, BlockEdit>();
  for (const sheet of read.sheets) {
    const edit = edits.get(sheet.entry.name);
    if (edit) editByPart.set(sheet.entry.part.toLowerCase(), edit);
  }
  const blockStyles = { header: styles.header, group: styles.group, dxf: styles.dxf };
  const written = new Set<string>();
  for (const name of zip.names) {
    const key = name.toLowerCase();
    if (layout.removedParts.has(key)) continue;
    written.add(key);
    const text = replaced.get(key)?.text;
    const edit = editByPart.get(key);
    if (text !== undefined) out.addText(name, text);
    else if (edit) out.addLazy(name, async () => Readable.from(patchSheet(await zip.stream(name), edit, blockStyles)), damaged);
    else out.addLazy(name, () => zip.stream(name), damaged);
  }
  for (const [key, part] of replaced) if (!written.has(key)) out.addText(part.name, part.text);
  for (const sheet of layout.added) addSheetParts(out, sheet, styles);
  return { resultSheets: read.sheets.filter((s) => edits.has(s.entry.name)).map((s) => s.entry.name), sheets: layout.added.map((s) => s.name) };
}

/**
 * The output must carry the extension of the input's kind: Excel refuses a macro-enabled
 * workbook (or a template) under a .xlsx name, and a plain workbook under .xlsm.
 */
export function checkOutputKind(read: PackageRead, output: string): void {
  const expected = read.kind ? EXTENSION_OF_KIND[read.kind] : undefined;
  const ext = path.extname(output).toLowerCase();
  if (expected && ext !== expected && SPREADSHEET_EXTENSIONS.has(ext)) {
    throw new XianjiaoError("OUTPUT_KIND", { file: path.basename(read.file), output: path.basename(output), ext: expected });
  }
}
const SPREADSHEET_EXTENSIONS = new Set([...Object.values(EXTENSION_OF_KIND), ".xls", ".xlsb", ".xlt", ".xla", ".et", ".ett"]);

/** Sheets that got a result block, and the names our sheets were written under. */
export interface WrittenSheets {
  resultSheets: string[];
  sheets: string[];
}

/**
 * Writes OUT as a copy of the input package with the plan applied: every part copied as it was
 * except the sheets that get a result block (streamed through `patchSheet`), our sheets
 * (earlier ones removed, new ones written fresh) and the parts that list them. Every small part
 * is made before anything is written. The input is read through the descriptor the read pass
 * kept open (`readPackage(…, { keepOpen: true })`), so both passes see the same file; else it is
 * opened again. `file` is written as it is: the caller writes a temporary file and renames it
 * (see writeFilesAtomic), and checks the output's name first (checkOutputKind).
 */
export async function writePackageTo(read: PackageRead, plan: WorkbookPlan, edits: Map<string, BlockEdit>, file: string): Promise<WrittenSheets> {
  const input = read.source?.zip ?? (await openZipReader(read.file));
  try {
    const zip = guarded(input, damagedAs(read.file));
    const prepared = await prepare(zip, read, plan);
    const out = new ZipWriter(file);
    let written: WrittenSheets;
    try {
      written = await copyAll(zip, out, read, prepared, edits);
    } catch (error) {
      await out.abort(error);
      throw error;
    }
    await out.end();
    return written;
  } finally {
    if (!read.source) input.close();
  }
}

/** Writes OUT (see writePackageTo) under a temporary name, renamed once complete. */
export async function writePackage(read: PackageRead, plan: WorkbookPlan, edits: Map<string, BlockEdit>, output: string): Promise<WrittenSheets> {
  checkOutputKind(read, output);
  let written: WrittenSheets = { resultSheets: [], sheets: [] };
  await writeFileAtomic(output, async (tmp) => {
    written = await writePackageTo(read, plan, edits, tmp);
  });
  return written;
}
