import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { DOMParser, XMLSerializer, type Element } from "@xmldom/xmldom";
import { SaxesParser } from "saxes";

/**
 * Checks on a written package, with readers we did not write: every XML part well-formed and
 * namespace-well-formed (saxes with namespaces on), every style and highlight index a sheet
 * names present in styles.xml, and (optionally) the parts we write valid against the ECMA-376
 * Transitional schemas.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

export const isXmlPart = (name: string) => /\.(xml|rels|vml)$/i.test(name);

/** The first namespace or well-formedness error of an XML text, or null. */
export function namespaceError(text: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on("error", (e) => {
    error ??= e.message;
  });
  parser.on("doctype", () => {
    error ??= "DOCTYPE";
  });
  parser.write(text.replace(/^\uFEFF/, "")).close();
  return error;
}

/** Every XML part that does not parse namespace-aware, with its error. */
export function badParts(parts: Map<string, Buffer>): string[] {
  const out: string[] = [];
  for (const [name, bytes] of parts) {
    if (!isXmlPart(name)) continue;
    const error = namespaceError(bytes.toString("utf8"));
    if (error) out.push(`${name}: ${error}`);
  }
  return out;
}

const dom = (text: string) => new DOMParser().parseFromString(text, "text/xml");

function kids(parent: Element | null, local: string): Element[] {
  const out: Element[] = [];
  for (let n = parent?.firstChild ?? null; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === MAIN) out.push(n as Element);
  return out;
}

const section = (root: Element, name: string) => kids(root, name)[0] ?? null;

/** What styles.xml holds: how many of each list, and the custom number formats. */
export interface StyleCounts {
  cellXfs: Element[];
  cellStyleXfs: Element[];
  fonts: number;
  fills: Element[];
  borders: number;
  dxfs: number;
  numFmtIds: Set<number>;
}

export function styleCounts(stylesXml: string): StyleCounts {
  const root = dom(stylesXml).documentElement!;
  const list = (name: string, item: string) => kids(section(root, name), item);
  return {
    cellXfs: list("cellXfs", "xf"),
    cellStyleXfs: list("cellStyleXfs", "xf"),
    fonts: list("fonts", "font").length,
    fills: list("fills", "fill"),
    borders: list("borders", "border").length,
    dxfs: list("dxfs", "dxf").length,
    numFmtIds: new Set(list("numFmts", "numFmt").map((el) => Number(el.getAttribute("numFmtId")))),
  };
}

/**
 * Every index that does not resolve: a cell's `s` beyond cellXfs, a conditional format's dxfId
 * beyond dxfs, an xf's fontId/fillId/borderId/xfId/numFmtId naming nothing; and each list's
 * count attribute where it disagrees with its items.
 */
export function unresolvedStyles(parts: Map<string, Buffer>, stylesPart = "xl/styles.xml"): string[] {
  const out: string[] = [];
  const stylesXml = parts.get(stylesPart)?.toString("utf8");
  if (!stylesXml) return [`no ${stylesPart}`];
  const s = styleCounts(stylesXml);
  const check = (where: string, el: Element) => {
    const id = (name: string) => Number(el.getAttribute(name) ?? 0);
    if (id("fontId") >= s.fonts) out.push(`${where} fontId ${id("fontId")} of ${s.fonts}`);
    if (id("fillId") >= s.fills.length) out.push(`${where} fillId ${id("fillId")} of ${s.fills.length}`);
    if (id("borderId") >= s.borders) out.push(`${where} borderId ${id("borderId")} of ${s.borders}`);
    const fmt = id("numFmtId");
    if (fmt >= 164 && !s.numFmtIds.has(fmt)) out.push(`${where} numFmtId ${fmt} undefined`);
  };
  s.cellStyleXfs.forEach((el, i) => check(`cellStyleXfs[${i}]`, el));
  s.cellXfs.forEach((el, i) => {
    check(`cellXfs[${i}]`, el);
    const xfId = Number(el.getAttribute("xfId") ?? 0);
    if (xfId >= s.cellStyleXfs.length) out.push(`cellXfs[${i}] xfId ${xfId} of ${s.cellStyleXfs.length}`);
  });
  if (s.cellXfs.length === 0) out.push("no cellXfs");
  const root = dom(stylesXml).documentElement!;
  for (const name of ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]) {
    const el = section(root, name);
    const count = el?.getAttribute("count");
    const items = el ? [...Array.from({ length: el.childNodes.length }, (_, i) => el.childNodes.item(i))].filter((n) => n?.nodeType === 1).length : 0;
    if (count !== null && count !== undefined && Number(count) !== items) out.push(`${name} count ${count} but ${items} items`);
  }
  for (const [name, bytes] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    const text = bytes.toString("utf8");
    for (const m of text.matchAll(/<(?:\w+:)?c\b[^>]*?\ss="(\d+)"/g)) if (Number(m[1]) >= s.cellXfs.length) out.push(`${name} cell style ${m[1]} of ${s.cellXfs.length}`);
    for (const m of text.matchAll(/<(?:\w+:)?(?:row|col)\b[^>]*?\ss(?:tyle)?="(\d+)"/g)) if (Number(m[1]) >= s.cellXfs.length) out.push(`${name} row/col style ${m[1]} of ${s.cellXfs.length}`);
    for (const m of text.matchAll(/\sdxfId="(\d+)"/g)) if (Number(m[1]) >= s.dxfs) out.push(`${name} dxfId ${m[1]} of ${s.dxfs}`);
  }
  return out;
}

/**
 * The part as a consumer that knows only the Transitional schemas reads it (ECMA-376 Part 3):
 * attributes and elements of namespaces the part marks ignorable removed, alternate content
 * replaced by its fallback, the markup-compatibility attributes gone.
 */
export function withoutIgnorable(text: string): string {
  const doc = dom(text);
  const walk = (el: Element, ignorable: Set<string>) => {
    const own = el.getAttributeNS(MC, "Ignorable");
    const here = new Set(ignorable);
    for (const prefix of (own ?? "").split(/\s+/).filter(Boolean)) {
      const ns = el.lookupNamespaceURI(prefix);
      if (ns) here.add(ns);
    }
    for (let i = el.attributes.length - 1; i >= 0; i--) {
      const a = el.attributes.item(i)!;
      if (a.namespaceURI === MC || (a.namespaceURI && here.has(a.namespaceURI))) el.removeAttributeNode(a);
    }
    for (let n = el.firstChild; n; ) {
      const next = n.nextSibling;
      if (n.nodeType === 1) {
        const child = n as Element;
        if (child.namespaceURI === MC && child.localName === "AlternateContent") {
          const fallback = kidsAny(child).find((k) => k.namespaceURI === MC && k.localName === "Fallback");
          for (const k of fallback ? kidsAny(fallback) : []) el.insertBefore(k, child);
          el.removeChild(child);
        } else if (child.namespaceURI && here.has(child.namespaceURI)) el.removeChild(child);
        else walk(child, here);
      }
      n = next;
    }
  };
  walk(doc.documentElement!, new Set());
  return new XMLSerializer().serializeToString(doc);
}

function kidsAny(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** The schema file (in the ECMA-376 schema folder) that covers a part, by its root element. */
function schemaFor(text: string): string | null {
  const root = dom(text).documentElement!;
  const byRoot: Record<string, string> = {
    [`${MAIN} workbook`]: "sml.xsd",
    [`${MAIN} styleSheet`]: "sml.xsd",
    [`${MAIN} worksheet`]: "sml.xsd",
    [`${MAIN} chartsheet`]: "sml.xsd",
    ["http://schemas.openxmlformats.org/package/2006/relationships Relationships"]: "opc-xsd/opc-relationships.xsd",
    ["http://schemas.openxmlformats.org/package/2006/content-types Types"]: "opc-xsd/opc-contentTypes.xsd",
    ["http://schemas.openxmlformats.org/officeDocument/2006/extended-properties Properties"]: "shared-documentPropertiesExtended.xsd",
    ["http://schemas.openxmlformats.org/drawingml/2006/chart chartSpace"]: "dml-chart.xsd",
    ["http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing wsDr"]: "dml-spreadsheetDrawing.xsd",
  };
  return byRoot[`${root.namespaceURI} ${root.localName}`] ?? null;
}

/** The folder of the ECMA-376 Transitional schemas (sml.xsd …) when XIANJIAO_OOXML_XSD names one. */
export function schemaFolder(): string | null {
  const dir = process.env.XIANJIAO_OOXML_XSD;
  return dir && existsSync(path.join(dir, "sml.xsd")) ? dir : null;
}

/** Schema errors of the named parts (xmllint against the ECMA-376 Transitional schemas), part by part. */
export function schemaErrors(parts: Map<string, Buffer>, names: string[], xsdDir: string): string[] {
  const tmp = mkdtempSync(path.join(tmpdir(), "xianjiao-xsd-"));
  try {
    const out: string[] = [];
    names.forEach((name, i) => {
      const text = parts.get(name)?.toString("utf8");
      if (text === undefined) return;
      const schema = schemaFor(text);
      if (!schema) return;
      const file = path.join(tmp, `${i}.xml`);
      writeFileSync(file, withoutIgnorable(text));
      const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", path.join(xsdDir, schema), file], { encoding: "utf8" });
      if (run.status !== 0) out.push(`${name}: ${run.stderr.replaceAll(file, name).trim()}`);
    });
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
