/** @jest-environment jsdom */
import "../taskpane/dom-setup";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { DemoApp } from "../../src/demo/DemoApp";
import { demoOptions } from "../../src/demo/params";
import { MemoryWorkbook } from "../../src/hosts/memory";
import { createOfficeHost } from "../../src/hosts/office";
import { RESULT_HEADER_MARK } from "../../src/engine/plan/types";
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
  const headers = [...document.querySelectorAll("td[data-cell]")].filter((td) => td.textContent?.startsWith(RESULT_HEADER_MARK));
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
