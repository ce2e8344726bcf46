import { readFileSync, writeFileSync } from "node:fs";
import { cli, tempDir, writeSample } from "../../cli/helpers";
import { unzip } from "../../files/zip";
import { CORPUS, corpusPackage } from "./corpus";
import { isXmlPart, schemaErrors, schemaFolder } from "./package-checks";

/**
 * The parts evaluate writes (rewritten or new), and every part of what export and consolidate
 * write, validated against the ECMA-376 Transitional schemas with xmllint, read as a consumer
 * that knows only those schemas reads them (markup-compatibility applied). The schemas are not
 * part of this repository: this runs when XIANJIAO_OOXML_XSD names a folder holding them
 * (sml.xsd, dml-*.xsd, shared-*.xsd, opc-xsd/…), and is skipped otherwise.
 */

const XSD = schemaFolder();
const maybe = XSD ? describe : describe.skip;
const ARGS = ["--today", "2025-03-25", "--unit", "机关党委"];

maybe("ECMA-376 Transitional schema validity", () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  /** Parts of OUT that evaluate wrote: new ones, and those that differ from IN. */
  const writtenParts = (input: Map<string, Buffer>, output: Map<string, Buffer>) => [...output.keys()].filter((name) => isXmlPart(name) && !input.get(name)?.equals(output.get(name)!));

  it("holds for what evaluate writes into the sample and into every package of the corpus", async () => {
    const cases = [{ file: "示例.xlsx", bytes: null as Buffer | null }, ...CORPUS.map((c) => ({ file: c.file, bytes: corpusPackage(c) }))];
    const errors: string[] = [];
    for (const c of cases) {
      if (c.bytes) writeFileSync(tmp.file(c.file), c.bytes);
      else await writeSample(tmp.file(c.file));
      const out = tmp.file(`结果-${c.file}`);
      expect((await cli("evaluate", tmp.file(c.file), "-o", out, ...ARGS)).code).toBe(0);
      const input = unzip(readFileSync(tmp.file(c.file)));
      const output = unzip(readFileSync(out));
      errors.push(...schemaErrors(output, writtenParts(input, output), XSD!).map((e) => `${c.file} ${e}`));
    }
    expect(errors).toEqual([]);
  }, 120_000);

  it("holds for every part export and consolidate write", async () => {
    await writeSample(tmp.file("样例.xlsx"));
    expect((await cli("evaluate", tmp.file("样例.xlsx"), "-o", tmp.file("结果.xlsx"), ...ARGS)).code).toBe(0);
    expect((await cli("export", tmp.file("结果.xlsx"), "-o", tmp.file("汇总.xlsx"), "--with-issues")).code).toBe(0);
    expect((await cli("consolidate", tmp.file("汇总.xlsx"), "-o", tmp.file("合并.xlsx"))).code).toBe(0);
    const errors: string[] = [];
    for (const file of ["汇总.xlsx", "合并.xlsx"]) {
      const parts = unzip(readFileSync(tmp.file(file)));
      errors.push(...schemaErrors(parts, [...parts.keys()].filter(isXmlPart), XSD!).map((e) => `${file} ${e}`));
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
