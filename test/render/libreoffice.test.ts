import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { HIGHLIGHT_COLOURS } from "../../src/engine";
import { cli, tempDir } from "../cli/helpers";
import { countColour, decodePng } from "./png";

/**
 * Every workbook the command line writes opens in a real spreadsheet program: LibreOffice
 * converts the evaluate output, the exported summary and a consolidation to PDF (one soffice
 * run), and the roster's first page shows the red, amber and green highlights.
 */

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const file = path.join(dir, command);
    if (dir && existsSync(file)) return file;
  }
  return null;
}

const SOFFICE = onPath("soffice");
const ON_CI = Boolean(process.env.CI);
if (!SOFFICE && !ON_CI) {
  console.warn("test/render skipped: soffice (LibreOffice) is not installed here; apt-get install libreoffice-calc poppler-utils to run it. On CI a missing soffice fails.");
}
const maybe = SOFFICE || ON_CI ? describe : describe.skip;

/** A roster with four columns, printed landscape one page wide, so the result block lands on page 1. */
async function roster(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("党员名单", { pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.getCell("A1").value = "第一党支部党员评议表";
  ws.getRow(2).values = ["姓名", "学时", "书面申请", "支部建议等次"];
  ws.getRow(3).values = ["王建国", 52, "是", "合格"]; // green grade
  ws.getRow(4).values = ["李秀英", 38, "否", "基本合格"]; // amber study, red application
  ws.getRow(5).values = ["张伟", 60, "是", "不合格"]; // red grade
  ws.getRow(6).values = ["刘洋", 56, "是", "合格"];
  await wb.xlsx.writeFile(file);
}

maybe("LibreOffice opens what the command line writes", () => {
  let tmp: ReturnType<typeof tempDir>;
  let profile: string;
  let pdfs: Map<string, Buffer>;
  const names = ["评议结果", "汇总", "合并"];

  beforeAll(async () => {
    tmp = tempDir();
    profile = mkdtempSync(path.join(tmpdir(), "xianjiao-lo-profile-"));
    const input = tmp.file("名单.xlsx");
    await roster(input);
    expect((await cli("evaluate", input, "-o", tmp.file("评议结果.xlsx"), "--today", "2025-03-25", "--unit", "第一党支部")).code).toBe(0);
    expect((await cli("export", tmp.file("评议结果.xlsx"), "-o", tmp.file("汇总.xlsx"))).code).toBe(0);
    expect((await cli("consolidate", tmp.file("汇总.xlsx"), "-o", tmp.file("合并.xlsx"), "--unit", "机关党委")).code).toBe(0);

    const outDir = tmp.file("pdf");
    const run = spawnSync(
      SOFFICE ?? "soffice",
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, ...names.map((n) => tmp.file(`${n}.xlsx`))],
      { encoding: "utf8", timeout: 240_000 },
    );
    if (run.error) throw new Error(`soffice could not run (${run.error.message}); install LibreOffice: apt-get install libreoffice-calc`);
    expect({ status: run.status, stderr: run.stderr.split("\n").filter((l) => /error/i.test(l)) }).toEqual({ status: 0, stderr: [] });
    pdfs = new Map(readdirSync(outDir).map((f) => [f.replace(/\.pdf$/, ""), readFileSync(path.join(outDir, f))]));
  }, 300_000);

  afterAll(() => {
    tmp?.cleanup();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("converts the evaluate output, the summary and the consolidation to PDF", () => {
    expect([...pdfs.keys()].sort()).toEqual([...names].sort());
    for (const [name, pdf] of pdfs) {
      expect([name, pdf.subarray(0, 5).toString("latin1")]).toEqual([name, "%PDF-"]);
      expect([name, pdf.length > 2000]).toEqual([name, true]);
    }
  });

  it("shows the red, amber and green highlights on the roster's first page", () => {
    const dir = tmp.file("png");
    mkdirSync(dir);
    const pdf = tmp.file("pdf/评议结果.pdf");
    const run = spawnSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, path.join(dir, "page")], { encoding: "utf8", timeout: 60_000 });
    if (run.error) throw new Error(`pdftoppm could not run (${run.error.message}); install it: apt-get install poppler-utils`);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    const [png] = readdirSync(dir).filter((f) => f.endsWith(".png"));
    const page = decodePng(readFileSync(path.join(dir, png)));
    expect(page.width).toBeGreaterThan(300);
    const counts = Object.fromEntries(Object.entries(HIGHLIGHT_COLOURS).map(([colour, { fill }]) => [colour, countColour(page, fill, 6)]));
    expect({ red: counts.red > 40, amber: counts.amber > 40, green: counts.green > 40, counts }).toEqual({ red: true, amber: true, green: true, counts });
  });
});
