import { readFileSync, writeFileSync } from "node:fs";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { t } from "../../../src/i18n/t";
import { cli, existsSync, noStrayFiles } from "../../cli/helpers";
import { unzip } from "../../files/zip";
import { CORPUS, MAIN, R, STRICT, TYPE, corpusPackage, type CorpusCase } from "./corpus";
import { makeTempDir } from "./helpers";
import { badParts, styleCounts, unresolvedStyles } from "./package-checks";

/**
 * evaluate on packages as other programs write them: each output parses namespace-aware, every
 * style and highlight index it names resolves, every part evaluate had no reason to change is
 * byte for byte the input's, and a second run over the output writes the same package.
 */

const ARGS = ["--today", "2025-03-25", "--unit", "机关党委"];
/** Parts evaluate rewrites in these packages: the roster, the workbook's lists, the styles. */
const REWRITTEN = new Set(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", "xl/styles.xml"]);

interface Outcome {
  input: Map<string, Buffer>;
  once: Map<string, Buffer>;
  twice: Map<string, Buffer>;
  stderr: string;
  code: number;
}

let tmp: ReturnType<typeof makeTempDir>;
const outcomes = new Map<string, Outcome>();
const text = (parts: Map<string, Buffer>, name: string) => parts.get(name)!.toString("utf8");
const dom = (xml: string) => new DOMParser().parseFromString(xml, "text/xml");

beforeAll(async () => {
  tmp = makeTempDir();
  for (const c of CORPUS) {
    const input = tmp.file(c.file);
    const out = tmp.file(`结果-${c.file}`);
    writeFileSync(input, corpusPackage(c));
    const run = await cli("evaluate", input, "-o", out, ...ARGS);
    const again = await cli("evaluate", out, "-o", tmp.file(`再次-${c.file}`), ...ARGS);
    outcomes.set(c.name, {
      input: unzip(readFileSync(input)),
      once: run.code === 0 ? unzip(readFileSync(out)) : new Map(),
      twice: again.code === 0 ? unzip(readFileSync(tmp.file(`再次-${c.file}`))) : new Map(),
      stderr: run.stderr + again.stderr,
      code: Math.max(run.code, again.code),
    });
  }
}, 120_000);
afterAll(() => tmp.cleanup());

describe.each(CORPUS.map((c) => [c.name, c] as [string, CorpusCase]))("a package as %s writes it", (name) => {
  const get = () => outcomes.get(name)!;

  it("is evaluated, and the output and a second run's parse namespace-aware", () => {
    expect({ code: get().code, stderr: get().stderr }).toEqual({ code: 0, stderr: "" });
    expect(badParts(get().once)).toEqual([]);
    expect(badParts(get().twice)).toEqual([]);
  });

  it("names only styles, fonts, fills, borders, formats and highlight formats that exist", () => {
    expect(unresolvedStyles(get().once)).toEqual([]);
  });

  it("copies every part it had no reason to change byte for byte", () => {
    const { input, once } = get();
    for (const [part, bytes] of input) {
      expect([part, once.has(part)]).toEqual([part, true]);
      if (!REWRITTEN.has(part)) expect([part, once.get(part)!.equals(bytes)]).toEqual([part, true]);
    }
  });

  it("writes the same package again when run over its own output", () => {
    const { once, twice } = get();
    expect([...twice.keys()].sort()).toEqual([...once.keys()].sort());
    for (const [part, bytes] of once) expect([part, twice.get(part)!.equals(bytes)]).toEqual([part, true]);
  });
});

function children(el: Element, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (local === undefined || (n as Element).localName === local)) out.push(n as Element);
  return out;
}

describe("what each shape needs", () => {
  it("openpyxl: the relationships prefix of the new <sheet>s is declared once, on <workbook>", () => {
    const xml = text(outcomes.get("openpyxl")!.once, "xl/workbook.xml");
    const workbook = dom(xml).documentElement!;
    expect(workbook.getAttribute("xmlns:r")).toBe(R);
    expect(xml.match(new RegExp(`xmlns:r="${R}"`, "g"))).toHaveLength(2); // <workbook>, and openpyxl's own on its <sheet>
    const sheets = children(children(workbook, "sheets")[0], "sheet");
    expect(sheets.map((s) => s.getAttributeNS(R, "id"))).toEqual(["rId1", "rId2", "rId3", "rId4", "rId5", "rId6", "rId7", "rId8"]);
    expect(xml).not.toMatch(/<\?xml/); // openpyxl wrote no declaration; none is needed
  });

  it("prefixed styles: what we add is in the style sheet's own x: prefix and namespace, after its entries", () => {
    const { input, once } = outcomes.get("prefixed (.NET SDK)")!;
    const styles = text(once, "xl/styles.xml");
    expect(styles).not.toMatch(/<(?!x:|\/x:|\?xml)/);
    expect(styles).not.toContain(`xmlns="${MAIN}"`);
    const before = styleCounts(text(input, "xl/styles.xml"));
    const after = styleCounts(styles);
    expect(after.cellXfs.length).toBeGreaterThan(before.cellXfs.length);
    expect(after.dxfs).toBe(6); // a highlight format per colour (HIGHLIGHT_COLOURS)
    const workbook = text(once, "xl/workbook.xml");
    expect(workbook).not.toMatch(/<(?!x:|\/x:|\?xml)/);
    const sheet = text(once, "xl/worksheets/sheet1.xml");
    expect(sheet).not.toMatch(/<(?!x:|\/x:|\?xml)/);
    const header = /<x:c r="D1" s="(\d+)"/.exec(sheet);
    expect(Number(header![1])).toBeGreaterThanOrEqual(before.cellXfs.length);
  });

  it("an empty <styleSheet/>: the reserved entries come first, so the user's cells keep the default and ours never become it", () => {
    const { once } = outcomes.get("empty styleSheet")!;
    const s = styleCounts(text(once, "xl/styles.xml"));
    const xf0 = s.cellXfs[0];
    expect([xf0.getAttribute("fontId"), xf0.getAttribute("fillId"), xf0.getAttribute("borderId"), xf0.getAttribute("xfId"), xf0.getAttribute("applyFont")]).toEqual(["0", "0", "0", "0", null]);
    expect(s.fills.map((f) => children(f)[0].getAttribute("patternType")).slice(0, 2)).toEqual(["none", "gray125"]);
    expect(s.cellStyleXfs).toHaveLength(1);
    const sheet = text(once, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<c r="A2" t="inlineStr">'); // a user cell, still unstyled
    const styled = [...sheet.matchAll(/\ss="(\d+)"/g)].map((m) => Number(m[1]));
    expect(styled.length).toBeGreaterThan(0);
    expect(Math.min(...styled)).toBeGreaterThan(0);
  });

  it("styles without cellStyleXfs get one, so every xfId resolves; the user's number format stays at its index", () => {
    const { input, once } = outcomes.get("no cellStyleXfs")!;
    expect(text(input, "xl/styles.xml")).not.toContain("cellStyleXfs");
    const s = styleCounts(text(once, "xl/styles.xml"));
    expect(s.cellStyleXfs).toHaveLength(1);
    expect(s.cellXfs[1].getAttribute("numFmtId")).toBe("2");
    expect(text(once, "xl/worksheets/sheet1.xml")).toContain('<c r="C2" s="1">');
    expect(text(once, "xl/styles.xml")).toMatch(/<cellStyleXfs count="1">.*<\/cellStyleXfs><cellXfs /);
  });

  it("a macro-enabled workbook written as .xlsm keeps its content type and its VBA project", () => {
    const { input, once } = outcomes.get("macro-enabled")!;
    expect(text(once, "[Content_Types].xml")).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${TYPE.macroWorkbook}"/>`);
    expect(text(once, "[Content_Types].xml")).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    expect(once.get("xl/vbaProject.bin")!.equals(input.get("xl/vbaProject.bin")!)).toBe(true);
    expect(text(once, "xl/_rels/workbook.xml.rels")).toContain('Target="vbaProject.bin"');
  });

  it("a pivot table: our print titles go in definedNames, before calcPr and the workbook's pivotCaches", () => {
    const workbook = dom(text(outcomes.get("pivot table")!.once, "xl/workbook.xml")).documentElement!;
    expect(children(workbook).map((el) => el.localName)).toEqual(["workbookPr", "bookViews", "sheets", "definedNames", "calcPr", "pivotCaches"]);
  });

  it("a chart sheet: counted in the sheet positions; the active tab and the notes sheet's names stay on their sheets", () => {
    const { once } = outcomes.get("chart sheet")!;
    const workbook = dom(text(once, "xl/workbook.xml")).documentElement!;
    const names = children(children(workbook, "definedNames")[0]).map((el) => `${el.getAttribute("name")}@${el.getAttribute("localSheetId")}`);
    expect(names).toEqual([
      "_xlnm.Print_Area@2",
      "名单@null",
      "_xlnm.Print_Titles@3",
      "_xlnm.Print_Titles@4",
      "_xlnm.Print_Titles@5",
      "_xlnm.Print_Titles@6",
      "_xlnm.Print_Titles@7",
      "XianjiaoResults@0",
      "XianjiaoSheet@3",
      "XianjiaoSheet@4",
      "XianjiaoSheet@5",
      "XianjiaoSheet@6",
      "XianjiaoSheet@7",
      "XianjiaoSheet@8",
      "XianjiaoSheet@9",
    ]);
    expect(children(children(workbook, "bookViews")[0])[0].getAttribute("activeTab")).toBe("1");
  });

  it("legacy comments: our highlights go before the sheet's legacyDrawing, the comments and their drawing untouched", () => {
    const sheet = text(outcomes.get("legacy comments")!.once, "xl/worksheets/sheet1.xml");
    const root = dom(sheet).documentElement!;
    const order = children(root).map((el) => el.localName);
    const formats = order.filter((n) => n === "conditionalFormatting").length;
    expect(formats).toBeGreaterThan(0);
    expect(order).toEqual(["dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", ...Array(formats).fill("conditionalFormatting"), "pageMargins", "legacyDrawing"]);
    expect(sheet).toContain("<t>学习情况</t>");
  });
});

describe("packages evaluate refuses, writing nothing", () => {
  it("Strict Open XML: one sentence, exit 2, no output and no temporary file", async () => {
    const dir = makeTempDir();
    try {
      writeFileSync(dir.file(STRICT.file), corpusPackage(STRICT));
      const run = await cli("evaluate", dir.file(STRICT.file), "-o", dir.file("结果.xlsx"), ...ARGS);
      expect(run).toEqual({ code: 2, stdout: "", stderr: t("error.STRICT_OOXML", { file: STRICT.file }) + "\n" });
      noStrayFiles(dir.dir, [STRICT.file]);
    } finally {
      dir.cleanup();
    }
  });

  it("a macro-enabled workbook written under a .xlsx name (Excel would refuse it), and a plain one under .xlsm", async () => {
    const dir = makeTempDir();
    try {
      const macros = CORPUS.find((c) => c.name === "macro-enabled")!;
      writeFileSync(dir.file(macros.file), corpusPackage(macros));
      const run = await cli("evaluate", dir.file(macros.file), "-o", dir.file("结果.xlsx"), ...ARGS);
      expect(run).toEqual({ code: 2, stdout: "", stderr: t("error.OUTPUT_KIND", { file: macros.file, output: "结果.xlsx", ext: ".xlsm" }) + "\n" });
      const plain = CORPUS.find((c) => c.name === "WPS")!;
      writeFileSync(dir.file(plain.file), corpusPackage(plain));
      const back = await cli("evaluate", dir.file(plain.file), "-o", dir.file("结果.XLSM"), ...ARGS);
      expect(back).toEqual({ code: 2, stdout: "", stderr: t("error.OUTPUT_KIND", { file: plain.file, output: "结果.XLSM", ext: ".xlsx" }) + "\n" });
      noStrayFiles(dir.dir, [macros.file, plain.file]);
      expect(existsSync(dir.file("结果.xlsx"))).toBe(false);
    } finally {
      dir.cleanup();
    }
  });
});
