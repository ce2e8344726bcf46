import { zip } from "../../files/zip";

/**
 * Packages shaped as other programs write them, built part by part: openpyxl, WPS, the .NET
 * Open XML SDK (every element prefixed), ISO/IEC 29500 Strict, an empty style sheet, styles
 * without cellStyleXfs, a macro-enabled workbook, a pivot table, a chart sheet and legacy (VML)
 * comments. Each holds the same small roster on its first sheet, so evaluate has work to do.
 */

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  chartsheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  custom: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  pivotTable: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
  pivotCache: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
  pivotRecords: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
};

const MEMBERS: [string, string, number][] = [
  ["王建国", "机关第一党支部", 52],
  ["李秀英", "机关第一党支部", 38],
  ["张伟", "机关第二党支部", 60],
  ["刘洋", "机关第二党支部", 45],
];
const HEADERS = ["姓名", "所在支部", "学时"];

/** The roster's rows as worksheet XML, elements written with prefix `p`, each row given `rowExtra`. */
export function rosterRows(p = "", rowExtra = ""): string {
  const text = (ref: string, value: string) => `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${value}</${p}t></${p}is></${p}c>`;
  const num = (ref: string, value: number) => `<${p}c r="${ref}"><${p}v>${value}</${p}v></${p}c>`;
  const rows = [`<${p}row r="1"${rowExtra}>${HEADERS.map((h, i) => text(`${"ABC"[i]}1`, h)).join("")}</${p}row>`];
  MEMBERS.forEach(([name, branch, hours], i) => {
    const r = i + 2;
    rows.push(`<${p}row r="${r}"${rowExtra}>${text(`A${r}`, name)}${text(`B${r}`, branch)}${num(`C${r}`, hours)}</${p}row>`);
  });
  return rows.join("");
}

interface Sheet {
  name: string;
  part: string;
  xml: string;
  type?: "worksheet" | "chartsheet";
  rels?: string;
}

interface Shape {
  sheets: Sheet[];
  /** styles.xml, or null for none. */
  styles: string | null;
  workbookXml: (sheets: string) => string;
  workbookType?: string;
  /** More workbook relationships, content-type overrides and parts. */
  workbookRels?: string;
  overrides?: Record<string, string>;
  defaults?: Record<string, string>;
  parts?: Record<string, string | Buffer>;
  app?: string | null;
  core?: boolean;
  relNs?: { pkg: string; r: string };
  /** The sheet element for entry i (r:id = rId{i+1}). */
  sheetElement?: (sheet: Sheet, i: number) => string;
}

const relsXml = (items: string, ns = PKG) => `${XML}<Relationships xmlns="${ns}">${items}</Relationships>`;
const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;

const CORE =
  `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
  `<dc:creator>张三</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-03-01T08:00:00Z</dcterms:created></cp:coreProperties>`;

function appXml(application: string, heading: string, names: string[]): string {
  return (
    `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>${application}</Application>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>${heading}</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${n}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts></Properties>`
  );
}

function build(shape: Shape): Record<string, string | Buffer> {
  const r = shape.relNs?.r ?? R;
  const pkg = shape.relNs?.pkg ?? PKG;
  const parts: Record<string, string | Buffer> = {};
  const overrides: Record<string, string> = { "/xl/workbook.xml": shape.workbookType ?? TYPE.workbook };
  const wbRels: string[] = [];
  const sheetElement = shape.sheetElement ?? ((s: Sheet, i: number) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  shape.sheets.forEach((sheet, i) => {
    parts[sheet.part] = sheet.xml;
    overrides[`/${sheet.part}`] = sheet.type === "chartsheet" ? TYPE.chartsheet : TYPE.worksheet;
    if (sheet.rels) parts[sheet.part.replace(/([^/]+)$/, "_rels/$1.rels")] = relsXml(sheet.rels, pkg);
    wbRels.push(rel(`rId${i + 1}`, `${r}/${sheet.type ?? "worksheet"}`, sheet.part.replace(/^xl\//, "")));
  });
  if (shape.styles !== null) {
    parts["xl/styles.xml"] = shape.styles;
    overrides["/xl/styles.xml"] = TYPE.styles;
    wbRels.push(rel("rIdStyles", `${r}/styles`, "styles.xml"));
  }
  if (shape.workbookRels) wbRels.push(shape.workbookRels);
  parts["xl/workbook.xml"] = shape.workbookXml(shape.sheets.map(sheetElement).join(""));
  parts["xl/_rels/workbook.xml.rels"] = relsXml(wbRels.join(""), pkg);
  const rootRels = [rel("rId1", `${r}/officeDocument`, "xl/workbook.xml")];
  const app = shape.app === undefined ? appXml("Microsoft Excel", "工作表", shape.sheets.map((s) => s.name)) : shape.app;
  if (app !== null) {
    parts["docProps/app.xml"] = app;
    overrides["/docProps/app.xml"] = TYPE.app;
    rootRels.push(rel("rId2", `${r}/extended-properties`, "docProps/app.xml"));
  }
  if (shape.core !== false) {
    parts["docProps/core.xml"] = CORE;
    overrides["/docProps/core.xml"] = TYPE.core;
    rootRels.push(rel("rId3", `${pkg.replace(/relationships$/, "relationships/metadata/core-properties")}`, "docProps/core.xml"));
  }
  parts["_rels/.rels"] = relsXml(rootRels.join(""), pkg);
  Object.assign(parts, shape.parts);
  Object.assign(overrides, shape.overrides);
  const defaults = { rels: "application/vnd.openxmlformats-package.relationships+xml", xml: "application/xml", ...shape.defaults };
  const types =
    `${XML}<Types xmlns="${CT}">` +
    Object.entries(defaults)
      .map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`)
      .join("") +
    Object.entries(overrides)
      .map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`)
      .join("") +
    "</Types>";
  return { "[Content_Types].xml": types, ...parts };
}

const worksheet = (body: string, ns = MAIN) => `${XML}<worksheet xmlns="${ns}" xmlns:r="${R}">${body}</worksheet>`;
const rosterSheet = (tail = "") =>
  worksheet(`<dimension ref="A1:C5"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>${rosterRows()}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${tail}`);

const FONTS = '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="宋体"/><family val="3"/><charset val="134"/><scheme val="minor"/></font></fonts>';
const FILLS = '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>';
const BORDERS = '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>';
const EXCEL_STYLES =
  `${XML}<styleSheet xmlns="${MAIN}">${FONTS}${FILLS}${BORDERS}<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
const excelWorkbook = (sheets: string, extra = "") =>
  `${XML}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews><sheets>${sheets}</sheets>${extra}</workbook>`;
const ROSTER: Sheet = { name: "党员名单", part: "xl/worksheets/sheet1.xml", xml: rosterSheet() };

/** openpyxl: no XML declarations, the relationships namespace declared on each `<sheet>` only, absolute targets, an empty `<definedNames/>`, no docProps/app.xml. */
function openpyxl(): Record<string, string | Buffer> {
  const parts = build({
    sheets: [
      {
        ...ROSTER,
        xml: `<worksheet xmlns="${MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="A1:C5"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData>${rosterRows()}</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>`,
      },
    ],
    styles:
      `<styleSheet xmlns="${MAIN}"><numFmts count="0"/><fonts count="1"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `${BORDERS}<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`,
    workbookXml: (sheets) =>
      `<workbook xmlns="${MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews><sheets>${sheets}</sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
    sheetElement: (s, i) => `<sheet xmlns:r="${R}" name="${s.name}" sheetId="${i + 1}" state="visible" r:id="rId${i + 1}"/>`,
    app: null,
  });
  // openpyxl writes no declarations and absolute relationship targets
  for (const name of Object.keys(parts)) if (typeof parts[name] === "string") parts[name] = (parts[name] as string).replace(XML, "");
  parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"');
  return parts;
}

/** WPS 表格: markup-compatibility namespaces and x14ac row attributes, 宋体 styles with many named styles, a custom properties part. */
function wps(): Record<string, string | Buffer> {
  const sheet =
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">` +
    `<sheetPr/><dimension ref="A1:C5"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelRow="4"/>` +
    `<sheetData>${rosterRows("", ' spans="1:3"')}</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><headerFooter/></worksheet>`;
  const styles =
    `${XML}<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
    `<numFmts count="2"><numFmt numFmtId="176" formatCode="_ &quot;￥&quot;* #,##0.00_ ;_ &quot;￥&quot;* \\-#,##0.00_ ;_ &quot;￥&quot;* &quot;-&quot;??_ ;_ @_ "/><numFmt numFmtId="177" formatCode="_ * #,##0_ ;_ * \\-#,##0_ ;_ * &quot;-&quot;_ ;_ @_ "/></numFmts>` +
    `<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="宋体"/><charset val="134"/><scheme val="minor"/></font><font><sz val="11"/><color rgb="FF9C0006"/><name val="宋体"/><charset val="0"/><scheme val="minor"/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills>${BORDERS}` +
    `<cellStyleXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf><xf numFmtId="176" fontId="0" fillId="0" borderId="0" applyFont="0" applyFill="0" applyBorder="0" applyAlignment="0" applyProtection="0"><alignment vertical="center"/></xf>` +
    `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" applyNumberFormat="0" applyBorder="0" applyAlignment="0" applyProtection="0"><alignment vertical="center"/></xf></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf></cellXfs>` +
    `<cellStyles count="3"><cellStyle name="常规" xfId="0" builtinId="0"/><cellStyle name="货币" xfId="1" builtinId="4"/><cellStyle name="差" xfId="2" builtinId="27"/></cellStyles>` +
    `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
  return build({
    sheets: [{ ...ROSTER, xml: sheet }],
    styles,
    workbookXml: (sheets) =>
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr/><bookViews><workbookView windowWidth="28125" windowHeight="12540"/></bookViews><sheets>${sheets}</sheets><calcPr calcId="144525"/></workbook>`,
    app: appXml("WPS 表格", "工作表", ["党员名单"]),
    parts: {
      "docProps/custom.xml":
        `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.12313</vt:lpwstr></property></Properties>`,
    },
    overrides: { "/docProps/custom.xml": TYPE.custom },
  });
}

/** The .NET Open XML SDK's shape: every SpreadsheetML element prefixed `x:`, styles included. */
function prefixed(): Record<string, string | Buffer> {
  const x = (xml: string) => xml.replace(/<(\/?)(?!\?|x:|!)([\w]+)/g, "<$1x:$2");
  const styles = x(`${FONTS}${FILLS}${BORDERS}<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`);
  return build({
    sheets: [
      {
        ...ROSTER,
        xml: `${XML}<x:worksheet xmlns:r="${R}" xmlns:x="${MAIN}">${x('<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>')}${rosterRows("x:")}</x:sheetData></x:worksheet>`,
      },
    ],
    styles: `${XML}<x:styleSheet xmlns:x="${MAIN}">${styles}</x:styleSheet>`,
    workbookXml: (sheets) => `${XML}<x:workbook xmlns:r="${R}" xmlns:x="${MAIN}"><x:bookViews><x:workbookView/></x:bookViews><x:sheets>${sheets}</x:sheets></x:workbook>`,
    sheetElement: (s, i) => `<x:sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
    app: null,
    core: false,
  });
}

/** ISO/IEC 29500 Strict: the same parts under purl.oclc.org namespaces. */
function strict(): Record<string, string | Buffer> {
  return build({
    sheets: [{ ...ROSTER, xml: worksheet(`<sheetData>${rosterRows()}</sheetData>`, STRICT_MAIN).replace(`xmlns:r="${R}"`, `xmlns:r="${STRICT_R}"`) }],
    styles: EXCEL_STYLES.replace(MAIN, STRICT_MAIN),
    workbookXml: (sheets) => `${XML}<workbook xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_R}" conformance="strict"><sheets>${sheets}</sheets></workbook>`,
    relNs: { pkg: PKG, r: STRICT_R },
  });
}

/** `<styleSheet/>` and nothing in it: the user's cells carry no style. */
function emptyStyles(): Record<string, string | Buffer> {
  return build({ sheets: [ROSTER], styles: `${XML}<styleSheet xmlns="${MAIN}"/>`, workbookXml: (s) => excelWorkbook(s) });
}

/** Styles without cellStyleXfs (and without cellStyles): the cellXfs' xfId="0" names nothing. */
function noCellStyleXfs(): Record<string, string | Buffer> {
  const styles = `${XML}<styleSheet xmlns="${MAIN}">${FONTS}${FILLS}${BORDERS}<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  const sheet = rosterSheet().replace('<c r="C2">', '<c r="C2" s="1">');
  return build({ sheets: [{ ...ROSTER, xml: sheet }], styles, workbookXml: (s) => excelWorkbook(s) });
}

/** An OLE compound file header and some filler: a vbaProject.bin as far as we need one. */
function vbaProject(): Buffer {
  const bytes = Buffer.alloc(1536, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  for (let i = 512; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
  return bytes;
}

/** A macro-enabled workbook (.xlsm): its workbook content type and a VBA project. */
function macroEnabled(): Record<string, string | Buffer> {
  return build({
    sheets: [ROSTER],
    styles: EXCEL_STYLES,
    workbookXml: (s) => excelWorkbook(s).replace("<workbookPr ", '<workbookPr codeName="ThisWorkbook" '),
    workbookType: TYPE.macroWorkbook,
    workbookRels: rel("rIdVba", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"),
    defaults: { bin: "application/vnd.ms-office.vbaProject" },
    parts: { "xl/vbaProject.bin": vbaProject() },
  });
}

/** A pivot table of hours by branch on its own sheet, its cache in the workbook's pivotCaches (after calcPr). */
function pivot(): Record<string, string | Buffer> {
  const cache =
    `${XML}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshedBy="张三" refreshedDate="45717.5" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="4">` +
    `<cacheSource type="worksheet"><worksheetSource ref="A1:C5" sheet="党员名单"/></cacheSource><cacheFields count="3">` +
    `<cacheField name="姓名" numFmtId="0"><sharedItems/></cacheField>` +
    `<cacheField name="所在支部" numFmtId="0"><sharedItems count="2"><s v="机关第一党支部"/><s v="机关第二党支部"/></sharedItems></cacheField>` +
    `<cacheField name="学时" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="38" maxValue="60"/></cacheField></cacheFields></pivotCacheDefinition>`;
  const records =
    `${XML}<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${R}" count="4">` +
    MEMBERS.map(([name, branch, hours]) => `<r><s v="${name}"/><x v="${branch.includes("第一") ? 0 : 1}"/><n v="${hours}"/></r>`).join("") +
    "</pivotCacheRecords>";
  const table =
    `${XML}<pivotTableDefinition xmlns="${MAIN}" name="数据透视表1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1" multipleFieldFilters="0">` +
    `<location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="3"><pivotField showAll="0"/><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>` +
    `<rowFields count="1"><field x="1"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>` +
    `<dataFields count="1"><dataField name="求和项:学时" fld="2" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`;
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const pivotSheet = worksheet(
    `<dimension ref="A3:B6"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>` +
      `<row r="3">${cell("A3", "行标签")}${cell("B3", "求和项:学时")}</row><row r="4">${cell("A4", "机关第一党支部")}<c r="B4"><v>90</v></c></row>` +
      `<row r="5">${cell("A5", "机关第二党支部")}<c r="B5"><v>105</v></c></row><row r="6">${cell("A6", "总计")}<c r="B6"><v>195</v></c></row></sheetData>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
  );
  return build({
    sheets: [ROSTER, { name: "透视", part: "xl/worksheets/sheet2.xml", xml: pivotSheet, rels: rel("rId1", `${R}/pivotTable`, "../pivotTables/pivotTable1.xml") }],
    styles: EXCEL_STYLES,
    workbookXml: (s) => excelWorkbook(s, `<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="7" r:id="rIdCache"/></pivotCaches>`),
    workbookRels: rel("rIdCache", `${R}/pivotCacheDefinition`, "pivotCache/pivotCacheDefinition1.xml"),
    parts: {
      "xl/pivotCache/pivotCacheDefinition1.xml": cache,
      "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": relsXml(rel("rId1", `${R}/pivotCacheRecords`, "pivotCacheRecords1.xml")),
      "xl/pivotCache/pivotCacheRecords1.xml": records,
      "xl/pivotTables/pivotTable1.xml": table,
      "xl/pivotTables/_rels/pivotTable1.xml.rels": relsXml(rel("rId1", `${R}/pivotCacheDefinition`, "../pivotCache/pivotCacheDefinition1.xml")),
    },
    overrides: {
      "/xl/pivotCache/pivotCacheDefinition1.xml": TYPE.pivotCache,
      "/xl/pivotCache/pivotCacheRecords1.xml": TYPE.pivotRecords,
      "/xl/pivotTables/pivotTable1.xml": TYPE.pivotTable,
    },
  });
}

const CHART =
  `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
  '<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
  "<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:cat><c:strRef><c:f>'党员名单'!$A$2:$A$5</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'党员名单'!$C$2:$C$5</c:f></c:numRef></c:val></c:ser>" +
  '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
  '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';

/** A chart sheet between the roster and a notes sheet, active; a sheet-scoped name on the notes sheet. */
function chartsheet(): Record<string, string | Buffer> {
  const chartSheet =
    `${XML}<chartsheet xmlns="${MAIN}" xmlns:r="${R}"><sheetPr/><sheetViews><sheetView zoomScale="90" workbookViewId="0" zoomToFit="1"/></sheetViews>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`;
  const drawing =
    `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8670000" cy="6300000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="学时图"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`;
  const notes = worksheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData>`);
  return build({
    sheets: [ROSTER, { name: "学时图", part: "xl/chartsheets/sheet1.xml", xml: chartSheet, type: "chartsheet", rels: rel("rId1", `${R}/drawing`, "../drawings/drawing1.xml") }, { name: "备注", part: "xl/worksheets/sheet2.xml", xml: notes }],
    styles: EXCEL_STYLES,
    workbookXml: (s) =>
      excelWorkbook(s, `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">备注!$A$1:$A$1</definedName><definedName name="名单">党员名单!$A$1:$C$5</definedName></definedNames><calcPr calcId="191029"/>`).replace('activeTab="0"', 'activeTab="1"'),
    parts: {
      "xl/drawings/drawing1.xml": drawing,
      "xl/drawings/_rels/drawing1.xml.rels": relsXml(rel("rId1", `${R}/chart`, "../charts/chart1.xml")),
      "xl/charts/chart1.xml": CHART,
    },
    overrides: { "/xl/drawings/drawing1.xml": TYPE.drawing, "/xl/charts/chart1.xml": TYPE.chart },
  });
}

/** A comment on the roster's 学时 header, shown by a legacy VML drawing (the sheet's last element, legacyDrawing). */
function comments(): Record<string, string | Buffer> {
  const vml =
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    `<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:150pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>3, 15, 0, 2, 5, 15, 4, 6</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>`;
  const commentsXml =
    `${XML}<comments xmlns="${MAIN}"><authors><author>张三</author></authors><commentList><comment ref="C1" authorId="0"><text><r><rPr><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t>学时含线上学习</t></r></text></comment></commentList></comments>`;
  return build({
    sheets: [
      {
        ...ROSTER,
        xml: rosterSheet('<legacyDrawing r:id="rIdVml"/>'),
        rels: rel("rIdComments", `${R}/comments`, "../comments1.xml") + rel("rIdVml", `${R}/vmlDrawing`, "../drawings/vmlDrawing1.vml"),
      },
    ],
    styles: EXCEL_STYLES,
    workbookXml: (s) => excelWorkbook(s, '<calcPr calcId="191029"/>'),
    parts: { "xl/comments1.xml": commentsXml, "xl/drawings/vmlDrawing1.vml": vml },
    overrides: { "/xl/comments1.xml": TYPE.comments },
    defaults: { vml: "application/vnd.openxmlformats-officedocument.vmlDrawing" },
  });
}

export interface CorpusCase {
  name: string;
  /** The file name it is saved under (its extension matters for .xlsm). */
  file: string;
  parts: () => Record<string, string | Buffer>;
}

export const CORPUS: CorpusCase[] = [
  { name: "openpyxl", file: "openpyxl.xlsx", parts: openpyxl },
  { name: "WPS", file: "wps.xlsx", parts: wps },
  { name: "prefixed (.NET SDK)", file: "prefixed.xlsx", parts: prefixed },
  { name: "empty styleSheet", file: "empty-styles.xlsx", parts: emptyStyles },
  { name: "no cellStyleXfs", file: "no-cell-style-xfs.xlsx", parts: noCellStyleXfs },
  { name: "macro-enabled", file: "macros.xlsm", parts: macroEnabled },
  { name: "pivot table", file: "pivot.xlsx", parts: pivot },
  { name: "chart sheet", file: "chartsheet.xlsx", parts: chartsheet },
  { name: "legacy comments", file: "comments.xlsx", parts: comments },
];

export const STRICT: CorpusCase = { name: "Strict", file: "strict.xlsx", parts: strict };

export const corpusPackage = (c: CorpusCase): Buffer => zip(c.parts());
