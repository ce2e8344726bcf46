/** @jest-environment node */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { HIGHLIGHT_COLOURS, SHEET_NAMES } from "../../src/engine/plan/types";
import { generateWorkbook, writeSpecsXlsx } from "../../bench/generate";
import { cellPlacement, OUTPUT, paneOverflow, startDemo, type Demo } from "./harness";

jest.setTimeout(600_000);

let demo: Demo;
let page: Page;

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

beforeAll(async () => {
  demo = await startDemo();
  mkdirSync(OUTPUT, { recursive: true });
  page = await demo.open();
  await page.getByRole("tab", { name: "党员名单" }).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await demo?.close();
});

/** Texts and highlight colours of one result column on the visible sheet, keyed by cell address. */
async function resultColumn(header: string): Promise<{ cell: string; text: string; background: string }[]> {
  return page.evaluate((wanted) => {
    const head = [...document.querySelectorAll<HTMLTableCellElement>("td[data-cell]")].find((td) => td.textContent === wanted);
    if (!head) return [];
    const letter = head.dataset.cell!.replace(/\d+$/, "");
    const row = Number(head.dataset.cell!.replace(/^[A-Z]+/, ""));
    return [...document.querySelectorAll<HTMLTableCellElement>(`td[data-cell^="${letter}"]`)]
      .filter((td) => td.dataset.cell!.replace(/\d+$/, "") === letter)
      .filter((td) => Number(td.dataset.cell!.replace(/^[A-Z]+/, "")) > row && td.textContent)
      .map((td) => ({ cell: td.dataset.cell!, text: td.textContent!, background: getComputedStyle(td).backgroundColor }));
  }, header);
}

/** Clicks 评议 and waits for the page's mark that the results are painted; returns its milliseconds. */
async function evaluate(on: Page = page, timeout = 60_000): Promise<number> {
  await on.getByRole("button", { name: "评议", exact: true }).click();
  await on.waitForFunction(() => document.body.dataset.evaluated !== undefined, null, { timeout });
  await on.getByText(/评议完成：\d+ 名党员/).waitFor();
  return Number(await on.evaluate(() => document.body.dataset.evaluated));
}

test("评议 fills the grid with result columns in their colours, scrolled into view, and adds the summary sheets", async () => {
  const ms = await evaluate();
  expect(ms).toBeGreaterThan(0);
  await page.getByRole("tab", { name: "党员名单", selected: true }).waitFor();
  // the grid came to the result block: its first column sits just right of the frozen column A
  const first = await cellPlacement(page, { text: "学习情况" });
  expect(first).not.toBeNull();
  expect(first!.hit).toBe(true);
  expect(first!.left).toBeGreaterThan(first!.gridLeft + 44);
  expect(first!.right).toBeLessThan(first!.gridRight);
  const grades = await resultColumn("评议等次");
  expect(grades.length).toBeGreaterThan(50);
  const byStart = (prefix: string) => grades.filter((g) => g.text.startsWith(prefix) && !g.text.includes("待审批"));
  expect(byStart("合格").length).toBeGreaterThan(0);
  for (const g of byStart("合格")) expect(g.background).toBe(rgb(HIGHLIGHT_COLOURS.green.fill));
  for (const g of byStart("优秀")) expect(g.background).toBe(rgb(HIGHLIGHT_COLOURS.deepGreen.fill));
  for (const g of byStart("基本合格")) expect(g.background).toBe(rgb(HIGHLIGHT_COLOURS.amber.fill));
  for (const g of byStart("不合格")) expect(g.background).toBe(rgb(HIGHLIGHT_COLOURS.red.fill));
  // the pane's chips wear the same colours
  const chip = page.locator('[role=listitem][data-grade="不合格"]');
  await expect(chip.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(rgb(HIGHLIGHT_COLOURS.red.fill));
  for (const name of [SHEET_NAMES.branches, SHEET_NAMES.stages]) await page.getByRole("tab", { name }).waitFor();
  await page.screenshot({ path: join(OUTPUT, "demo-evaluated.png"), fullPage: false });
});

test("each sheet keeps its own scroll position: a summary sheet opens at column A, the member list comes back at its result columns", async () => {
  await page.getByRole("tab", { name: SHEET_NAMES.branches }).click();
  await page.locator('td[data-cell="A3"]').waitFor();
  const branch = await cellPlacement(page, { cell: "A3" });
  expect(branch!.hit).toBe(true);
  expect(branch!.left).toBeLessThan(branch!.gridLeft + 60);
  await page.getByRole("tab", { name: SHEET_NAMES.stages }).click();
  // the note under the stage table runs on past the used columns instead of being cut there
  const note = page.locator("td[data-cell]", { hasText: /^未设批次开始日期/ });
  const [noteWidth, noteText] = await note.evaluate((td) => [td.getBoundingClientRect().width, td.scrollWidth] as const);
  expect(noteWidth).toBeGreaterThanOrEqual(noteText - 1);
  await page.screenshot({ path: join(OUTPUT, "demo-stage-sheet.png") });
  await page.getByRole("tab", { name: "党员名单" }).click();
  expect((await cellPlacement(page, { text: "学习情况" }))!.hit).toBe(true);
});

test("the header rows and column A stay in view while the grid scrolls; the merged title keeps column A narrow", async () => {
  const header = await cellPlacement(page, { cell: "B3" });
  const serial = await cellPlacement(page, { cell: "A10" });
  await page.getByTestId("grid").evaluate((grid) => grid.scrollBy(0, 600));
  await page.waitForTimeout(200);
  const after = await cellPlacement(page, { cell: "B3" });
  expect(after!.top).toBe(header!.top);
  const columnA = await page.locator('td[data-cell="A4"]').boundingBox();
  expect(columnA!.width).toBeLessThan(80); // 6 characters in the file, whatever the title in A1 says
  expect((await cellPlacement(page, { cell: "A40" }))!.left).toBe(serial!.left);
  expect(await page.locator('td[data-cell="A1"]').getAttribute("colspan")).toBe("12");
  await page.getByTestId("grid").evaluate((grid) => grid.scrollTo(0, 0));
});

test("the task pane fits its width at 380 px and at 320 px, mapping editor open or folded", async () => {
  const wide = await paneOverflow(page);
  expect(wide.offenders).toEqual([]);
  expect(wide.scrollWidth).toBe(wide.clientWidth);
  const narrow = await demo.open("?pane=320");
  await narrow.getByRole("button", { name: /查看和修改列对应/ }).waitFor({ timeout: 60_000 });
  expect((await paneOverflow(narrow)).offenders).toEqual([]);
  // folded by default on the sample (every needed column recognised): 评议 is near the top
  const button = await narrow.getByRole("button", { name: "评议", exact: true }).boundingBox();
  expect(button!.y + button!.height).toBeLessThan(450);
  await evaluate(narrow);
  const branchBox = narrow.getByTestId("branch-table");
  const [inner, outer] = await branchBox.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(inner).toBeGreaterThan(outer); // the table scrolls inside its box, not the pane
  await narrow.getByRole("button", { name: /查看和修改列对应/ }).click();
  await narrow.getByRole("combobox", { name: "党员名单 C" }).waitFor();
  const overflow = await paneOverflow(narrow);
  expect(overflow.offenders).toEqual([]);
  expect(overflow.scrollWidth).toBe(overflow.clientWidth);
  await narrow.screenshot({ path: join(OUTPUT, "demo-320-mapping.png") });
  await narrow.getByRole("heading", { name: "3. 评议结果" }).scrollIntoViewIfNeeded();
  await narrow.screenshot({ path: join(OUTPUT, "demo-320-results.png") });
  await narrow.close();
});

test("clicking a data issue shows its cell in the grid", async () => {
  const issue = page.getByRole("list", { name: /数据问题/ }).getByRole("button").first();
  const label = (await issue.textContent()) ?? "";
  const [, sheet, cell] = /^(.+?)!([A-Z]+\d+)/.exec(label) ?? [];
  expect(cell).toBeTruthy();
  await issue.click();
  await page.getByRole("tab", { name: sheet, exact: true }).and(page.locator("[aria-selected=true]")).waitFor();
  await expect(page.locator(`td[data-cell="${cell}"]`).evaluate((td) => getComputedStyle(td).outlineStyle)).resolves.toBe("solid");
  expect((await cellPlacement(page, { cell }))!.hit).toBe(true);
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
  await page.getByRole("tab", { name: "党员名单" }).click();
  const before = await resultColumn("学习情况");
  const notMet = (rows: typeof before) => rows.filter((r) => r.text.startsWith("未达标")).length;
  expect(notMet(before)).toBeGreaterThan(0);
  const hours = page.getByLabel("学时（不少于）");
  await expect(hours.inputValue()).resolves.toBe("50");
  await hours.fill("40");
  await page.getByRole("button", { name: "保存设置" }).click();
  await page.getByText(/设置已保存到工作簿/).waitFor();
  await evaluate();
  const after = await resultColumn("学习情况");
  expect(after.length).toBe(before.length);
  expect(notMet(after)).toBeLessThan(notMet(before));
  await page.screenshot({ path: join(OUTPUT, "demo-40-hours.png") });
});

test("a grade typed over by hand in the grid turns the colour of what was typed", async () => {
  await page.getByRole("tab", { name: "党员名单" }).click();
  const grades = await resultColumn("评议等次");
  const qualified = grades.find((g) => g.text === "合格")!;
  expect(qualified.background).toBe(rgb(HIGHLIGHT_COLOURS.green.fill));
  const cell = page.locator(`td[data-cell="${qualified.cell}"]`);
  await cell.dblclick();
  await page.getByRole("textbox", { name: qualified.cell }).fill("不合格");
  await page.keyboard.press("Enter");
  await expect(cell.textContent()).resolves.toBe("不合格");
  await expect(cell.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe(rgb(HIGHLIGHT_COLOURS.red.fill));
  await page.screenshot({ path: join(OUTPUT, "demo-grade-edited.png") });
});

/** A secretary's own roster: title rows, a two-row header, blank rows, a footer, and a second score sheet. */
async function messyWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("花名册");
  ws.mergeCells("A1:G1");
  ws.getCell("A1").value = "某某乡党委党员评议台账";
  ws.getCell("A2").value = "填报单位：某某乡党委     填报日期：2026年11月";
  ws.getRow(4).values = ["序号", "党员姓名", "党支部", "正式/预备", "学习情况", null, "书面申请"];
  ws.getRow(5).values = [null, null, null, null, "累计学时", "集中培训天数", null];
  ws.mergeCells("E4:F4");
  const people = [["张三", "第一支部", "正式党员", 55, 4, "是"], ["李四", "第一支部", "正式党员", 30, 1, "否"], null, ["王五", "第二支部", "预备党员", 60, 3, "是"], ["钱七", "第二支部", "正式党员", 50, 3, "已提交"]];
  people.forEach((p, i) => p && (ws.getRow(6 + i).values = [i + 1, ...p]));
  ws.getRow(12).values = ["填表人：孙八     审核人：周九"];
  const ballots = wb.addWorksheet("民主评议");
  ballots.getCell("A1").value = "民主评议票决表";
  ballots.getRow(3).values = ["姓名", "所在支部", "支部建议等次", "应到人数", "实到人数", "赞成", "反对", "弃权"];
  ballots.getRow(4).values = ["张三", "第一支部", "优秀", 10, 9, 8, 1, 0];
  ballots.getRow(5).values = ["李四", "第一支部", "不合格", 10, 9, 6, 2, 1];
  ballots.getRow(6).values = ["钱七", "第二支部", "合格", 8, 7, 7, 0, 0];
  await wb.xlsx.writeFile(file);
}

test("a workbook picked from this computer: a messy one is evaluated; one without a member list is refused, unchanged", async () => {
  const own = await demo.open("?pane=340");
  await own.getByRole("button", { name: "评议", exact: true }).waitFor({ timeout: 60_000 });
  const messy = join(OUTPUT, "乡党委台账.xlsx");
  await messyWorkbook(messy);
  await own.getByLabel("打开工作簿…").setInputFiles(messy);
  await own.getByRole("tab", { name: "花名册", selected: true }).waitFor({ timeout: 60_000 });
  await own.getByText(/表头第 5 行 · 4 行数据/).waitFor();
  await own.getByText(/民主评议/).first().waitFor();
  await evaluate(own);
  const grade = own.locator("td[data-cell]", { hasText: /^不合格/ }).first();
  await expect(grade.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe(rgb(HIGHLIGHT_COLOURS.red.fill));
  await own.screenshot({ path: join(OUTPUT, "demo-own-workbook.png") });

  const plans = join(OUTPUT, "工作安排.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("工作安排").addRows([["日期", "事项", "负责人"], ["9月1日", "动员大会", "王书记"]]);
  await wb.xlsx.writeFile(plans);
  await own.getByLabel("打开工作簿…").setInputFiles(plans);
  await own.getByText(/没有识别到党员名单表：“工作安排”中都没有含“姓名”/).waitFor({ timeout: 60_000 });
  await own.getByRole("button", { name: "评议", exact: true }).click();
  await own.getByText(/没有找到党员名单，未评议，工作簿没有改动/).waitFor();
  expect(await own.getByRole("tab").allTextContents()).toEqual(["工作安排"]);
  await own.screenshot({ path: join(OUTPUT, "demo-no-member-list.png") });
  await own.close();
});

// The 25,700-member timing is `npm run bench`'s; here a few thousand rows prove the grid is virtualised.
test("?workbook= loads a generated workbook; the grid stays virtualised", async () => {
  const members = 6_000;
  await writeSpecsXlsx(generateWorkbook(members).sheets, join(demo.dist, "generated.xlsx"));
  const big = await demo.open("?workbook=generated.xlsx");
  const loadStart = Date.now();
  await big.getByRole("button", { name: "评议", exact: true }).waitFor({ timeout: 300_000 });
  await big.getByText(new RegExp(`${members} 行数据`)).first().waitFor({ timeout: 300_000 });
  const loadMs = Date.now() - loadStart;
  const evaluatedMs = await evaluate(big, 300_000);
  const grid = big.getByTestId("grid");
  const dataRows = Number(await grid.getAttribute("data-rows"));
  const domRows = await grid.locator("tbody tr[data-row]").count();
  expect(dataRows).toBeGreaterThan(members);
  expect(domRows).toBeLessThan(300);
  // scrolling far down brings those rows in, still only a window of them
  await grid.evaluate((el) => el.scrollTo(0, 3_000 * 24));
  await big.locator('td[data-cell="B3004"]').waitFor();
  expect(await grid.locator("tbody tr[data-row]").count()).toBeLessThan(300);
  const timing = { members, loadMs, evaluatedMs, dataRows, domRows };
  writeFileSync(join(OUTPUT, "demo-generated-timing.json"), `${JSON.stringify(timing, null, 2)}\n`);
  console.info(`demo with ${members} members: loaded in ${loadMs} ms, 评议 painted in ${evaluatedMs} ms, ${domRows} of ${dataRows} rows in the page`);
  await big.screenshot({ path: join(OUTPUT, "demo-generated.png") });
  await big.close();
});

test("a workbook from another origin is refused, and the pages asked nothing of any other origin", async () => {
  const foreign = await demo.open(`?workbook=${encodeURIComponent("http://example.invalid/a.xlsx")}`);
  await foreign.getByText(/只能载入本站的工作簿/).waitFor();
  await foreign.close();
  expect(demo.requests.length).toBeGreaterThan(3);
  const elsewhere = demo.requests.filter((url) => !url.startsWith(demo.origin) && !url.startsWith("data:") && !url.startsWith("blob:"));
  expect(elsewhere).toEqual([]);
  // and nothing failed on the way: no missing file (a favicon included), no error in any console
  expect(demo.failures).toEqual([]);
});
