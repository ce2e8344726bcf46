/** @jest-environment node */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { HIGHLIGHT_COLOURS, SHEET_NAMES } from "../../src/engine/plan/types";
import { generateWorkbook, writeSpecsXlsx } from "../../bench/generate";
import { cellPlacement, OUTPUT, paneOverflow, startDemo, type Demo } from "./harness";

/*
 * The demo in real Chromium. Every test opens its own page of the demo (the sample, a fresh
 * in-memory workbook) and closes it: none depends on another having run, or on the order.
 * Nothing waits for a time: each wait is for something the page shows or marks.
 */

jest.setTimeout(600_000);

let demo: Demo;

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

beforeAll(async () => {
  demo = await startDemo();
  mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await demo?.close();
});

// whatever a test did, nothing may have failed on the way (no missing file, no error in a console)
// and no page may have asked anything of another origin
afterEach(() => {
  const failures = demo.failures.splice(0);
  const elsewhere = demo.requests.splice(0).filter((url) => !url.startsWith(demo.origin) && !url.startsWith("data:") && !url.startsWith("blob:"));
  expect({ failures, elsewhere }).toEqual({ failures: [], elsewhere: [] });
});

/** The sample in a page of its own, the pane `query` wide (340 px, a real pane's width), once its tables are recognised. */
async function sample(query = "?pane=340", init?: () => void): Promise<Page> {
  const page = await demo.open(query, undefined, init);
  await page.getByRole("tab", { name: "党员名单" }).waitFor({ timeout: 60_000 });
  await page.getByText(/表头第 3 行 · 80 行数据/).waitFor({ timeout: 60_000 });
  return page;
}

/** Runs `body` on a page of its own, closed whatever happens. */
async function onPage(page: Page, body: (page: Page) => Promise<void>): Promise<void> {
  try {
    await body(page);
  } finally {
    await page.close();
  }
}

/** Clicks 评议 and waits for the page's mark that the results are painted; returns its milliseconds. */
async function evaluate(page: Page, timeout = 60_000): Promise<number> {
  await page.getByRole("button", { name: "评议", exact: true }).click();
  await page.waitForFunction(() => document.body.dataset.evaluated !== undefined, null, { timeout });
  await page.getByText(/评议完成：\d+ 名党员/).waitFor();
  return Number(await page.evaluate(() => document.body.dataset.evaluated));
}

/** Texts and highlight colours of one result column on the visible sheet, keyed by cell address. */
async function resultColumn(page: Page, header: string): Promise<{ cell: string; text: string; background: string }[]> {
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

/** Waits until the grid's cell shows what was typed into it (the write goes through the Excel API). */
async function typed(page: Page, address: string, text: string): Promise<void> {
  await page.waitForFunction(([cell, wanted]) => document.querySelector(`td[data-cell="${cell}"]`)?.textContent === wanted, [address, text] as const);
}

/** Two animation frames: whatever a scroll or a click set off has been rendered and painted. */
function painted(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Where an element is against the task pane's visible box. */
function inPane(page: Page, selector: string): Promise<{ inside: boolean; top: number; bottom: number; paneTop: number; paneBottom: number; right: number; paneRight: number } | null> {
  return page.evaluate((wanted) => {
    const el = document.querySelector<HTMLElement>(wanted);
    if (!el) return null;
    const pane = document.querySelector<HTMLElement>("[data-testid=pane]")!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    // within half a pixel: layout rounds to fractions of one
    const inside = r.width > 0 && r.top >= pane.top - 0.5 && r.bottom <= pane.bottom + 0.5 && r.left >= pane.left - 0.5 && r.right <= pane.right + 0.5;
    return { inside, top: r.top, bottom: r.bottom, paneTop: pane.top, paneBottom: pane.bottom, right: r.right, paneRight: pane.right };
  }, selector);
}

test("评议 fills the grid with result columns in their colours, scrolled into view, and adds the summary sheets", async () => {
  await onPage(await sample(""), async (page) => {
    const ms = await evaluate(page);
    expect(ms).toBeGreaterThan(0);
    await page.getByRole("tab", { name: "党员名单", selected: true }).waitFor();
    // the grid came to the result block: its first column sits just right of the frozen column A
    const first = await cellPlacement(page, { text: "学习情况" });
    expect(first).not.toBeNull();
    expect(first!.hit).toBe(true);
    expect(first!.left).toBeGreaterThan(first!.gridLeft + 44);
    expect(first!.right).toBeLessThan(first!.gridRight);
    const grades = await resultColumn(page, "评议等次");
    expect(grades.length).toBeGreaterThan(50);
    // every kind of grade the sample has, each in its colour: a kind missing from the grid fails
    const kinds: [string, (text: string) => boolean, string][] = [
      ["优秀", (text) => text === "优秀", HIGHLIGHT_COLOURS.deepGreen.fill],
      ["合格", (text) => text === "合格", HIGHLIGHT_COLOURS.green.fill],
      ["合格（待审批）", (text) => text === "合格（待审批）", HIGHLIGHT_COLOURS.amber.fill],
      ["基本合格", (text) => text.startsWith("基本合格"), HIGHLIGHT_COLOURS.amber.fill],
      ["不合格", (text) => text.startsWith("不合格"), HIGHLIGHT_COLOURS.red.fill],
      ["待定", (text) => text.startsWith("待定"), HIGHLIGHT_COLOURS.grey.fill],
    ];
    for (const [kind, matches, fill] of kinds) {
      const rows = grades.filter((g) => matches(g.text));
      expect({ kind, rows: rows.length > 0 }).toEqual({ kind, rows: true });
      for (const g of rows) expect({ kind, cell: g.cell, background: g.background }).toEqual({ kind, cell: g.cell, background: rgb(fill) });
    }
    // the pane's chips wear the same colours
    const chip = page.locator('[role=listitem][data-grade="不合格"]');
    await expect(chip.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(rgb(HIGHLIGHT_COLOURS.red.fill));
    for (const name of [SHEET_NAMES.branches, SHEET_NAMES.stages]) await page.getByRole("tab", { name }).waitFor();
    await page.screenshot({ path: join(OUTPUT, "demo-evaluated.png"), fullPage: false });
  });
});

test("each sheet keeps its own scroll position: a summary sheet opens at column A, the member list comes back at its result columns", async () => {
  await onPage(await sample(""), async (page) => {
    await evaluate(page);
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
    await page.locator("td[data-cell]", { hasText: /^学习情况$/ }).waitFor();
    expect((await cellPlacement(page, { text: "学习情况" }))!.hit).toBe(true);
  });
});

test("the header rows and column A stay in view while the grid scrolls; the merged title keeps column A narrow", async () => {
  await onPage(await sample(""), async (page) => {
    const header = await cellPlacement(page, { cell: "B3" });
    const serial = await cellPlacement(page, { cell: "A10" });
    const grid = page.getByTestId("grid");
    await grid.evaluate((el) => el.scrollBy(0, 600));
    await page.waitForFunction(() => document.querySelector<HTMLElement>("[data-testid=grid]")!.scrollTop >= 600);
    await painted(page);
    const after = await cellPlacement(page, { cell: "B3" });
    expect(after!.top).toBe(header!.top);
    const columnA = await page.locator('td[data-cell="A4"]').boundingBox();
    expect(columnA!.width).toBeLessThan(80); // 6 characters in the file, whatever the title in A1 says
    expect((await cellPlacement(page, { cell: "A40" }))!.left).toBe(serial!.left);
    expect(await page.locator('td[data-cell="A1"]').getAttribute("colspan")).toBe("12");
  });
});

test("the task pane fits its width at 380 px and at 320 px, mapping editor open or folded, the branch table included", async () => {
  await onPage(await sample(""), async (wide) => {
    await evaluate(wide);
    const overflow = await paneOverflow(wide);
    expect(overflow.offenders).toEqual([]);
    expect(overflow.scrollWidth).toBe(overflow.clientWidth);
  });
  await onPage(await sample("?pane=320"), async (narrow) => {
    expect((await paneOverflow(narrow)).offenders).toEqual([]);
    // folded by default on the sample (every needed column recognised): 评议 is near the top
    const button = await narrow.getByRole("button", { name: "评议", exact: true }).boundingBox();
    expect(button!.y + button!.height).toBeLessThan(450);
    await evaluate(narrow);
    // laid out for the pane: nothing of the branch table is out of sight sideways
    const branchBox = narrow.getByTestId("branch-table");
    const [inner, outer] = await branchBox.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(inner).toBeLessThanOrEqual(outer);
    await narrow.getByRole("button", { name: /查看和修改列对应/ }).click();
    await narrow.getByRole("combobox", { name: "“身份证号”对应的字段（党员名单 C 列）" }).waitFor();
    const overflow = await paneOverflow(narrow);
    expect(overflow.offenders).toEqual([]);
    expect(overflow.scrollWidth).toBe(overflow.clientWidth);
    await narrow.screenshot({ path: join(OUTPUT, "demo-320-mapping.png") });
    await narrow.getByRole("heading", { name: "3. 评议结果" }).scrollIntoViewIfNeeded();
    await narrow.screenshot({ path: join(OUTPUT, "demo-320-results.png") });
  });
});

test("at 340 px after 评议: the outcome has the focus at the top of the pane and the 优秀超限 warning is in sight, no scrolling needed", async () => {
  await onPage(await sample(), async (page) => {
    await evaluate(page);
    // the focus is on the outcome, and the pane brought it into view
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "outcome");
    expect(await page.evaluate(() => document.activeElement!.textContent)).toMatch(/^评议完成：80 名党员，写入 \d+ 个单元格；需要处理 \d+ 人/);
    expect(await inPane(page, "[data-testid=outcome]")).toMatchObject({ inside: true });
    // 县财政局党支部 has 4 优秀 over a cap of 3: said right under it, wholly inside the pane
    const warning = await inPane(page, "[data-testid=over-cap-warning]");
    expect(warning).toMatchObject({ inside: true });
    await expect(page.getByTestId("over-cap-warning").textContent()).resolves.toBe("优秀超限，请复核： 县财政局党支部（优秀 4 人，上限 3 人）");
    // and in the branch table its badge is inside the pane's width, the table needing no sideways scroll
    const badge = page.locator('[data-branch="县财政局党支部"] [data-testid=over-cap]');
    await badge.scrollIntoViewIfNeeded();
    expect(await inPane(page, '[data-branch="县财政局党支部"] [data-testid=over-cap]')).toMatchObject({ inside: true });
    await expect(badge.textContent()).resolves.toBe("优秀超限");
    const [inner, outer] = await page.getByTestId("branch-table").evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(inner).toBeLessThanOrEqual(outer);
    // each rate beside its basis
    const row = page.locator('[data-branch="机关第二党支部"]');
    await expect(row.locator("td").nth(1).textContent()).resolves.toMatch(/^\d+(\.\d)?%已录入 14 \/ 15$/);
    await expect(row.locator("td").nth(2).textContent()).resolves.toMatch(/^\d+(\.\d)?已录入 13 \/ 15$/);
    await page.screenshot({ path: join(OUTPUT, "demo-340-outcome.png") });
  });
});

/** Runs in a page before its scripts: keeps what Fluent's AriaLiveAnnouncer hands to the browser to say (document.ariaNotify). */
function recordSpoken(): void {
  const spoken: string[] = [];
  (window as unknown as { spoken: string[] }).spoken = spoken;
  const doc = document as unknown as { ariaNotify?: (message: string, options?: unknown) => void };
  const native = doc.ariaNotify?.bind(document);
  doc.ariaNotify = (message: string, options?: unknown) => {
    spoken.push(message);
    native?.(message, options);
  };
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);

test("progress and results are announced to a screen reader; the chart's text alternative gives each branch's counts", async () => {
  await onPage(await sample("?pane=340", recordSpoken), async (page) => {
    await evaluate(page);
    await page.waitForFunction(() => (window as unknown as { spoken: string[] }).spoken.some((s) => s.startsWith("评议完成：80 名党员")));
    expect((await spoken(page))[0]).toBe("正在评议…");
    const chart = page.getByRole("img", { name: "各支部等次分布" });
    const description = await chart.evaluate((svg) => document.getElementById(svg.getAttribute("aria-describedby") ?? "")?.textContent ?? "");
    const lines = description.split("\n");
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.find((line) => line.startsWith("离退休党支部："))).toMatch(/^离退休党支部：(.+，)?待定 15(，.+)?，共 \d+ 人$/);
  });
});

test("需要处理 at the top of the results: groups most serious first, 离退休党支部's void ballot said once, a click selects the member's row", async () => {
  await onPage(await sample(), async (page) => {
    await evaluate(page);
    const todo = page.getByTestId("todo");
    await expect(todo.getByRole("heading", { level: 3 }).textContent()).resolves.toMatch(/^需要处理（\d+ 人）$/);
    const groups = await todo.locator("[data-group]").evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.group));
    expect(groups).toEqual(["remove", "noApplication", "unqualified", "rewrite", "admonish", "reviewExcellent", "makeUp", "pendingApproval", "undecided"]);
    // every one of the 15 members of 离退休党支部 is 待定 because the ballot was void: said once, for the branch
    const retired = todo.locator('[data-group="undecided"] [data-branch="离退休党支部"]');
    await expect(retired.locator("> div").textContent()).resolves.toBe("离退休党支部 全支部 15 人：票决无效（实到 7 人未过应到 14 人半数），等次待定");
    expect((await inPane(page, '[data-group="undecided"] [data-branch="离退休党支部"]'))!.right).toBeLessThanOrEqual((await inPane(page, "[data-testid=todo]"))!.paneRight);
    // 自行脱党 and 未提出书面申请 are named with their reasons
    await expect(todo.locator('[data-group="remove"] button').textContent()).resolves.toBe("余艳（离退休党支部） 连续 7 个月未参加组织生活（≥ 6 个月），按党章第九条视为自行脱党");
    await expect(todo.locator('[data-group="noApplication"] li[data-member]').count()).resolves.toBe(5);
    // a click selects the member's name on the member list
    await todo.locator('[data-group="remove"] button').click();
    await page.getByRole("tab", { name: "党员名单", selected: true }).waitFor();
    await page.waitForFunction(() => getComputedStyle(document.querySelector('td[data-cell="B78"]')!).outlineStyle === "solid");
    await expect(page.locator('td[data-cell="B78"]').textContent()).resolves.toBe("余艳");
    expect((await cellPlacement(page, { cell: "B78" }))!.hit).toBe(true);
    // the names of a branch line are behind a button, each one a click away from its row
    await retired.getByRole("button", { name: /列出这 15 人/ }).click();
    await retired.getByRole("button", { name: "赖杰" }).click();
    await page.waitForFunction(() => getComputedStyle(document.querySelector('td[data-cell="B69"]')!).outlineStyle === "solid");
    await page.screenshot({ path: join(OUTPUT, "demo-340-todo.png") });
  });
});

test("clicking a data issue shows its cell in the grid", async () => {
  await onPage(await sample(""), async (page) => {
    await evaluate(page);
    const issue = page.getByRole("list", { name: /数据问题/ }).getByRole("button").first();
    const label = (await issue.textContent()) ?? "";
    const [, sheet, cell] = /^(.+?)!([A-Z]+\d+)/.exec(label) ?? [];
    expect(cell).toBeTruthy();
    await issue.click();
    await page.getByRole("tab", { name: sheet, exact: true }).and(page.locator("[aria-selected=true]")).waitFor();
    await page.waitForFunction((address) => getComputedStyle(document.querySelector(`td[data-cell="${address}"]`)!).outlineStyle === "solid", cell);
    expect((await cellPlacement(page, { cell }))!.hit).toBe(true);
  });
});

test("export downloads a summary workbook exceljs can read back", async () => {
  await onPage(await sample(""), async (page) => {
    await evaluate(page);
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
});

test("学时 typed as 40: 评议 waits until it is saved; saved, the results say they are stale and export warns; 评议 again applies 40", async () => {
  await onPage(await sample(), async (page) => {
    await evaluate(page);
    const notMet = (rows: { text: string }[]) => rows.filter((r) => r.text.startsWith("未达标")).length;
    const before = await resultColumn(page, "学习情况");
    expect(notMet(before)).toBeGreaterThan(0);
    const hours = page.getByLabel("学时（不少于）");
    await expect(hours.inputValue()).resolves.toBe("50");
    await hours.fill("40");
    // not saved: 评议 says so and does not run
    await page.getByText(/^设置尚未保存：/).waitFor();
    const evaluateButton = page.getByRole("button", { name: "评议", exact: true });
    await expect(evaluateButton.getAttribute("aria-disabled")).resolves.toBe("true");
    await page.screenshot({ path: join(OUTPUT, "demo-340-unsaved.png") });
    await page.getByRole("button", { name: "保存设置" }).click();
    await page.getByText(/设置已保存到工作簿/).waitFor();
    // saved after the run: the results say so, and export asks before using them
    await page.getByTestId("stale").waitFor();
    await expect(page.getByTestId("stale").textContent()).resolves.toMatch(/^设置已更改，请重新评议：/);
    await expect(page.getByTestId("outcome").textContent()).resolves.toMatch(/^设置已更改，请重新评议/);
    await page.getByTestId("export-stale").waitFor();
    await page.getByRole("button", { name: "仍按上次结果导出" }).waitFor();
    await page.screenshot({ path: join(OUTPUT, "demo-340-stale.png") });
    await evaluate(page);
    await page.getByTestId("stale").waitFor({ state: "detached" });
    await page.getByRole("tab", { name: "党员名单" }).click();
    const after = await resultColumn(page, "学习情况");
    expect(after.length).toBe(before.length);
    expect(notMet(after)).toBeLessThan(notMet(before));
  });
});

test("a summary sheet of ours renamed by the user is said at the top of the next results as out of date", async () => {
  await onPage(await sample(), async (page) => {
    await evaluate(page);
    await expect(page.getByTestId("sheet-notices").count()).resolves.toBe(0);
    // renamed as in Excel: a double-click on its tab, a new name, Enter
    await page.getByRole("tab", { name: SHEET_NAMES.branches }).dblclick();
    const box = page.getByRole("textbox", { name: `工作表“${SHEET_NAMES.branches}”的新名称` });
    await box.fill("支部汇总旧表");
    await box.press("Enter");
    await page.getByRole("tab", { name: "支部汇总旧表" }).waitFor();
    await evaluate(page);
    const notices = page.getByTestId("sheet-notices");
    await expect(notices.locator("li").allTextContents()).resolves.toEqual([`工作表“支部汇总旧表”是上次评议的结果，数据已过期；本次结果见“${SHEET_NAMES.branches}”`]);
    // above the 需要处理 list, in sight at the pane's width without scrolling sideways
    const [noticeBox, todoBox] = await Promise.all([notices.boundingBox(), page.getByTestId("todo").boundingBox()]);
    expect(noticeBox!.y).toBeLessThan(todoBox!.y);
    const placed = (await inPane(page, "[data-testid=sheet-notices]"))!;
    expect(placed.right).toBeLessThanOrEqual(placed.paneRight + 0.5);
    // both sheets are there: the new one beside the old
    await page.getByRole("tab", { name: SHEET_NAMES.branches }).waitFor();
    await page.screenshot({ path: join(OUTPUT, "demo-340-renamed-sheet.png") });
  });
});

test("a grade typed over by hand in the grid turns the colour of what was typed", async () => {
  await onPage(await sample(""), async (page) => {
    await evaluate(page);
    await page.getByRole("tab", { name: "党员名单" }).click();
    const grades = await resultColumn(page, "评议等次");
    const qualified = grades.find((g) => g.text === "合格")!;
    expect(qualified.background).toBe(rgb(HIGHLIGHT_COLOURS.green.fill));
    const cell = page.locator(`td[data-cell="${qualified.cell}"]`);
    await cell.dblclick();
    await page.getByRole("textbox", { name: qualified.cell }).fill("不合格");
    await page.keyboard.press("Enter");
    await typed(page, qualified.cell, "不合格");
    await expect(cell.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe(rgb(HIGHLIGHT_COLOURS.red.fill));
    await page.screenshot({ path: join(OUTPUT, "demo-grade-edited.png") });
  });
});

test("a grade typed over by hand is kept by the next 评议, counted, and listed as 人工认定 in 需要处理", async () => {
  await onPage(await sample(), async (page) => {
    await evaluate(page);
    const unqualified = async () => Number(await page.locator('[role=listitem][data-grade="不合格"]').textContent().then((text) => text!.replace("不合格", "")));
    const countBefore = await unqualified();
    await page.getByRole("tab", { name: "党员名单" }).click();
    const grades = await resultColumn(page, "评议等次");
    const qualified = grades.find((g) => g.text === "合格")!;
    const row = qualified.cell.replace(/^[A-Z]+/, "");
    const name = (await page.locator(`td[data-cell="B${row}"]`).textContent())!;
    const cell = page.locator(`td[data-cell="${qualified.cell}"]`);
    await cell.dblclick();
    await page.getByRole("textbox", { name: qualified.cell }).fill("不合格");
    await page.keyboard.press("Enter");
    await typed(page, qualified.cell, "不合格");

    await evaluate(page);
    // kept in the cell, in its colour, counted, and named in the pane as the secretary's own decision
    await page.getByRole("tab", { name: "党员名单" }).click();
    await expect(page.locator(`td[data-cell="${qualified.cell}"]`).textContent()).resolves.toBe("不合格");
    await expect(page.locator(`td[data-cell="${qualified.cell}"]`).evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe(rgb(HIGHLIGHT_COLOURS.red.fill));
    expect(await unqualified()).toBe(countBefore + 1);
    const line = page.getByTestId("todo").locator(`[data-group="unqualified"] li[data-member="${name}"]`);
    await expect(line.textContent()).resolves.toMatch(new RegExp(`^${name}（.+）（人工认定） 人工认定：原评议为合格$`));
    const manual = page.getByRole("region", { name: "人工认定 1 人" });
    await manual.getByRole("button", { name: `${name}：恢复自动评议` }).waitFor();
    await page.screenshot({ path: join(OUTPUT, "demo-340-manual.png") });
  });
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
  const own = await demo.open("?pane=340", undefined, recordSpoken);
  await onPage(own, async () => {
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
    // the error is announced as well as shown
    await own.waitForFunction(() => (window as unknown as { spoken: string[] }).spoken.some((s) => s.includes("没有找到党员名单")));
    expect(await own.getByRole("tab").allTextContents()).toEqual(["工作安排"]);
    await own.screenshot({ path: join(OUTPUT, "demo-no-member-list.png") });
  });
});

// The 25,700-member timing is `npm run bench`'s; here a few thousand rows prove the grid is virtualised.
test("?workbook= loads a generated workbook; the grid stays virtualised", async () => {
  const members = 6_000;
  await writeSpecsXlsx(generateWorkbook(members).sheets, join(demo.dist, "generated.xlsx"));
  const big = await demo.open("?workbook=generated.xlsx");
  await onPage(big, async () => {
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
  });
});

test("a workbook from another origin is refused, and the page asks nothing of it", async () => {
  const foreign = await demo.open(`?workbook=${encodeURIComponent("http://example.invalid/a.xlsx")}`);
  await onPage(foreign, async () => {
    await foreign.getByText(/只能载入本站的工作簿/).waitFor();
    expect(demo.requests.filter((url) => url.startsWith(`${demo.origin}/demo.html`))).toHaveLength(1);
    // the page's own address names it in its query; nothing was asked of it
    expect(demo.requests.filter((url) => !url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).hostname === "example.invalid")).toEqual([]);
  });
});
