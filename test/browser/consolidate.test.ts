/** @jest-environment node */
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { CONSOLIDATED_SHEETS } from "../../src/engine/consolidate";
import { SAMPLE_SUMMARIES } from "../../src/demo/params";
import { OUTPUT, paneOverflow, startDemo, type Demo } from "./harness";

/**
 * 汇总上报 in real Chromium: the demo's two sample summaries, downloaded from the page as a user
 * would, chosen together in the pane's file input, merged into the open workbook as our sheets;
 * a file that is not a summary is named and left out; merging again replaces, never doubles.
 */

jest.setTimeout(600_000);

let demo: Demo;
let page: Page;
const EXAMPLES = resolve(__dirname, "../../examples");

beforeAll(async () => {
  demo = await startDemo();
  mkdirSync(OUTPUT, { recursive: true });
  page = await demo.open();
  await page.getByRole("tab", { name: "党员名单" }).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await demo?.close();
});

const sheetTabs = () => page.getByRole("tab").allTextContents();

test("the page offers the two sample summaries, byte for byte the files in examples/", async () => {
  for (const [i, file] of SAMPLE_SUMMARIES.entries()) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `单位${i + 1}` }).click()]);
    expect(download.suggestedFilename()).toBe(file);
    const saved = join(OUTPUT, `download-${i}.xlsx`);
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(readFileSync(join(EXAMPLES, file)))).toBe(true);
  }
});

test("two units' summaries chosen at once are merged into the workbook: per unit with 合计 and a chart, per unit × branch", async () => {
  await page.getByTestId("consolidate-files").setInputFiles(SAMPLE_SUMMARIES.map((file) => join(EXAMPLES, file)));
  await page.getByTestId("consolidate-chosen").getByText(/已选择 2 个文件/).waitFor();
  await page.getByRole("button", { name: "合并到当前工作簿" }).click();
  await page.getByText(/已合并 2 个单位（XX县教育局党委、XX县卫健局党委），写入工作表：/).waitFor({ timeout: 60_000 });
  const tabs = await sheetTabs();
  for (const name of [CONSOLIDATED_SHEETS.consolidatedUnits, CONSOLIDATED_SHEETS.consolidatedBranches]) expect(tabs).toContain(name);
  await page.getByRole("tab", { name: CONSOLIDATED_SHEETS.consolidatedUnits }).click();
  for (const text of ["XX县教育局党委", "XX县卫健局党委", "合计"]) await page.locator("td[data-cell]", { hasText: new RegExp(`^${text}$`) }).first().waitFor();
  expect(await paneOverflow(page)).toMatchObject({ offenders: [] });
  await page.screenshot({ path: join(OUTPUT, "demo-consolidated.png"), fullPage: false });
});

test("again with a file that is not a summary: it is named and left out, the two units replace the earlier consolidation", async () => {
  await page.getByTestId("consolidate-files").setInputFiles([...SAMPLE_SUMMARIES.map((file) => join(EXAMPLES, file)), join(EXAMPLES, "示例-先教评议.xlsx")]);
  await page.getByTestId("consolidate-chosen").getByText(/已选择 3 个文件/).waitFor();
  await page.getByRole("button", { name: "合并到当前工作簿" }).click();
  await page.getByText(/已合并 2 个单位/).waitFor({ timeout: 60_000 });
  await page.getByRole("list", { name: "未合并的文件和保留的工作表" }).getByText(/文件“示例-先教评议\.xlsx”不是评议汇总表/).waitFor();
  const tabs = await sheetTabs();
  expect(tabs.filter((name) => name.startsWith(CONSOLIDATED_SHEETS.consolidatedUnits))).toEqual([CONSOLIDATED_SHEETS.consolidatedUnits]);
  expect(demo.failures).toEqual([]);
  // nothing left the page: every request stayed on the demo's own origin
  expect(demo.requests.filter((url) => !url.startsWith(demo.origin))).toEqual([]);
});
