/** @jest-environment jsdom */
import "./dom-setup";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { createMemoryHost, MemoryWorkbook } from "../../src/hosts/memory";
import { createOfficeHost } from "../../src/hosts/office";
import { rosterInput, TODAY } from "./fixtures";

/**
 * The pane over the real Office host and an in-memory Excel that fails as Excel does: every
 * failure reaches the pane as a sentence saying what to do, never an English code or nothing.
 */
function excel(): MemoryWorkbook {
  return MemoryWorkbook.fromGrids(rosterInput().sheets.map((s) => ({ name: s.name, values: s.values })));
}

/** The pane over an Excel whose syncs fail during a cell edit (the default Excel.run), or (`waits`) are held. */
async function pane(book: MemoryWorkbook, waits = false) {
  const host = waits ? createMemoryHost(book) : createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported });
  render(<App host={host} today={TODAY} />);
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

test("a cell edit holds the run: after a few seconds the pane says to press Enter or Esc, and the review carries on when the edit ends", async () => {
  const book = excel();
  await pane(book, true);
  book.cellEditMode = true;
  fireEvent.click(evaluateButton());
  const hint = await screen.findByText(/请先按 Enter 或 Esc 结束单元格编辑/, {}, { timeout: 5000 });
  expect(hint.textContent).toBe("Excel 暂时没有响应：如果有单元格正在编辑，请先按 Enter 或 Esc 结束单元格编辑，评议随即继续");
  expect(book.syncsWaitingForEdit).toBe(1);
  expect(book.value("党员名单", "N2")).toBeNull();
  book.cellEditMode = false;
  await screen.findByText(/评议完成：5 名党员/, {}, { timeout: 5000 });
  expect(screen.queryByText(/请先按 Enter 或 Esc/)).toBeNull();
  expect(book.value("党员名单", "N2")).toBe("学习情况");
});

test("a quick run never shows the cell-edit hint", async () => {
  const book = excel();
  await pane(book, true);
  fireEvent.click(evaluateButton());
  await screen.findByText(/评议完成/, {}, { timeout: 5000 });
  await new Promise((resolve) => setTimeout(resolve, 3200));
  expect(screen.queryByText(/请先按 Enter 或 Esc/)).toBeNull();
});

test("a workbook with a protected structure is said plainly, and nothing is written", async () => {
  const book = excel();
  await pane(book, true);
  book.structureProtected = true;
  fireEvent.click(evaluateButton());
  await screen.findByText(/^工作簿的结构受保护（不能添加、删除或重命名工作表），评议无法建立汇总表，工作簿没有改动/, {}, { timeout: 5000 });
  expect(book.value("党员名单", "N2")).toBeNull();
});

test("saved settings are in the workbook until the file is saved; a failed save says so", async () => {
  const book = excel();
  await pane(book, true);
  fireEvent.change(screen.getByLabelText("单位名称"), { target: { value: "县财政局机关党委" } });
  book.settingsSaveError = { code: 5001, name: "Internal Error", message: "An internal error has occurred." };
  fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
  await screen.findByText(/^设置没能保存到工作簿（An internal error has occurred.），仍按原来的设置评议/);
  book.settingsSaveError = null;
  fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
  await screen.findByText("设置已保存到工作簿（请保存文件），下次评议生效");
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
  book.payloadLimit = 12_000; // the host then writes in several syncs: the 8th comes after the result columns
  book.failAt({ sync: 8, error: { code: "GeneralException", message: "An internal error has occurred." } });
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
