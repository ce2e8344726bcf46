import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { BuildSettingError } from "./settings";

export const OFFICE_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** Parses a manifest; a malformed one stops the build with xmldom's own message. */
export function parseManifest(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`manifest.xml: ${message}`);
    },
  }).parseFromString(xml, "application/xml");
}

function officeChild(parent: Element, name: string): Element | undefined {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE && (node as Element).namespaceURI === OFFICE_NS && (node as Element).localName === name) return node as Element;
  }
  return undefined;
}

/** The folder the manifest's task pane is served from ("https://localhost:3000/" for the development manifest). */
export function manifestBase(doc: Document): string {
  const settings = officeChild(doc.documentElement!, "DefaultSettings");
  const source = settings && officeChild(settings, "SourceLocation")?.getAttribute("DefaultValue");
  if (!source) throw new Error("manifest.xml: no DefaultSettings/SourceLocation");
  return new URL(".", source).href;
}

function* elements(node: Node): Generator<Element> {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) {
      yield child as Element;
      yield* elements(child);
    }
  }
}

/**
 * The manifest for `addinUrl`: the development manifest with every address under its own base moved
 * under `addinUrl` (icons, task pane, support page, AppDomains), and `<Version>` set. An address
 * the template holds outside its base stops the build rather than slip through unchanged.
 */
export function buildManifest(templateXml: string, settings: { addinUrl: string; manifestVersion: string }): string {
  const doc = parseManifest(templateXml);
  const base = manifestBase(doc);
  const origin = new URL(base).origin;
  const target = new URL(settings.addinUrl);
  const move = (value: string): string => {
    const text = value.trim();
    if (!/^https?:\/\//i.test(text)) return value;
    if (text.startsWith(base)) return settings.addinUrl + text.slice(base.length);
    if (text === origin || text === `${origin}/`) return text === origin ? target.origin : `${target.origin}/`;
    throw new BuildSettingError("build.templateUrl", { value: text, base });
  };
  for (const element of elements(doc)) {
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i)!;
      if (attribute.namespaceURI === XMLNS_NS) continue;
      const moved = move(attribute.value);
      if (moved !== attribute.value) attribute.value = moved;
    }
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const moved = move(child.nodeValue ?? "");
        if (moved !== child.nodeValue) child.nodeValue = moved;
      }
    }
  }
  const version = officeChild(doc.documentElement!, "Version");
  if (!version) throw new Error("manifest.xml: no <Version>");
  version.textContent = settings.manifestVersion;
  const xml = new XMLSerializer().serializeToString(doc);
  return xml.startsWith("<?xml") ? xml : `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}

/** Every address in a built manifest under `addinUrl`, relative to it ("assets/icon-32.png", "taskpane.html"). */
export function manifestFiles(xml: string, addinUrl: string): string[] {
  const files = new Set<string>();
  for (const element of elements(parseManifest(xml))) {
    for (let i = 0; i < element.attributes.length; i++) {
      const value = element.attributes.item(i)!.value.trim();
      if (value.startsWith(addinUrl)) files.add(value.slice(addinUrl.length).replace(/[?#].*$/, ""));
    }
  }
  return [...files].sort();
}
