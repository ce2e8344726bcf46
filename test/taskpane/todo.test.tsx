/** @jest-environment jsdom */
import "./dom-setup";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { bookFromSheets, sheetsFromXlsx, type LoadedSheet } from "../../src/demo/workbookFile";
import { createOfficeHost } from "../../src/hosts/office";
import type { MemoryWorkbook } from "../../src/hosts/memory/workbook";
import { TODAY } from "./fixtures";

/** The sample unit the demo opens: 80 members in 6 branches, 离退休党支部's ballot void (实到 7 < 应到 14 的半数). */
const SAMPLE = resolve(__dirname, "../../examples/示例-先教评议.xlsx");
let sheets: LoadedSheet[];

beforeAll(async () => {
  const bytes = readFileSync(SAMPLE);
  sheets = await sheetsFromXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
});

async function sample(): Promise<MemoryWorkbook> {
  const { book } = bookFromSheets(sheets);
  render(<App host={createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported })} today={TODAY} />);
  await screen.findByText(/表头第 3 行 · 80 行数据/, {}, { timeout: 10_000 });
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(/评议完成：80 名党员/, {}, { timeout: 20_000 });
  return book;
}

const todo = () => screen.getByTestId("todo");
const group = (id: string) => todo().querySelector<HTMLElement>(`[data-group="${id}"]`);
const heading = (id: string) => within(group(id)!).getByRole("heading").textContent;

test("the sample's 需要处理: every group most serious first, each member by name with the reason", async () => {
  await sample();
  expect(within(todo()).getByRole("heading", { level: 3 }).textContent).toMatch(/^需要处理（\d+ 人）$/);
  const groups = [...todo().querySelectorAll<HTMLElement>("[data-group]")].map((g) => g.dataset.group);
  expect(groups).toEqual(["remove", "noApplication", "unqualified", "rewrite", "admonish", "reviewExcellent", "makeUp", "pendingApproval", "undecided"]);
  expect(heading("remove")).toBe("自行脱党/除名 · 1 人");
  expect(within(group("remove")!).getByRole("button").textContent).toBe("余艳（离退休党支部） 连续 7 个月未参加组织生活（≥ 6 个月），按党章第九条视为自行脱党");
  // 未提出书面申请: five members, every one named with why (余洋 left his branch blank)
  expect(heading("noApplication")).toBe("未提出书面申请 · 5 人");
  expect(within(group("noApplication")!).getAllByRole("button").map((b) => b.textContent)).toEqual([
    "陆海燕（机关第一党支部） 未提出书面申请，原则上按自愿退党或自行脱党处理（待支部确认）",
    "孙桂英（机关第一党支部） 未提出书面申请，原则上按自愿退党或自行脱党处理（待支部确认）",
    "刘刚（机关第一党支部） 未提出书面申请，原则上按自愿退党或自行脱党处理（待支部确认）",
    "余洋（未填支部） 未提出书面申请，原则上按自愿退党或自行脱党处理（待支部确认）",
    "黎春梅（县财政局党支部） 未提出书面申请，原则上按自愿退党或自行脱党处理（待支部确认）",
  ]);
  expect(within(group("unqualified")!).getByRole("button").textContent).toBe("雷爱民（机关第二党支部） 评为不合格：支部建议“不合格”获赞成 12 票，超过应到 14 人的半数");
  // a long group shows five lines and the rest on demand
  expect(heading("pendingApproval")).toBe("待审批 · 12 人");
  expect(within(group("pendingApproval")!).getAllByRole("listitem")).toHaveLength(5);
  fireEvent.click(within(group("pendingApproval")!).getByRole("button", { name: "显示其余 7 人" }));
  expect(within(group("pendingApproval")!).getAllByRole("listitem")).toHaveLength(12);
});

test("离退休党支部 is 待定 as a whole because its ballot was void: said once for the branch, the names behind a button", async () => {
  await sample();
  expect(heading("undecided")).toBe("待定 · 19 人");
  const branch = group("undecided")!.querySelector<HTMLElement>('[data-branch="离退休党支部"]')!;
  expect(branch.textContent).toMatch(/^离退休党支部 全支部 15 人：票决无效（实到 7 人未过应到 14 人半数），等次待定/);
  const names = within(branch).getByRole("button", { name: /列出这 15 人/ });
  fireEvent.click(names);
  expect(names.getAttribute("aria-expanded")).toBe("true");
  expect(within(branch).getAllByRole("listitem")).toHaveLength(15);
  // where two members of a branch share a reason, it is said once too: nobody is left out of the 19
  const lines = [...group("undecided")!.querySelectorAll<HTMLElement>("[data-branch] > div")].map((line) => line.textContent);
  expect(lines).toEqual([
    "机关第二党支部 2 人：票决结果未录入，等次待定",
    "县财政局党支部 2 人：赞成 4 票未超过应到 8 人的半数，支部建议未通过，待支委会复议",
    "离退休党支部 全支部 15 人：票决无效（实到 7 人未过应到 14 人半数），等次待定",
  ]);
  expect(group("undecided")!.querySelectorAll(":scope > ul > li[data-member]")).toHaveLength(0);
});

test("clicking a member selects their name on the member list", async () => {
  const book = await sample();
  await act(async () => fireEvent.click(within(group("remove")!).getByRole("button")));
  await waitFor(() => expect(book.selection?.address).toBe("党员名单!B78"));
  expect(book.value("党员名单", "B78")).toBe("余艳");
  const branch = group("undecided")!.querySelector<HTMLElement>('[data-branch="离退休党支部"]')!;
  fireEvent.click(within(branch).getByRole("button", { name: /列出这 15 人/ }));
  await act(async () => fireEvent.click(within(branch).getByRole("button", { name: "赖杰" })));
  await waitFor(() => expect(book.selection?.address).toBe("党员名单!B69"));
});

test("a grade typed over ours joins its group marked 人工认定, and the 人工认定 group closes the list with 恢复自动评议", async () => {
  const book = await sample();
  const gradeCol = (book.toGrids()[0].values[2] as unknown[]).indexOf("评议等次");
  // 孔海燕 (row 5) was 优秀; the 支委会 reconsidered
  book.sheet("党员名单")!.cell(4, gradeCol).value = "不合格";
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await waitFor(() => expect(within(group("unqualified")!).getAllByRole("button")).toHaveLength(2), { timeout: 20_000 });
  expect(within(group("unqualified")!).getAllByRole("button")[0].textContent).toBe("孔海燕（机关第一党支部）（人工认定） 人工认定：原评议为优秀");
  const manual = within(todo()).getByRole("region", { name: "人工认定 1 人" });
  expect(within(manual).getByRole("button", { name: "孔海燕：恢复自动评议" })).toBeTruthy();
});
