import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { XianjiaoError } from "../../errors";
import { hasXmlForbidden, stripXmlForbidden } from "../../engine/xml-chars";

/**
 * The package's small parts (workbook, its relationships, styles, content types, document
 * properties) parsed into a namespace-aware DOM, changed and serialised again. Worksheets are
 * never parsed this way: they stream (sheet-patch.ts).
 */

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  extended: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  variantTypes: "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
  core: "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
  xmlns: "http://www.w3.org/2000/xmlns/",
  /** ISO/IEC 29500 Strict: the same vocabulary under other names. */
  strictMain: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  strictRel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
} as const;

/** Where a part comes from, to name it when it is refused. */
export interface PartOf {
  file: string;
  part: string;
}

const DOCUMENT_TYPE_NODE = 10;
const ELEMENT_NODE = 1;

export const damagedPart = (at: PartOf, cause?: unknown) => new XianjiaoError("PART_DAMAGED", { file: at.file, part: at.part }, { cause });

/**
 * Parses one part. Anything that is not a well-formed, namespace-well-formed XML document is
 * refused: cut off, garbage, an unbound prefix, a repeated attribute, characters XML 1.0
 * forbids, a second root — and any DOCTYPE (packages never have one; its entities are never
 * expanded, the document is refused before they could matter).
 */
export function parsePart(text: string, at: PartOf): Document {
  if (hasXmlForbidden(text)) throw damagedPart(at);
  const problems: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        // U+FFFD is a character like any other; xmldom only wonders whether it was a decoding slip
        if (level === "warning" && message.startsWith("Unicode replacement character")) return;
        problems.push(`${level}: ${message}`);
      },
    }).parseFromString(text, "text/xml");
  } catch (error) {
    throw damagedPart(at, error);
  }
  if (problems.length > 0) throw damagedPart(at, new Error(problems.join("; ")));
  for (let node = doc.firstChild; node; node = node.nextSibling) if (node.nodeType === DOCUMENT_TYPE_NODE) throw damagedPart(at, new Error("DOCTYPE"));
  if (!doc.documentElement) throw damagedPart(at);
  return doc;
}

/** The root element, checked to be `local` in one of `namespaces`; otherwise the part is refused. */
export function rootOf(doc: Document, local: string, namespaces: readonly string[], at: PartOf): Element {
  const root = doc.documentElement;
  if (!root || root.localName !== local || !namespaces.includes(root.namespaceURI ?? "")) throw damagedPart(at, new Error(`root ${root?.nodeName}`));
  return root;
}

/**
 * The document as text, without any character XML 1.0 forbids (a character reference in the
 * input may hold one). A carriage return in the DOM came from a character reference (parsing
 * turns written line breaks into LF) and is written as one again, or the next reader would read LF.
 */
export function serializePart(doc: Document): string {
  return stripXmlForbidden(new XMLSerializer().serializeToString(doc)).replace(/\r/g, "&#13;");
}

/** Child elements of `parent`, optionally only those named `local` in namespace `ns`. */
export function childElements(parent: Element, local?: string, ns?: string | null): Element[] {
  const out: Element[] = [];
  for (let node: Node | null = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    if (local !== undefined && el.localName !== local) continue;
    if (ns !== undefined && (el.namespaceURI ?? null) !== ns) continue;
    out.push(el);
  }
  return out;
}

export function firstChild(parent: Element, local: string, ns: string | null): Element | null {
  return childElements(parent, local, ns)[0] ?? null;
}

/** A new element in the namespace of `like`, written with its prefix (an `x:` style sheet gets `x:` elements). */
export function createLike(like: Element, local: string, attributes: Record<string, string | number> = {}): Element {
  const doc = like.ownerDocument!;
  const el = doc.createElementNS(like.namespaceURI, like.prefix ? `${like.prefix}:${local}` : local);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, stripXmlForbidden(String(value)));
  return el;
}

/**
 * Adds `child` under `parent` where the schema's sequence `order` wants it: before the first
 * child that must follow it, else at the end. Children the order does not name stay where they are.
 */
export function insertInOrder(parent: Element, child: Element, order: readonly string[]): Element {
  const rank = order.indexOf(child.localName!);
  const ns = child.namespaceURI;
  const later = childElements(parent).find((el) => el.namespaceURI === ns && order.indexOf(el.localName!) > rank);
  parent.insertBefore(child, later ?? null);
  return child;
}

/**
 * The prefix bound to `ns` where `scope` is, declaring one on the document element when none
 * is: `preferred` when free there, else the first free `preferred1`, `preferred2`…
 */
export function prefixFor(scope: Element, ns: string, preferred: string): string {
  const bound = scope.lookupPrefix(ns);
  if (bound) return bound;
  const root = scope.ownerDocument!.documentElement!;
  for (let n = 0; ; n++) {
    const prefix = n === 0 ? preferred : `${preferred}${n}`;
    if (scope.lookupNamespaceURI(prefix) === null && !root.hasAttribute(`xmlns:${prefix}`)) {
      root.setAttributeNS(NS.xmlns, `xmlns:${prefix}`, ns);
      return prefix;
    }
  }
}

/** An element's attribute as a number, or NaN. */
export function numberAttribute(el: Element, name: string): number {
  const value = el.getAttribute(name);
  return value === null || value.trim() === "" ? NaN : Number(value);
}
