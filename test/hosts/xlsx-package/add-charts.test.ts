import { spawnSync } from "node:child_process";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { DOMParser } from "@xmldom/xmldom";
import { addCharts } from "../../../src/hosts/xlsx-package/add-charts";
import { sheetDataSpan } from "../../../src/hosts/xlsx-package/sheet-data-span";
import { crc32, readZip, utf8Text, writeZip } from "../../../src/hosts/zip/package-zip";
import { branchChart } from "../../../src/engine/plan/branchSheet";
import { BRANCH_COLUMNS, type PlanCell, type SheetPlan } from "../../../src/engine/plan/types";
import { cli, tempDir, writeSample } from "../../cli/helpers";

/**
 * Charts added to packages exceljs wrote (the exported summary, the consolidation), read back
 * by Python's zipfile and openpyxl, which find the chart where evaluate's own output has it.
 */

function python(script: string, ...args: string[]): string {
  const done = spawnSync("/usr/bin/python3", ["-c", script, ...args], { encoding: "utf8" });
  if (done.status !== 0) throw new Error(done.stderr);
  return done.stdout.trim();
}

const CHARTS = `
import sys, zipfile, json, openpyxl
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: len(ws._charts) for ws in wb.worksheets}, ensure_ascii=False))
`;

describe("the package zip", () => {
  test("entries round-trip stored and deflated, Chinese names included, CRC as zlib computes it", async () => {
    const entries = new Map<string, Uint8Array>([
      ["[Content_Types].xml", new TextEncoder().encode("<Types/>".repeat(50))],
      ["xl/工作表.xml", new TextEncoder().encode("汇总")],
      ["empty", new Uint8Array()],
    ]);
    for (const deflate of [undefined, async (b: Uint8Array) => new Uint8Array(deflateRawSync(b))]) {
      const bytes = await writeZip(entries, deflate);
      const back = await readZip(bytes, async (b) => new Uint8Array(inflateRawSync(b)));
      expect([...back.keys()]).toEqual([...entries.keys()]);
      for (const [name, data] of entries) expect(Buffer.from(back.get(name)!).equals(Buffer.from(data))).toBe(true);
    }
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  test("text decodes as TextDecoder does, across its internal chunks and for characters beyond the BMP", () => {
    for (const text of ["", "abc", "党员评议", "😀汇总𠀀", "支".repeat(20000) + "😀".repeat(9000)]) expect(utf8Text(new TextEncoder().encode(text))).toBe(text);
  });
});

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const encode = (text: string) => new TextEncoder().encode(text);

/** A package holding one worksheet part as another writer spelled it. */
function packageWith(sheetXml: string): Map<string, Uint8Array> {
  return new Map([
    ["[Content_Types].xml", encode(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`)],
    ["_rels/.rels", encode(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
    ["xl/workbook.xml", encode(`<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="评议-支部汇总" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
    ["xl/_rels/workbook.xml.rels", encode(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)],
    ["xl/worksheets/sheet1.xml", encode(sheetXml)],
  ]);
}

function branchPlan(branches: number): SheetPlan {
  const rows: PlanCell[][] = [["党员评议支部汇总表"], [...BRANCH_COLUMNS]];
  for (let i = 0; i < branches; i++) rows.push(BRANCH_COLUMNS.map((_, c) => (c === 0 ? `第${i + 1}党支部` : 1)));
  return { name: "评议-支部汇总", kind: "branches", rows, headerRow: 1, boldRows: [], percentColumns: [], decimalColumns: [], widths: [], highlights: [], chart: branchChart(rows, 1, 2, 1 + branches) };
}

describe("a chart added to a worksheet another writer made", () => {
  const rowsXml = (p: string, n: number) => Array.from({ length: n }, (_, i) => `<${p}row r="${i + 1}"><${p}c r="A${i + 1}" t="inlineStr"><${p}is><${p}t>第${i}党支部 &lt;/sheetData&gt; 😀</${p}t></${p}is></${p}c></${p}row>`).join("");
  const cases = [
    { name: "unprefixed, rows then a tail", p: "", ns: `xmlns="${MAIN}" xmlns:r="${R}"`, tail: `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="0"/>` },
    { name: "prefixed main namespace, no r prefix declared", p: "x:", ns: `xmlns:x="${MAIN}"`, tail: `<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` },
  ];
  test.each(cases)("$name: its rows are the same bytes, the drawing sits in its schema place", ({ p, ns, tail }) => {
    const data = `<${p}sheetData>${rowsXml(p, 3000)}</${p}sheetData>`;
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}><${p}dimension ref="A1:A3000"/><${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews>${data}${tail}</${p}worksheet>`;
    const out = addCharts(packageWith(sheet), [branchPlan(30)]);
    const written = out.get("xl/worksheets/sheet1.xml")!;
    const span = sheetDataSpan(written)!;
    expect(Buffer.from(written.subarray(span.start, span.end)).equals(Buffer.from(encode(data)))).toBe(true);
    const doc = new DOMParser().parseFromString(utf8Text(written), "text/xml");
    const names = [...(doc.documentElement!.childNodes as unknown as Iterable<Node>)].filter((n) => n.nodeType === 1).map((n) => (n as Element).localName);
    expect(names.slice(2)).toEqual(p === "" ? ["sheetData", "pageMargins", "drawing", "tableParts"] : ["sheetData", "pageMargins", "drawing"]);
    const drawing = doc.getElementsByTagNameNS(MAIN, "drawing")[0];
    expect(drawing.getAttributeNS(R, "id")).toMatch(/^rIdChart\d+$/);
    expect(doc.getElementsByTagNameNS(MAIN, "row")).toHaveLength(3000);
    // at most 20 branches drawn, the title saying how many there are
    const chart = utf8Text(out.get("xl/charts/chart1.xml")!);
    expect(chart).toContain("前 20 个支部评议等次（人，共 30 个）");
    expect(chart).toContain("$A$3:$A$22");
  });

  test("an empty sheetData stays empty", () => {
    const out = addCharts(packageWith(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`), [branchPlan(2)]);
    const xml = utf8Text(out.get("xl/worksheets/sheet1.xml")!);
    expect(xml).toMatch(/<sheetData\/><drawing r:id="rIdChart1"\/><\/worksheet>$/);
  });
});

describe("charts in the command line's summaries", () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    tmp = tempDir();
    await writeSample(tmp.file("示例.xlsx"));
    expect((await cli("evaluate", tmp.file("示例.xlsx"), "-o", tmp.file("结果.xlsx"), "--unit", "甲单位")).code).toBe(0);
    expect((await cli("export", tmp.file("结果.xlsx"), "-o", tmp.file("汇总.xlsx"))).code).toBe(0);
    expect((await cli("consolidate", tmp.file("汇总.xlsx"), "-o", tmp.file("合并.xlsx"), "--unit", "县委组织部")).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  test("the export's branch summary has evaluate's chart, and no other sheet has one", () => {
    expect(JSON.parse(python(CHARTS, tmp.file("汇总.xlsx")))).toEqual({ "评议-支部汇总": 1, "评议-阶段汇总": 0, "评议-单位测评": 0, "评议-说明": 0, "评议-技术信息": 0 });
    expect(JSON.parse(python(CHARTS, tmp.file("结果.xlsx")))["评议-支部汇总"]).toBe(1);
  });

  test("the consolidation's per-unit sheet has its chart", () => {
    const charts = JSON.parse(python(CHARTS, tmp.file("合并.xlsx")));
    expect(charts["评议-单位汇总"]).toBe(1);
  });
});
