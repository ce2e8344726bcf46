/** @jest-environment jsdom */
import "./dom-setup";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/hosts/memory";
import { createOfficeHost } from "../../src/hosts/office";
import { SHEET_NAMES } from "../../src/engine/plan/types";
import { FakeHost, rosterInput, TODAY } from "./fixtures";

async function evaluated(host: FakeHost) {
  render(<App host={host} today={TODAY} />);
  await screen.findByText(/表头第 2 行 · 5 行数据/);
  await evaluate();
}

async function evaluate() {
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(/评议完成：5 名党员/, {}, { timeout: 5000 });
}

/** 李娜's 学习情况 in the last plan applied (row 4 of the sheet). */
function liNaStudy(host: FakeHost): string {
  const block = host.applied.at(-1)!.resultBlocks[0];
  return block.rows[3 - block.headerRow - 1][block.headers.indexOf("学习情况")];
}

const evaluateButton = () => screen.getByRole("button", { name: "评议" });

test("settings typed but not saved: 评议 waits and says why; 撤销修改 puts the saved ones back", async () => {
  const host = new FakeHost();
  await evaluated(host);
  fireEvent.change(screen.getByLabelText("学时（不少于）"), { target: { value: "40" } });
  expect(screen.getByText(/^设置尚未保存：/)).toBeTruthy();
  expect(screen.getByText("有修改尚未保存")).toBeTruthy();
  expect(evaluateButton().getAttribute("aria-disabled")).toBe("true");
  expect(evaluateButton().getAttribute("aria-describedby")).toBe("evaluate-unsaved");
  // a click starts nothing: the workbook is not even read (a run reads it before anything else)
  const reads = host.reads;
  fireEvent.click(evaluateButton());
  expect(host.reads).toBe(reads);
  expect(screen.queryByRole("progressbar")).toBeNull();

  // “转到规则设置” takes the focus to the form
  fireEvent.click(screen.getByRole("button", { name: "转到规则设置" }));
  expect(document.activeElement).toBe(screen.getByLabelText("学时（不少于）"));

  fireEvent.click(screen.getByRole("button", { name: "撤销修改" }));
  expect((screen.getByLabelText("学时（不少于）") as HTMLInputElement).value).toBe("50");
  expect(screen.queryByText(/设置尚未保存/)).toBeNull();
  expect(evaluateButton().getAttribute("aria-disabled")).toBeNull();
  // the same number written differently is no change
  fireEvent.change(screen.getByLabelText("学时（不少于）"), { target: { value: "50.0" } });
  expect(screen.queryByText(/设置尚未保存/)).toBeNull();
});

test("settings saved after a run: the results say 设置已更改，请重新评议 and export warns, until 评议 runs again with them", async () => {
  const host = new FakeHost();
  await evaluated(host);
  expect(liNaStudy(host)).toMatch(/^未达标/); // 46 学时 < 50
  expect(screen.queryByTestId("stale")).toBeNull();
  expect(screen.getByRole("button", { name: "导出汇总工作簿" })).toBeTruthy();

  fireEvent.change(screen.getByLabelText("学时（不少于）"), { target: { value: "40" } });
  fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
  await screen.findByText(/设置已保存到工作簿/);
  // the outcome no longer says 评议完成, the results say they are stale, export warns before using them
  expect(screen.queryByText(/评议完成/)).toBeNull();
  expect(screen.getByTestId("outcome").textContent).toBe("设置已更改，请重新评议：下面的结果是按更改前的设置得出的");
  expect(screen.getByTestId("stale").textContent).toMatch(/^设置已更改，请重新评议：/);
  expect(screen.getByTestId("export-stale").textContent).toBe("设置已更改，请重新评议后再导出：现有的结果是按更改前的设置得出的");
  expect(screen.queryByRole("button", { name: "导出汇总工作簿" })).toBeNull();
  expect(screen.getByRole("button", { name: "仍按上次结果导出" })).toBeTruthy();

  // 重新评议 from the notice runs with the saved settings
  fireEvent.click(within(screen.getByTestId("stale")).getByRole("button", { name: "重新评议" }));
  await screen.findByText(/评议完成：5 名党员/, {}, { timeout: 5000 });
  expect(host.applied).toHaveLength(2);
  expect(liNaStudy(host)).toBe("达标");
  expect(screen.queryByTestId("stale")).toBeNull();
  expect(screen.queryByTestId("export-stale")).toBeNull();
});

test("a mapping changed after a run makes the results stale; changed back, they are current again", async () => {
  const input = rosterInput();
  input.sheets[0].values[1][4] = "学习积分";
  const host = new FakeHost(input);
  await evaluated(host);
  fireEvent.click(screen.getByRole("combobox", { name: "“学习积分”对应的字段（党员名单 E 列）" }));
  fireEvent.click(await screen.findByRole("option", { name: "学时" }));
  await screen.findByText("已修改 1 处对应关系，评议时生效");
  expect(screen.getByTestId("stale")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "恢复自动识别" }));
  await waitFor(() => expect(screen.queryByTestId("stale")).toBeNull());
  expect(screen.getByText(/评议完成：5 名党员/)).toBeTruthy();
});

test("a result sheet of ours the user renamed is said at the top of the results, not only in the issues", async () => {
  const book = MemoryWorkbook.fromGrids(rosterInput().sheets.map((s) => ({ name: s.name, values: s.values })));
  render(<App host={createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported })} today={TODAY} />);
  await screen.findByText(/表头第 2 行 · 5 行数据/);
  await evaluate();
  expect(screen.queryByTestId("sheet-notices")).toBeNull();
  book.sheet(SHEET_NAMES.issues)!.name = "问题清单";
  fireEvent.click(evaluateButton());
  const notices = await screen.findByTestId("sheet-notices", {}, { timeout: 5000 });
  expect(within(notices).getAllByRole("listitem").map((li) => li.textContent)).toEqual([`工作表“问题清单”是上次评议的结果，数据已过期；本次结果见“${SHEET_NAMES.issues}”`]);
  // above the 需要处理 list and the counts
  expect(notices.compareDocumentPosition(screen.getByTestId("todo")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
});
