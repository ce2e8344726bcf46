/** @jest-environment jsdom */
import "./dom-setup";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/hosts/memory";
import { createOfficeHost } from "../../src/hosts/office";
import { rosterInput, TODAY } from "./fixtures";

/**
 * The pane over the real Office host and an in-memory Excel that fails as Excel does: every
 * failure reaches the pane as a sentence saying what to do, never an English code or nothing.
 */
function excel(): MemoryWorkbook {
  return MemoryWorkbook.fromGrids(rosterInput().sheets.map((s) => ({ name: s.name, values: s.values })));
}

async function pane(book: MemoryWorkbook) {
  render(<App host={createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported })} today={TODAY} />);
  await screen.findByText(/表头第 2 行 · 5 行数据/);
}

const evaluateButton = () => screen.getByRole("button", { name: "评议" });

test("cell-edit mode: 评议 says to press Enter or Esc, and nothing is written", async () => {
  const book = excel();
  await pane(book);
  book.cellEditMode = true;
  fireEvent.click(evaluateButton());
  await screen.findByText("Excel 正在编辑单元格，请按 Enter 或 Esc 结束编辑后再点评议", {}, { timeout: 5000 });
  expect(book.value("党员名单", "N2")).toBeNull();
});

test("a protected member list is named, with where to unprotect it", async () => {
  const book = excel();
  await pane(book);
  book.protect("党员名单");
  fireEvent.click(evaluateButton());
  await screen.findByText(/工作表“党员名单”受保护，请先撤销保护（审阅 → 撤消工作表保护）后再点评议/, {}, { timeout: 5000 });
});

test("a request Excel finds too large even in parts gets its own sentence", async () => {
  const book = excel();
  await pane(book);
  book.payloadLimit = 200;
  fireEvent.click(evaluateButton());
  await screen.findByText(/要写入或读取的数据太多，Excel 拒绝了请求/, {}, { timeout: 5000 });
});

test("a write that fails half-way says which sheet already has result columns and that 评议 replaces them", async () => {
  const book = excel();
  await pane(book);
  book.payloadLimit = 12_000; // the host then writes in several syncs: 2 to read, 5 to write
  book.failAt({ sync: 6, error: { code: "GeneralException", message: "An internal error has occurred." } });
  fireEvent.click(evaluateButton());
  const message = await screen.findByText(/Excel 处理请求时出错/, {}, { timeout: 5000 });
  expect(book.value("党员名单", "N2")).toBe("学习情况");
  expect(message.textContent).toMatch(/“党员名单”已写入了一部分结果列；处理好后再点评议，这些列会整体替换，不会重复/);
});

test("an issue Excel cannot go to while a cell is being edited says so at the list", async () => {
  const book = excel();
  await pane(book);
  fireEvent.click(evaluateButton());
  const list = await screen.findByRole("list", { name: /数据问题/ }, { timeout: 5000 });
  book.cellEditMode = true;
  fireEvent.click(within(list).getByRole("button", { name: /党员名单!E7/ }));
  await screen.findByText("没能跳到 党员名单!E7：Excel 正在编辑单元格，请按 Enter 或 Esc 结束编辑后再点这条问题");
  book.cellEditMode = false;
  fireEvent.click(within(list).getByRole("button", { name: /党员名单!E7/ }));
  await screen.findByRole("button", { name: /党员名单!E7/ });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(screen.queryByText(/没能跳到/)).toBeNull();
  expect(book.selection).toMatchObject({ sheet: "党员名单" });
});
