import type { Element } from "@xmldom/xmldom";
import { stripXmlForbidden } from "../../engine/xml-chars";
import { NS, childElements, createLike, firstChild, insertInOrder } from "./xml-dom";

/**
 * Defined names of workbook.xml, read and changed on its DOM. A sheet-scoped name carries the
 * 0-based position of its sheet in `<sheets>` (localSheetId); names are told apart case-insensitively,
 * as Excel does.
 */

/** Children of `<workbook>` in schema order. */
export const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export interface DefinedName {
  name: string;
  /** The sheet's position for a sheet-scoped name, null for a workbook-wide one. */
  localSheetId: number | null;
  /** The formula it stands for, without "=" ("'评议-说明'!$A$1"). */
  value: string;
  hidden?: boolean;
}

function scopeOf(el: Element): number | null {
  const value = el.getAttribute("localSheetId");
  return value === null ? null : Number(value);
}

function read(el: Element): DefinedName {
  return { name: el.getAttribute("name") ?? "", localSheetId: scopeOf(el), value: el.textContent ?? "", hidden: el.getAttribute("hidden") === "1" || el.getAttribute("hidden") === "true" };
}

function list(workbook: Element): Element | null {
  return firstChild(workbook, "definedNames", NS.main);
}

/** Every defined name with its element. */
export function definedNameElements(workbook: Element): { element: Element; name: DefinedName }[] {
  const names = list(workbook);
  return names ? childElements(names, "definedName", NS.main).map((element) => ({ element, name: read(element) })) : [];
}

export function definedNames(workbook: Element): DefinedName[] {
  return definedNameElements(workbook).map((d) => d.name);
}

const sameName = (a: DefinedName, b: DefinedName) => a.localSheetId === b.localSheetId && a.name.toLowerCase() === b.name.toLowerCase();

/** Sets a name: the one of the same name and scope is replaced, else it is added (the list made in its schema place). */
export function setDefinedName(workbook: Element, name: DefinedName): void {
  let names = list(workbook);
  if (!names) names = insertInOrder(workbook, createLike(workbook, "definedNames"), WORKBOOK_ORDER);
  const el = createLike(names, "definedName", { name: name.name });
  if (name.localSheetId !== null) el.setAttribute("localSheetId", String(name.localSheetId));
  if (name.hidden) el.setAttribute("hidden", "1");
  el.appendChild(workbook.ownerDocument!.createTextNode(stripXmlForbidden(name.value)));
  const old = definedNameElements(workbook).find((d) => sameName(d.name, name));
  if (old) names.replaceChild(el, old.element);
  else names.appendChild(el);
}

/** Removes the names `drop` picks; an empty list of names goes too. */
export function removeDefinedNames(workbook: Element, drop: (name: DefinedName) => boolean): void {
  const names = list(workbook);
  if (!names) return;
  for (const d of definedNameElements(workbook)) if (drop(d.name)) names.removeChild(d.element);
  if (childElements(names).length === 0) workbook.removeChild(names);
}

/**
 * Sheet-scoped names follow their sheet to its new position (`position` maps old positions to
 * new ones); names of a sheet that is gone go with it.
 */
export function moveSheetScopedNames(workbook: Element, position: Map<number, number>): void {
  removeDefinedNames(workbook, (name) => name.localSheetId !== null && !position.has(name.localSheetId));
  for (const { element, name } of definedNameElements(workbook)) {
    if (name.localSheetId !== null) element.setAttribute("localSheetId", String(position.get(name.localSheetId)));
  }
}
