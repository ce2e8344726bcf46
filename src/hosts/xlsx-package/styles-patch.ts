import type { Element } from "@xmldom/xmldom";
import { HIGHLIGHT_COLOURS, type Highlight } from "../../engine/plan/types";
import { styleSheetOf } from "./number-formats";
import { NS, childElements, createLike, firstChild, insertInOrder, numberAttribute, serializePart, type PartOf } from "./xml-dom";

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
  /** The same, inside a bordered table (a printed grid), and text that wraps there. */
  boxed: { header: number; plain: number; bold: number; percent: number; decimal: number; boldPercent: number; boldDecimal: number; wrap: number };
  /** Text that wraps outside a table, and text beside it (top-aligned). */
  wrap: number;
  top: number;
  dxf: Record<Highlight, number>;
}

/** styles.xml for a package that has none: an empty style sheet, given its reserved entries below. */
const NO_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}"/>`;

/** Sections of a style sheet in schema order. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
/** The element each list section holds. */
const ITEM: Record<string, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellStyleXfs: "xf", cellXfs: "xf", cellStyles: "cellStyle", dxfs: "dxf" };

type Spec = [local: string, attributes?: Record<string, string | number>, children?: Spec[]];

/** Builds `spec` as an element in `like`'s namespace and prefix. */
function build(like: Element, [local, attributes = {}, children = []]: Spec): Element {
  const el = createLike(like, local, attributes);
  for (const child of children) el.appendChild(build(el, child));
  return el;
}

/** An element as a comparable key: namespace, name, attributes in any order, child elements in order. */
function keyOf(el: Element): string {
  const attributes: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (a.namespaceURI === NS.xmlns) continue;
    attributes.push(`${a.namespaceURI ?? ""}|${a.localName}=${a.value}`);
  }
  return `${el.namespaceURI}|${el.localName}[${attributes.sort().join(" ")}](${childElements(el).map(keyOf).join(",")})`;
}

/** The style sheet's list sections: their items, found by what they say, and the sections written to. */
class StyleSheet {
  private readonly touched = new Set<Element>();
  /** Per section, the first index of each item by its key (made on first use: a bloated styles.xml has tens of thousands of xfs). */
  private readonly keys = new Map<string, Map<string, number>>();
  constructor(readonly root: Element) {}

  /** The section, made (empty, in its schema place) when missing. */
  section(name: string): Element {
    const found = firstChild(this.root, name, NS.main);
    if (found) return found;
    const made = insertInOrder(this.root, createLike(this.root, name), ORDER);
    this.touched.add(made);
    return made;
  }

  items(name: string): Element[] {
    return childElements(this.section(name), ITEM[name], NS.main);
  }

  private keysOf(name: string): Map<string, number> {
    let keys = this.keys.get(name);
    if (!keys) {
      keys = new Map();
      const items = this.items(name);
      for (let i = items.length - 1; i >= 0; i--) keys.set(keyOf(items[i]), i);
      this.keys.set(name, keys);
    }
    return keys;
  }

  append(name: string, spec: Spec): number {
    return this.put(name, build(this.section(name), spec));
  }

  /** Adds an element at the end of the section; its index. */
  private put(name: string, el: Element): number {
    const section = this.section(name);
    section.appendChild(el);
    this.touched.add(section);
    const index = this.items(name).length - 1;
    const keys = this.keys.get(name);
    if (keys && !keys.has(keyOf(el))) keys.set(keyOf(el), index);
    return index;
  }

  /** The index of an item like `el`: the one already there (a previous run's), else `el` added at the end. */
  reuseOrAdd(name: string, el: Element): number {
    return this.keysOf(name).get(keyOf(el)) ?? this.put(name, el);
  }

  add(name: string, spec: Spec): number {
    return this.reuseOrAdd(name, build(this.section(name), spec));
  }

  /** Every section written to gets its count right. */
  finish(): void {
    for (const section of this.touched) section.setAttribute("count", String(childElements(section, ITEM[section.localName!], NS.main).length));
  }
}

const DEFAULT_FONT: Spec = ["font", {}, [["sz", { val: 11 }], ["name", { val: "Calibri" }], ["family", { val: 2 }]]];
const DEFAULT_BORDER: Spec = ["border", {}, [["left"], ["right"], ["top"], ["bottom"], ["diagonal"]]];
const STYLE_XF = { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 };

/**
 * The entries spreadsheet programs take for granted, made where missing so that whatever we add
 * comes after them: fonts[0], fills[0] none and fills[1] gray125 (Excel treats fill 1 as gray125
 * whatever it says), borders[0], cellStyleXfs[0] (the Normal style our xfId names) and cellXfs[0],
 * the default of every cell without a style.
 */
function addReservedEntries(sheet: StyleSheet): void {
  if (sheet.items("fonts").length === 0) sheet.append("fonts", DEFAULT_FONT);
  const fills = sheet.items("fills").length;
  if (fills === 0) sheet.append("fills", ["fill", {}, [["patternFill", { patternType: "none" }]]]);
  if (fills <= 1) sheet.append("fills", ["fill", {}, [["patternFill", { patternType: "gray125" }]]]);
  if (sheet.items("borders").length === 0) sheet.append("borders", DEFAULT_BORDER);
  const hadStyles = firstChild(sheet.root, "cellStyleXfs", NS.main) !== null;
  if (sheet.items("cellStyleXfs").length === 0) sheet.append("cellStyleXfs", ["xf", STYLE_XF]);
  if (sheet.items("cellXfs").length === 0) sheet.append("cellXfs", ["xf", { ...STYLE_XF, xfId: 0 }]);
  if (!hadStyles && firstChild(sheet.root, "cellStyles", NS.main) === null) {
    sheet.append("cellStyles", ["cellStyle", { name: "Normal", xfId: 0, builtinId: 0 }]);
  }
}

/** A number format id for a code: the existing one, or a new custom id (from 164). */
function numberFormat(sheet: StyleSheet, code: string): number {
  const list = sheet.items("numFmts");
  const same = list.find((el) => el.getAttribute("formatCode") === code);
  if (same) return numberAttribute(same, "numFmtId");
  const id = Math.max(163, ...list.map((el) => numberAttribute(el, "numFmtId") || 0)) + 1;
  sheet.append("numFmts", ["numFmt", { numFmtId: id, formatCode: code }]);
  return id;
}

/** The workbook's default font (fonts[0]) made bold, and at a size when given. */
function boldFont(sheet: StyleSheet, size?: number): number {
  const first = sheet.items("fonts")[0];
  const kept = childElements(first).filter((el) => el.localName !== "b" && !(size !== undefined && el.localName === "sz"));
  const font = createLike(first, "font");
  font.appendChild(createLike(first, "b"));
  for (const el of kept) font.appendChild(el.cloneNode(true));
  if (size !== undefined) font.appendChild(createLike(first, "sz", { val: size }));
  return sheet.reuseOrAdd("fonts", font);
}

const solidFill = (argb: string): Spec => ["fill", {}, [["patternFill", { patternType: "solid" }, [["fgColor", { rgb: argb }], ["bgColor", { indexed: 64 }]]]]];
const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;
const CENTRED: Spec = ["alignment", { horizontal: "center", vertical: "center", wrapText: 1 }];

const WRAP: Spec = ["alignment", { vertical: "top", wrapText: 1 }];
/** Cells of a table whose rows may be several lines tall read from the top, like its wrapped text. */
const TOP: Spec = ["alignment", { vertical: "top" }];

function xf(numFmtId: number, fontId: number, fillId: number, alignment?: Spec, borderId = 0): Spec {
  const apply = {
    ...(numFmtId ? { applyNumberFormat: 1 } : {}),
    ...(fontId ? { applyFont: 1 } : {}),
    ...(fillId ? { applyFill: 1 } : {}),
    ...(borderId ? { applyBorder: 1 } : {}),
    ...(alignment ? { applyAlignment: 1 } : {}),
  };
  return ["xf", { numFmtId, fontId, fillId, borderId, xfId: 0, ...apply }, alignment ? [alignment] : []];
}

/** A thin grey line on every side of a cell, as a printed table has. */
const THIN_SIDE = (side: string): Spec => [side, { style: "thin" }, [["color", { rgb: "FFBFBFBF" }]]];
const THIN_BORDER: Spec = ["border", {}, [THIN_SIDE("left"), THIN_SIDE("right"), THIN_SIDE("top"), THIN_SIDE("bottom"), ["diagonal"]]];

const dxf = (colour: Highlight): Spec => [
  "dxf",
  {},
  [
    ["font", {}, [["color", { rgb: argb(HIGHLIGHT_COLOURS[colour].font) }]]],
    ["fill", {}, [["patternFill", {}, [["bgColor", { rgb: argb(HIGHLIGHT_COLOURS[colour].fill) }]]]]],
  ],
];

/**
 * Adds our cell styles and highlight formats to styles.xml (reusing any a previous run added),
 * in the style sheet's own namespace prefix, after the reserved entries.
 */
export function addOurStyles(stylesXml: string | null, at: PartOf): { xml: string; styles: OurStyles } {
  const root = styleSheetOf(stylesXml ?? NO_STYLES, at);
  const sheet = new StyleSheet(root);
  addReservedEntries(sheet);
  const percent = numberFormat(sheet, "0.0%");
  const decimal = numberFormat(sheet, "0.0");
  const bold = boldFont(sheet);
  const big = boldFont(sheet, 14);
  const headerFill = sheet.add("fills", solidFill("FFDDEBF7"));
  const groupFill = sheet.add("fills", solidFill("FFBDD7EE"));
  const style = (spec: Spec) => sheet.add("cellXfs", spec);
  const thin = sheet.add("borders", THIN_BORDER);
  const styles: OurStyles = {
    header: style(xf(0, bold, headerFill, CENTRED)),
    group: style(xf(0, bold, groupFill, CENTRED)),
    title: style(xf(0, big, 0)),
    bold: style(xf(0, bold, 0)),
    percent: style(xf(percent, 0, 0)),
    decimal: style(xf(decimal, 0, 0)),
    boldPercent: style(xf(percent, bold, 0)),
    boldDecimal: style(xf(decimal, bold, 0)),
    boxed: {
      header: style(xf(0, bold, headerFill, CENTRED, thin)),
      plain: style(xf(0, 0, 0, TOP, thin)),
      bold: style(xf(0, bold, 0, TOP, thin)),
      percent: style(xf(percent, 0, 0, TOP, thin)),
      decimal: style(xf(decimal, 0, 0, TOP, thin)),
      boldPercent: style(xf(percent, bold, 0, TOP, thin)),
      boldDecimal: style(xf(decimal, bold, 0, TOP, thin)),
      wrap: style(xf(0, 0, 0, WRAP, thin)),
    },
    wrap: style(xf(0, 0, 0, WRAP)),
    top: style(xf(0, 0, 0, TOP)),
    dxf: Object.fromEntries((Object.keys(HIGHLIGHT_COLOURS) as Highlight[]).map((colour) => [colour, sheet.add("dxfs", dxf(colour))])) as Record<Highlight, number>,
  };
  sheet.finish();
  return { xml: serializePart(root.ownerDocument!), styles };
}
