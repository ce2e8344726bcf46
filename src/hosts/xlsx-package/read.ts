import { promises as fs } from "node:fs";
import * as path from "node:path";
import { XianjiaoError } from "../../errors";
import type { WorkbookInput } from "../../engine/types";
import { readCellFormats } from "./number-formats";
import { officeDocumentPart, parseWorkbook, relsPartOf, type SheetEntry, type WorkbookParts } from "./parts";
import { readSharedStrings } from "./shared-strings";
import { OutsideGridError, readSheet } from "./sheet-read";
import { openZipReader, type ZipReader } from "./zip-read";

/** What the write pass needs of the input besides the engine's grids. */
export interface PackageRead {
  file: string;
  workbook: WorkbookParts;
  stylesXml: string | null;
  /** Per worksheet, in the workbook's order: its entry and A1's plain text. */
  sheets: { entry: SheetEntry; a1Text: string | null }[];
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

async function firstBytes(file: string, name: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new XianjiaoError("FILE_READ_FAILED", { file: name, detail: "不是文件" });
    const handle = await fs.open(file, "r");
    try {
      const bytes = Buffer.alloc(8);
      const { bytesRead } = await handle.read(bytes, 0, 8, 0);
      return bytes.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof XianjiaoError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new XianjiaoError("FILE_NOT_FOUND", { file: name }, { cause: error });
    throw new XianjiaoError("FILE_READ_FAILED", { file: name, detail: code ?? String(error) }, { cause: error });
  }
}

/** Refuses what is no .xlsx package before it is opened: an empty file, an OLE file, not a zip. */
async function checkKind(file: string, name: string): Promise<void> {
  const bytes = await firstBytes(file, name);
  if (bytes.length === 0) throw new XianjiaoError("FILE_EMPTY", { file: name });
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) throw new XianjiaoError("OLE_FILE", { file: name });
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new XianjiaoError("NOT_A_ZIP", { file: name });
}

async function openPackage(file: string, name = path.basename(file)): Promise<ZipReader> {
  await checkKind(file, name);
  try {
    return await openZipReader(file);
  } catch (error) {
    throw new XianjiaoError("ZIP_CORRUPT", { file: name }, { cause: error });
  }
}

const optionalText = (zip: ZipReader, part: string | null) => (part && zip.has(part) ? zip.text(part) : Promise.resolve(null));

/**
 * Reads an .xlsx file into the engine's grids by streaming its XML parts (shared strings,
 * styles, each worksheet); every kind of bad file gets its typed, plainly worded failure.
 */
export async function readPackage(file: string): Promise<{ input: WorkbookInput; read: PackageRead }> {
  const name = path.basename(file);
  const zip = await openPackage(file, name);
  try {
    const workbookPart = officeDocumentPart(await optionalText(zip, "_rels/.rels"));
    if (!zip.has(workbookPart)) throw new XianjiaoError("NO_WORKSHEET", { file: name });
    const workbook = parseWorkbook(workbookPart, await zip.text(workbookPart), await optionalText(zip, relsPartOf(workbookPart)));
    const entries = workbook.sheets.filter((s) => s.isWorksheet && zip.has(s.part));
    if (entries.length === 0) throw new XianjiaoError("NO_WORKSHEET", { file: name });
    const stylesXml = await optionalText(zip, workbook.stylesPart);
    const formats = readCellFormats(stylesXml);
    const strings = workbook.sharedStringsPart && zip.has(workbook.sharedStringsPart) ? await readSharedStrings(await zip.stream(workbook.sharedStringsPart)) : { texts: [], rich: new Set<number>() };
    const context = { formats, shared: strings.texts, rich: strings.rich, date1904: workbook.date1904 };
    const input: WorkbookInput = { sheets: [] };
    const sheets: PackageRead["sheets"] = [];
    for (const entry of entries) {
      const sheet = await readSheet(entry.name, await zip.stream(entry.part), context).catch((error: unknown) => {
        throw error instanceof OutsideGridError ? new XianjiaoError("CELL_OUTSIDE_GRID", { file: name, sheet: entry.name, cell: error.where }, { cause: error }) : error;
      });
      input.sheets.push(sheet.grid);
      sheets.push({ entry, a1Text: sheet.a1Text });
    }
    return { input, read: { file, workbook, stylesXml, sheets } };
  } catch (error) {
    if (error instanceof XianjiaoError) throw error;
    throw new XianjiaoError("ZIP_CORRUPT", { file: name }, { cause: error });
  } finally {
    zip.close();
  }
}
