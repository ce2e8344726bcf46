/** @jest-environment jsdom */
import "../taskpane/dom-setup";
import { render, screen } from "@testing-library/react";
import { GridView } from "../../src/demo/GridView";
import { DEFAULT_COLUMN_PX, FILLER_COLUMNS, ROW_NUMBER_WIDTH } from "../../src/demo/gridLayout";
import { MemoryWorkbook } from "../../src/hosts/memory";
import { widthPoints } from "../../src/hosts/office/text";

const TITLE = "XX县直机关先进性教育活动党员评议台账（第一批，2005 年 1 月至 6 月）";

/** A roster as a secretary lays it out: merged title, a note in A2, headers on row 3, narrow 序号 column. */
function roster(members: number): MemoryWorkbook {
  const values: unknown[][] = [
    [TITLE, null, null, null, null],
    ["填报单位：XX县直机关工委（第一批）", null, null, null, null],
    ["序号", "姓名", "所在支部", "学时（小时）", "满意度"],
  ];
  for (let i = 1; i <= members; i++) values.push([i, `党员${i}`, `第${(i % 9) + 1}党支部`, 40 + (i % 20), 90]);
  const book = MemoryWorkbook.fromGrids([{ name: "党员名单", values }, { name: "满意度测评", values: [["姓名"]] }]);
  const sheet = book.sheet("党员名单")!;
  [6, 10, 22, 12, 10].forEach((chars, c) => sheet.columnWidths.set(c, widthPoints(chars)));
  return book;
}

function renderGrid(book: MemoryWorkbook) {
  return render(
    <GridView
      book={book}
      sheet="党员名单"
      version={0}
      selected={null}
      onSheetChange={() => undefined}
      merges={[{ top: 0, left: 0, bottom: 0, right: 4 }]}
      headerRowsAbove={3}
      label="工作表“党员名单”"
    />,
  );
}

const cell = (address: string) => document.querySelector<HTMLTableCellElement>(`td[data-cell="${address}"]`);

test("columns take the workbook's widths; the merged title spans the table instead of widening column A", () => {
  renderGrid(roster(20));
  const cols = [...document.querySelectorAll("colgroup col")].map((col) => (col as HTMLElement).style.width);
  expect(cols.slice(0, 6)).toEqual([`${ROW_NUMBER_WIDTH}px`, "47px", "75px", "159px", "89px", "75px"]);
  // then Excel's empty default columns, as far as the view goes
  expect(cols.length).toBeGreaterThanOrEqual(6 + FILLER_COLUMNS);
  expect(new Set(cols.slice(6))).toEqual(new Set([`${DEFAULT_COLUMN_PX}px`]));
  expect(cell("A1")!.colSpan).toBe(5);
  expect(cell("A1")!.textContent).toBe(TITLE);
  expect(cell("B1")).toBeNull();
  // an unmerged note runs on over the empty cells to its right, as in Excel
  expect(cell("A2")!.colSpan).toBeGreaterThan(1);
  expect(cell("A3")!.colSpan).toBe(1);
});

test("the header row and the rows above it are frozen, and column A stays in view", () => {
  renderGrid(roster(20));
  const head = document.querySelector("thead")!;
  expect([...head.querySelectorAll("tr")].map((tr) => tr.getAttribute("data-row"))).toEqual([null, "1", "2", "3"]);
  expect(cell("B3")!.style.position).toBe("sticky");
  expect(cell("B3")!.style.top).toBe("72px");
  expect(cell("A4")!.style.position).toBe("sticky");
  expect(cell("A4")!.style.left).toBe(`${ROW_NUMBER_WIDTH}px`);
  expect(cell("B4")!.style.position).toBe("");
  expect(screen.getByTestId("grid").dataset.frozen).toBe("3");
});

test("25,000 members: only the rows in view are in the page, the rest is spacer", () => {
  renderGrid(roster(25_000));
  const rendered = document.querySelectorAll("tbody tr[data-row]").length;
  expect(screen.getByTestId("grid").dataset.rows).toBe(String(25_003));
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(200);
  expect(cell("B4")!.textContent).toBe("党员1");
  expect(cell("B25003")).toBeNull();
  const spacer = [...document.querySelectorAll<HTMLTableRowElement>("tbody tr[aria-hidden]")].at(-1)!;
  expect(parseInt(spacer.style.height, 10)).toBeGreaterThan(24 * 24_000);
});

test("a note in the last used column runs on over the empty columns right of the used range, as in Excel", () => {
  const note = "未设批次开始日期：各阶段的起止日期和状态未定。请在规则设置中填写批次开始日期。";
  const book = MemoryWorkbook.fromGrids([{ name: "评议-阶段汇总", values: [["阶段", "已完成"], ["学习动员", 3], [null, null], [note, null]] }]);
  render(<GridView book={book} sheet="评议-阶段汇总" version={0} selected={null} onSheetChange={() => undefined} label="工作表" />);
  // the used range is A1:B4, but the note's cell spans past column B
  expect(cell("A4")!.colSpan).toBeGreaterThan(2);
  expect(cell("A4")!.textContent).toBe(note);
});
