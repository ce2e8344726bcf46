/** @jest-environment node */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { HIGHLIGHT_COLOURS, RESULT_HEADER_MARK, SHEET_NAMES } from "../../src/engine/plan/types";
import { buildDemo } from "./build";
import { serveFolder } from "./serve";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const OUTPUT = resolve(__dirname, "../../test-output");

jest.setTimeout(600_000);

let server: { origin: string; close(): Promise<void> };
let context: BrowserContext;
let page: Page;
let profile: string;
let dist: string;
const requests: string[] = [];

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "xianjiao-demo-"));
  await buildDemo(dist);
  server = await serveFolder(dist);
  profile = mkdtempSync(join(tmpdir(), "xianjiao-chromium-"));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true, acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${server.origin}/demo.html`);
  await page.getByRole("tab", { name: "党员名单" }).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  for (const dir of [profile, dist]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Texts and highlight colours of one result column on the visible sheet, keyed by cell address. */
async function resultColumn(header: string): Promise<{ cell: string; text: string; background: string }[]> {
  return page.evaluate((wanted) => {
    const head = [...document.querySelectorAll<HTMLTableCellElement>("td[data-cell]")].find((td) => td.textContent === wanted);
    if (!head) return [];
    const letter = head.dataset.cell!.replace(/\d+$/, "");
    const row = Number(head.dataset.cell!.replace(/^[A-Z]+/, ""));
    return [...document.querySelectorAll<HTMLTableCellElement>(`td[data-cell^="${letter}"]`)]
      .filter((td) => /^[A-Z]+$/.test(td.dataset.cell!.replace(/\d+$/, "")) && td.dataset.cell!.replace(/\d+$/, "") === letter)
      .filter((td) => Number(td.dataset.cell!.replace(/^[A-Z]+/, "")) > row && td.textContent)
      .map((td) => ({ cell: td.dataset.cell!, text: td.textContent!, background: getComputedStyle(td).backgroundColor }));
  }, header);
}

async function evaluate() {
  await page.getByRole("button", { name: "评议", exact: true }).click();
  await page.getByText(/评议完成：\d+ 名党员/).waitFor({ timeout: 60_000 });
  await page.getByRole("tab", { name: "党员名单" }).click();
}

test("评议 fills the grid with result columns in their colours and adds the summary sheets", async () => {
  await evaluate();
  const grades = await resultColumn(`${RESULT_HEADER_MARK}评议等次`);
  expect(grades.length).toBeGreaterThan(50);
  const byStart = (prefix: string) => grades.filter((g) => g.text.startsWith(prefix) && !g.text.includes("待审批"));
  expect(byStart("合格").length).toBeGreaterThan(0);
  for (const g of byStart("合格")) expect(g.background).toBe(rgb(HIGHLIGHT_COLOURS.green.fill));
  for (const g of byStart("优秀")) expect(g.background).toBe(rgb(HIGHLIGHT_COLOURS.green.fill));
  for (const g of byStart("基本合格")) expect(g.background).toBe(rgb(HIGHLIGHT_COLOURS.amber.fill));
  for (const g of byStart("不合格")) expect(g.background).toBe(rgb(HIGHLIGHT_COLOURS.red.fill));
  for (const name of [SHEET_NAMES.branches, SHEET_NAMES.stages]) await page.getByRole("tab", { name }).waitFor();
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, "demo-evaluated.png"), fullPage: false });
});

test("clicking a data issue shows its cell in the grid", async () => {
  const issue = page.getByRole("list", { name: /数据问题/ }).getByRole("button").first();
  const label = (await issue.textContent()) ?? "";
  const [, sheet, cell] = /^(.+?)!([A-Z]+\d+)/.exec(label) ?? [];
  expect(cell).toBeTruthy();
  await issue.click();
  await page.getByRole("tab", { name: sheet, exact: true }).and(page.locator("[aria-selected=true]")).waitFor();
  await expect(page.locator(`td[data-cell="${cell}"]`).evaluate((td) => getComputedStyle(td).outlineStyle)).resolves.toBe("solid");
});

test("export downloads a summary workbook exceljs can read back", async () => {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: "导出汇总工作簿" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^先教评议汇总-.*\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = join(OUTPUT, download.suggestedFilename());
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const names = workbook.worksheets.map((ws) => ws.name);
  expect(names).toEqual(expect.arrayContaining([SHEET_NAMES.branches, SHEET_NAMES.stages, SHEET_NAMES.about]));
  expect(names).not.toContain(SHEET_NAMES.issues);
  const branches = workbook.getWorksheet(SHEET_NAMES.branches)!;
  const firstColumn = branches.getColumn(1).values.map(String);
  expect(firstColumn).toEqual(expect.arrayContaining(["机关第一党支部", "合计"]));
});

test("lowering 学时 from 50 to 40 changes results", async () => {
  const before = await resultColumn(`${RESULT_HEADER_MARK}学习情况`);
  const notMet = (rows: typeof before) => rows.filter((r) => r.text.startsWith("未达标")).length;
  expect(notMet(before)).toBeGreaterThan(0);
  const hours = page.getByLabel("学时（不少于）");
  await expect(hours.inputValue()).resolves.toBe("50");
  await hours.fill("40");
  await page.getByRole("button", { name: "保存设置" }).click();
  await page.getByText(/设置已保存到工作簿/).waitFor();
  await evaluate();
  const after = await resultColumn(`${RESULT_HEADER_MARK}学习情况`);
  expect(after.length).toBe(before.length);
  expect(notMet(after)).toBeLessThan(notMet(before));
  await page.screenshot({ path: join(OUTPUT, "demo-40-hours.png") });
});

test("the page asked nothing of any other origin", () => {
  expect(requests.length).toBeGreaterThan(3);
  const foreign = requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith("data:") && !url.startsWith("blob:"));
  expect(foreign).toEqual([]);
});
