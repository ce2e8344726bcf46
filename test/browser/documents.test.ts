/** @jest-environment node */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { CONSOLIDATED_SHEETS } from "../../src/engine/consolidate";
import { SAMPLE_SUMMARIES } from "../../src/demo/params";
import { OUTPUT, paneOverflow, startDemo, type Demo } from "./harness";

/**
 * The pane's export and 汇总上报 in real Chromium: the exported summary carries its chart,
 * deflated by the browser's own CompressionStream, and the e-mail draft attaches it. the demo's two sample summaries, downloaded from the page as a user
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

test("导出 after 评议: the summary with its chart, deflated in the browser, and 生成邮件 attaches it byte for byte", async () => {
  await page.getByRole("button", { name: "评议", exact: true }).click();
  await page.getByText(/评议完成：\d+ 名党员/).waitFor({ timeout: 60_000 });
  const [summary] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出汇总工作簿" }).click()]);
  const xlsx = join(OUTPUT, summary.suggestedFilename());
  await summary.saveAs(xlsx);
  expect(summary.suggestedFilename()).toMatch(/^先教评议汇总-XX县直机关工委-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const check = spawnSync(
    "/usr/bin/python3",
    ["-c", "import sys, zipfile, json, openpyxl\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nwb = openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps({'charts': {ws.title: len(ws._charts) for ws in wb.worksheets}, 'deflated': all(i.compress_type == 8 for i in z.infolist() if i.file_size > 200)}, ensure_ascii=False))", xlsx],
    { encoding: "utf8" },
  );
  expect(check.stderr).toBe("");
  const { charts, deflated } = JSON.parse(check.stdout);
  expect(charts["评议-支部汇总"]).toBe(1);
  expect(deflated).toBe(true);
  const [mail] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "生成邮件" }).click()]);
  expect(mail.suggestedFilename()).toMatch(/^上报邮件-XX县直机关工委-.*\.eml$/);
  const eml = join(OUTPUT, "上报邮件.eml");
  await mail.saveAs(eml);
  const parsed = spawnSync(
    "/usr/bin/python3",
    ["-c", "import sys, email, email.policy, hashlib\nm = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)\na = list(m.iter_attachments())[0]\nprint(m['X-Unsent'], a.get_filename(), hashlib.sha256(a.get_payload(decode=True)).hexdigest())", eml],
    { encoding: "utf8" },
  );
  const [unsent, filename, sha] = parsed.stdout.trim().split(" ");
  expect({ unsent, filename }).toEqual({ unsent: "1", filename: summary.suggestedFilename() });
  expect(sha).toBe(createHash("sha256").update(readFileSync(xlsx)).digest("hex"));
});
