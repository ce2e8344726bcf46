import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { existsSync, tempDir, writeSample } from "./helpers";
import { rosterRowsXml } from "../files/fixtures";
import { sheetXml, xlsxParts, zip } from "../files/zip";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";

/**
 * A run stopped while it writes (Ctrl-C, a kill) leaves no temporary file holding members'
 * data; an input saved over while it is read (Excel and WPS write a new file and rename it
 * over the old) is noticed, and nothing is written.
 */

const ROOT = path.join(__dirname, "..", "..");
let tmp: ReturnType<typeof tempDir>;
let bundle: string;
let large: string;
beforeAll(() => {
  tmp = tempDir();
  bundle = spawnSync(process.execPath, ["scripts/run-ts.mjs", "--bundle", "src/cli/main.ts"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  // large enough that writing OUT takes a while
  large = tmp.file("大名单.xlsx");
  writeFileSync(large, zip(xlsxParts(sheetXml("A1:C120001", rosterRowsXml(120_000)))));
});
afterAll(() => tmp.cleanup());

/** Starts evaluate as a process, sends `signal` as soon as a temporary file appears, and reports how it ended. */
async function stopWhileWriting(signal: NodeJS.Signals, extra: string[] = []): Promise<{ code: number | null; stderr: string; sawTemp: boolean; left: string[] }> {
  const dir = tmp.file(`停止-${signal}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  const child = spawn(process.execPath, [bundle, "evaluate", large, "-o", path.join(dir, "结果.xlsx"), "--today", "2025-03-25", ...extra.map((a) => a.replace("DIR", dir))], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const ended = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  let sawTemp = false;
  const poll = setInterval(() => {
    if (sawTemp) return;
    if (readdirSync(dir).some((f) => f.endsWith(".tmp"))) {
      sawTemp = true;
      child.kill(signal);
    }
  }, 5);
  const code = await ended;
  clearInterval(poll);
  return { code, stderr, sawTemp, left: readdirSync(dir) };
}

describe("stopped while writing", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("%s: the temporary file is removed, nothing is written, exit %i", async (signal, exitCode) => {
    const run = await stopWhileWriting(signal);
    expect(run.sawTemp).toBe(true);
    expect(run.left).toEqual([]);
    expect(run.code).toBe(exitCode);
    expect(run.stderr.trim().split("\n").pop()).toBe("已中断，没有写入任何文件");
  }, 120_000);

  it("with --report: both temporary files go", async () => {
    const run = await stopWhileWriting("SIGTERM", ["--report", "DIR/明细.json"]);
    expect(run.sawTemp).toBe(true);
    expect(run.left).toEqual([]);
    expect(run.code).toBe(143);
  }, 120_000);
});

describe("out of memory", () => {
  it("a workbook too large for the heap: one sentence instead of V8's report, exit 2, nothing left", async () => {
    const dir = tmp.file("内存不足");
    mkdirSync(dir);
    const run = spawnSync(process.execPath, [bundle, "evaluate", large, "-o", path.join(dir, "结果.xlsx"), "--today", "2025-03-25"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, XIANJIAO_HEAP_MB: "40" },
    });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: "" });
    expect(run.stderr.trim().split("\n").filter((line) => !/^\[\s*\d+%\]/.test(line))).toEqual(["工作簿太大，超出了可用的内存（40 MB），没有写入任何文件；请把工作簿按单位拆成几个文件分别评议后再用 consolidate 合并"]);
    expect(readdirSync(dir)).toEqual([]);
  }, 120_000);
});

describe("the input saved over while it is read", () => {
  let sample: string;
  beforeAll(async () => {
    sample = tmp.file("示例.xlsx");
    await writeSample(sample);
  });

  /** Runs evaluate in-process and calls `meanwhile` once reading is done, before anything is written. */
  async function evaluateWith(input: string, out: string, meanwhile: () => void) {
    let stdout = "";
    let stderr = "";
    let done = false;
    const io: CliIO = {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      // the progress bar says when the write begins
      progress: (text) => {
        if (!done && text.includes("保存文件")) {
          done = true;
          meanwhile();
        }
      },
      stderrIsTTY: true,
      now: () => new Date(2025, 2, 25),
    };
    const code = await main(["evaluate", input, "-o", out, "--today", "2025-03-25"], io);
    expect(done).toBe(true);
    return { code, stdout, stderr };
  }

  it("another file renamed over it (how Excel and WPS save): refused, nothing written", async () => {
    const input = tmp.file("正在保存.xlsx");
    writeFileSync(input, readFileSync(sample));
    const out = tmp.file("正在保存-结果.xlsx");
    const before = readdirSync(tmp.dir).sort();
    const run = await evaluateWith(input, out, () => {
      // a new version saved under the same name: other rows, on which the results read would land wrongly
      const saved = tmp.file("~正在保存.tmp.xlsx");
      writeFileSync(saved, readFileSync(large));
      renameSync(saved, input);
    });
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
    expect(run.stderr.trim()).toMatch(/^读取期间文件“正在保存\.xlsx”被修改或另存了.*没有写入任何文件/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp.dir).sort()).toEqual(before);
  }, 60_000);

  it("the file changed in place (its time moved on): refused", async () => {
    const input = tmp.file("原地修改.xlsx");
    writeFileSync(input, readFileSync(sample));
    const out = tmp.file("原地修改-结果.xlsx");
    const run = await evaluateWith(input, out, () => utimesSync(input, new Date(), new Date(Date.now() + 5000)));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("被修改或另存了");
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("left alone: written as usual", async () => {
    const out = tmp.file("未改动-结果.xlsx");
    const run = await evaluateWith(sample, out, () => undefined);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  }, 60_000);

  it("both passes read the file that was opened: the write pass never reopens the path", async () => {
    const input = tmp.file("读一次.xlsx");
    writeFileSync(input, readFileSync(sample));
    const out = tmp.file("读一次-结果.xlsx");
    // the name taken away altogether: the write pass would fail to open it
    const run = await evaluateWith(input, out, () => renameSync(input, tmp.file("挪走了.xlsx")));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("被修改或另存了");
    expect(run.stderr).not.toContain("找不到");
  }, 60_000);
});
