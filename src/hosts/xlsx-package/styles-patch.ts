import { HIGHLIGHT_COLOURS, type Highlight } from "../../engine/plan/types";
import { attribute, setAttribute } from "./xml-text";
import { children, locate } from "./xml-children";

/** Cell styles we write (indexes into cellXfs) and highlight formats (indexes into dxfs). */
export interface OurStyles {
  header: number;
  group: number;
  title: number;
  bold: number;
  percent: number;
  decimal: number;
  boldPercent: number;
  boldDecimal: number;
  dxf: Record<Highlight, number>;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** styles.xml for a package that has none. */
export const EMPTY_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Sections of a style sheet in schema order. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/**
 * Adds child elements to one list section (creating it in its place when missing) and returns
 * each one's index; an element already there, written the same, is reused, so a re-run adds nothing.
 */
function addToList(xml: string, section: string, items: string[]): { xml: string; indexes: number[] } {
  let at = locate(xml, section);
  if (!at) {
    const later = ORDER.slice(ORDER.indexOf(section) + 1)
      .map((name) => locate(xml, name))
      .find((l) => l !== null);
    const insertAt = later ? later.start : xml.lastIndexOf("</");
    xml = `${xml.slice(0, insertAt)}<${section} count="0"></${section}>${xml.slice(insertAt)}`;
    at = locate(xml, section)!;
  }
  const existing = children(xml.slice(at.innerStart, at.innerEnd));
  const added: string[] = [];
  const indexes = items.map((item) => {
    const found = existing.indexOf(item);
    if (found >= 0) return found;
    existing.push(item);
    added.push(item);
    return existing.length - 1;
  });
  let tag = xml.slice(at.start, at.innerStart);
  if (at.innerStart === at.end) tag = tag.replace(/\s*\/>$/, ">"); // <dxfs count="0"/>
  tag = setAttribute(tag, "count", String(existing.length));
  const closing = at.innerStart === at.end ? `</${/^<([\w.:-]+)/.exec(tag)![1]}>` : xml.slice(at.innerEnd, at.end);
  const inner = at.innerStart === at.end ? "" : xml.slice(at.innerStart, at.innerEnd);
  return { xml: xml.slice(0, at.start) + tag + inner + added.join("") + closing + xml.slice(at.end), indexes };
}

/** A number format id for a code: the existing one, or a new custom id. */
function numberFormat(xml: string, code: string): { xml: string; id: number } {
  const at = locate(xml, "numFmts");
  const list = at ? children(xml.slice(at.innerStart, at.innerEnd)) : [];
  const same = list.find((tag) => attribute(tag, "formatCode") === code);
  if (same) return { xml, id: Number(attribute(same, "numFmtId")) };
  const id = Math.max(163, ...list.map((tag) => Number(attribute(tag, "numFmtId")) || 0)) + 1;
  return { xml: addToList(xml, "numFmts", [`<numFmt numFmtId="${id}" formatCode="${code}"/>`]).xml, id };
}

/** The workbook's default font (fonts[0]) made bold, and at a size when given. */
function fontLike(xml: string, size?: number): string {
  const at = locate(xml, "fonts");
  const first = at ? children(xml.slice(at.innerStart, at.innerEnd))[0] : undefined;
  const inner = first && !first.endsWith("/>") ? first.replace(/^<[^>]*>/, "").replace(/<\/[^>]*>$/, "") : "";
  let parts = children(inner).filter((tag) => !/^<(?:[\w.-]+:)?b\b/.test(tag));
  if (size !== undefined) parts = [...parts.filter((tag) => !/^<(?:[\w.-]+:)?sz\b/.test(tag)), `<sz val="${size}"/>`];
  return `<font><b/>${parts.join("")}</font>`;
}

const solidFill = (argb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;
const CENTRED = `<alignment horizontal="center" vertical="middle" wrapText="1"/>`;

function xf(numFmtId: number, fontId: number, fillId: number, alignment = ""): string {
  const apply = `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${alignment ? ' applyAlignment="1"' : ""}`;
  const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${apply}`;
  return alignment ? `${open}>${alignment}</xf>` : `${open}/>`;
}

/** Adds our cell styles and highlight formats to styles.xml (reusing any a previous run added). */
export function addOurStyles(stylesXml: string | null): { xml: string; styles: OurStyles } {
  let xml = stylesXml ?? EMPTY_STYLES;
  const percent = numberFormat(xml, "0.0%");
  xml = percent.xml;
  const decimal = numberFormat(xml, "0.0");
  xml = decimal.xml;
  const fonts = addToList(xml, "fonts", [fontLike(xml), fontLike(xml, 14)]);
  xml = fonts.xml;
  const [bold, big] = fonts.indexes;
  const fills = addToList(xml, "fills", [solidFill("FFDDEBF7"), solidFill("FFBDD7EE")]);
  xml = fills.xml;
  const [headerFill, groupFill] = fills.indexes;
  const xfs = addToList(xml, "cellXfs", [
    xf(0, bold, headerFill, CENTRED),
    xf(0, bold, groupFill, CENTRED),
    xf(0, big, 0),
    xf(0, bold, 0),
    xf(percent.id, 0, 0),
    xf(decimal.id, 0, 0),
    xf(percent.id, bold, 0),
    xf(decimal.id, bold, 0),
  ]);
  xml = xfs.xml;
  const colours: Highlight[] = ["red", "amber", "green"];
  const dxfs = addToList(
    xml,
    "dxfs",
    colours.map((c) => `<dxf><font><color rgb="${argb(HIGHLIGHT_COLOURS[c].font)}"/></font><fill><patternFill><bgColor rgb="${argb(HIGHLIGHT_COLOURS[c].fill)}"/></patternFill></fill></dxf>`),
  );
  xml = dxfs.xml;
  const [header, group, title, boldXf, percentXf, decimalXf, boldPercent, boldDecimal] = xfs.indexes;
  return {
    xml,
    styles: { header, group, title, bold: boldXf, percent: percentXf, decimal: decimalXf, boldPercent, boldDecimal, dxf: { red: dxfs.indexes[0], amber: dxfs.indexes[1], green: dxfs.indexes[2] } },
  };
}
