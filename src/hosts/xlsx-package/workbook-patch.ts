import type { Element } from "@xmldom/xmldom";
import { printLayout } from "../../engine/plan/print";
import type { PlanName } from "../../engine/plan/types";
import { stripXmlForbidden } from "../../engine/xml-chars";
import { WORKBOOK_ORDER, moveSheetScopedNames, removeDefinedNames, setDefinedName } from "./defined-names";
import { relationshipIdOf, relativeTarget, resolveTarget, type SheetEntry } from "./parts";
import type { NewSheet } from "./sheet-layout";
import { NS, childElements, createLike, firstChild, insertInOrder, parsePart, prefixFor, rootOf, serializePart, type PartOf } from "./xml-dom";

/** workbook.xml, its rels, [Content_Types].xml and docProps/app.xml after sheets are removed and added. */

export const REL_TYPE = {
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
};
export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
};

/** 'Sheet name'!… as a defined name writes it. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Print titles of the new sheets (the title and header rows on every page, column A on every
 * page across when the table is more than a page wide), as Excel keeps them: sheet-scoped
 * _xlnm.Print_Titles names. New sheets sit after the `kept` sheets, in order.
 */
function addPrintTitles(workbook: Element, added: NewSheet[], kept: number): void {
  added.forEach((sheet, i) => {
    if (sheet.plan.hidden) return; // the run record and the technical sheet are never printed
    const print = sheet.plan.print ?? printLayout(sheet.plan);
    const ref = sheetRef(sheet.name);
    const areas = [...(print.repeatFirstColumn ? [`${ref}!$A:$A`] : []), `${ref}!$1:$${print.titleRows}`];
    setDefinedName(workbook, { name: "_xlnm.Print_Titles", localSheetId: kept + i, value: areas.join(",") });
  });
}

/**
 * Our markers, as hidden sheet-scoped names (the one of the same name on that sheet replaced),
 * on a sheet that stays at its new position, on a new sheet of ours after the kept ones.
 */
function addMarkers(workbook: Element, markers: readonly PlanName[], sheets: SheetEntry[], position: Map<number, number>, added: NewSheet[], kept: number): void {
  const at = new Map<string, number>();
  sheets.forEach((s, i) => {
    const to = position.get(i);
    if (to !== undefined) at.set(s.name.toLowerCase(), to);
  });
  added.forEach((s, i) => at.set(s.name.toLowerCase(), kept + i));
  for (const marker of markers) {
    const localSheetId = at.get(marker.sheet.toLowerCase());
    if (localSheetId === undefined) continue;
    // removed and added again rather than replaced where it stood, so a re-run writes the names in the same order
    const name = marker.name.toLowerCase();
    removeDefinedNames(workbook, (n) => n.localSheetId === localSheetId && n.name.toLowerCase() === name);
    setDefinedName(workbook, { name: marker.name, localSheetId, value: marker.formula.replace(/^=/, ""), hidden: true });
  }
}

/**
 * Sheets removed and added in `<sheets>`; sheet-scoped defined names and the active tab
 * follow their sheet to its new position (names of a removed sheet go with it). The new
 * `<sheet>`s name their relationship with the prefix the workbook binds to the relationships
 * namespace where they are, declared once on `<workbook>` when it is bound nowhere there
 * (openpyxl declares it on each `<sheet>` only).
 */
export function patchWorkbookXml(xml: string, at: PartOf, sheets: SheetEntry[], removed: SheetEntry[], added: NewSheet[], markers: readonly PlanName[] = []): string {
  const workbook = rootOf(parsePart(xml, at), "workbook", [NS.main], at);
  const list = firstChild(workbook, "sheets", NS.main) ?? insertInOrder(workbook, createLike(workbook, "sheets"), WORKBOOK_ORDER);
  const gone = new Set(removed.map((s) => s.relId));
  for (const el of childElements(list, "sheet", NS.main)) if (gone.has(relationshipIdOf(el))) list.removeChild(el);
  if (added.length > 0) {
    const r = prefixFor(list, NS.rel, "r");
    for (const sheet of added) {
      const el = createLike(list, "sheet", { name: stripXmlForbidden(sheet.name), sheetId: sheet.sheetId });
      if (sheet.plan.hidden) el.setAttribute("state", sheet.plan.hidden);
      el.setAttributeNS(NS.rel, `${r}:id`, sheet.relId);
      list.appendChild(el);
    }
  }

  // 0-based positions before and after
  const position = new Map<number, number>();
  let kept = 0;
  sheets.forEach((s, i) => {
    if (!gone.has(s.relId)) position.set(i, kept++);
  });
  moveSheetScopedNames(workbook, position);
  addPrintTitles(workbook, added, kept);
  addMarkers(workbook, markers, sheets, position, added, kept);
  const views = firstChild(workbook, "bookViews", NS.main);
  for (const view of views ? childElements(views, "workbookView", NS.main) : []) {
    for (const name of ["activeTab", "firstSheet"]) {
      const value = view.getAttribute(name);
      if (value !== null) view.setAttribute(name, String(position.get(Number(value)) ?? 0));
    }
  }
  return serializePart(workbook.ownerDocument!);
}

const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRel}"/>`;

/**
 * The workbook's relationships without removed sheets and parts, with the new sheets (and
 * styles when created).
 */
export function patchWorkbookRels(
  xml: string | null,
  at: PartOf,
  workbookPart: string,
  removed: SheetEntry[],
  removedParts: Set<string>,
  added: NewSheet[],
  newStyles: { relId: string; part: string } | null,
): string {
  const root = rootOf(parsePart(xml ?? EMPTY_RELS, at), "Relationships", [NS.packageRel], at);
  const gone = new Set(removed.map((s) => s.relId));
  for (const el of childElements(root, "Relationship", NS.packageRel)) {
    const external = el.getAttribute("TargetMode") === "External";
    const target = external ? "" : resolveTarget(workbookPart, el.getAttribute("Target") ?? "").toLowerCase();
    if (gone.has(el.getAttribute("Id") ?? "") || removedParts.has(target)) root.removeChild(el);
  }
  const add = (id: string, type: string, part: string) => root.appendChild(createLike(root, "Relationship", { Id: id, Type: type, Target: relativeTarget(workbookPart, part) }));
  for (const sheet of added) add(sheet.relId, REL_TYPE.worksheet, sheet.part);
  if (newStyles) add(newStyles.relId, REL_TYPE.styles, newStyles.part);
  return serializePart(root.ownerDocument!);
}

/**
 * Overrides for removed parts dropped, for new parts added (an Override the package already
 * has for a part is set, never doubled); the Default for .rels parts when missing.
 */
export function patchContentTypes(xml: string, at: PartOf, removedParts: Set<string>, addedParts: { part: string; type: string }[]): string {
  const root = rootOf(parsePart(xml, at), "Types", [NS.contentTypes], at);
  const overrides = () => childElements(root, "Override", NS.contentTypes);
  const nameOf = (el: Element) => (el.getAttribute("PartName") ?? "").replace(/^\//, "").toLowerCase();
  for (const el of overrides()) if (removedParts.has(nameOf(el))) root.removeChild(el);
  for (const { part, type } of addedParts) {
    const same = overrides().find((el) => nameOf(el) === part.toLowerCase());
    if (same) same.setAttribute("ContentType", type);
    else root.appendChild(createLike(root, "Override", { PartName: `/${part}`, ContentType: type }));
  }
  const defaults = childElements(root, "Default", NS.contentTypes);
  if (!defaults.some((el) => (el.getAttribute("Extension") ?? "").toLowerCase() === "rels")) {
    root.insertBefore(createLike(root, "Default", { Extension: "rels", ContentType: CONTENT_TYPE.relationships }), childElements(root)[0] ?? null);
  }
  return serializePart(root.ownerDocument!);
}

/**
 * docProps/app.xml lists the sheet names under the heading that holds the worksheets: removed
 * names go, new ones are added after the last sheet. Left as it was (byte for byte) when its
 * lists do not add up or name none of the sheets.
 */
export function patchAppXml(xml: string, at: PartOf, sheetNames: string[], removedNames: string[], addedNames: string[]): string {
  const root = rootOf(parsePart(xml, at), "Properties", [NS.extended], at);
  const vectorIn = (name: string) => {
    const holder = firstChild(root, name, NS.extended);
    return holder ? firstChild(holder, "vector", NS.variantTypes) : null;
  };
  const headings = vectorIn("HeadingPairs");
  const titles = vectorIn("TitlesOfParts");
  if (!headings || !titles) return xml;
  const titleElements = childElements(titles, "lpstr", NS.variantTypes);
  if (titleElements.length !== childElements(titles).length) return xml;
  // pairs of <variant><lpstr>heading</lpstr></variant><variant><i4>count</i4></variant>
  const counts = childElements(headings, "variant", NS.variantTypes)
    .map((variant) => firstChild(variant, "i4", NS.variantTypes))
    .filter((el): el is Element => el !== null);
  const numbers = counts.map((el) => Number((el.textContent ?? "").trim()));
  if (numbers.some((n) => !Number.isInteger(n) || n < 0) || numbers.reduce((s, n) => s + n, 0) !== titleElements.length) return xml;
  const known = new Set(sheetNames);
  const gone = new Set(removedNames);
  let start = 0;
  for (let pair = 0; pair < counts.length; pair++) {
    const mine = titleElements.slice(start, start + numbers[pair]);
    start += numbers[pair];
    if (!mine.some((el) => known.has(el.textContent ?? ""))) continue;
    const after = mine[mine.length - 1].nextSibling;
    for (const el of mine) if (gone.has(el.textContent ?? "")) titles.removeChild(el);
    for (const name of addedNames) {
      const el = createLike(mine[0], "lpstr");
      el.appendChild(root.ownerDocument!.createTextNode(stripXmlForbidden(name)));
      titles.insertBefore(el, after);
    }
    const count = numbers[pair] - mine.filter((el) => gone.has(el.textContent ?? "")).length + addedNames.length;
    counts[pair].textContent = String(count);
    titles.setAttribute("size", String(childElements(titles).length));
    return serializePart(root.ownerDocument!);
  }
  return xml;
}
