import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import ExcelJS from "exceljs";
import { cli, existsSync, tempDir, writeSample } from "./helpers";
import { smallRoster } from "../files/fixtures";

/**
 * Where the command line writes: every output path is checked before anything is written, a
 * failure leaves no output and no hidden temporary file, and a file replaced keeps its
 * permissions. Each bad case ends with exit 2 and one Chinese sentence.
 */

const ROOT = path.join(__dirname, "..", "..");
let tmp: ReturnType<typeof tempDir>;
let sample: string;
let evaluated: string;
beforeAll(async () => {
  tmp = tempDir();
  sample = tmp.file("示例.xlsx");
  await writeSample(sample);
  evaluated = tmp.file("示例-结果.xlsx");
  expect((await cli("evaluate", sample, "-o", evaluated, "--today", "2025-03-25")).code).toBe(0);
});
afterAll(() => tmp.cleanup());

/** Files in a folder, hidden ones included. */
const filesIn = (dir: string) => readdirSync(dir).sort();

async function refused(argv: string[], message: RegExp, dir = tmp.dir): Promise<void> {
  const before = filesIn(dir);
  const run = await cli(...argv);
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\bat \w|Error:|ENOENT|EACCES/);
  expect(filesIn(dir)).toEqual(before);
}

describe("an output folder that does not exist", () => {
  it("evaluate, export and consolidate: refused before anything is read or written", async () => {
    const missing = tmp.file("没有的文件夹");
    await refused(["evaluate", sample, "-o", path.join(missing, "结果.xlsx"), "--today", "2025-03-25"], /要保存“结果\.xlsx”的文件夹“.*没有的文件夹”不存在/);
    await refused(["export", evaluated, "-o", path.join(missing, "汇总.xlsx")], /文件夹“.*没有的文件夹”不存在/);
    await refused(["consolidate", evaluated, "-o", path.join(missing, "合并.xlsx")], /文件夹“.*没有的文件夹”不存在/);
  }, 60_000);

  it("--report into a missing folder: OUT is not written either", async () => {
    const out = tmp.file("有报告的结果.xlsx");
    await refused(["evaluate", sample, "-o", out, "--report", tmp.file("没有的文件夹/明细.json"), "--today", "2025-03-25"], /“明细\.json”的文件夹.*不存在/);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it("a file where the folder should be", async () => {
    writeFileSync(tmp.file("是文件"), "x");
    await refused(["evaluate", sample, "-o", tmp.file("是文件/结果.xlsx"), "--today", "2025-03-25"], /文件夹“.*是文件”不存在/);
  }, 30_000);
});

describe("an existing OUT", () => {
  it("keeps its permissions when replaced: 0600 stays 0600, 0640 stays 0640", async () => {
    for (const mode of [0o600, 0o640]) {
      const out = tmp.file(`私密-${mode.toString(8)}.xlsx`);
      writeFileSync(out, "旧内容");
      chmodSync(out, mode);
      const run = await cli("evaluate", sample, "-o", out, "--today", "2025-03-25");
      expect(run.code).toBe(0);
      expect(statSync(out).mode & 0o777).toBe(mode);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    }
  }, 30_000);

  it("a new OUT gets the usual permissions (not the temporary file's private ones)", async () => {
    const out = tmp.file("新文件.xlsx");
    expect((await cli("evaluate", sample, "-o", out, "--today", "2025-03-25")).code).toBe(0);
    const umask = process.umask();
    expect(statSync(out).mode & 0o777).toBe(0o666 & ~umask);
  }, 30_000);

  it("a read-only OUT is not replaced", async () => {
    const out = tmp.file("只读.xlsx");
    writeFileSync(out, "上一版");
    chmodSync(out, 0o444);
    await refused(["evaluate", sample, "-o", out, "--today", "2025-03-25"], /文件“只读\.xlsx”是只读文件，没有替换它/);
    expect(readFileSync(out, "utf8")).toBe("上一版");
    await refused(["export", evaluated, "-o", out], /是只读文件/);
    await refused(["evaluate", sample, "-o", tmp.file("可写.xlsx"), "--report", out, "--today", "2025-03-25"], /是只读文件/);
    expect(existsSync(tmp.file("可写.xlsx"))).toBe(false);
  }, 60_000);

  it("a folder, a link or a device in OUT's place is not replaced", async () => {
    mkdirSync(tmp.file("文件夹.xlsx"));
    await refused(["evaluate", sample, "-o", tmp.file("文件夹.xlsx"), "--today", "2025-03-25"], /“文件夹\.xlsx”已存在且不是普通文件/);
    writeFileSync(tmp.file("目标.xlsx"), "别人的文件");
    symlinkSync(tmp.file("目标.xlsx"), tmp.file("链接.xlsx"));
    await refused(["evaluate", sample, "-o", tmp.file("链接.xlsx"), "--today", "2025-03-25"], /“链接\.xlsx”已存在且不是普通文件/);
    expect(readFileSync(tmp.file("目标.xlsx"), "utf8")).toBe("别人的文件");
    const before = filesIn(tmp.dir);
    const run = await cli("evaluate", sample, "-o", "/dev/null", "--today", "2025-03-25");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/“null”已存在且不是普通文件/);
    expect(filesIn(tmp.dir)).toEqual(before);
  }, 60_000);
});

describe("a folder the user may not write to", () => {
  // root writes anywhere: the command runs as an ordinary user (nobody) then
  const asUser = (process.getuid?.() ?? 1) === 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];

  it("read-only folder: refused with a sentence, nothing left behind", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "xianjiao-ro-"));
    try {
      chmodSync(dir, 0o755);
      const input = path.join(dir, "示例.xlsx");
      copyFileSync(sample, input);
      chmodSync(input, 0o644);
      const locked = path.join(dir, "只读文件夹");
      mkdirSync(locked, { mode: 0o555 });
      chmodSync(locked, 0o555);
      const bundle = spawnSync(process.execPath, ["scripts/run-ts.mjs", "--bundle", "src/cli/main.ts"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
      const [command, ...prefix] = [...asUser, process.execPath];
      const run = spawnSync(command, [...prefix, bundle, "evaluate", input, "-o", path.join(locked, "结果.xlsx"), "--today", "2025-03-25"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
      expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: "" });
      expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^文件夹“.*只读文件夹”不允许写入，无法保存“结果\.xlsx”/)]);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe("an input whose parts cannot be read while OUT is written", () => {
  /** The sample with one part's deflate stream broken (its first stored bytes overwritten). */
  function withBrokenPart(part: string): Buffer {
    const bytes = Buffer.from(readFileSync(sample));
    const at = bytes.indexOf(Buffer.from(part, "utf8"));
    expect(bytes.readUInt32LE(at - 30)).toBe(0x04034b50); // the part's local header
    const data = at + Buffer.byteLength(part) + bytes.readUInt16LE(at - 2);
    bytes.fill(0xff, data, data + 8);
    return bytes;
  }

  it.each(["[Content_Types].xml", "docProps/app.xml"])("a bad deflate stream in %s: exit 2, the damage named, no temporary file", async (part) => {
    const broken = tmp.file(`坏-${path.basename(part)}.xlsx`);
    writeFileSync(broken, withBrokenPart(part));
    await refused(["evaluate", broken, "-o", tmp.file("坏结果.xlsx"), "--today", "2025-03-25"], /“坏-.*\.xlsx”不完整或已损坏/);
  }, 30_000);
});

describe("99 sheets of the user's named 评议-说明, 评议-说明(2) … 评议-说明(99)", () => {
  it("ends with exit 0 or one sentence, and never leaves a temporary file", async () => {
    const wb = new ExcelJS.Workbook();
    smallRoster(wb.addWorksheet("党员名单"));
    for (let n = 1; n <= 99; n++) wb.addWorksheet(n === 1 ? "评议-说明" : `评议-说明(${n})`).getCell("A1").value = `我的说明 ${n}`;
    const input = tmp.file("九十九张.xlsx");
    await wb.xlsx.writeFile(input);
    const before = filesIn(tmp.dir);
    const out = tmp.file("九十九张-结果.xlsx");
    const run = await cli("evaluate", input, "-o", out, "--today", "2025-03-25");
    expect([0, 2]).toContain(run.code);
    expect(run.stderr).not.toMatch(/Error|at \w/);
    if (run.code === 2) {
      expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/“评议-说明”到“评议-说明\(99\)”都已被您自己的工作表占用/)]);
      expect(filesIn(tmp.dir)).toEqual(before);
    } else expect(filesIn(tmp.dir)).toEqual([...before, path.basename(out)].sort());
  }, 60_000);
});
