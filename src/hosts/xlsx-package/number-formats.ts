import { elements } from "./parts";
import { attribute } from "./xml-text";

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

/** The part of styles.xml between `<name …>` and `</name>` ("" when absent or empty). */
export function section(xml: string, name: string): string {
  const open = new RegExp(`<(?:[\\w.-]+:)?${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*?(/?)>`).exec(xml);
  if (!open || open[1] === "/") return "";
  const start = open.index + open[0].length;
  const close = new RegExp(`</(?:[\\w.-]+:)?${name}\\s*>`, "g");
  close.lastIndex = start;
  const end = close.exec(xml);
  return end ? xml.slice(start, end.index) : "";
}

export function readCellFormats(stylesXml: string | null): CellFormats {
  if (!stylesXml) return { codes: [], dates: [] };
  const custom = new Map<number, string>();
  for (const tag of elements(section(stylesXml, "numFmts"), "numFmt")) {
    const code = attribute(tag, "formatCode");
    if (code !== undefined) custom.set(parseInt(attribute(tag, "numFmtId") ?? "", 10), code.replace(/[\\](.)/g, "$1"));
  }
  const codes = elements(section(stylesXml, "cellXfs"), "xf").map((tag) => {
    const id = parseInt(attribute(tag, "numFmtId") ?? "", 10);
    if (!id) return null;
    return custom.get(id) ?? BUILT_IN[id] ?? null;
  });
  return { codes, dates: codes.map(isDateFormat) };
}
