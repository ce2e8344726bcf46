import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { SHEET_NAMES } from "../../src/engine";
import { cli, tempDir, writeSample } from "../cli/helpers";
import { CORPUS, corpusPackage } from "../hosts/xlsx-package/corpus";
import { OPENPYXL, ON_CI, SOFFICE, openpyxlLoad, openpyxlWrite, sofficeConvert } from "./readers";

/**
 * Everything the command line writes opens in two readers nobody here wrote: openpyxl (strict
 * about attribute values: `vertical="middle"` alone made it refuse every evaluate output) and
 * LibreOffice. The outputs: evaluate over the sample and over every package of the corpus of
 * other programs' shapes, export of the sample's result, and consolidate of that summary.
 */

if (!OPENPYXL && !ON_CI) console.warn("openpyxl checks skipped: apt-get install python3-openpyxl to run them. On CI a missing openpyxl fails.");
if (!SOFFICE && !ON_CI) console.warn("LibreOffice checks skipped: apt-get install libreoffice-calc to run them. On CI a missing soffice fails.");

let tmp: ReturnType<typeof tempDir>;
const outputs: string[] = [];
const ARGS = ["--today", "2025-03-25", "--unit", "机关党委"];

beforeAll(async () => {
  tmp = tempDir();
  await writeSample(tmp.file("示例.xlsx"));
  const evaluate = async (input: string, output: string) => {
    const run = await cli("evaluate", input, "-o", output, ...ARGS);
    expect({ output: path.basename(output), code: run.code, stderr: run.stderr }).toEqual({ output: path.basename(output), code: 0, stderr: "" });
    outputs.push(output);
  };
  await evaluate(tmp.file("示例.xlsx"), tmp.file("评议结果.xlsx"));
  for (const c of CORPUS) {
    writeFileSync(tmp.file(c.file), corpusPackage(c));
    await evaluate(tmp.file(c.file), tmp.file(`结果-${c.file}`));
  }
  if (OPENPYXL) {
    // a roster openpyxl itself wrote, beside the corpus's openpyxl-shaped one
    openpyxlWrite(tmp.file("openpyxl-真.xlsx"), [
      ["姓名", "所在支部", "学时"],
      ["王建国", "机关第一党支部", 52],
      ["李秀英", "机关第二党支部", 38],
    ]);
    await evaluate(tmp.file("openpyxl-真.xlsx"), tmp.file("结果-openpyxl-真.xlsx"));
  }
  expect((await cli("export", tmp.file("评议结果.xlsx"), "-o", tmp.file("汇总.xlsx"))).code).toBe(0);
  expect((await cli("export", tmp.file("评议结果.xlsx"), "-o", tmp.file("汇总-含问题.xlsx"), "--with-issues")).code).toBe(0);
  expect((await cli("consolidate", tmp.file("汇总.xlsx"), "-o", tmp.file("合并.xlsx"), "--unit", "县委组织部")).code).toBe(0);
  outputs.push(tmp.file("汇总.xlsx"), tmp.file("汇总-含问题.xlsx"), tmp.file("合并.xlsx"));
}, 120_000);
afterAll(() => tmp?.cleanup());

(OPENPYXL || ON_CI ? describe : describe.skip)("openpyxl", () => {
  it("loads every output of evaluate, export and consolidate", () => {
    const loaded = openpyxlLoad(outputs);
    expect(loaded.filter((l) => l.error !== null).map((l) => `${path.basename(l.file)}: ${l.error}`)).toEqual([]);
    const sample = loaded.find((l) => l.file.endsWith("评议结果.xlsx"))!;
    expect(sample.sheets).toEqual(expect.arrayContaining([SHEET_NAMES.branches, SHEET_NAMES.stages, SHEET_NAMES.issues, SHEET_NAMES.about]));
  });
});

(SOFFICE || ON_CI ? describe : describe.skip)("LibreOffice", () => {
  it("converts every output to PDF", () => {
    const run = sofficeConvert(outputs, tmp.file("pdf"));
    expect({ status: run.status, errors: run.errors }).toEqual({ status: 0, errors: [] });
    expect(run.converted).toEqual(outputs.map((f) => path.basename(f).replace(/\.xls[xm]$/, ".pdf")).sort());
  }, 300_000);
});
