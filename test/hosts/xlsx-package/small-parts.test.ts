import type { SheetPlan } from "../../../src/engine/plan/types";
import { XianjiaoError } from "../../../src/errors";
import { definedNames, removeDefinedNames, setDefinedName } from "../../../src/hosts/xlsx-package/defined-names";
import type { SheetEntry } from "../../../src/hosts/xlsx-package/parts";
import type { NewSheet } from "../../../src/hosts/xlsx-package/sheet-layout";
import { addOurStyles } from "../../../src/hosts/xlsx-package/styles-patch";
import { patchAppXml, patchContentTypes, patchWorkbookRels, patchWorkbookXml } from "../../../src/hosts/xlsx-package/workbook-patch";
import { parsePart, serializePart } from "../../../src/hosts/xlsx-package/xml-dom";
import { namespaceError, styleCounts } from "./package-checks";

/** The small parts as a DOM: what each edit writes, in the package's own namespaces and prefixes. */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const AT = { file: "名单.xlsx", part: "xl/workbook.xml" };

const plan = (name: string): SheetPlan => ({ name, kind: "about", rows: [["标题"], ["键", "值"]], headerRow: 1, boldRows: [], percentColumns: [], decimalColumns: [], widths: [], highlights: [] });
const added = (name: string, sheetId: number, relId: string, n: number): NewSheet => ({ plan: plan(name), name, sheetId, relId, part: `xl/worksheets/sheet${n}.xml`, chart: null });
const entry = (name: string, sheetId: number, relId: string): SheetEntry => ({ name, sheetId, relId, part: "", isWorksheet: true, hidden: false, veryHidden: false, markers: {} });
const root = (xml: string) => parsePart(xml, AT).documentElement!;

describe("workbook.xml", () => {
  it("drops a replaced sheet and its names, moves the others' names and the active tab, adds the new sheet with its print titles", () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${R}"><bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews>` +
      `<sheets><sheet name="党员名单" sheetId="1" r:id="rId1"/><sheet name="评议-说明" sheetId="2" r:id="rId2"/><sheet name="备注" sheetId="3" r:id="rId3"/></sheets>` +
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">'评议-说明'!$A$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="2">备注!$A$1</definedName></definedNames><calcPr calcId="191029"/></workbook>`;
    const sheets = [entry("党员名单", 1, "rId1"), entry("评议-说明", 2, "rId2"), entry("备注", 3, "rId3")];
    const out = patchWorkbookXml(xml, AT, sheets, [sheets[1]], [added("评议-说明", 2, "rId2", 2)]);
    expect(out).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${R}"><bookViews><workbookView activeTab="1" firstSheet="0"/></bookViews>` +
        `<sheets><sheet name="党员名单" sheetId="1" r:id="rId1"/><sheet name="备注" sheetId="3" r:id="rId3"/><sheet name="评议-说明" sheetId="2" r:id="rId2"/></sheets>` +
        `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">备注!$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="2">'评议-说明'!$1:$2</definedName></definedNames><calcPr calcId="191029"/></workbook>`,
    );
  });

  it("binds a free prefix for r:id when the workbook binds r to something else", () => {
    const xml = `<workbook xmlns="${MAIN}" xmlns:r="urn:other"><sheets><sheet name="名单" sheetId="1" xmlns:q="${R}" q:id="rId1"/></sheets></workbook>`;
    const out = patchWorkbookXml(xml, AT, [entry("名单", 1, "rId1")], [], [added("评议-说明", 2, "rId2", 2)]);
    expect(namespaceError(out)).toBeNull();
    expect(out).toContain(`<workbook xmlns="${MAIN}" xmlns:r="urn:other" xmlns:r1="${R}">`);
    expect(out).toContain('<sheet name="评议-说明" sheetId="2" r1:id="rId2"/>');
  });

  it("writes sheet names without characters XML forbids, and escaped", () => {
    const xml = `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets/></workbook>`;
    const out = patchWorkbookXml(xml, AT, [], [], [added('A&B<"\u0001', 1, "rId1", 1)]);
    expect(namespaceError(out)).toBeNull();
    expect(out).toContain('<sheet name="A&amp;B&lt;&quot;" sheetId="1" r:id="rId1"/>');
  });

  it("keeps a carriage return written as a character reference", () => {
    const xml = `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets/><definedNames><definedName name="说明">"甲&#13;&#10;乙"</definedName></definedNames></workbook>`;
    expect(patchWorkbookXml(xml, AT, [], [], [])).toBe(xml.replace("&#10;", "\n"));
  });
});

describe("defined names", () => {
  const workbook = () => root(`<x:workbook xmlns:x="${MAIN}"><x:sheets/><x:calcPr/><x:extLst/></x:workbook>`);

  it("are made in their schema place, in the workbook's prefix, hidden when asked; one of the same name and sheet is replaced", () => {
    const wb = workbook();
    setDefinedName(wb, { name: "XianjiaoMark", localSheetId: 1, value: "'评议-说明'!$A$1", hidden: true });
    setDefinedName(wb, { name: "名单", localSheetId: null, value: "党员名单!$A:$C" });
    setDefinedName(wb, { name: "xianjiaomark", localSheetId: 1, value: "'评议-说明'!$B$1", hidden: true });
    setDefinedName(wb, { name: "XianjiaoMark", localSheetId: 2, value: "'评议-阶段汇总'!$A$1" });
    expect(serializePart(wb.ownerDocument!)).toBe(
      `<x:workbook xmlns:x="${MAIN}"><x:sheets/><x:definedNames><x:definedName name="xianjiaomark" localSheetId="1" hidden="1">'评议-说明'!$B$1</x:definedName>` +
        `<x:definedName name="名单">党员名单!$A:$C</x:definedName><x:definedName name="XianjiaoMark" localSheetId="2">'评议-阶段汇总'!$A$1</x:definedName></x:definedNames><x:calcPr/><x:extLst/></x:workbook>`,
    );
    expect(definedNames(wb).map((n) => [n.name, n.localSheetId, n.hidden])).toEqual([
      ["xianjiaomark", 1, true],
      ["名单", null, false],
      ["XianjiaoMark", 2, false],
    ]);
    removeDefinedNames(wb, (n) => n.name.toLowerCase() === "xianjiaomark");
    expect(definedNames(wb).map((n) => n.name)).toEqual(["名单"]);
    removeDefinedNames(wb, () => true);
    expect(serializePart(wb.ownerDocument!)).toBe(`<x:workbook xmlns:x="${MAIN}"><x:sheets/><x:calcPr/><x:extLst/></x:workbook>`);
  });
});

describe("relationships, content types and app properties", () => {
  it("the workbook's relationships: a removed sheet's and removed parts' go, new ones come, in the part's prefix", () => {
    const xml = `<p:Relationships xmlns:p="http://schemas.openxmlformats.org/package/2006/relationships"><p:Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><p:Relationship Id="rId2" Type="${R}/worksheet" Target="/xl/worksheets/sheet2.xml"/><p:Relationship Id="rId9" Type="${R}/calcChain" Target="calcChain.xml"/></p:Relationships>`;
    const out = patchWorkbookRels(xml, AT, "xl/workbook.xml", [entry("旧", 2, "rId2")], new Set(["xl/calcchain.xml"]), [added("评议-说明", 2, "rId2", 3)], null);
    expect(out).toBe(
      `<p:Relationships xmlns:p="http://schemas.openxmlformats.org/package/2006/relationships"><p:Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><p:Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet3.xml"/></p:Relationships>`,
    );
    expect(patchWorkbookRels(null, AT, "xl/workbook.xml", [], new Set(), [], { relId: "rIdS", part: "xl/styles.xml" })).toContain(`<Relationship Id="rIdS" Type="${R}/styles" Target="styles.xml"/>`);
  });

  it("content types: an Override the package already has for a new part is set, never doubled; a missing rels Default is added", () => {
    const xml = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/styles.xml" ContentType="text/plain"/><Override PartName="/xl/worksheets/sheet9.xml" ContentType="x"/></Types>`;
    const out = patchContentTypes(xml, AT, new Set(["xl/worksheets/sheet9.xml"]), [{ part: "xl/styles.xml", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" }]);
    expect(out).toBe(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    );
  });

  it("app properties: the worksheet titles follow the sheets; a list that does not add up is left byte for byte", () => {
    const app = (titles: string[], count: number) =>
      `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>${count}</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${titles.length + 1}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join("")}<vt:lpstr>名单</vt:lpstr></vt:vector></TitlesOfParts></Properties>`;
    const at = { file: "名单.xlsx", part: "docProps/app.xml" };
    expect(patchAppXml(app(["党员名单", "评议-说明"], 2), at, ["党员名单", "评议-说明"], ["评议-说明"], ["评议-说明", "评议-数据问题"])).toBe(app(["党员名单", "评议-说明", "评议-数据问题"], 3));
    const odd = app(["党员名单"], 5);
    expect(patchAppXml(odd, at, ["党员名单"], [], ["评议-说明"])).toBe(odd);
  });
});

describe("styles.xml", () => {
  it("a style sheet with one fill gets gray125 as fill 1 before ours (spreadsheet programs treat fill 1 as gray125)", () => {
    const xml = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>`;
    const { xml: out, styles } = addOurStyles(xml, { file: "名单.xlsx", part: "xl/styles.xml" });
    const s = styleCounts(out);
    expect(s.fills.map((f) => f.getElementsByTagNameNS(MAIN, "patternFill").item(0)!.getAttribute("patternType"))).toEqual(["none", "gray125", "solid", "solid"]);
    expect(s.cellXfs[styles.header].getAttribute("fillId")).toBe("2");
    expect(out).toContain('<alignment horizontal="center" vertical="center" wrapText="1"/>');
  });

  it("refuses a styles part whose root is no Transitional styleSheet", () => {
    expect(() => addOurStyles(`<styleSheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"/>`, { file: "名单.xlsx", part: "xl/styles.xml" })).toThrow(XianjiaoError);
    expect(() => addOurStyles(`<worksheet xmlns="${MAIN}"/>`, { file: "名单.xlsx", part: "xl/styles.xml" })).toThrow(XianjiaoError);
  });
});
