import type { Element } from "@xmldom/xmldom";
import { SaxesParser } from "saxes";
import { NS, damagedPart, parsePart, rootOf, type PartOf } from "./xml-dom";

/**
 * Built-in number formats by id, as spreadsheet readers conventionally name them (the ids
 * 27–36 and 50–58 depend on the locale and have no code here, so they read as no format).
 */
const BUILT_IN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** True when a format code shows a date or time (text in quotes and brackets ignored). */
export function isDateFormat(code: string | null): boolean {
  if (!code) return false;
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Per cell style (the `s` of a cell): its number format code, or null; and whether it is a date. */
export interface CellFormats {
  codes: (string | null)[];
  dates: boolean[];
}

/** The styles part's root, refused unless it is a Transitional `styleSheet`. */
export function styleSheetOf(stylesXml: string, at: PartOf): Element {
  return rootOf(parsePart(stylesXml, at), "styleSheet", [NS.main], at);
}

/**
 * The number format of every cell style. styles.xml is read as it streams through saxes with
 * namespaces, not as a DOM: a bloated one holds tens of thousands of styles. A part that is not
 * well-formed, has a DOCTYPE or is not a Transitional styleSheet is refused.
 */
export function readCellFormats(stylesXml: string | null, at: PartOf): CellFormats {
  if (stylesXml === null) return { codes: [], dates: [] };
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("doctype", () => {
    failure ??= new Error("DOCTYPE");
  });
  const custom = new Map<number, string>();
  const ids: number[] = [];
  const open: string[] = [];
  parser.on("opentag", (tag) => {
    const name = tag.uri === NS.main ? tag.local : `{${tag.uri}}${tag.local}`;
    if (open.length === 0 && name !== "styleSheet") failure ??= new Error(`root ${tag.name}`);
    open.push(name);
    if (open.length !== 3) return;
    const value = (attribute: string) => tag.attributes[attribute]?.value;
    if (open[1] === "numFmts" && name === "numFmt") {
      const code = value("formatCode");
      if (code !== undefined) custom.set(parseInt(value("numFmtId") ?? "", 10), code.replace(/[\\](.)/g, "$1"));
    } else if (open[1] === "cellXfs" && name === "xf") ids.push(parseInt(value("numFmtId") ?? "", 10));
  });
  parser.on("closetag", () => void open.pop());
  parser.write(stylesXml).close();
  if (failure) throw damagedPart(at, failure);
  const codes = ids.map((id) => (id ? (custom.get(id) ?? BUILT_IN[id] ?? null) : null));
  return { codes, dates: codes.map(isDateFormat) };
}
