/** @jest-environment jsdom */
import "./dom-setup";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { WorkbookInput } from "../../src/engine/types";
import { FakeHost, rosterInput, TODAY } from "./fixtures";

/** The roster without 心得篇数: every header but 序号 names a field. */
function tidyRoster(): WorkbookInput {
  const input = rosterInput();
  input.sheets[0].values = input.sheets[0].values.map((row) => row.slice(0, 12));
  return input;
}

async function renderPane(input: WorkbookInput) {
  render(<App host={new FakeHost(input)} today={TODAY} />);
  await screen.findByText(/表头第 2 行 · 5 行数据/);
}

const toggle = () => screen.getByRole("button", { name: /列对应/ });

test("when every header was recognised the mapping editor starts folded, one line per table, and opens on demand", async () => {
  await renderPane(tidyRoster());
  expect(screen.getByText(/表头第 2 行 · 5 行数据 · 11 列已对应/)).toBeTruthy();
  expect(screen.getByText(/各表需要的列都已识别/)).toBeTruthy();
  expect(toggle().getAttribute("aria-expanded")).toBe("false");
  expect(screen.queryAllByRole("combobox")).toHaveLength(0);

  fireEvent.click(toggle());
  expect(toggle().getAttribute("aria-expanded")).toBe("true");
  const group = screen.getByRole("group", { name: /工作表“党员名单”：表头在第 2 行，5 行数据/ });
  // one dropdown per header cell, 序号 included (as "not used", without a warning)
  expect(within(group).getAllByRole("combobox")).toHaveLength(12);
  expect((screen.getByRole("combobox", { name: "“序号”对应的字段（党员名单 A 列）" }) as HTMLButtonElement).textContent).toBe("不使用");
  expect(within(group).queryByText(/未识别/)).toBeNull();

  fireEvent.click(toggle());
  expect(screen.queryAllByRole("combobox")).toHaveLength(0);
});

test("an unrecognised header opens the editor, says how many columns need a look and marks the header", async () => {
  const input = tidyRoster();
  input.sheets[0].values[1][4] = "学习积分";
  await renderPane(input);
  expect(screen.getByText("有 1 列未识别，请检查下面的对应关系")).toBeTruthy();
  expect(toggle().getAttribute("aria-expanded")).toBe("true");
  const header = screen.getByTitle("E 学习积分");
  expect(header.textContent).toContain("未识别");
  expect(screen.getByRole("combobox", { name: "“学习积分”对应的字段（党员名单 E 列）" }).textContent).toBe("不使用");

  // mapping it by hand settles the warning, and the editor stays open as the user left it
  fireEvent.click(screen.getByRole("combobox", { name: "“学习积分”对应的字段（党员名单 E 列）" }));
  fireEvent.click(await screen.findByRole("option", { name: "学时" }));
  await screen.findByText("已修改 1 处对应关系，评议时生效");
  expect(screen.getByText(/各表需要的列都已识别/)).toBeTruthy();
  expect(screen.getByTitle("E 学习积分").textContent).not.toContain("未识别");
  expect(toggle().getAttribute("aria-expanded")).toBe("true");
});
