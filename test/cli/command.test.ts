import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import { cli, tempDir, writeSample } from "./helpers";

/**
 * The command line as a command: a mistyped command line gets one Chinese sentence and exit 2;
 * relative paths are the user's (from the folder npm was started in); `xianjiao` runs after
 * `npm install -g .` or through npx, on plain Node.
 */

const ROOT = path.join(__dirname, "..", "..");
let tmp: ReturnType<typeof tempDir>;
let sample: string;
beforeAll(async () => {
  tmp = tempDir();
  sample = tmp.file("示例.xlsx");
  await writeSample(sample);
});
afterAll(() => tmp.cleanup());

describe("usage errors", () => {
  const cases: [string[], RegExp][] = [
    [["evaluate", "IN.xlsx"], /^缺少输出文件：请用 -o 给出；用法见 xianjiao evaluate --help$/],
    [["evaluate", "IN.xlsx", "-o"], /^选项 -o（--output）后面缺少输出文件；用法见 xianjiao evaluate --help$/],
    [["evaluate", "IN.xlsx", "-o", "OUT.xlsx", "--repot", "r.json"], /^不认识的选项“--repot”；用法见 xianjiao evaluate --help$/],
    [["evaluate", "甲.xlsx", "乙.xlsx", "-o", "OUT.xlsx"], /^参数太多：evaluate 只需要一个文件/],
    [["export", "-o", "汇总.xlsx"], /^缺少“评议结果\.xlsx”；用法见 xianjiao export --help$/],
    [["consolidate", "-o", "合并.xlsx"], /^缺少“汇总\.xlsx”/],
    [["evalute", "IN.xlsx"], /^不认识的命令“evalute”，可用的命令有 evaluate、export、consolidate、rules；用法见 xianjiao --help$/],
    [[], /^请给出要做的事：evaluate、export、consolidate、rules/],
  ];
  it.each(cases)("%j: exit 2 and one Chinese sentence", async (argv, message) => {
    const run = await cli(...argv);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/error:|Usage|required|unknown/i);
  });

  it("help is shown in Chinese with exit 0", async () => {
    for (const argv of [["--help"], ["help"], ["help", "evaluate"], ["evaluate", "--help"]]) {
      const run = await cli(...argv);
      expect({ argv, code: run.code, stderr: run.stderr }).toEqual({ argv, code: 0, stderr: "" });
      expect(run.stdout).toMatch(/^用法：/);
      expect(run.stdout).not.toMatch(/Usage:|Options:|Commands:/);
    }
  });
});

describe("relative paths", () => {
  it("`npm run xianjiao` takes them from the folder npm was started in (INIT_CWD), not the project's", () => {
    const work = tmp.file("我的文件夹");
    mkdirSync(work);
    copyFileSync(sample, path.join(work, "台账.xlsx"));
    const run = spawnSync("npm", ["--prefix", ROOT, "run", "--silent", "xianjiao", "--", "evaluate", "台账.xlsx", "-o", "结果.xlsx", "--today", "2025-03-25"], {
      cwd: work,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    expect(run.stdout).toContain("结果已写入 结果.xlsx");
    expect(existsSync(path.join(work, "结果.xlsx"))).toBe(true);
    expect(existsSync(path.join(ROOT, "结果.xlsx"))).toBe(false);
  }, 150_000);
});

describe("the xianjiao command", () => {
  it("npx xianjiao, from the project's folder", () => {
    // npx installs the project into its own cache: a cache of the test's, not the user's
    const run = spawnSync("npx", ["--offline", "xianjiao", "--help"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, npm_config_cache: tmp.file("npm-cache") },
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    expect(run.stdout).toMatch(/^用法： ?xianjiao/);
  }, 150_000);

  it("runs on plain Node: the bundle with the runtime packages alone (no tsx, no esbuild, no sources)", () => {
    expect(spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, encoding: "utf8" }).status).toBe(0);
    // an installed copy: bin/ and build/, and node_modules with the package's dependencies only
    const installed = tmp.file("installed");
    mkdirSync(path.join(installed, "bin"), { recursive: true });
    mkdirSync(path.join(installed, "build"));
    copyFileSync(path.join(ROOT, "bin", "xianjiao.mjs"), path.join(installed, "bin", "xianjiao.mjs"));
    copyFileSync(path.join(ROOT, "build", "xianjiao.cjs"), path.join(installed, "build", "xianjiao.cjs"));
    const dependencies = Object.keys((JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies);
    for (const dep of dependencies) {
      const at = path.join(installed, "node_modules", dep);
      mkdirSync(path.dirname(at), { recursive: true });
      symlinkSync(path.join(ROOT, "node_modules", dep), at);
    }
    expect(existsSync(path.join(installed, "node_modules", "esbuild"))).toBe(false);

    const out = tmp.file("plain-node-结果.xlsx");
    const run = spawnSync(process.execPath, [path.join(installed, "bin", "xianjiao.mjs"), "evaluate", "示例.xlsx", "-o", out, "--today", "2025-03-25"], {
      cwd: tmp.dir,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, INIT_CWD: "" },
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    expect(run.stdout).toContain("党员 80 人");
    expect(existsSync(out)).toBe(true);
  }, 150_000);
});
