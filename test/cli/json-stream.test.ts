import { readFileSync } from "node:fs";
import fc from "fast-check";
import { LazyList, writeJsonFile } from "../../src/cli/json-stream";
import { evaluateWorkbook, toReport, DEFAULT_RULES } from "../../src/engine";
import { readPackage } from "../../src/hosts/xlsx-package";
import { cli, tempDir, writeSample } from "./helpers";

/**
 * The --report file is written piece by piece (a city's report is longer than the longest
 * string JavaScript can hold), and reads exactly as JSON.stringify(report, null, 2) would.
 */

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

describe("writeJsonFile", () => {
  it("writes what JSON.stringify(value, null, 2) writes, for any JSON object (property)", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), async (value) => {
        const file = tmp.file(`值${n++}.json`);
        await writeJsonFile(file, value);
        expect(readFileSync(file, "utf8")).toBe(JSON.stringify(value, null, 2) + "\n");
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("lists given element by element read the same as arrays; undefined and functions as JSON.stringify leaves them", async () => {
    const items = [{ a: 1, b: [1, 2, { c: "x\ny" }] }, null, "文字", [], {}];
    const value = { head: { n: 1 }, skipped: undefined, list: new LazyList(items.length, (i) => items[i]), empty: new LazyList(0, () => 0), last: [undefined, () => 1] };
    const file = tmp.file("懒.json");
    await writeJsonFile(file, value);
    const plain = { head: { n: 1 }, skipped: undefined, list: items, empty: [], last: [undefined, () => 1] };
    expect(readFileSync(file, "utf8")).toBe(JSON.stringify(plain, null, 2) + "\n");
  });
});

describe("evaluate --report", () => {
  it("is JSON.stringify(toReport(result), null, 2) of the evaluation", async () => {
    const sample = tmp.file("示例.xlsx");
    await writeSample(sample);
    const report = tmp.file("明细.json");
    expect((await cli("evaluate", sample, "-o", tmp.file("结果.xlsx"), "--report", report, "--today", "2025-03-25")).code).toBe(0);
    const { input } = await readPackage(sample);
    const result = evaluateWorkbook(input, { rules: DEFAULT_RULES, today: "2025-03-25", fallbackUnitName: "示例" });
    expect(readFileSync(report, "utf8")).toBe(JSON.stringify(toReport(result), null, 2) + "\n");
  }, 60_000);
});
