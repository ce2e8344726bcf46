import type JSZip from "jszip";
import { XianjiaoError } from "../errors";
import type { Visibility } from "../hosts/memory/cells";
import { REL, packagePart, parseRelationships, parseWorkbook, relsPartOf } from "../hosts/xlsx-package/parts";

/** What the page's spreadsheet reader leaves out of a sheet and the next run needs: our markers and whether it is hidden. */
export interface SheetExtras {
  /** Our markers among the sheet's defined names: name → formula as Excel reports it ("=…"). */
  markers: Record<string, string>;
  visibility: Visibility;
}

async function text(zip: JSZip, part: string): Promise<string | null> {
  const entry = zip.file(part);
  return entry ? entry.async("string") : null;
}

/**
 * Each worksheet's markers and visibility, by name, from the package's workbook part (read with
 * the same namespace-aware parsing the command line uses). exceljs keeps neither a constant
 * defined name nor a name's sheet scope, so without this a workbook evaluated before would not
 * know its own result sheets in the page.
 */
export async function sheetExtras(bytes: ArrayBuffer, file: string): Promise<Map<string, SheetExtras>> {
  const { default: JSZipClass } = await import(/* webpackChunkName: "jszip" */ "jszip");
  let zip: JSZip;
  try {
    zip = await JSZipClass.loadAsync(bytes);
  } catch (error) {
    throw new XianjiaoError("ZIP_CORRUPT", { file }, { cause: error });
  }
  const rootRelsXml = await text(zip, "_rels/.rels");
  const rootRels = rootRelsXml === null ? [] : parseRelationships(rootRelsXml, { file, part: "_rels/.rels" });
  const workbookPart = packagePart(rootRels, REL.officeDocument) ?? "xl/workbook.xml";
  const workbookXml = await text(zip, workbookPart);
  if (workbookXml === null) return new Map();
  const parts = parseWorkbook(file, workbookPart, workbookXml, await text(zip, relsPartOf(workbookPart)));
  const out = new Map<string, SheetExtras>();
  for (const sheet of parts.sheets) {
    if (!sheet.isWorksheet) continue;
    const markers = Object.fromEntries(Object.entries(sheet.markers).map(([name, value]) => [name, value.startsWith("=") ? value : `=${value}`]));
    out.set(sheet.name, { markers, visibility: sheet.veryHidden ? "VeryHidden" : sheet.hidden ? "Hidden" : "Visible" });
  }
  return out;
}
