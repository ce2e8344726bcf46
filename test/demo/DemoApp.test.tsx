/** @jest-environment jsdom */
import "../taskpane/dom-setup";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { DemoApp } from "../../src/demo/DemoApp";
import { demoOptions } from "../../src/demo/params";
import { MemoryWorkbook } from "../../src/hosts/memory";
import { createOfficeHost } from "../../src/hosts/office";
import { RESULT_HEADERS } from "../../src/engine/plan/types";
import { rosterInput } from "../taskpane/fixtures";

function demo() {
  const input = rosterInput();
  const book = MemoryWorkbook.fromGrids([{ name: "说明", values: [["本工作簿记录第一批评议"]] }, ...input.sheets.map((s) => ({ name: s.name, values: s.values }))]);
  const host = createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported });
  const parsed = demoOptions("?pane=320", "http://127.0.0.1/demo.html");
  if (!parsed.ok) throw new Error("options");
  render(<DemoApp book={book} host={host} merges={new Map()} options={parsed.options} />);
  return book;
}

beforeEach(() => {
  delete document.body.dataset.evaluated;
});

test("after 评议 the grid shows the member list with its result columns, and the page records how long it took", async () => {
  demo();
  expect(screen.getByRole("tab", { name: "说明" }).getAttribute("aria-selected")).toBe("true");
  expect(screen.getByTestId("pane").style.width).toBe("320px");
  await screen.findByText(/表头第 2 行 · 5 行数据/);
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await waitFor(() => expect(document.body.dataset.evaluated).toBeDefined(), { timeout: 10_000 });
  expect(Number(document.body.dataset.evaluated)).toBeGreaterThanOrEqual(0);
  expect(screen.getByRole("tab", { name: "党员名单" }).getAttribute("aria-selected")).toBe("true");
  const headers = [...document.querySelectorAll("td[data-cell]")].filter((td) => (RESULT_HEADERS as readonly string[]).includes(td.textContent ?? ""));
  expect(headers.map((td) => td.getAttribute("data-cell"))).toContain("N2");
  // the recognised header row (row 2) and the title above it are frozen
  expect(screen.getByTestId("grid").dataset.frozen).toBe("2");
});

test("clicking a data issue switches the grid to its sheet and outlines the cell", async () => {
  demo();
  await screen.findByText(/表头第 2 行 · 5 行数据/);
  fireEvent.click(screen.getByRole("tab", { name: "说明" }));
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  const issue = await screen.findByRole("button", { name: /党员名单!E7/ }, { timeout: 10_000 });
  fireEvent.click(screen.getByRole("tab", { name: "说明" }));
  fireEvent.click(issue);
  await waitFor(() => expect(screen.getByRole("tab", { name: "党员名单" }).getAttribute("aria-selected")).toBe("true"));
  await waitFor(() => expect(document.querySelector<HTMLElement>('td[data-cell="E7"]')!.style.outline).toMatch(/solid/));
});

test("a grade typed over by hand takes the colour of what was typed: the highlight is a conditional format, not a fill", async () => {
  const book = demo();
  await screen.findByText(/表头第 2 行 · 5 行数据/);
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await waitFor(() => expect(document.body.dataset.evaluated).toBeDefined(), { timeout: 10_000 });
  const header = [...document.querySelectorAll<HTMLElement>("td[data-cell]")].find((td) => td.textContent === "评议等次")!;
  const address = `${header.dataset.cell!.replace(/\d+$/, "")}3`; // 张伟's row
  const gradeCell = () => document.querySelector<HTMLElement>(`td[data-cell="${address}"]`)!;
  expect(gradeCell().textContent).toMatch(/^合格/);
  expect(gradeCell().dataset.highlight).toBe("green");
  fireEvent.doubleClick(gradeCell());
  const input = screen.getByRole("textbox", { name: address });
  fireEvent.change(input, { target: { value: "不合格" } });
  fireEvent.keyDown(input, { key: "Enter" });
  await waitFor(() => expect(gradeCell().textContent).toBe("不合格"));
  expect(gradeCell().dataset.highlight).toBe("red");
  expect(book.value("党员名单", address)).toBe("不合格");
  // Esc gives up, as in Excel
  fireEvent.doubleClick(gradeCell());
  fireEvent.change(screen.getByRole("textbox", { name: address }), { target: { value: "优秀" } });
  fireEvent.keyDown(screen.getByRole("textbox", { name: address }), { key: "Escape" });
  await waitFor(() => expect(screen.queryByRole("textbox", { name: address })).toBeNull());
  expect(book.value("党员名单", address)).toBe("不合格");
});

test("a cell opened for typing and left unchanged keeps its value: a rounded number is not written back as shown", async () => {
  const book = MemoryWorkbook.fromGrids([{ name: "党员名单", values: [["姓名", "平均满意度"], ["张伟", 97.8125]], numberFormats: [[null, null], [null, "0.0"]] }]);
  const host = createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported });
  const parsed = demoOptions("", "http://127.0.0.1/demo.html");
  if (!parsed.ok) throw new Error("options");
  render(<DemoApp book={book} host={host} merges={new Map()} options={parsed.options} />);
  const cell = document.querySelector<HTMLElement>('td[data-cell="B2"]')!;
  expect(cell.textContent).toBe("97.8");
  fireEvent.doubleClick(cell);
  fireEvent.blur(screen.getByRole("textbox", { name: "B2" }));
  expect(screen.queryByRole("textbox", { name: "B2" })).toBeNull();
  await act(() => new Promise((resolve) => setTimeout(resolve, 50))); // a write would have landed by now
  expect(book.value("党员名单", "B2")).toBe(97.8125);
});

test("a sheet tab double-clicked is renamed as in Excel: Enter renames it, a name Excel refuses or Esc leaves it as it was", async () => {
  const book = demo();
  await screen.findByText(/表头第 2 行 · 5 行数据/);
  fireEvent.doubleClick(screen.getByRole("tab", { name: "说明" }));
  const box = screen.getByRole("textbox", { name: "工作表“说明”的新名称" });
  fireEvent.change(box, { target: { value: "批次说明" } });
  fireEvent.keyDown(box, { key: "Enter" });
  await screen.findByRole("tab", { name: "批次说明", selected: true });
  expect(book.sheets.map((s) => s.name)).toEqual(["批次说明", "党员名单"]);
  // a name another sheet has: Excel says no, the tab keeps its name; Esc gives up
  fireEvent.doubleClick(screen.getByRole("tab", { name: "批次说明" }));
  const taken = screen.getByRole("textbox", { name: "工作表“批次说明”的新名称" });
  fireEvent.change(taken, { target: { value: "党员名单" } });
  fireEvent.keyDown(taken, { key: "Enter" });
  fireEvent.doubleClick(screen.getByRole("tab", { name: "党员名单" }));
  fireEvent.keyDown(screen.getByRole("textbox", { name: "工作表“党员名单”的新名称" }), { key: "Escape" });
  // a rename after them, once it shows, comes after the refused one has settled
  fireEvent.doubleClick(screen.getByRole("tab", { name: "批次说明" }));
  const back = screen.getByRole("textbox", { name: "工作表“批次说明”的新名称" });
  fireEvent.change(back, { target: { value: "说明" } });
  fireEvent.keyDown(back, { key: "Enter" });
  await screen.findByRole("tab", { name: "说明" });
  expect(book.sheets.map((s) => s.name)).toEqual(["说明", "党员名单"]);
  expect(screen.getAllByRole("tab").map((tab) => tab.textContent)).toEqual(["说明", "党员名单"]);
});
