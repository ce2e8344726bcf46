import { readFileSync } from "node:fs";
import * as path from "node:path";
import { SAMPLE_SUMMARIES, sampleSummaryBytes, sampleSummaryFile, type SampleSummaryUnit } from "../../scripts/make-examples";
import { SAMPLE_SUMMARIES as DEMO_SUMMARIES } from "../../src/demo/params";
import { cli, tempDir } from "../cli/helpers";

const EXAMPLES = path.join(__dirname, "../../examples");
const units = Object.keys(SAMPLE_SUMMARIES) as SampleSummaryUnit[];

describe("the sample summaries in examples/", () => {
  test("are what npm run examples writes, and the ones the demo offers", async () => {
    for (const unit of units) expect((await sampleSummaryBytes(unit)).equals(readFileSync(path.join(EXAMPLES, sampleSummaryFile(unit))))).toBe(true);
    expect([...DEMO_SUMMARIES]).toEqual(units.map(sampleSummaryFile));
  });

  test("consolidate merges both, nothing left out", async () => {
    const tmp = tempDir();
    try {
      const run = await cli("consolidate", ...units.map((unit) => path.join(EXAMPLES, sampleSummaryFile(unit))), "-o", tmp.file("全县.xlsx"), "--unit", "XX县委组织部");
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).toMatch(/2/);
    } finally {
      tmp.cleanup();
    }
  });
});
