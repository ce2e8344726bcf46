import { spawnSync } from "node:child_process";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cli, existsSync, load, tempDir } from "../cli/helpers";
import { millionStyledRows, styledLastRow, writeBytes } from "./fixtures";

/**
 * A used range of a million rows that are empty but formatted: the reader trims them, the
 * result block covers only the table's rows, and the run stays fast and within a small heap.
 */

const ROOT = path.join(__dirname, "..", "..");
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

/** Rows of a sheet where our result block wrote text. */
function resultRows(ws: ExcelJS.Worksheet): number[] {
  const rows: number[] = [];
  ws.eachRow((row, r) => {
    let ours = false;
    row.eachCell((cell) => {
      if (typeof cell.value === "string" && cell.value.length > 0 && Number(cell.col) >= 7) ours = true;
    });
    if (ours) rows.push(r);
  });
  return rows;
}

describe("a workbook whose used range reaches row 1,048,576", () => {
  it("one formatted cell at A1048576: evaluated in seconds, results only beside the members", async () => {
    const input = tmp.file("末行有格式.xlsx");
    await styledLastRow(input);
    const out = tmp.file("末行有格式-结果.xlsx");
    const run = await cli("evaluate", input, "-o", out, "--today", "2025-03-25");
    expect(run.code).toBe(0);
    const ws = (await load(out)).getWorksheet("党员名单")!;
    expect(ws.getCell("G2").value).toBe("学习情况");
    expect(resultRows(ws)).toEqual([1, 2, 3, 4, 5]); // group header, header, three members
  }, 60_000);

  // The heap cap is what keeps the run lean; the timeout only guards against a hang (speed is
  // measured by `npm run bench`, not asserted here).
  it("1,048,576 rows formatted one by one: evaluated within a 700 MB heap, no hang", () => {
    const input = writeBytes(tmp.file("百万格式行.xlsx"), millionStyledRows(true));
    const out = tmp.file("百万格式行-结果.xlsx");
    const run = spawnSync(process.execPath, ["--max-old-space-size=700", path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "src/cli/main.ts", "evaluate", input, "-o", out, "--today", "2025-03-25"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 150_000,
    });
    expect({ status: run.status, stderr: run.stderr.split("\n").filter((line) => !/^\[\s*\d+%\]/.test(line)).join("\n") }).toEqual({ status: 0, stderr: "" });
    expect(run.stdout).toContain("党员 2 人");
    expect(existsSync(out)).toBe(true);
  }, 180_000);
});
