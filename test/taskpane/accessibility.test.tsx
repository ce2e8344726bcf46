/** @jest-environment jsdom */
import "./dom-setup";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { XianjiaoError } from "../../src/errors";
import { FakeHost, TODAY } from "./fixtures";

/** What the pane asked the screen reader to say (Fluent's announcer uses document.ariaNotify where the browser has it). */
let spoken: string[];
beforeEach(() => {
  spoken = [];
  (document as unknown as { ariaNotify?: (message: string) => void }).ariaNotify = (message: string) => spoken.push(message);
});
afterEach(() => {
  delete (document as unknown as { ariaNotify?: unknown }).ariaNotify;
});

async function ready(host = new FakeHost(), locale: "zh-CN" | "en" = "zh-CN") {
  render(<App host={host} today={TODAY} locale={locale} />);
  await screen.findByText(locale === "en" ? /header row 2 · 5 data rows/ : /表头第 2 行 · 5 行数据/);
  return host;
}

test("after 评议 the focus is on the outcome, and the progress and the outcome were announced", async () => {
  await ready();
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(/评议完成：5 名党员/, {}, { timeout: 5000 });
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("outcome")));
  expect(document.activeElement!.textContent).toMatch(/^评议完成：5 名党员，写入 \d+ 个单元格；需要处理 2 人/);
  await waitFor(() => expect(spoken.some((s) => s.startsWith("评议完成：5 名党员"))).toBe(true));
  expect(spoken[0]).toBe("正在评议…");
});

test("a failure is announced and takes the focus", async () => {
  const host = new FakeHost();
  host.applyError = new XianjiaoError("FILE_WRITE_FAILED", { file: "台账.xlsx", detail: "工作表受保护" });
  await ready(host);
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(/工作表受保护/, {}, { timeout: 5000 });
  await waitFor(() => expect(document.activeElement!.textContent).toMatch(/工作表受保护/));
  await waitFor(() => expect(spoken.some((s) => s.includes("工作表受保护"))).toBe(true));
});

test("the chart's text alternative gives every branch's counts", async () => {
  await ready();
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(/评议完成/, {}, { timeout: 5000 });
  const chart = screen.getByRole("img", { name: "各支部等次分布" });
  const description = document.getElementById(chart.getAttribute("aria-describedby")!)!.textContent;
  expect(description!.split("\n")).toEqual(["第一党支部：合格 2，共 2 人", "第二党支部：基本合格 1，不评定 1，共 2 人", "未填支部：合格 1，共 1 人"]);
});

test("each mapping dropdown is named by the header it maps", async () => {
  await ready();
  const group = screen.getByRole("group", { name: /工作表“党员名单”/ });
  const names = within(group).getAllByRole("combobox").map((box) => box.getAttribute("aria-label"));
  expect(names.slice(0, 3)).toEqual(["“序号”对应的字段（党员名单 A 列）", "“姓名”对应的字段（党员名单 B 列）", "“所在支部”对应的字段（党员名单 C 列）"]);
  expect(names.at(-1)).toBe("“心得篇数”对应的字段（党员名单 M 列）");
});

test("in English too the outcome is announced in English", async () => {
  await ready(new FakeHost(), "en");
  fireEvent.click(screen.getByRole("button", { name: "Evaluate" }));
  await screen.findByText(/Done: 5 members/, {}, { timeout: 5000 });
  await waitFor(() => expect(spoken.some((s) => /^Done: 5 members, \d+ cells written; 2 members need action/.test(s))).toBe(true));
  expect(spoken[0]).toBe("Evaluating…");
});
