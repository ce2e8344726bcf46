import { promises as fs, fstat as fstatCallback, read as readCallback } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { XianjiaoError } from "../../errors";
import type { WorkbookInput } from "../../engine/types";
import { readCellFormats } from "./number-formats";
import { CONTENT_TYPES_PART, REL, contentTypeOf, packagePart, parseRelationships, parseWorkbook, relsPartOf, type SheetEntry, type WorkbookParts } from "./parts";
import { readSharedStrings, sharedStringsUsed } from "./shared-strings";
import { OutsideGridError, readSheet } from "./sheet-read";
import { leadKind, oleKind, zipKind } from "./file-kind";
import { NS, parsePart, rootOf } from "./xml-dom";
import { closeFd, openFd, openZipReader, type ZipReader } from "./zip-read";

/** The input as it was opened: its descriptor stays open from the read to the write, and what it was then. */
export interface PackageSource {
  zip: ZipReader;
  /** Size, modification time and identity of the file when it was opened. */
  identity: FileIdentity;
}

export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** What the write pass needs of the input besides the engine's grids. */
export interface PackageRead {
  file: string;
  workbook: WorkbookParts;
  stylesXml: string | null;
  /** [Content_Types].xml as read (null when the package has none). */
  contentTypesXml: string | null;
  /** The extended properties part (docProps/app.xml) and its text, when the package has one. */
  app: { part: string; xml: string } | null;
  /** The content type of the workbook part: the kind of package (.xlsx, .xlsm, .xltx…), null when not given. */
  kind: string | null;
  /** Per worksheet read, in the workbook's order: its entry and A1's plain text. */
  sheets: { entry: SheetEntry; a1Text: string | null }[];
  /** The open input, when the read was asked to keep it (the write pass then reads the same bytes). */
  source?: PackageSource;
}

const OLE_ERRORS = { encrypted: "OLE_ENCRYPTED", "legacy-workbook": "OLE_WORKBOOK", other: "OLE_OTHER", unknown: "OLE_FILE" } as const;

const fstat = promisify(fstatCallback);
const readAt = promisify(readCallback);

const identityOf = (stat: { dev: number; ino: number; size: number; mtimeMs: number }): FileIdentity => ({ dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs });

function readError(error: unknown, name: string): XianjiaoError {
  if (error instanceof XianjiaoError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return new XianjiaoError("FILE_NOT_FOUND", { file: name }, { cause: error });
  if (code === "EISDIR") return new XianjiaoError("FILE_READ_FAILED", { file: name, detail: "不是文件" }, { cause: error });
  return new XianjiaoError("FILE_READ_FAILED", { file: name, detail: code ?? String(error) }, { cause: error });
}

/**
 * Opens the input once: a regular file, told by its content (an .xls, .et, .xlsb, .ods or a
 * password-protected workbook is named as such), read through one descriptor from then on.
 */
async function openPackage(file: string, name: string): Promise<PackageSource> {
  let fd: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new XianjiaoError("FILE_READ_FAILED", { file: name, detail: "不是文件" });
    fd = await openFd(file, "r");
  } catch (error) {
    throw readError(error, name);
  }
  let zip = null as ZipReader | null;
  try {
    const stat = await fstat(fd);
    const lead = Buffer.alloc(8);
    const { bytesRead } = await readAt(fd, lead, 0, 8, 0);
    const kind = leadKind(lead.subarray(0, bytesRead));
    if (kind === "empty") throw new XianjiaoError("FILE_EMPTY", { file: name });
    if (kind === "ole") {
      const ole = await oleKind(fd, stat.size);
      throw new XianjiaoError(OLE_ERRORS[ole], { file: name });
    }
    if (kind !== "zip") throw new XianjiaoError("NOT_A_ZIP", { file: name });
    try {
      zip = await openZipReader(fd);
    } catch (error) {
      throw new XianjiaoError("ZIP_CORRUPT", { file: name }, { cause: error });
    }
    return { zip, identity: identityOf(stat) };
  } catch (error) {
    if (zip) zip.close();
    else await closeFd(fd).catch(() => undefined);
    throw readError(error, name);
  }
}

/** A zip holding no .xlsx workbook: named for what it is when it is another spreadsheet format. */
async function noWorkbook(zip: ZipReader, name: string): Promise<XianjiaoError> {
  const kind = await zipKind(zip.has, zip.text);
  return new XianjiaoError(kind === "xlsb" ? "XLSB_FILE" : kind === "ods" ? "ODS_FILE" : "NO_WORKSHEET", { file: name });
}

/**
 * Throws when the input is no longer the file that was read: its name now leads to another
 * file (saved over by Excel or WPS, which write a new file and rename it) or the file itself
 * changed size or time since it was opened.
 */
export async function checkUnchanged(read: PackageRead): Promise<void> {
  const source = read.source;
  if (!source) return;
  const name = path.basename(read.file);
  const was = source.identity;
  let now: FileIdentity;
  let open: FileIdentity;
  try {
    now = identityOf(await fs.stat(read.file));
    open = identityOf(await fstat(source.zip.fd));
  } catch (error) {
    throw new XianjiaoError("INPUT_CHANGED", { file: name }, { cause: error });
  }
  const same = (a: FileIdentity) => a.dev === was.dev && a.ino === was.ino && a.size === was.size && a.mtimeMs === was.mtimeMs;
  if (!same(now) || !same(open)) throw new XianjiaoError("INPUT_CHANGED", { file: name });
}

/** Closes an input kept open by `readPackage(…, { keepOpen: true })`. */
export function closePackage(read: PackageRead): void {
  read.source?.zip.close();
  delete read.source;
}

export interface ReadOptions {
  /** Keep the input open for the write pass (see PackageRead.source); the caller closes it. */
  keepOpen?: boolean;
  /** Read only the worksheets this accepts (by name, and our markers on the sheet); the others get no grid. */
  sheets?: (name: string, markers: Readonly<Record<string, string>>) => boolean;
  /** Formula cells read as empty (their cached results are not our values). */
  dropFormulas?: boolean;
}

const optionalText = (zip: ZipReader, part: string | null) => (part && zip.has(part) ? zip.text(part) : Promise.resolve(null));

/**
 * Reads an .xlsx file into the engine's grids by streaming its XML parts (shared strings,
 * styles, each worksheet); every kind of bad file gets its typed, plainly worded failure.
 */
export async function readPackage(file: string, options: ReadOptions = {}): Promise<{ input: WorkbookInput; read: PackageRead }> {
  const name = path.basename(file);
  const source = await openPackage(file, name);
  const zip = source.zip;
  let keep = false;
  try {
    const rootRels = zip.has("_rels/.rels") ? parseRelationships(await zip.text("_rels/.rels"), { file: name, part: "_rels/.rels" }) : [];
    const workbookPart = packagePart(rootRels, REL.officeDocument) ?? "xl/workbook.xml";
    // an .xlsb names its binary workbook part as the document: told as such, not as damaged XML
    if (!zip.has(workbookPart) || !/\.xml$/i.test(workbookPart)) throw await noWorkbook(zip, name);
    const workbook = parseWorkbook(name, workbookPart, await zip.text(workbookPart), await optionalText(zip, relsPartOf(workbookPart)));
    const worksheets = workbook.sheets.filter((s) => s.isWorksheet && zip.has(s.part));
    if (worksheets.length === 0) throw await noWorkbook(zip, name);
    const entries = options.sheets ? worksheets.filter((s) => options.sheets!(s.name, s.markers)) : worksheets;
    // every small part the write pass rewrites or copies is checked now, before anything is written
    const contentTypesXml = await optionalText(zip, CONTENT_TYPES_PART);
    const kind = contentTypesXml === null ? null : contentTypeOf(contentTypesXml, workbookPart, name);
    const appPart = packagePart(rootRels, REL.extendedProperties) ?? "docProps/app.xml";
    const appXml = await optionalText(zip, appPart);
    if (appXml !== null) rootOf(parsePart(appXml, { file: name, part: appPart }), "Properties", [NS.extended], { file: name, part: appPart });
    const corePart = packagePart(rootRels, REL.coreProperties) ?? "docProps/core.xml";
    const coreXml = await optionalText(zip, corePart);
    if (coreXml !== null) rootOf(parsePart(coreXml, { file: name, part: corePart }), "coreProperties", [NS.core], { file: name, part: corePart });
    const stylesXml = await optionalText(zip, workbook.stylesPart);
    const formats = readCellFormats(stylesXml, { file: name, part: workbook.stylesPart ?? "" });
    const hasStrings = workbook.sharedStringsPart !== null && zip.has(workbook.sharedStringsPart);
    // reading a few sheets of a large workbook (our summaries of a city's roster): only the
    // shared strings they use are kept — often none, as evaluate writes its text inline
    let used: Set<number> | undefined;
    if (hasStrings && options.sheets) {
      used = new Set<number>();
      for (const entry of entries) await sharedStringsUsed(await zip.stream(entry.part), used);
    }
    const strings = hasStrings && (!used || used.size > 0) ? await readSharedStrings(await zip.stream(workbook.sharedStringsPart!), used) : { texts: [], rich: new Set<number>() };
    const context = { formats, shared: strings.texts, rich: strings.rich, date1904: workbook.date1904, dropFormulas: options.dropFormulas === true };
    const others = workbook.sheets.filter((s) => !worksheets.includes(s)).map((s) => s.name);
    const input: WorkbookInput = { sheets: [], ...(others.length > 0 ? { otherSheets: others } : {}) };
    const sheets: PackageRead["sheets"] = [];
    for (const entry of entries) {
      const sheet = await readSheet(entry.name, await zip.stream(entry.part), context).catch((error: unknown) => {
        throw error instanceof OutsideGridError ? new XianjiaoError("CELL_OUTSIDE_GRID", { file: name, sheet: entry.name, cell: error.where }, { cause: error }) : error;
      });
      if (Object.keys(entry.markers).length > 0) sheet.grid.names = { ...entry.markers };
      if (entry.hidden) sheet.grid.hidden = true;
      input.sheets.push(sheet.grid);
      sheets.push({ entry, a1Text: sheet.a1Text });
    }
    keep = options.keepOpen === true;
    const app = appXml === null ? null : { part: appPart, xml: appXml };
    return { input, read: { file, workbook, stylesXml, contentTypesXml, app, kind, sheets, ...(keep ? { source } : {}) } };
  } catch (error) {
    if (error instanceof XianjiaoError) throw error;
    throw new XianjiaoError("ZIP_CORRUPT", { file: name }, { cause: error });
  } finally {
    if (!keep) zip.close();
  }
}
