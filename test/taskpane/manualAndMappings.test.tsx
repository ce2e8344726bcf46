/** @jest-environment jsdom */
import "./dom-setup";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/hosts/memory";
import { createOfficeHost } from "../../src/hosts/office";
import { rosterInput, TODAY } from "./fixtures";

/** The pane over the Office host and an in-memory Excel, as a secretary uses it. */
function excel(): MemoryWorkbook {
  return MemoryWorkbook.fromGrids(rosterInput().sheets.map((s) => ({ name: s.name, values: s.values })));
}

async function pane(book: MemoryWorkbook) {
  render(<App host={createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported })} today={TODAY} />);
  await screen.findByText(/表头第 2 行 · 5 行数据/);
}

async function evaluate() {
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(/评议完成/, {}, { timeout: 5000 });
}

/** Column letter of a header on row 2 of the member list. */
function column(book: MemoryWorkbook, header: string): number {
  return (book.toGrids()[0].values[1] as unknown[]).indexOf(header);
}

test("a mapping corrected in the pane is saved in the workbook and used again when the pane opens next time", async () => {
  const book = excel();
  book.sheet("党员名单")!.cell(1, 4).value = "学习积分";
  await pane(book);
  fireEvent.click(screen.getByRole("combobox", { name: "“学习积分”对应的字段（党员名单 E 列）" }));
  fireEvent.click(await screen.findByRole("option", { name: "学时" }));
  await screen.findByText("已修改 1 处对应关系，评议时生效");
  await waitFor(() => expect(book.savedSettings.get("xianjiao.rules")).toMatchObject({ mappings: { 党员名单: { studyHours: 4 } } }));
  cleanup();

  await pane(book);
  await screen.findByText("已修改 1 处对应关系，评议时生效");
  await evaluate();
  // the record of the run keeps the mapping for the command line too
  const record = book.toGrids().find((g) => g.name === "评议-记录")!;
  expect(record.values.find((row) => row[0] === "列映射")![1]).toBe('{"党员名单":{"studyHours":4}}');
});

test("a grade typed over ours is listed as 人工认定 and 恢复自动评议 writes the computed one back", async () => {
  const book = excel();
  await pane(book);
  await evaluate();
  const grade = column(book, "评议等次");
  const computed = book.sheet("党员名单")!.get(2, grade)!.value;
  book.sheet("党员名单")!.cell(2, grade).value = "不合格";
  await evaluate();
  const list = await screen.findByRole("region", { name: "人工认定 1 人" });
  expect(within(list).getByText(/张伟.*评议等次改为“不合格”（原评议为/)).toBeTruthy();
  expect(book.sheet("党员名单")!.get(2, grade)!.value).toBe("不合格");

  fireEvent.click(within(list).getByRole("button", { name: "张伟：恢复自动评议" }));
  await waitFor(() => expect(book.sheet("党员名单")!.get(2, grade)!.value).toBe(computed), { timeout: 5000 });
  await waitFor(() => expect(screen.queryByRole("region", { name: /人工认定/ })).toBeNull());
});
