import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { existsSync, sha256, tempDir } from "./helpers";
import { sampleWorkbookBytes } from "../../scripts/make-examples";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "examples", "示例-先教评议.xlsx");

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

describe("npm run xianjiao (node scripts/run-ts.mjs src/cli/main.ts)", () => {
  it("runs as a real process: exit 0 and the summary on stdout, exit 2 on a bad file", () => {
    const out = path.join(tmp.dir, "结果.xlsx");
    const before = sha256(SAMPLE);
    const ok = spawnSync(process.execPath, ["scripts/run-ts.mjs", "src/cli/main.ts", "evaluate", SAMPLE, "-o", out, "--today", "2025-03-25"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("党员 80 人");
    expect(existsSync(out)).toBe(true);
    expect(sha256(SAMPLE)).toBe(before);

    const bad = spawnSync(process.execPath, ["scripts/run-ts.mjs", "src/cli/main.ts", "evaluate", path.join(tmp.dir, "没有.xlsx"), "-o", path.join(tmp.dir, "x.xlsx")], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("找不到文件“没有.xlsx”");
    expect(existsSync(path.join(tmp.dir, "x.xlsx"))).toBe(false);
  });

  it("stops quietly when the output's reader goes away (`… | head`)", async () => {
    const child = spawn(process.execPath, ["scripts/run-ts.mjs", "src/cli/main.ts", "rules", "--print"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    // The reading end is closed before the command line has started, so its first write fails.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  });

  it("bundles our sources only: packages stay in node_modules, and errors point into the .ts files", () => {
    const bundled = spawnSync(process.execPath, ["scripts/run-ts.mjs", "--bundle", "src/cli/main.ts"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect(bundled.status).toBe(0);
    const code = readFileSync(bundled.stdout.trim(), "utf8");
    expect(code).toContain('require("exceljs")');
    expect(code).toContain("sourceMappingURL=data:application/json");
    // The engine's modules are one scope: calls between them are plain calls, not export getters.
    expect(code).toContain("function readRows(");
    expect(code).not.toMatch(/__export\((rows|join|values|cell|evaluateMembers|resultCells)_exports/);
  });
});

describe("examples/示例-先教评议.xlsx", () => {
  it("is exactly what scripts/make-examples.ts generates", async () => {
    expect((await sampleWorkbookBytes()).equals(readFileSync(SAMPLE))).toBe(true);
  });
});
