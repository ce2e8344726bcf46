import { attribute } from "./xml-text";

/** The package's wiring: relationships, part paths and the workbook's sheet list. */

export const REL = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  styles: "/styles",
  sharedStrings: "/sharedStrings",
  drawing: "/drawing",
  chart: "/chart",
  calcChain: "/calcChain",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The element as written, to copy it unchanged. */
  xml: string;
}

/** Start tags (or empty elements) named `name`, with any namespace prefix. */
export function elements(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<(?:[\\w.-]+:)?${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, "g")) ?? [];
}

export function parseRelationships(xml: string): Relationship[] {
  return elements(xml, "Relationship").map((tag) => ({
    id: attribute(tag, "Id") ?? "",
    type: attribute(tag, "Type") ?? "",
    target: attribute(tag, "Target") ?? "",
    external: attribute(tag, "TargetMode") === "External",
    xml: tag.endsWith("/>") ? tag : `${tag}</Relationship>`,
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
    else base.push(decodeURIComponent(piece));
  }
  return base.join("/");
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
}

export interface WorkbookParts {
  workbookPart: string;
  workbookXml: string;
  relationships: Relationship[];
  sheets: SheetEntry[];
  date1904: boolean;
  stylesPart: string | null;
  sharedStringsPart: string | null;
}

export function officeDocumentPart(rootRels: string | null): string {
  const rel = rootRels ? parseRelationships(rootRels).find((r) => r.type.endsWith(REL.officeDocument) && !r.external) : undefined;
  return rel ? resolveTarget("", rel.target) : "xl/workbook.xml";
}

export function parseWorkbook(workbookPart: string, workbookXml: string, relsXml: string | null): WorkbookParts {
  const relationships = relsXml ? parseRelationships(relsXml) : [];
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheets = elements(workbookXml, "sheet").map((tag): SheetEntry => {
    const relId = attribute(tag, "r:id") ?? /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? "";
    const rel = byId.get(relId);
    return {
      name: attribute(tag, "name") ?? "",
      sheetId: Number(attribute(tag, "sheetId") ?? 0),
      relId,
      part: rel && !rel.external ? resolveTarget(workbookPart, rel.target) : "",
      isWorksheet: !!rel && rel.type.endsWith(REL.worksheet),
    };
  });
  const pr = elements(workbookXml, "workbookPr")[0];
  const find = (type: string) => {
    const rel = relationships.find((r) => r.type.endsWith(type) && !r.external);
    return rel ? resolveTarget(workbookPart, rel.target) : null;
  };
  return {
    workbookPart,
    workbookXml,
    relationships,
    sheets,
    date1904: pr !== undefined && attribute(pr, "date1904") === "1",
    stylesPart: find(REL.styles),
    sharedStringsPart: find(REL.sharedStrings),
  };
}
