import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_RULES, evaluateWorkbook, GRADE_COLOURS, HIGHLIGHT_COLOURS } from "../../../src/engine";
import { summaryBytes } from "../../../src/taskpane/export/exportSummary";
import { countColour, decodePng } from "../../render/png";
import { rosterInput, TODAY } from "../fixtures";

/**
 * The summary workbook the pane exports, printed as the level above prints it (LibreOffice →
 * PDF): the 22-column branch summary comes out one landscape page wide, each other sheet on one
 * page, page numbers in the footer, the hidden technical sheet left out.
 */

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir && existsSync(path.join(dir, command))) return path.join(dir, command);
  return null;
}

const SOFFICE = onPath("soffice");
const maybe = SOFFICE || process.env.CI ? describe : describe.skip;
if (!SOFFICE && !process.env.CI) console.warn("printed export test skipped: soffice (LibreOffice) is not installed; apt-get install libreoffice-calc poppler-utils");

function run(command: string, args: string[]): string {
  const done = spawnSync(command, args, { encoding: "utf8", timeout: 240_000 });
  if (done.error) throw new Error(`${command} could not run (${done.error.message}); apt-get install libreoffice-calc poppler-utils`);
  expect({ command, status: done.status }).toEqual({ command, status: 0 });
  return done.stdout;
}

maybe("the exported summary on paper", () => {
  let dir: string;
  let pdf: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "xianjiao-printed-"));
    const result = evaluateWorkbook(rosterInput(), { rules: { ...DEFAULT_RULES, unitName: "市直机关工委" }, today: TODAY() });
    const file = path.join(dir, "汇总.xlsx");
    // the bytes the pane's 导出 offers: exceljs's workbook with our chart added
    writeFileSync(file, await summaryBytes(result.plan));
    run(SOFFICE ?? "soffice", [`-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, file]);
    pdf = path.join(dir, "汇总.pdf");
  }, 300_000);

  afterAll(() => {
    if (!process.env.XIANJIAO_KEEP_RENDER) rmSync(dir, { recursive: true, force: true });
  });

  const page = (n: number) => run("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"]);

  it("prints the branch summary on one landscape page, every column and the chart on it, numbered; stages and 本次评议依据 on a page each; the technical sheet not at all", () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))?.[1]);
    expect(pages).toBe(3);
    const first = page(1);
    for (const word of ["市直机关工委党员评议支部汇总表", "第一党支部", "第二党支部", "合计", "学习达标率", "优秀超限"]) expect({ word, found: first.includes(word) }).toEqual({ word, found: true });
    expect(first).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
    expect(page(2)).toMatch(/阶段汇总[\s\S]*合计/);
    expect(page(3)).toMatch(/本次评议依据[\s\S]*不少于 50 学时/);
    for (const n of [1, 2, 3]) expect(page(n)).not.toMatch(/规则指纹|xianjiao-summary/);
    // the chart under the table, its bars in the grades' colours (合格 is the roster's most common grade)
    expect(first).toMatch(/各支部评议等次（人）/);
    run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(dir, "page1")]);
    const picture = decodePng(readFileSync(path.join(dir, "page1.png")));
    expect(countColour(picture, HIGHLIGHT_COLOURS[GRADE_COLOURS["合格"]].fill, 6)).toBeGreaterThan(100);
    // A4 sideways for the wide sheet
    expect(run("pdfinfo", ["-f", "1", "-l", "1", pdf])).toMatch(/Page\s+1 size:\s+841\.\d+ x 595\.\d+/);
  });
});
