import { stripXmlForbidden } from "../../engine/xml-chars";

/** Escaping and unescaping of XML text and attributes (the characters XML 1.0 forbids dropped), and start tags of the streamed sheets. */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Resolves the five named entities and numeric character references. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** Text as XML character data: escaped, and without characters XML 1.0 cannot hold. */
export function escapeText(text: string): string {
  return stripXmlForbidden(text).replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Text as an attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

/** One attribute of a start tag, decoded; undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? decodeXml(m[2] ?? m[3] ?? "") : undefined;
}

/** The tag with one attribute set (replaced, or added before the closing `>` or `/>`). */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const quoted = `"${escapeAttribute(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_, head: string) => head + quoted);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}=${quoted}${tag.slice(end)}`;
}

/** The tag without one attribute. */
export function removeAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}
