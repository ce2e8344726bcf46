import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { SHEET_NAMES } from "../../src/engine";
import { cli, load, tempDir } from "../cli/helpers";

/**
 * The register and the summaries as they come out of a printer (LibreOffice → PDF, the sample
 * unit of 80 members in 7 branches): the register one branch per A4 page, upright, its title,
 * header and lines to sign on each, every member and every 处置建议 whole, page numbers in the
 * footer; the exported branch summary one landscape page wide with every column. Set
 * XIANJIAO_KEEP_RENDER=1 to keep the PDFs (and look at them: pdftoppm -png).
 */

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir && existsSync(path.join(dir, command))) return path.join(dir, command);
  return null;
}

const SOFFICE = onPath("soffice");
const maybe = SOFFICE || process.env.CI ? describe : describe.skip;
if (!SOFFICE && !process.env.CI) console.warn("printed sheets test skipped: soffice (LibreOffice) is not installed; apt-get install libreoffice-calc poppler-utils");

function run(command: string, args: string[]): string {
  const done = spawnSync(command, args, { encoding: "utf8", timeout: 240_000 });
  if (done.error) throw new Error(`${command} could not run (${done.error.message}); apt-get install libreoffice-calc poppler-utils`);
  expect({ command, status: done.status }).toEqual({ command, status: 0 });
  return done.stdout;
}

const squeeze = (text: string) => text.replace(/\s+/g, "");

maybe("printed as they are", () => {
  let tmp: ReturnType<typeof tempDir>;
  let profile: string;
  const pdf = (name: string) => tmp.file(path.join("pdf", `${name}.pdf`));
  const pages = (name: string) => Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf(name)]))?.[1]);
  const page = (name: string, n: number, layout = true) => run("pdftotext", [...(layout ? ["-layout"] : []), "-f", String(n), "-l", String(n), pdf(name), "-"]);
  const size = (name: string, n: number) => /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(run("pdfinfo", ["-f", String(n), "-l", String(n), pdf(name)]))!.slice(1).map(Number);

  beforeAll(async () => {
    tmp = tempDir();
    profile = mkdtempSync(path.join(tmpdir(), "xianjiao-lo-profile-"));
    const sample = path.join(__dirname, "../../examples/示例-先教评议.xlsx");
    expect((await cli("evaluate", sample, "-o", tmp.file("结果.xlsx"), "--unit", "XX县直机关工委", "--today", "2025-03-25")).code).toBe(0);
    expect((await cli("export", tmp.file("结果.xlsx"), "-o", tmp.file("汇总.xlsx"))).code).toBe(0);
    run(SOFFICE ?? "soffice", [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", tmp.file("pdf"), tmp.file("结果.xlsx"), tmp.file("汇总.xlsx")]);
  }, 300_000);

  afterAll(() => {
    rmSync(profile, { recursive: true, force: true });
    if (process.env.XIANJIAO_KEEP_RENDER) console.log(`PDFs kept in ${tmp.file("pdf")}`);
    else tmp.cleanup();
  });

  it("the register: one branch per upright A4 page, title, header, lines to sign and page number on each, every member and 处置建议 whole", async () => {
    expect(readdirSync(tmp.file("pdf")).sort()).toEqual(["汇总.pdf", "结果.pdf"]);
    const total = pages("结果");
    const register = Array.from({ length: total }, (_, i) => i + 1).filter((n) => page("结果", n).includes("党员民主评议结果登记表"));
    const workbook = await load(tmp.file("结果.xlsx"));
    const sheet = workbook.getWorksheet(SHEET_NAMES.register)!;
    const branches: string[] = [];
    const members: { name: string; action: string }[] = [];
    sheet.eachRow((row) => {
      const first = String(row.getCell(1).value ?? "");
      if (first.startsWith("支部：")) branches.push(first.replace(/^支部：/, "").replace(/\s.*$/, "").replace(/\u3000.*$/, ""));
      if (typeof row.getCell(1).value === "number") members.push({ name: String(row.getCell(2).value), action: String(row.getCell(7).value ?? "") });
    });
    expect(branches).toHaveLength(7);
    expect(members).toHaveLength(80);
    expect(register).toHaveLength(branches.length);
    register.forEach((n, i) => {
      const text = page("结果", n);
      expect({ page: n, size: size("结果", n) }).toEqual({ page: n, size: [expect.closeTo(595, 0), expect.closeTo(842, 0)] });
      expect(text).toMatch(/XX县直机关工委党员民主评议结果登记表（2025年3月25日）/);
      expect(text).toMatch(/序号\s+姓名\s+党员类别\s+学时\s+满意度\s+评议等次\s+处置建议/);
      expect(text.match(/支部：/g)).toHaveLength(1);
      expect(text).toContain(`支部：${branches[i]}`);
      expect(text).toMatch(/填表人：[\s\S]*审核人：[\s\S]*日期：/);
      expect(text).toMatch(new RegExp(`第\\s*${n}\\s*页\\s*共\\s*${total}\\s*页`));
    });
    const printed = squeeze(register.map((n) => page("结果", n, false)).join(""));
    for (const m of members) {
      expect({ name: m.name, found: printed.includes(squeeze(m.name)) }).toEqual({ name: m.name, found: true });
      expect({ action: m.action, found: printed.includes(squeeze(m.action)) }).toEqual({ action: m.action, found: true });
    }
  });

  it("the exported summary: the branch summary on one landscape page with every column and branch, then stages, unit survey and 本次评议依据; the technical sheet not printed", () => {
    const total = pages("汇总");
    expect(total).toBe(4);
    const first = page("汇总", 1);
    expect(size("汇总", 1)).toEqual([expect.closeTo(842, 0), expect.closeTo(595, 0)]);
    expect(squeeze(first)).toContain(squeeze("支部 党员数 正式党员 预备党员 学时已录入 学习达标 学习达标率 平均学时 满意度已录入 平均满意度"));
    for (const word of ["待审批", "待公示", "优秀名额上限", "优秀超限", "待办处置", "机关第一党支部", "离退休党支部", "合计"]) expect({ word, found: first.includes(word) }).toEqual({ word, found: true });
    expect(page("汇总", 2)).toMatch(/阶段汇总表/);
    expect(page("汇总", 3)).toMatch(/单位测评/);
    expect(page("汇总", 4)).toMatch(/本次评议依据[\s\S]*不少于 50 学时/);
    for (let n = 1; n <= total; n++) {
      expect(page("汇总", n)).not.toMatch(/规则指纹|xianjiao-summary/);
      expect(page("汇总", n)).toMatch(new RegExp(`第\\s*${n}\\s*页\\s*共\\s*${total}\\s*页`));
    }
  });
});
