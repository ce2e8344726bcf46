import { StringDecoder } from "node:string_decoder";
import { PassThrough, Transform } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XianjiaoError } from "../../errors";
import { workbookBytes } from "./read";
import { leanRow, toLeanRow, type LeanRows, type LeanWorkbook, type RowModel } from "./lean-sheet";

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs's own parts, which its typings do not declare */
const XLSX = require("exceljs/lib/xlsx/xlsx.js");
const WorksheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform.js");
const RowXform = require("exceljs/lib/xlsx/xform/sheet/row-xform.js");
const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform.js");
const SharedStringsXform = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform.js");
const AppXform = require("exceljs/lib/xlsx/xform/core/app-xform.js");
const CoreXform = require("exceljs/lib/xlsx/xform/core/core-xform.js");
/* eslint-enable @typescript-eslint/no-require-imports */

interface Xform {
  parseStream(stream: NodeJS.ReadableStream): Promise<unknown>;
}

/** Parts the lean reader leaves to exceljs's plain reader: images, drawings and notes. */
const PLAIN_ONLY = /^xl\/(media|drawings)\/|^xl\/comments\d*\.xml$/;

/**
 * Stands in for a worksheet's <sheetData>: each row is handed on as soon as it is parsed, so
 * the sheet's rows never exist as one list of exceljs models.
 */
class RowSink {
  model: unknown[] = [];
  private readonly rowXform = new RowXform();
  private parser: typeof this.rowXform | undefined;
  constructor(private readonly onRow: (row: RowModel) => void) {}
  reset(): void {
    this.model = [];
    this.parser = undefined;
  }
  parseOpen(node: { name: string }): boolean {
    if (this.parser) this.parser.parseOpen(node);
    else if (node.name !== "sheetData" && this.rowXform.parseOpen(node)) this.parser = this.rowXform;
    return true;
  }
  parseText(text: string): void {
    this.parser?.parseText(text);
  }
  parseClose(name: string): boolean {
    if (!this.parser) return false; // </sheetData>
    if (!this.parser.parseClose(name)) {
      this.onRow(this.parser.model as RowModel);
      this.parser = undefined;
    }
    return true;
  }
}

/** An entry as a stream of text chunks (UTF-8 decoded across chunk ends), as exceljs's parsers read them. */
function textStream(entry: JSZip.JSZipObject): NodeJS.ReadableStream {
  const decoder = new StringDecoder("utf8");
  const toText = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const text = decoder.write(chunk);
      done(null, text.length > 0 ? text : undefined);
    },
    flush(done) {
      const rest = decoder.end();
      done(null, rest.length > 0 ? rest : undefined);
    },
  });
  const source = entry.nodeStream("nodebuffer");
  source.on("error", (error) => toText.destroy(error));
  return source.pipe(toText);
}

async function bufferStream(entry: JSZip.JSZipObject): Promise<NodeJS.ReadableStream> {
  const stream = new PassThrough();
  stream.end(await entry.async("nodebuffer"));
  return stream;
}

type Model = Record<string, unknown> & { worksheets: WorksheetModel[]; worksheetHash: Record<string, unknown>; worksheetRels: unknown[] };
interface WorksheetModel {
  id?: number;
  sheetNo?: string;
  hyperlinks?: { address: string; rId?: string }[];
}

async function readPart(xlsx: Record<string, (...args: unknown[]) => Promise<unknown>>, model: Model, name: string, entry: JSZip.JSZipObject): Promise<void> {
  const stream = () => textStream(entry);
  if (name === "_rels/.rels") model.globalRels = await xlsx.parseRels(stream());
  else if (name === "xl/workbook.xml") {
    const book = (await xlsx.parseWorkbook(stream())) as Record<string, unknown>;
    for (const key of ["sheets", "definedNames", "views", "properties", "calcProperties"]) model[key] = book[key];
  } else if (name === "xl/_rels/workbook.xml.rels") model.workbookRels = await xlsx.parseRels(stream());
  else if (name === "xl/sharedStrings.xml") {
    model.sharedStrings = new SharedStringsXform();
    await (model.sharedStrings as Xform).parseStream(stream());
  } else if (name === "xl/styles.xml") {
    model.styles = new StylesXform();
    await (model.styles as Xform).parseStream(stream());
  } else if (name === "docProps/app.xml") {
    const app = (await new AppXform().parseStream(stream())) as Record<string, unknown>;
    model.company = app.company;
    model.manager = app.manager;
  } else if (name === "docProps/core.xml") {
    Object.assign(model, await new CoreXform().parseStream(stream()));
  } else {
    let m = /^xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels$/.exec(name);
    if (m) return void (await xlsx._processWorksheetRelsEntry(stream(), model, m[1]));
    m = /^xl\/theme\/([a-zA-Z0-9]+)[.]xml$/.exec(name);
    if (m) return void (await xlsx._processThemeEntry(await bufferStream(entry), model, m[1]));
    m = /^xl\/tables\/(table\d+)[.]xml$/.exec(name);
    if (m) return void (await xlsx._processTableEntry(stream(), model, m[1]));
  }
}

/** Parses one worksheet part: its settings into an exceljs model, its rows into lean rows. */
async function readSheet(model: Model, name: string, sheetNo: string, entry: JSZip.JSZipObject, lean: Map<WorksheetModel, LeanRows>): Promise<void> {
  const rows: LeanRows = [];
  const options = {
    styles: model.styles ?? { getStyleModel: () => null },
    sharedStrings: model.sharedStrings,
    date1904: (model.properties as { date1904?: boolean } | undefined)?.date1904,
    hyperlinkMap: {},
    commentsMap: {},
    formulae: {},
  };
  const rowXform = new RowXform();
  const xform = new WorksheetXform();
  xform.map.sheetData = new RowSink((row) => {
    rowXform.reconcile(row, options);
    if (row.number < 1) return;
    while (rows.length < row.number - 1) rows.push(undefined); // dense: holes make a slow array
    rows[row.number - 1] = toLeanRow(row);
  });
  const sheet = (await xform.parseStream(textStream(entry))) as WorksheetModel;
  sheet.sheetNo = sheetNo;
  model.worksheetHash[name] = sheet;
  model.worksheets.push(sheet);
  lean.set(sheet, rows);
}

/** Hyperlinks are listed after the rows: their cells become `{ text, hyperlink }` as exceljs makes them. */
function applyHyperlinks(model: Model, sheet: WorksheetModel, rows: LeanRows): void {
  const rels = (model.worksheetRels[Number(sheet.sheetNo)] ?? []) as { Id: string; Target: string }[];
  for (const link of sheet.hyperlinks ?? []) {
    const target = link.rId && rels.find((rel) => rel.Id === link.rId)?.Target;
    const m = /^([A-Z]+)(\d+)$/.exec(link.address);
    if (!target || !m) continue;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    const row = leanRow(rows, Number(m[2]) - 1);
    const value = row.values[col - 1];
    const text = value && typeof value === "object" && "result" in value ? value.result : value;
    row.values[col - 1] = { text: text ?? undefined, hyperlink: target } as ExcelJS.CellValue;
  }
}

/**
 * Reads an .xlsx with exceljs's own parsers, but keeps each sheet's rows lean (see LeanRow)
 * instead of building exceljs rows and cells: a third of the memory for a large workbook.
 * Returns null for a workbook with images, drawings or notes (the plain reader keeps those).
 */
export async function readXlsxLean(source: string | Buffer, name?: string): Promise<LeanWorkbook | null> {
  const { bytes, file } = await workbookBytes(source, name);
  const workbook = new ExcelJS.Workbook();
  try {
    const zip = await JSZip.loadAsync(bytes);
    const entries = Object.values(zip.files).filter((e) => !e.dir);
    const partName = (e: JSZip.JSZipObject) => e.name.replace(/^\//, "");
    if (entries.some((e) => PLAIN_ONLY.test(partName(e)))) return null;
    const model: Model = { worksheets: [], worksheetHash: {}, worksheetRels: [], themes: {}, media: [], mediaIndex: {}, drawings: {}, drawingRels: {}, comments: {}, tables: {}, vmlDrawings: {} };
    const xlsx = new XLSX(workbook);
    const sheets: [string, string, JSZip.JSZipObject][] = [];
    for (const entry of entries) {
      const part = partName(entry);
      const m = /^xl\/worksheets\/sheet(\d+)[.]xml$/.exec(part);
      if (m) sheets.push([part, m[1], entry]);
      else await readPart(xlsx, model, part, entry);
    }
    const lean = new Map<WorksheetModel, LeanRows>();
    for (const [part, sheetNo, entry] of sheets) await readSheet(model, part, sheetNo, entry, lean);
    for (const [sheet, rows] of lean) applyHyperlinks(model, sheet, rows);
    xlsx.reconcile(model, {});
    workbook.model = model as unknown as ExcelJS.WorkbookModel;
    const out: LeanWorkbook = { workbook, rows: new Map() };
    for (const [sheet, rows] of lean) {
      const ws = sheet.id === undefined ? undefined : workbook.getWorksheet(sheet.id);
      if (ws) out.rows.set(ws, rows);
    }
    if (workbook.worksheets.length === 0) throw new XianjiaoError("NO_WORKSHEET", { file });
    return out;
  } catch (error) {
    if (error instanceof XianjiaoError) throw error;
    throw new XianjiaoError("ZIP_CORRUPT", { file }, { cause: error });
  }
}
