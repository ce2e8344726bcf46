import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { cli, existsSync, tempDir, writeSample } from "../cli/helpers";
import { oleFile, writeBytes } from "./fixtures";
import { zip } from "./zip";

/**
 * The other spreadsheet formats a secretary may save by mistake are told by their content,
 * whatever the file's name, and each is named with how to turn it into an .xlsx — by evaluate,
 * export and consolidate alike. .ods and .xls are real files written by LibreOffice.
 */

let tmp: ReturnType<typeof tempDir>;
let ods: string;
let xls: string;
beforeAll(async () => {
  tmp = tempDir();
  const sample = tmp.file("示例.xlsx");
  await writeSample(sample);
  const profile = pathToFileURL(tmp.file("lo-profile")).href;
  for (const format of ["ods", "xls"]) {
    execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", tmp.dir, sample], { stdio: "ignore", timeout: 120_000 });
  }
  ods = tmp.file("示例.ods");
  xls = tmp.file("示例.xls");
}, 300_000);
afterAll(() => tmp.cleanup());

/** A binary workbook's package: the parts Excel writes, workbook.bin instead of workbook.xml. */
function xlsbPackage(): Buffer {
  return zip({
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
    "xl/workbook.bin": Buffer.from([0x83, 0x01, 0x00, 0x80, 0x01, 0x00]),
    "xl/worksheets/sheet1.bin": Buffer.alloc(32, 1),
  });
}

async function refusedEverywhere(file: string, message: RegExp): Promise<void> {
  const name = path.basename(file);
  for (const argv of [
    ["evaluate", file, "-o", tmp.file("结果.xlsx")],
    ["export", file, "-o", tmp.file("汇总.xlsx")],
  ]) {
    const before = readdirSync(tmp.dir).sort();
    const run = await cli(...argv);
    expect({ argv: argv[0], code: run.code, stdout: run.stdout }).toEqual({ argv: argv[0], code: 2, stdout: "" });
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(message)]);
    expect(run.stderr).toContain(`“${name}”`);
    expect(readdirSync(tmp.dir).sort()).toEqual(before);
  }
  const run = await cli("consolidate", file, "-o", tmp.file("合并.xlsx"));
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split("\n")[0]).toMatch(message);
  expect(existsSync(tmp.file("合并.xlsx"))).toBe(false);
}

describe("told by content, whatever the name", () => {
  it("an OpenDocument spreadsheet (.ods, written by LibreOffice), also renamed .xlsx", async () => {
    await refusedEverywhere(ods, /是 OpenDocument 表格（\.ods），本工具只读 \.xlsx；.*另存为“Excel 工作簿（\*\.xlsx）”/);
    copyFileSync(ods, tmp.file("改名的.xlsx"));
    await refusedEverywhere(tmp.file("改名的.xlsx"), /是 OpenDocument 表格（\.ods）/);
  }, 60_000);

  it("an old Excel workbook (.xls, written by LibreOffice), also renamed .xlsx", async () => {
    await refusedEverywhere(xls, /是旧版 Excel（\.xls）或 WPS 表格（\.et）格式，本工具只读 \.xlsx；请用 Excel 或 WPS 打开它，另存为/);
    copyFileSync(xls, tmp.file("旧表改名.xlsx"));
    await refusedEverywhere(tmp.file("旧表改名.xlsx"), /是旧版 Excel（\.xls）或 WPS 表格（\.et）格式/);
  }, 60_000);

  it("a WPS .et workbook (an OLE compound file holding a workbook stream)", async () => {
    await refusedEverywhere(writeBytes(tmp.file("台账.et"), oleFile(["Workbook", "\u0005SummaryInformation", "\u0005DocumentSummaryInformation"])), /“台账\.et”是旧版 Excel（\.xls）或 WPS 表格（\.et）格式/);
  }, 60_000);

  it("an Excel binary workbook (.xlsb), also renamed .xlsx", async () => {
    await refusedEverywhere(writeBytes(tmp.file("二进制.xlsb"), xlsbPackage()), /是 Excel 二进制工作簿（\.xlsb），本工具只读 \.xlsx；请在 Excel 中打开它，另存为/);
    await refusedEverywhere(writeBytes(tmp.file("二进制改名.xlsx"), xlsbPackage()), /是 Excel 二进制工作簿（\.xlsb）/);
  }, 60_000);

  it("a password-protected workbook and a Word document", async () => {
    await refusedEverywhere(writeBytes(tmp.file("加密.xlsx"), oleFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"])), /设置了打开密码，无法读取；请在 Excel 中打开它，去掉密码/);
    await refusedEverywhere(writeBytes(tmp.file("通知.xlsx"), oleFile(["WordDocument", "1Table", "\u0005SummaryInformation"])), /不是工作簿（是 Word 等旧版 Office 格式的文件）/);
  }, 60_000);
});
