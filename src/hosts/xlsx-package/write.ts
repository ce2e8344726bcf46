import * as path from "node:path";
import { Readable } from "node:stream";
import { XianjiaoError } from "../../errors";
import type { WorkbookPlan } from "../../engine/plan/types";
import { writeFileAtomic } from "../xlsx/write-atomic";
import type { BlockEdit } from "./block-edit";
import { chartXml, drawingXml } from "./chart-xml";
import { ourSheetXml } from "./our-sheet";
import { relativeTarget, relsPartOf } from "./parts";
import type { PackageRead } from "./read";
import { layoutSheets, type NewSheet } from "./sheet-layout";
import { patchSheet } from "./sheet-patch";
import { addOurStyles, type OurStyles } from "./styles-patch";
import { CONTENT_TYPE, REL_TYPE, patchAppXml, patchContentTypes, patchWorkbookRels, patchWorkbookXml } from "./workbook-patch";
import { ZipWriter } from "./zip-write";
import { openZipReader, type ZipReader } from "./zip-read";

const DEFAULT_CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{workbook}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const rels = (items: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${items}</Relationships>`;

const toBytes = async function* (pieces: Iterable<string> | AsyncIterable<Buffer>) {
  for await (const piece of pieces) yield typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
};

/** The parts of one new sheet of ours: the sheet, and its drawing and chart when planned. */
function addSheetParts(out: ZipWriter, sheet: NewSheet, styles: OurStyles): { part: string; type: string }[] {
  const parts = [{ part: sheet.part, type: CONTENT_TYPE.worksheet }];
  const chart = sheet.plan.chart && sheet.chart ? { plan: sheet.plan.chart, ...sheet.chart } : null;
  out.addLazy(sheet.part, async () => Readable.from(toBytes(ourSheetXml(sheet.plan, styles, chart ? "rId1" : null))));
  if (chart) {
    const width = Math.max(...sheet.plan.rows.map((r) => r.length));
    out.addText(relsPartOf(sheet.part), rels(`<Relationship Id="rId1" Type="${REL_TYPE.drawing}" Target="${relativeTarget(sheet.part, chart.drawingPart)}"/>`));
    out.addText(chart.drawingPart, drawingXml("rId1", width + 1, chart.plan.headerRow, chart.plan.title));
    out.addText(relsPartOf(chart.drawingPart), rels(`<Relationship Id="rId1" Type="${REL_TYPE.chart}" Target="${relativeTarget(chart.drawingPart, chart.chartPart)}"/>`));
    out.addText(chart.chartPart, chartXml(sheet.name, chart.plan, sheet.plan.rows));
    parts.push({ part: chart.drawingPart, type: CONTENT_TYPE.drawing }, { part: chart.chartPart, type: CONTENT_TYPE.chart });
  }
  return parts;
}

async function copyAll(input: ZipReader, out: ZipWriter, read: PackageRead, plan: WorkbookPlan, edits: Map<string, BlockEdit>): Promise<WrittenSheets> {
  const damaged = (error: unknown) => (error instanceof XianjiaoError ? error : new XianjiaoError("ZIP_CORRUPT", { file: path.basename(read.file) }, { cause: error }));
  // a part that cannot be read (a bad deflate stream) is the input's fault, whichever part it is
  const zip: ZipReader = {
    ...input,
    text: (name) => input.text(name).catch((error: unknown) => Promise.reject(damaged(error))),
    stream: (name) => input.stream(name).catch((error: unknown) => Promise.reject(damaged(error))),
  };
  const layout = await layoutSheets(read, plan.sheets, zip);
  const { xml: stylesXml, styles } = addOurStyles(read.stylesXml);
  const wb = read.workbook;
  // a package without styles gets ours (and a relationship to them when it had none)
  const stylesPart = wb.stylesPart ?? "xl/styles.xml";
  const stylesMissing = !zip.has(stylesPart);
  const newStyles = wb.stylesPart ? null : { relId: "rIdXianjiaoStyles", part: stylesPart };
  const workbookRels = relsPartOf(wb.workbookPart);
  const replaced = new Map<string, string>();
  replaced.set(wb.workbookPart.toLowerCase(), patchWorkbookXml(wb.workbookXml, wb.sheets, layout.removed, layout.added));
  replaced.set(workbookRels.toLowerCase(), patchWorkbookRels(zip.has(workbookRels) ? await zip.text(workbookRels) : null, wb.workbookPart, layout.removed, layout.removedParts, layout.added, newStyles));
  replaced.set(stylesPart.toLowerCase(), stylesXml);
  if (zip.has("docProps/app.xml")) {
    const names = wb.sheets.map((s) => s.name);
    replaced.set("docprops/app.xml", patchAppXml(await zip.text("docProps/app.xml"), names, layout.removed.map((s) => s.name), layout.added.map((s) => s.name)));
  }
  const editByPart = new Map<string, BlockEdit>();
  for (const sheet of read.sheets) {
    const edit = edits.get(sheet.entry.name);
    if (edit) editByPart.set(sheet.entry.part.toLowerCase(), edit);
  }
  const blockStyles = { header: styles.header, group: styles.group, dxf: styles.dxf };
  const newParts: { part: string; type: string }[] = stylesMissing ? [{ part: stylesPart, type: CONTENT_TYPE.styles }] : [];
  const written = new Set<string>();
  const contentTypes = "[Content_Types].xml";
  for (const name of zip.names) {
    const key = name.toLowerCase();
    if (layout.removedParts.has(key) || key === contentTypes.toLowerCase()) continue;
    written.add(key);
    const text = replaced.get(key);
    const edit = editByPart.get(key);
    if (text !== undefined) out.addText(name, text);
    else if (edit) out.addLazy(name, async () => Readable.from(patchSheet(await zip.stream(name), edit, blockStyles)), damaged);
    else out.addLazy(name, () => zip.stream(name), damaged);
  }
  for (const [key, text] of replaced) if (!written.has(key)) out.addText(key === stylesPart.toLowerCase() ? stylesPart : key, text);
  for (const sheet of layout.added) newParts.push(...addSheetParts(out, sheet, styles));
  const types = zip.has(contentTypes) ? await zip.text(contentTypes) : DEFAULT_CONTENT_TYPES.replace("{workbook}", wb.workbookPart);
  out.addText(contentTypes, patchContentTypes(types, layout.removedParts, newParts));
  return { resultSheets: read.sheets.filter((s) => edits.has(s.entry.name)).map((s) => s.entry.name), sheets: layout.added.map((s) => s.name) };
}

/** Sheets that got a result block, and the names our sheets were written under. */
export interface WrittenSheets {
  resultSheets: string[];
  sheets: string[];
}

/**
 * Writes OUT as a copy of the input package with the plan applied: every part copied as it was
 * except the sheets that get a result block (streamed through `patchSheet`), our sheets
 * (earlier ones removed, new ones written fresh) and the parts that list them. The input is
 * read through the descriptor the read pass kept open (`readPackage(…, { keepOpen: true })`),
 * so both passes see the same file; else it is opened again. `file` is written as it is: the
 * caller writes a temporary file and renames it (see writeFilesAtomic).
 */
export async function writePackageTo(read: PackageRead, plan: WorkbookPlan, edits: Map<string, BlockEdit>, file: string): Promise<WrittenSheets> {
  const zip = read.source?.zip ?? (await openZipReader(read.file));
  try {
    const out = new ZipWriter(file);
    let written: WrittenSheets;
    try {
      written = await copyAll(zip, out, read, plan, edits);
    } catch (error) {
      await out.abort(error);
      throw error;
    }
    await out.end();
    return written;
  } finally {
    if (!read.source) zip.close();
  }
}

/** Writes OUT (see writePackageTo) under a temporary name, renamed once complete. */
export async function writePackage(read: PackageRead, plan: WorkbookPlan, edits: Map<string, BlockEdit>, output: string): Promise<WrittenSheets> {
  let written: WrittenSheets = { resultSheets: [], sheets: [] };
  await writeFileAtomic(output, async (tmp) => {
    written = await writePackageTo(read, plan, edits, tmp);
  });
  return written;
}
