import { XianjiaoError } from "../../errors";
import type { Element } from "@xmldom/xmldom";
import { BLOCK_MARKER, SHEET_MARKER } from "../../engine/memory/markers";
import { definedNames } from "./defined-names";
import { NS, childElements, firstChild, parsePart, rootOf, type PartOf } from "./xml-dom";

/** The package's wiring: relationships, part paths, content types and the workbook's sheet list. */

export const REL = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  styles: "/styles",
  sharedStrings: "/sharedStrings",
  drawing: "/drawing",
  chart: "/chart",
  calcChain: "/calcChain",
  coreProperties: "/metadata/core-properties",
  extendedProperties: "/extended-properties",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export function parseRelationships(xml: string, at: PartOf): Relationship[] {
  const root = rootOf(parsePart(xml, at), "Relationships", [NS.packageRel], at);
  return childElements(root, "Relationship", NS.packageRel).map((el) => ({
    id: el.getAttribute("Id") ?? "",
    type: el.getAttribute("Type") ?? "",
    target: el.getAttribute("Target") ?? "",
    external: el.getAttribute("TargetMode") === "External",
  }));
}

/** The rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the part it belongs to, as a zip entry name. */
export function resolveTarget(fromPart: string, target: string): string {
  const clean = target.split("#")[0];
  const base = clean.startsWith("/") ? [] : fromPart.split("/").slice(0, -1);
  for (const piece of clean.split("/")) {
    if (piece === "" || piece === ".") continue;
    if (piece === "..") base.pop();
    else base.push(safeDecode(piece));
  }
  return base.join("/");
}

function safeDecode(piece: string): string {
  try {
    return decodeURIComponent(piece);
  } catch {
    return piece;
  }
}

/** A target for `part` written relative to `fromPart`'s folder. */
export function relativeTarget(fromPart: string, part: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = part.split("/");
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same++;
  return [...from.slice(same).map(() => ".."), ...to.slice(same)].join("/");
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** The zip entry of the sheet part ("" when the relationship is missing). */
  part: string;
  /** True for a worksheet (not a chart sheet or dialog sheet). */
  isWorksheet: boolean;
  /** Hidden or very hidden in Excel. */
  hidden: boolean;
  /** Very hidden: not even listed by 取消隐藏. */
  veryHidden: boolean;
  /** Our markers among its sheet-scoped defined names (XianjiaoSheet, XianjiaoResults): name → formula. */
  markers: Record<string, string>;
}

export interface WorkbookParts {
  workbookPart: string;
  workbookXml: string;
  /** The workbook's relationships part as read (null when the package has none). */
  relsXml: string | null;
  relationships: Relationship[];
  sheets: SheetEntry[];
  date1904: boolean;
  stylesPart: string | null;
  sharedStringsPart: string | null;
}

/** The part a package relationship of `type` names (the officeDocument, its properties), or null. */
export function packagePart(rootRels: Relationship[], type: string): string | null {
  const rel = rootRels.find((r) => r.type.endsWith(type) && !r.external);
  return rel ? resolveTarget("", rel.target) : null;
}

/** `r:id` of an element, under whatever prefix the package binds the relationships namespace to. */
export function relationshipIdOf(el: { getAttributeNS(ns: string, local: string): string | null }): string {
  return el.getAttributeNS(NS.rel, "id") ?? "";
}

const truthy = (value: string | null) => value === "1" || value === "true";

const MARKERS = new Map([SHEET_MARKER, BLOCK_MARKER].map((name) => [name.toLowerCase(), name]));

/** Our markers by sheet position: the sheet-scoped defined names a run of ours set. */
function markersBySheet(workbook: Element): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  for (const name of definedNames(workbook)) {
    const marker = MARKERS.get(name.name.toLowerCase());
    if (marker === undefined || name.localSheetId === null || !Number.isInteger(name.localSheetId)) continue;
    let own = out.get(name.localSheetId);
    if (!own) out.set(name.localSheetId, (own = {}));
    own[marker] = name.value;
  }
  return out;
}

/**
 * The workbook's sheets, settings and related parts. A workbook in ISO/IEC 29500 Strict form
 * (purl.oclc.org namespaces) is refused: its parts cannot be patched as Transitional ones.
 */
export function parseWorkbook(file: string, workbookPart: string, workbookXml: string, relsXml: string | null): WorkbookParts {
  const at = { file, part: workbookPart };
  const doc = parsePart(workbookXml, at);
  if (doc.documentElement?.namespaceURI === NS.strictMain) throw new XianjiaoError("STRICT_OOXML", { file });
  const root = rootOf(doc, "workbook", [NS.main], at);
  const relationships = relsXml !== null ? parseRelationships(relsXml, { file, part: relsPartOf(workbookPart) }) : [];
  if (relationships.some((r) => r.type.startsWith(NS.strictRel))) throw new XianjiaoError("STRICT_OOXML", { file });
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const list = firstChild(root, "sheets", NS.main);
  const markers = markersBySheet(root);
  const sheets = (list ? childElements(list, "sheet", NS.main) : []).map((el, i): SheetEntry => {
    const relId = relationshipIdOf(el);
    const rel = byId.get(relId);
    const state = el.getAttribute("state");
    return {
      name: el.getAttribute("name") ?? "",
      sheetId: Number(el.getAttribute("sheetId") ?? 0),
      relId,
      part: rel && !rel.external ? resolveTarget(workbookPart, rel.target) : "",
      isWorksheet: !!rel && rel.type.endsWith(REL.worksheet),
      hidden: state === "hidden" || state === "veryHidden",
      veryHidden: state === "veryHidden",
      markers: markers.get(i) ?? {},
    };
  });
  const pr = firstChild(root, "workbookPr", NS.main);
  const find = (type: string) => {
    const rel = relationships.find((r) => r.type.endsWith(type) && !r.external);
    return rel ? resolveTarget(workbookPart, rel.target) : null;
  };
  return {
    workbookPart,
    workbookXml,
    relsXml,
    relationships,
    sheets,
    date1904: pr !== null && truthy(pr.getAttribute("date1904")),
    stylesPart: find(REL.styles),
    sharedStringsPart: find(REL.sharedStrings),
  };
}

/** The content type [Content_Types].xml gives a part (its Override, else the Default of its extension), or null. */
export function contentTypeOf(typesXml: string, part: string, file: string): string | null {
  const at = { file, part: CONTENT_TYPES_PART };
  const root = rootOf(parsePart(typesXml, at), "Types", [NS.contentTypes], at);
  const name = `/${part}`.toLowerCase();
  const override = childElements(root, "Override", NS.contentTypes).find((el) => (el.getAttribute("PartName") ?? "").toLowerCase() === name);
  if (override) return override.getAttribute("ContentType");
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  const byDefault = childElements(root, "Default", NS.contentTypes).find((el) => (el.getAttribute("Extension") ?? "").toLowerCase() === ext);
  return byDefault?.getAttribute("ContentType") ?? null;
}

/** The file extension each kind of spreadsheet package must carry, by the content type of its workbook part. */
export const EXTENSION_OF_KIND: Record<string, string> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": ".xlsx",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": ".xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": ".xltx",
  "application/vnd.ms-excel.template.macroEnabled.main+xml": ".xltm",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml": ".xlam",
};
