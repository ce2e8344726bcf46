import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { tempDir } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

/** Which modules a real process has loaded after running the command line with `args`. */
function loadedAfter(args: string[]): { code: number; exceljs: boolean } {
  const script = `
    const { main } = require("./src/cli/main.ts");
    const quiet = { stdout: () => {}, stderr: () => {}, stderrIsTTY: false, now: () => new Date() };
    main(${JSON.stringify(args)}, quiet).then((code) => {
      const exceljs = Object.keys(require.cache).some((file) => file.includes(\`\${require("path").sep}exceljs\${require("path").sep}\`));
      process.stdout.write(JSON.stringify({ code, exceljs }));
    });`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return JSON.parse(run.stdout);
}

describe("the command line's start-up", () => {
  it("evaluate runs without loading exceljs; export loads it when it runs", () => {
    const sample = path.join(ROOT, "examples", "示例-先教评议.xlsx");
    const out = tmp.file("结果.xlsx");
    expect(loadedAfter(["evaluate", sample, "-o", out, "--today", "2025-03-25"])).toEqual({ code: 0, exceljs: false });
    expect(loadedAfter(["export", out, "-o", tmp.file("汇总.xlsx")])).toEqual({ code: 0, exceljs: true });
  });
});
