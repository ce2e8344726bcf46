import * as path from "node:path";
import { XianjiaoError } from "../../errors";
import { REL, packagePart, parseRelationships, parseWorkbook, relsPartOf } from "./parts";
import { openZipReader } from "./zip-read";

/**
 * Each sheet's markers (XianjiaoSheet, XianjiaoResults: name → formula), read from the
 * package's workbook part alone: which sheets of a workbook a run of ours wrote, without reading
 * a cell. Sheets without markers are absent.
 */
export async function readSheetMarkers(file: string): Promise<Map<string, Record<string, string>>> {
  const name = path.basename(file);
  let zip;
  try {
    zip = await openZipReader(file);
  } catch (error) {
    throw new XianjiaoError("ZIP_CORRUPT", { file: name }, { cause: error });
  }
  try {
    const rootRels = zip.has("_rels/.rels") ? parseRelationships(await zip.text("_rels/.rels"), { file: name, part: "_rels/.rels" }) : [];
    const workbookPart = packagePart(rootRels, REL.officeDocument) ?? "xl/workbook.xml";
    if (!zip.has(workbookPart)) return new Map();
    const rels = relsPartOf(workbookPart);
    const workbook = parseWorkbook(name, workbookPart, await zip.text(workbookPart), zip.has(rels) ? await zip.text(rels) : null);
    return new Map(workbook.sheets.filter((s) => Object.keys(s.markers).length > 0).map((s) => [s.name, s.markers]));
  } finally {
    zip.close();
  }
}
