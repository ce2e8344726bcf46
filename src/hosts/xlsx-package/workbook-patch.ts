import type { SheetEntry } from "./parts";
import { elements, relativeTarget, resolveTarget } from "./parts";
import type { NewSheet } from "./sheet-layout";
import { attribute, escapeAttribute, escapeText, setAttribute } from "./xml-text";
import { locate } from "./xml-children";
import { printLayout } from "../../engine/plan/print";

/** workbook.xml, its rels, [Content_Types].xml and docProps/app.xml after sheets are removed and added. */

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TYPE = {
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
  drawing: `${REL_NS}/drawing`,
  chart: `${REL_NS}/chart`,
};
export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

function insertBefore(xml: string, closeTag: RegExp, text: string): string {
  const m = closeTag.exec(xml);
  return m ? xml.slice(0, m.index) + text + xml.slice(m.index) : xml;
}

/**
 * Sheets removed and added in `<sheets>`; sheet-scoped defined names and the active tab
 * follow their sheet to its new position (names of a removed sheet go with it).
 */
export function patchWorkbookXml(xml: string, sheets: SheetEntry[], removed: SheetEntry[], added: NewSheet[]): string {
  let prefix = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*"${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(xml)?.[1];
  if (!prefix) {
    prefix = "r";
    xml = xml.replace(/<([\w.-]+:)?workbook\b/, (m) => `${m} xmlns:r="${REL_NS}"`);
  }
  const gone = new Set(removed.map((s) => s.relId));
  for (const tag of elements(xml, "sheet")) {
    const relId = attribute(tag, `${prefix}:id`);
    if (relId !== undefined && gone.has(relId)) xml = xml.replace(tag, "");
  }
  const sheetPrefix = /<([\w.-]+:)?sheets\b/.exec(xml)?.[1] ?? "";
  const newTags = added.map((s) => `<${sheetPrefix}sheet name="${escapeAttribute(s.name)}" sheetId="${s.sheetId}" ${prefix}:id="${s.relId}"/>`).join("");
  xml = insertBefore(xml, /<\/([\w.-]+:)?sheets>/, newTags);

  // 0-based positions before and after
  const kept = sheets.map((s, i) => ({ i, kept: !gone.has(s.relId) }));
  const position = new Map<number, number>();
  let n = 0;
  for (const k of kept) if (k.kept) position.set(k.i, n++);
  const names = locate(xml, "definedNames");
  if (names) {
    let inner = xml.slice(names.innerStart, names.innerEnd);
    inner = inner.replace(/<([\w.-]+:)?definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/([\w.-]+:)?definedName>)/g, (element) => {
      const local = attribute(element.slice(0, element.indexOf(">") + 1), "localSheetId");
      if (local === undefined) return element;
      const to = position.get(Number(local));
      if (to === undefined) return "";
      return element.replace(/localSheetId\s*=\s*"\d+"/, `localSheetId="${to}"`);
    });
    xml = inner.trim() === "" ? xml.slice(0, names.start) + xml.slice(names.end) : xml.slice(0, names.innerStart) + inner + xml.slice(names.innerEnd);
  }
  xml = addPrintTitles(xml, added, n);
  for (const tag of elements(xml, "workbookView")) {
    let next = tag;
    for (const attr of ["activeTab", "firstSheet"]) {
      const value = attribute(next, attr);
      if (value !== undefined) next = setAttribute(next, attr, String(position.get(Number(value)) ?? 0));
    }
    xml = xml.replace(tag, next);
  }
  return xml;
}

/** 'Sheet name'!… as a defined name writes it. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Print titles of the new sheets (the title and header rows on every page, column A on every
 * page across when the table is more than a page wide), as Excel keeps them: sheet-scoped
 * _xlnm.Print_Titles names. New sheets sit after the `kept` sheets, in order.
 */
function addPrintTitles(xml: string, added: NewSheet[], kept: number): string {
  const names = added
    .map((sheet, i) => {
      const print = sheet.plan.print ?? printLayout(sheet.plan);
      const ref = sheetRef(sheet.name);
      const areas = [...(print.repeatFirstColumn ? [`${ref}!$A:$A`] : []), `${ref}!$1:$${print.titleRows}`];
      return `<definedName name="_xlnm.Print_Titles" localSheetId="${kept + i}">${escapeText(areas.join(","))}</definedName>`;
    })
    .join("");
  if (names === "") return xml;
  const existing = locate(xml, "definedNames");
  if (existing) {
    const p = /<([\w.-]+:)?definedNames\b/.exec(xml)?.[1] ?? "";
    return xml.slice(0, existing.innerEnd) + names.replace(/<(\/?)definedName\b/g, `<$1${p}definedName`) + xml.slice(existing.innerEnd);
  }
  // definedNames follows sheets, functionGroups and externalReferences in the schema's order
  const after = [...xml.matchAll(/<\/([\w.-]+:)?(?:sheets|functionGroups|externalReferences)>/g)].at(-1);
  if (!after) return xml;
  const p = after[1] ?? "";
  const at = after.index! + after[0].length;
  return xml.slice(0, at) + `<${p}definedNames>${names.replace(/<(\/?)definedName\b/g, `<$1${p}definedName`)}</${p}definedNames>` + xml.slice(at);
}

/**
 * The workbook's relationships without removed sheets and parts, with the new sheets (and
 * styles when created).
 */
export function patchWorkbookRels(
  xml: string | null,
  workbookPart: string,
  removed: SheetEntry[],
  removedParts: Set<string>,
  added: NewSheet[],
  newStyles: { relId: string; part: string } | null,
): string {
  let out = xml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const gone = new Set(removed.map((s) => s.relId));
  for (const tag of elements(out, "Relationship")) {
    const id = attribute(tag, "Id");
    const target = attribute(tag, "TargetMode") === "External" ? "" : resolveTarget(workbookPart, attribute(tag, "Target") ?? "").toLowerCase();
    if ((id !== undefined && gone.has(id)) || removedParts.has(target)) out = out.replace(new RegExp(`${tag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s*</Relationship>)?`), "");
  }
  const rels = added.map((s) => `<Relationship Id="${s.relId}" Type="${REL_TYPE.worksheet}" Target="${escapeAttribute(relativeTarget(workbookPart, s.part))}"/>`);
  if (newStyles) rels.push(`<Relationship Id="${newStyles.relId}" Type="${REL_TYPE.styles}" Target="${escapeAttribute(relativeTarget(workbookPart, newStyles.part))}"/>`);
  return insertBefore(out, /<\/Relationships>/, rels.join(""));
}

/** Overrides for removed parts dropped, for new parts added. */
export function patchContentTypes(xml: string, removedParts: Set<string>, addedParts: { part: string; type: string }[]): string {
  let out = xml;
  for (const tag of elements(out, "Override")) {
    const name = (attribute(tag, "PartName") ?? "").replace(/^\//, "").toLowerCase();
    if (removedParts.has(name)) out = out.replace(tag, "");
  }
  const overrides = addedParts.map((p) => `<Override PartName="/${escapeAttribute(p.part)}" ContentType="${p.type}"/>`).join("");
  return insertBefore(out, /<\/([\w.-]+:)?Types>/, overrides);
}

/**
 * docProps/app.xml lists the sheet names under the heading that holds the worksheets: removed
 * names go, new ones are added after the last sheet. Left alone when its lists do not add up.
 */
export function patchAppXml(xml: string, sheetNames: string[], removedNames: string[], addedNames: string[]): string {
  const headings = locate(xml, "HeadingPairs");
  const titles = locate(xml, "TitlesOfParts");
  if (!headings || !titles) return xml;
  const titlesInner = xml.slice(titles.innerStart, titles.innerEnd);
  const list = [...titlesInner.matchAll(/<([\w.-]+:)?lpstr>([\s\S]*?)<\/([\w.-]+:)?lpstr>/g)].map((m) => m[2]);
  const headingInner = xml.slice(headings.innerStart, headings.innerEnd);
  const counts = [...headingInner.matchAll(/<([\w.-]+:)?i4>(\d+)<\/([\w.-]+:)?i4>/g)];
  if (counts.reduce((s, m) => s + Number(m[2]), 0) !== list.length) return xml;
  const known = new Set(sheetNames.map((n) => escapeText(n)));
  let start = 0;
  for (let pair = 0; pair < counts.length; pair++) {
    const count = Number(counts[pair][2]);
    const mine = list.slice(start, start + count);
    if (mine.some((t) => known.has(t))) {
      const gone = new Set(removedNames.map((n) => escapeText(n)));
      const next = [...mine.filter((t) => !gone.has(t)), ...addedNames.map((n) => escapeText(n))];
      const all = [...list.slice(0, start), ...next, ...list.slice(start + count)];
      const p = /<([\w.-]+:)?lpstr>/.exec(titlesInner)?.[1] ?? "";
      const vector = /<([\w.-]+:)?vector\b[^>]*>/.exec(titlesInner);
      if (!vector) return xml;
      const newTitles = `${setAttribute(vector[0], "size", String(all.length))}${all.map((t) => `<${p}lpstr>${t}</${p}lpstr>`).join("")}</${vector[1] ?? ""}vector>`;
      const m = counts[pair];
      const newHeadings = headingInner.slice(0, m.index) + m[0].replace(/>\d+</, `>${next.length}<`) + headingInner.slice(m.index! + m[0].length);
      return xml.slice(0, headings.innerStart) + newHeadings + xml.slice(headings.innerEnd, titles.innerStart) + newTitles + xml.slice(titles.innerEnd);
    }
    start += count;
  }
  return xml;
}
