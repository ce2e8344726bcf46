/** @jest-environment jsdom */
import "./dom-setup";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { WorkbookInput } from "../../src/engine/types";
import { FakeHost, rosterInput, TODAY } from "./fixtures";

/** The roster with its hours column headed 学时要求: a word the reader does not take for hours. */
function rosterWithRequirement(): WorkbookInput {
  const input = rosterInput();
  input.sheets[0].values[1][4] = "学时要求";
  return input;
}

async function evaluate(done: RegExp) {
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(done, {}, { timeout: 5000 });
}

const ruleOff = (rule: string) => within(screen.getByRole("list", { name: "未启用的规则（缺少相应的列）：" })).getAllByRole("listitem").find((item) => item.dataset.rule === rule);

test("a rule switched off names the header to rename or map, and mapping it in step 1 switches the rule back on", async () => {
  render(<App host={new FakeHost(rosterWithRequirement())} today={TODAY} />);
  await screen.findByText(/表头第 2 行 · 5 行数据/);
  // the recognition step already says what the header may be
  expect(screen.getByTitle("E 学时要求").textContent).toBe("E 学时要求（未识别，可能是“学时”）");

  await evaluate(/评议完成：5 名党员/);
  expect(ruleOff("R1")!.textContent).toBe(
    "R1 学时：没有识别到“学时”列，表头“学时要求”（党员名单!E2）可能就是这一列：请把表头改为“学时”，或在上面“1. 识别结果”的列对应中把它对应到“学时”",
  );

  fireEvent.click(screen.getByRole("combobox", { name: "“学时要求”对应的字段（党员名单 E 列）" }));
  fireEvent.click(await screen.findByRole("option", { name: "学时" }));
  await screen.findByText("已修改 1 处对应关系，评议时生效");
  expect(screen.getByTitle("E 学时要求").textContent).toBe("E 学时要求");
  await evaluate(/评议完成：5 名党员/);
  expect(ruleOff("R1")).toBeUndefined();
  expect(ruleOff("R16")).toBeTruthy();
});

test("a list of 入党积极分子 is shown as such and not evaluated; alone, it is said plainly", async () => {
  const input = rosterInput();
  input.sheets.push({ name: "积极分子", values: [["第一党支部入党积极分子名单"], ["姓名", "所在支部"], ["陈晨", "第一党支部"]] });
  const { unmount } = render(<App host={new FakeHost(input)} today={TODAY} />);
  await screen.findByText(/表头第 2 行 · 5 行数据/);
  const line = document.querySelector('li[data-sheet="积极分子"]')!;
  expect(line.textContent).toBe("积极分子 入党积极分子、发展对象或群众的名单（“第一党支部入党积极分子名单”），不按党员评议");
  unmount();

  const alone: WorkbookInput = { sheets: [input.sheets[1]] };
  render(<App host={new FakeHost(alone)} today={TODAY} />);
  await screen.findByText(/没有识别到党员名单表：“积极分子”是入党积极分子、发展对象或群众的名单，不按党员评议/);
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(/没有找到党员名单，未评议，工作簿没有改动：“积极分子”是入党积极分子、发展对象或群众的名单/, {}, { timeout: 5000 });
});
