import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { cli, existsSync, tempDir } from "../cli/helpers";
import { millionStyledRows, oleFile, smallRoster, writeBytes } from "./fixtures";
import { sheetXml, textCell, xlsxParts, zip } from "./zip";

/**
 * Files a secretary may hand the command line by mistake. Each is refused with exit 2 and one
 * Chinese sentence on stderr naming the file, nothing on stdout, no output file and no stray
 * temporary file — and never hangs (each case has 30 s).
 */

let tmp: ReturnType<typeof tempDir>;
let rosterFile: Buffer;
beforeAll(async () => {
  tmp = tempDir();
  const wb = new ExcelJS.Workbook();
  smallRoster(wb.addWorksheet("党员名单"));
  rosterFile = Buffer.from(await wb.xlsx.writeBuffer());
});
afterAll(() => tmp.cleanup());

/** Progress lines a large file gets on stderr ("[ 40%] 评议…"), then the one sentence. */
const PROGRESS = /^\[\s*\d+%\] /;

async function refused(argv: string[], out: string, message: RegExp): Promise<void> {
  const before = readdirSync(tmp.dir).sort();
  const run = await cli(...argv);
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
  const lines = run.stderr.split("\n");
  expect(lines.pop()).toBe("");
  const sentence = lines.pop() ?? "";
  expect(lines.filter((line) => !PROGRESS.test(line))).toEqual([]);
  expect(sentence).toMatch(/[\u4e00-\u9fff]/);
  expect(sentence).toMatch(message);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(tmp.dir).sort()).toEqual(before);
}

const evaluate = (input: string, message: RegExp) => {
  const out = tmp.file(`结果-${Math.random().toString(36).slice(2)}.xlsx`);
  return refused(["evaluate", input, "-o", out, "--today", "2025-03-25"], out, message);
};

describe("evaluate refuses a file that is no workbook", () => {
  it("a picture renamed .xlsx", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    await evaluate(writeBytes(tmp.file("照片.xlsx"), png), /“照片\.xlsx”不是 \.xlsx 工作簿/);
  }, 30_000);

  it("a PDF renamed .xlsx", async () => {
    await evaluate(writeBytes(tmp.file("通知.xlsx"), "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"), /“通知\.xlsx”不是 \.xlsx 工作簿/);
  }, 30_000);

  it("tab-separated text with a byte-order mark, as WPS exports it, renamed .xlsx", async () => {
    await evaluate(writeBytes(tmp.file("导出.xlsx"), "\uFEFF序号\t姓名\t所在支部\n1\t王建国\t机关第一党支部\n"), /“导出\.xlsx”不是 \.xlsx 工作簿/);
  }, 30_000);

  it("a compressed folder renamed .xlsx: a zip without a workbook", async () => {
    await evaluate(writeBytes(tmp.file("材料.xlsx"), zip({ "说明.txt": "民主评议材料", "照片/合影.jpg": Buffer.alloc(64, 1) })), /“材料\.xlsx”里没有任何工作表/);
  }, 30_000);

  it("a download cut off in its first bytes", async () => {
    await evaluate(writeBytes(tmp.file("下载一半.xlsx"), rosterFile.subarray(0, 120)), /“下载一半\.xlsx”不完整或已损坏/);
  }, 30_000);

  it("a workbook whose sheet XML is cut off", async () => {
    const rows = `<row r="1">${textCell("A1", "姓名")}${textCell("B1", "学时")}</row><row r="2">${textCell("A2", "王建国")}<c r="B2"><v>52</v></c></row>`;
    const parts = xlsxParts(sheetXml("A1:B2", rows));
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].slice(0, 260);
    await evaluate(writeBytes(tmp.file("坏表.xlsx"), zip(parts)), /“坏表\.xlsx”不完整或已损坏/);
  }, 30_000);

  it("a folder named like a workbook", async () => {
    mkdirSync(tmp.file("文件夹.xlsx"));
    await evaluate(tmp.file("文件夹.xlsx"), /无法读取文件“文件夹\.xlsx”（不是文件）/);
  }, 30_000);

  it("an exported summary given to evaluate: our sheets only, no member table", async () => {
    const roster = tmp.file("名单.xlsx");
    writeBytes(roster, rosterFile);
    const evaluated = tmp.file("名单-结果.xlsx");
    expect((await cli("evaluate", roster, "-o", evaluated, "--today", "2025-03-25")).code).toBe(0);
    const summary = tmp.file("名单-汇总.xlsx");
    expect((await cli("export", evaluated, "-o", summary)).code).toBe(0);
    await evaluate(summary, /在“名单-汇总\.xlsx”中没有找到党员名单表/);
  }, 30_000);

  // "no hang" is the jest timeout; how fast it is belongs to the benchmark, not to a unit test
  it("a million formatted empty rows and no member table: refused, no hang", async () => {
    const file = writeBytes(tmp.file("百万空行.xlsx"), millionStyledRows(false));
    await evaluate(file, /没有找到党员名单表/);
  }, 180_000);
});

describe("export refuses what is not an evaluated workbook", () => {
  const exportTo = (input: string, message: RegExp) => {
    const out = tmp.file(`汇总-${Math.random().toString(36).slice(2)}.xlsx`);
    return refused(["export", input, "-o", out], out, message);
  };

  it("a zero-byte file", () => exportTo(writeBytes(tmp.file("空结果.xlsx"), ""), /“空结果\.xlsx”是空文件/), 30_000);

  it("an encrypted workbook (OLE compound file with an encrypted package)", () =>
    exportTo(writeBytes(tmp.file("加密结果.xlsx"), oleFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"])), /“加密结果\.xlsx”设置了打开密码.*去掉密码/), 30_000);

  it("an old .xls workbook", () => exportTo(writeBytes(tmp.file("旧表.xls"), oleFile(["Workbook", "\u0005SummaryInformation"])), /“旧表\.xls”是旧版 Excel（\.xls）或 WPS 表格（\.et）格式.*另存为/), 30_000);

  it("a truncated workbook", () => exportTo(writeBytes(tmp.file("半截结果.xlsx"), rosterFile.subarray(0, rosterFile.length - 500)), /不完整或已损坏/), 30_000);
});

describe("consolidate with nothing usable", () => {
  it("names each bad file on its own line, exits 2 and writes nothing", async () => {
    const files = [
      writeBytes(tmp.file("甲.xlsx"), ""),
      writeBytes(tmp.file("乙.xlsx"), oleFile(["EncryptionInfo", "EncryptedPackage"])),
      writeBytes(tmp.file("丙.xlsx"), "单位,党员数\n县财政局,5\n"),
    ];
    const out = tmp.file("合并.xlsx");
    const before = readdirSync(tmp.dir).sort();
    const run = await cli("consolidate", ...files, "-o", out);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain("“甲.xlsx”是空文件");
    expect(lines[1]).toContain("“乙.xlsx”设置了打开密码");
    expect(lines[2]).toContain("“丙.xlsx”不是 .xlsx 工作簿");
    expect(lines[3]).toContain("没有可以合并的汇总文件");
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp.dir).sort()).toEqual(before);
  }, 30_000);
});

describe("input files are only read", () => {
  it("the roster evaluated and exported above is byte-for-byte what it was", () => {
    expect(readFileSync(tmp.file("名单.xlsx")).equals(rosterFile)).toBe(true);
  });
});
